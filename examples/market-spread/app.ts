/**
 * market-spread: accepts or rejects each order against the latest quote (NBBO) of its symbol.
 *
 * Inputs (JSON lines, `ts` integer ns since the epoch, kept exact as bigint):
 *   quotes: {"ts","symbol","bid","offer","bidSize","offerSize"}
 *   orders: {"ts","orderId","clientId","symbol","side","qty","price"}
 * Sink `decisions`: one JSON object per order.
 *
 * An order is rejected when its symbol has no quote yet, or offer − bid ≥ 0.05, or
 * (offer − bid) / mid ≥ 5% (mid = (bid + offer) / 2); otherwise accepted. Prices are turned
 * into integer micro-units from their shortest decimal form, so both thresholds are compared
 * exactly (no floating-point rounding at the boundary). Each decision carries the clock
 * reading (ctx.now(), recorded) and the quote it was made on, with that quote's sequence number.
 */
import { codecs, defineApp, keyed } from "../../src/index.js";

/** Absolute spread limit, in dollars (a decimal string: exact). */
const MAX_SPREAD = "0.05";
/** Relative spread limit, in percent of mid. */
const MAX_SPREAD_PCT = 5;

export interface Quote {
  ts: bigint | number;
  symbol: string;
  bid: number;
  offer: number;
  bidSize?: number;
  offerSize?: number;
}

export interface Order {
  ts: bigint | number;
  orderId: string;
  clientId: string;
  symbol: string;
  side: string;
  qty: number;
  price: number;
}

/** The latest quote of a symbol (keyed state). */
interface QuoteState {
  /** micro-dollars */
  bid: number;
  offer: number;
  ts: bigint;
  seq: number;
}

/** Prices are held as integer micro-dollars (safe integers: exact up to $9 billion). */
const MICROS = 1_000_000;

/**
 * A decimal price as integer micro-units, exactly. A JSON number with at most 6 decimals
 * parses to the double nearest to it; scaling and rounding recovers the decimal exactly, and
 * the round trip check rejects prices with more decimals than micro-units can hold.
 */
export function toMicros(x: number | string, what: string): number {
  const v = typeof x === "string" ? Number(x) : x;
  if (typeof v !== "number" || !Number.isFinite(v) || (typeof x === "string" && !/^-?\d+(\.\d+)?$/.test(x)))
    throw new TypeError(`${what} ${JSON.stringify(x)} is not a decimal price`);
  const m = Math.round(v * MICROS);
  if (!Number.isSafeInteger(m) || m / MICROS !== v)
    throw new TypeError(`${what} ${v} is out of range or has more than 6 decimals`);
  return m;
}

/** Micro-units back to a plain decimal string ("0.05", "189.2"). Exact: integer arithmetic only. */
export function fromMicros(v: number): string {
  const neg = v < 0;
  const a = neg ? -v : v;
  const whole = Math.floor(a / MICROS);
  const frac = String(a - whole * MICROS)
    .padStart(6, "0")
    .replace(/0+$/, "");
  return `${neg ? "-" : ""}${whole}${frac ? `.${frac}` : ""}`;
}

const MAX_SPREAD_MICROS = toMicros(MAX_SPREAD, "MAX_SPREAD");

export type Verdict = { decision: "accept" | "reject"; reason: string };

/** The rule, on exact integers (all products stay below 2^53 for prices under $20 million). */
export function judge(q: { bid: number; offer: number } | undefined): Verdict {
  if (q === undefined) return { decision: "reject", reason: "no-quote" };
  const spread = q.offer - q.bid;
  if (spread >= MAX_SPREAD_MICROS) return { decision: "reject", reason: "spread-abs" };
  // (offer − bid) / mid ≥ pct/100  ⇔  200·spread ≥ pct·(bid + offer)   (mid > 0)
  const sum = q.bid + q.offer;
  if (sum <= 0 || 200 * spread >= MAX_SPREAD_PCT * sum) return { decision: "reject", reason: "spread-pct" };
  return { decision: "accept", reason: "ok" };
}

const toBig = (ts: bigint | number): bigint => (typeof ts === "bigint" ? ts : BigInt(ts));

export default defineApp({
  name: "market-spread",
  description: "accept/reject orders against the latest quote's spread (≥ 0.05 or ≥ 5% of mid: reject)",
  inputs: { quotes: codecs.json<Quote>(), orders: codecs.json<Order>() },
  sinks: { decisions: codecs.json() },
  steps: {
    spread: keyed<Quote | Order, QuoteState>({
      from: ["quotes", "orders"],
      key: (m) => m.symbol,
      handle(m, ctx) {
        if (ctx.from === "quotes") {
          const q = m as Quote;
          ctx.state = {
            bid: toMicros(q.bid, "bid"),
            offer: toMicros(q.offer, "offer"),
            ts: toBig(q.ts),
            seq: ctx.eventSeq,
          };
          return undefined;
        }
        const o = m as Order;
        const q = ctx.state;
        const v = judge(q);
        ctx.emit("decisions", {
          ts: toBig(o.ts),
          orderId: o.orderId,
          clientId: o.clientId,
          symbol: o.symbol,
          side: o.side,
          qty: o.qty,
          price: o.price,
          decision: v.decision,
          reason: v.reason,
          decidedAt: ctx.now(),
          quote: q
            ? {
                seq: q.seq,
                ts: q.ts,
                bid: fromMicros(q.bid),
                offer: fromMicros(q.offer),
                spread: fromMicros(q.offer - q.bid),
              }
            : null,
        });
        return undefined;
      },
    }),
  },
  audit: ({ value, eventSeq, sinkSeq }) => {
    const d = value as Record<string, unknown>;
    return { orderId: d["orderId"], decision: d["decision"], reason: d["reason"], eventSeq, sinkSeq };
  },
});
