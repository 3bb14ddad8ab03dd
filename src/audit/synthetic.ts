/**
 * A deterministic synthetic source of market-spread-like audit rows, for tests and the
 * benchmark (bench/audit.ts). Internal: not part of the public API.
 */
import type { AuditIdentity, AuditRow } from "./row.js";

export const SYNTHETIC_IDENTITY: AuditIdentity = Object.freeze({
  recordingId: "rec-synthetic-0001",
  recordingManifestSha256: "0".repeat(64),
  appName: "market-spread",
  appBuildId: "sha256:" + "ab".repeat(32),
  engineVersion: "1",
  clockSource: "input:ts",
});

const SYMBOLS = ["AAPL", "MSFT", "GOOG", "AMZN", "TSLA", "NVDA", "META", "IBM"];
/** Strings that exercise CSV quoting and JSON escaping. */
const AWKWARD = [
  "",
  "plain",
  "a,b",
  'say "hi"',
  "line1\nline2",
  "cr\r\nlf",
  "ünïcødé €",
  "tab\there",
  " lead",
];

/** xorshift32: a fixed, seedable generator (tests must not depend on Math.random). */
function prng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4294967296;
  };
}

/**
 * `count` rows; one every 2 input events (quote, order). `awkward` adds fields with commas,
 * quotes, newlines and non-ASCII text to some rows.
 */
export function* syntheticRows(
  count: number,
  opts: { seed?: number; awkward?: boolean } = {},
): Generator<AuditRow> {
  const rnd = prng(opts.seed ?? 42);
  const t0 = 1_700_000_000_000_000_000n;
  for (let i = 0; i < count; i++) {
    const sym = SYMBOLS[i % SYMBOLS.length]!;
    const quoteSeq = 2 * i;
    const orderSeq = 2 * i + 1;
    const bidCents = 10_000 + Math.floor(rnd() * 5_000);
    const spreadCents = 1 + Math.floor(rnd() * 8);
    const bid = (bidCents / 100).toFixed(2);
    const offer = ((bidCents + spreadCents) / 100).toFixed(2);
    const quoteTime = t0 + BigInt(quoteSeq) * 1_000_000n;
    const orderTime = t0 + BigInt(orderSeq) * 1_000_000n;
    const reject = spreadCents >= 5;
    const decision = reject ? "reject" : "accept";
    const row: AuditRow = {
      sink: "decisions",
      sinkSeq: i,
      outputSeq: 3 * i + 2,
      output: { orderId: `o${i}`, symbol: sym, decision, quote: { bid, offer, seq: quoteSeq } },
      outputTimeNs: orderTime,
      clockNs: opts.awkward && i % 5 === 0 ? null : orderTime + 17n,
      inputSeq: orderSeq,
      inputStream: "orders",
      inputTimeNs: orderTime,
      input: {
        id: `o${i}`,
        symbol: sym,
        side: i % 2 ? "buy" : "sell",
        qty: 100 + (i % 7),
        ts: orderTime.toString(),
      },
      decision,
      reason: opts.awkward
        ? AWKWARD[i % AWKWARD.length]!
        : reject
          ? `spread ${(spreadCents / 100).toFixed(2)} >= 0.05`
          : "spread within limits",
      decisionInputs: { quote: { symbol: sym, bid, offer, timeNs: quoteTime.toString(), seq: quoteSeq } },
      lineage: { inputs: [quoteSeq, orderSeq], decisions: [3 * i + 1] },
      ...(opts.awkward ? { fields: { note: AWKWARD[i % AWKWARD.length]! } } : {}),
    };
    yield row;
  }
}
