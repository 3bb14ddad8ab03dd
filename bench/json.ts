/**
 * The JSON codec (`codecs.json()`): decoding input payloads and encoding outputs, which is most
 * of what a JSON app like market-spread spends per event outside its own logic.
 *
 *   npm run bench -- json [--events 500000] [--runs 5]
 *
 * Baseline, in the same run: the native JSON.parse / JSON.stringify on the same bytes. They are
 * not exact (a nanosecond `ts` is rounded to a multiple of 256), which is why the codec exists;
 * the ratio says what exactness costs. Decoding is also compared with the codec's decoder until
 * 2026-12-01 (bench/json/previous.ts: JSON.parse, then the rounded literals put back). Inputs: market-spread lines from the seeded generator
 * (80% quotes, 20% orders, each with a 19-digit `ts`), and larger nested documents (~800 bytes,
 * one 19-digit `ts`, 8 line items).
 */
import { marketSpreadLines, splitEvents } from "../examples/market-spread/generate.js";
import { codecs } from "../src/engine/codec.js";
import { stringifyJson } from "../src/engine/json.js";
import { previousParseJson } from "./json/previous.js";
import { benchArgs, header, printRates, timeCases } from "./lib.js";

const args = benchArgs({ events: 500_000, runs: 5 });
header("hindsight bench: the JSON codec");

const lines: Buffer[] = [];
for (const l of marketSpreadLines({ seed: 1, ...splitEvents(args.events) })) lines.push(Buffer.from(l.line));
const docs: Buffer[] = Array.from({ length: Math.max(1, Math.floor(args.events / 10)) }, (_, i) =>
  Buffer.from(
    JSON.stringify({
      ts: "TS",
      id: `ord-${i}`,
      user: { name: "Jane Q. Public", email: "jane@example.com", tags: ["a", "bb", "ccc"] },
      items: Array.from({ length: 8 }, (_, j) => ({
        sku: `SKU-${j}-${i}`,
        qty: j + 1,
        price: 19.99 + j,
        note: "some free text here, not too long",
      })),
      total: 1234.56 + i,
    }).replace('"TS"', String(1793629800000000000n + BigInt(i) * 1_000_003n)),
  ),
);

const json = codecs.json<unknown>();
let sink = 0;
const decodeAll = (bufs: readonly Buffer[]) => () => {
  for (const b of bufs) if (json.decode(b) !== null) sink++;
};
const previousAll = (bufs: readonly Buffer[]) => () => {
  for (const b of bufs) if (previousParseJson(b.toString("utf8")) !== null) sink++;
};
const nativeAll = (bufs: readonly Buffer[]) => () => {
  for (const b of bufs) if (JSON.parse(b.toString("utf8")) !== null) sink++;
};
// Encoding: the decoded values (bigint `ts`) through the codec; numbers through JSON.stringify.
const values = lines.map((b) => json.decode(b));
const rounded = lines.map((b) => JSON.parse(b.toString("utf8")) as unknown);
// market-spread's outputs: a decision per order, built as examples/market-spread/app.ts builds it.
const decisions = values.map((v, i) => {
  const o = v as {
    ts: bigint;
    symbol: string;
    orderId?: string;
    clientId?: string;
    side?: string;
    qty?: number;
    price?: number;
    bid?: number;
  };
  return {
    ts: o.ts,
    orderId: o.orderId ?? `ord-${i}`,
    clientId: o.clientId ?? "client-0042",
    symbol: o.symbol,
    side: o.side ?? "buy",
    qty: o.qty ?? 100,
    price: o.price ?? o.bid ?? 1,
    decision: i % 4 === 0 ? "reject" : "accept",
    reason: i % 4 === 0 ? "spread-pct" : "ok",
    decidedAt: o.ts + 1_000_000n,
    quote: { seq: i * 5, ts: o.ts - 7_000n, bid: "189.2", offer: "189.25", spread: "0.05" },
  };
});
const roundedDecisions = decisions.map((d) => ({
  ...d,
  ts: Number(d.ts),
  decidedAt: Number(d.decidedAt),
  quote: { ...d.quote, ts: Number(d.quote.ts) },
}));
const encodeEach = (vs: readonly unknown[]) => () => {
  for (const v of vs) sink += json.encode(v).length;
};
const viaStringEach = (vs: readonly unknown[]) => () => {
  for (const v of vs) sink += Buffer.from(stringifyJson(v), "utf8").length;
};
const nativeEach = (vs: readonly unknown[]) => () => {
  for (const v of vs) sink += Buffer.from(JSON.stringify(v), "utf8").length;
};

const run = async (title: string, count: number, cases: [string, () => void][]) => {
  const results = await timeCases(cases, args.runs);
  process.stdout.write(`\n${title}\n`);
  printRates(results, count, "docs", results[results.length - 1]!);
};
await run(`decode, ${lines.length.toLocaleString("en-US")} market-spread lines`, lines.length, [
  ["codecs.json().decode (exact)", decodeAll(lines)],
  ["the decoder until 2026-12-01 (exact)", previousAll(lines)],
  ["baseline: JSON.parse (rounds ts)", nativeAll(lines)],
]);
await run(
  `decode, ${docs.length.toLocaleString("en-US")} nested documents of ~${docs[0]!.length} bytes`,
  docs.length,
  [
    ["codecs.json().decode (exact)", decodeAll(docs)],
    ["the decoder until 2026-12-01 (exact)", previousAll(docs)],
    ["baseline: JSON.parse (rounds ts)", nativeAll(docs)],
  ],
);
await run(`encode, ${lines.length.toLocaleString("en-US")} market-spread values`, lines.length, [
  ["codecs.json().encode (exact)", encodeEach(values)],
  ["the encoder until 2026-12-01: text, then UTF-8 (exact)", viaStringEach(values)],
  ["baseline: JSON.stringify (ts as a double)", nativeEach(rounded)],
]);
await run(
  `encode, ${decisions.length.toLocaleString("en-US")} market-spread decisions (outputs)`,
  decisions.length,
  [
    ["codecs.json().encode (exact)", encodeEach(decisions)],
    ["the encoder until 2026-12-01: text, then UTF-8 (exact)", viaStringEach(decisions)],
    ["baseline: JSON.stringify (ts as a double)", nativeEach(roundedDecisions)],
  ],
);
process.stdout.write(
  `\nmedians of ${args.runs} runs after 1 warm-up, under tsx (CPU: user + system time of this process)${sink < 0 ? "" : ""}\n`,
);
