/**
 * Seeded generator of market-spread input: two JSON-lines streams, `quotes` (top of book per
 * symbol) and `orders` (client orders), each in non-decreasing `ts` order.
 *
 *   npx tsx examples/market-spread/generate.ts --seed 1 --events 1000000 --out data/
 *     writes data/quotes.jsonl and data/orders.jsonl (4 quotes per order unless --quotes/--orders)
 *
 * Lines (ts first, prices as JSON numbers with exactly two decimals, i.e. whole cents):
 *   {"ts":1793629800000154321,"symbol":"AAPL","bid":189.23,"offer":189.25,"bidSize":300,"offerSize":500}
 *   {"ts":1793629800000371002,"orderId":"ORD00000001","clientId":"C0042","symbol":"AAPL","side":"buy","qty":100,"price":189.24}
 *
 * `ts` is integer nanoseconds since the epoch (> 2^53): read it exactly, never through a double.
 * What the data contains, so the app's rules are all exercised (see examples/README.md):
 * - ≥ 500 symbols (default 600): well-known tickers first and busiest (Zipf-like activity);
 *   about 3% are sub-dollar "penny" listings, where a 2-cent spread is already ≥ 5% of mid.
 * - mid prices follow a random walk in whole cents; spreads are mostly 1–3 cents, and a
 *   fraction (`wideRate`, default 3%) are wide: 5–25 cents, or for sub-dollar symbols 5–8%
 *   of mid. Spreads of exactly 5 cents and exactly 5% of mid occur, to pin the ≥ boundary.
 * - orders come from many clients (default 250, Zipf-like), on random symbols, with limit
 *   prices near the current mid; some arrive before their symbol's first quote (cold symbols
 *   at the open, and ~2% of symbols that only start quoting later in the session).
 * - both streams are bursty (calm/burst regimes), quotes about 4× as often as orders, and
 *   timestamps may repeat within a stream (same-nanosecond updates in a burst).
 */
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { LineWriter } from "../../src/examples-data/line-writer.js";
import { Prng, type Seed, WeightedPicker } from "../../src/examples-data/prng.js";
import { tickers } from "../../src/examples-data/tickers.js";
import { DEFAULT_START_NS, parseStartNs, Timeline } from "../../src/examples-data/time.js";

export interface MarketSpreadOptions {
  /** Seed of the data set: same seed and options, same bytes. Defaults to 1. */
  seed: Seed;
  /** Number of quote lines. Defaults to 800 000. */
  quotes: number;
  /** Number of order lines. Defaults to 200 000. */
  orders: number;
  /** Number of symbols (≥ 1). Defaults to 600. */
  symbols: number;
  /** Number of clients (≥ 1). Defaults to 250. */
  clients: number;
  /** Time of the session start, epoch nanoseconds. Defaults to 2026-11-02T14:30:00Z. */
  startNs: bigint;
  /** Fraction of quotes with a wide spread (≥ 5 cents or ≥ 5% of mid). Defaults to 0.03. */
  wideRate: number;
}

export const defaultMarketSpreadOptions: Readonly<MarketSpreadOptions> = Object.freeze({
  seed: 1,
  quotes: 800_000,
  orders: 200_000,
  symbols: 600,
  clients: 250,
  startNs: DEFAULT_START_NS,
  wideRate: 0.03,
});

/** Splits a total event count 4:1 between quotes and orders. */
export function splitEvents(events: number): { quotes: number; orders: number } {
  const orders = Math.round(events / 5);
  return { quotes: events - orders, orders };
}

export type MarketStream = "quotes" | "orders";

export interface MarketLine {
  readonly stream: MarketStream;
  /** The line, without its newline. */
  readonly line: string;
}

function resolveOptions(options: Partial<MarketSpreadOptions>): MarketSpreadOptions {
  const o = { ...defaultMarketSpreadOptions, ...options };
  for (const k of ["quotes", "orders"] as const) {
    if (!Number.isSafeInteger(o[k]) || o[k] < 0) throw new RangeError(`${k} must be a non-negative integer`);
  }
  for (const k of ["symbols", "clients"] as const) {
    if (!Number.isSafeInteger(o[k]) || o[k] < 1) throw new RangeError(`${k} must be a positive integer`);
  }
  if (!(o.wideRate >= 0 && o.wideRate <= 1)) throw new RangeError("wideRate must be in [0, 1]");
  return o;
}

const CENT_SUFFIX = Array.from({ length: 100 }, (_, r) => `.${r < 10 ? "0" : ""}${r}`);

/** Whole cents → "189.20" (always two decimals). */
function cents(c: number): string {
  const r = c % 100;
  return (c - r) / 100 + CENT_SUFFIX[r]!;
}

/** "ORD" and the order number, at least 8 digits. */
function orderId(n: number): string {
  return n < 1e8 ? `ORD${String(1e8 + n).slice(1)}` : `ORD${n}`;
}

/** A bursty arrival process: calm and burst regimes with different mean gaps. */
class Arrivals {
  private burst = false;
  private left: number;
  constructor(
    private readonly rng: Prng,
    private readonly calmGapNs: number,
    private readonly burstGapNs: number,
    private readonly calmLen: number,
    private readonly burstLen: number,
    private readonly tieRate: number,
  ) {
    this.left = Math.max(1, Math.round(rng.exp(calmLen)));
  }
  /** Nanoseconds until the next event (a whole number ≥ 0). */
  next(): number {
    if (--this.left <= 0) {
      this.burst = !this.burst;
      this.left = Math.max(1, Math.round(this.rng.exp(this.burst ? this.burstLen : this.calmLen)));
    }
    if (this.burst && this.rng.chance(this.tieRate)) return 0;
    return 1 + Math.floor(this.rng.exp(this.burst ? this.burstGapNs : this.calmGapNs));
  }
}

/**
 * The data set's lines in time order across both streams (ties: quotes first). Each stream on
 * its own is the content of its file. Streams its output: memory does not grow with the count.
 */
export function* marketSpreadLines(options: Partial<MarketSpreadOptions> = {}): Generator<MarketLine> {
  const sim = new MarketSpreadSim(options);
  for (let stream = sim.next(); stream !== undefined; stream = sim.next()) yield { stream, line: sim.line };
}

/**
 * The simulation behind the generator, one line per `next()` without allocating an object per
 * line (the writer's hot loop uses it directly).
 */
export class MarketSpreadSim {
  /** The last line produced by `next()`. */
  line = "";
  private readonly step: () => MarketStream | undefined;

  constructor(options: Partial<MarketSpreadOptions> = {}) {
    this.step = this.build(resolveOptions(options));
  }

  /** Produces the next line into `line` and returns its stream, or undefined at the end. */
  next(): MarketStream | undefined {
    return this.step();
  }

  private build(o: MarketSpreadOptions): () => MarketStream | undefined {
    const rng = new Prng(o.seed);
    const symbols = tickers(o.symbols);
    const nSym = symbols.length;

    // Per-symbol state, in whole cents. Activity is Zipf-like by universe rank.
    const mid = new Float64Array(nSym); // may be fractional while walking; quoted as whole cents
    const vol = new Float64Array(nSym);
    const floor = new Float64Array(nSym);
    const weights = new Float64Array(nSym);
    const listedAfterQuote = new Float64Array(nSym); // quote index at which the symbol starts quoting
    const lastBid = new Int32Array(nSym);
    const lastOffer = new Int32Array(nSym);
    const quoted = new Uint8Array(nSym);
    for (let i = 0; i < nSym; i++) {
      const penny = i >= 20 && rng.chance(0.03);
      // Log-uniform prices: $5–$500 for most, $0.15–$0.95 for penny listings.
      const price = penny ? 15 + rng.int(0, 80) : Math.round(500 * 100 ** rng.float());
      mid[i] = price;
      floor[i] = penny ? 5 : 100;
      vol[i] = Math.max(0.5, price * 0.0004);
      weights[i] = 1 / (i + 4) ** 0.9;
      listedAfterQuote[i] =
        i >= 20 && rng.chance(0.02) ? Math.floor(o.quotes * (0.2 + 0.5 * rng.float())) : 0;
    }
    const symbolPicker = new WeightedPicker(weights);
    const clientWeights = new Float64Array(o.clients);
    for (let i = 0; i < o.clients; i++) clientWeights[i] = 1 / (i + 2) ** 0.8;
    const clientPicker = new WeightedPicker(clientWeights);
    // Constant pieces of lines, built once (string building is most of the generator's cost).
    const clientPart = Array.from(
      { length: o.clients },
      (_, i) => `","clientId":"C${String(i + 1).padStart(4, "0")}`,
    );
    const quoteSymbolPart = symbols.map((sym) => `,"symbol":"${sym}","bid":`);
    const orderSymbolPart = symbols.map((sym) => `","symbol":"${sym}","side":"`);

    // Quotes: ~6 k/s on average with bursts 20× faster; orders at a quarter of the quote rate.
    const quoteArrivals = new Arrivals(rng, 200_000, 10_000, 800, 200, 0.05);
    const meanQuoteGap = (800 * 200_000 + 200 * 10_000) / 1000;
    const ratio = o.orders > 0 ? o.quotes / o.orders : 1;
    const orderGap = meanQuoteGap * Math.max(1, ratio);
    const orderArrivals = new Arrivals(rng, orderGap * 1.25, orderGap * 0.25, 300, 60, 0.02);

    const quoteTime = new Timeline(o.startNs);
    const orderTime = new Timeline(o.startNs);
    quoteTime.advance(quoteArrivals.next());
    orderTime.advance(orderArrivals.next());
    let q = 0;
    let n = 0;
    return (): MarketStream | undefined => {
      if (q >= o.quotes && n >= o.orders) return undefined;
      const quoteNext = q < o.quotes && (n >= o.orders || quoteTime.offsetNs <= orderTime.offsetNs);
      if (quoteNext) {
        // A symbol that is listed by now (late listings start quoting part-way through).
        let s = symbolPicker.pick(rng);
        for (let tries = 0; listedAfterQuote[s]! > q && tries < 8; tries++) s = symbolPicker.pick(rng);
        if (listedAfterQuote[s]! > q) s = 0;
        let m = mid[s]! + rng.normal() * vol[s]!;
        if (m < floor[s]!) m = floor[s]! + rng.float();
        mid[s] = m;
        const mc = Math.round(m);
        let spread: number;
        let relative = false;
        const r = rng.float();
        if (r < o.wideRate) {
          const kind = rng.int(0, 3);
          if (kind === 0)
            spread = 5; // the absolute boundary itself
          else if (kind === 1 || mc >= 100) spread = rng.int(6, 25);
          // Sub-dollar: 5–8% of mid, often under 5 cents (only the relative rule catches it).
          else {
            spread = Math.max(1, Math.ceil(mc * (0.05 + 0.03 * rng.float())));
            relative = true;
          }
        } else {
          spread = r < o.wideRate + (1 - o.wideRate) * 0.55 ? 1 : rng.chance(0.7) ? 2 : 3;
        }
        let bid = mc - (spread >> 1);
        if (bid < 1) bid = 1;
        let offer = bid + spread;
        // The quoted mid is (bid + offer) / 2, not mc: widen until spread / mid ≥ 5% really holds.
        if (relative) while (40 * (offer - bid) < bid + offer) offer++;
        lastBid[s] = bid;
        lastOffer[s] = offer;
        quoted[s] = 1;
        const bidSize = rng.chance(0.1) ? rng.int(1, 99) : 100 * rng.int(1, 50);
        const offerSize = rng.chance(0.1) ? rng.int(1, 99) : 100 * rng.int(1, 50);
        this.line = `{"ts":${quoteTime.toString()}${quoteSymbolPart[s]}${cents(bid)},"offer":${cents(offer)},"bidSize":${bidSize},"offerSize":${offerSize}}`;
        q++;
        quoteTime.advance(quoteArrivals.next());
        return "quotes";
      }
      {
        // Mostly the busy names, sometimes any symbol at all (including unlisted ones).
        const s = rng.chance(0.9) ? symbolPicker.pick(rng) : rng.int(0, nSym - 1);
        const c = clientPicker.pick(rng);
        const buy = rng.chance(0.5);
        const ref = quoted[s] ? (lastBid[s]! + lastOffer[s]!) >> 1 : Math.max(1, Math.round(mid[s]!));
        let price = ref + (buy ? rng.int(-3, 2) : rng.int(-2, 3));
        if (price < 1) price = 1;
        const qk = rng.float();
        const qty = qk < 0.7 ? 100 * rng.int(1, 10) : qk < 0.9 ? rng.int(1, 99) : 10 * rng.int(1, 100);
        n++;
        this.line = `{"ts":${orderTime.toString()},"orderId":"${orderId(n)}${clientPart[c]}${orderSymbolPart[s]}${buy ? "buy" : "sell"}","qty":${qty},"price":${cents(price)}}`;
        orderTime.advance(orderArrivals.next());
        return "orders";
      }
    };
  }
}

/** The whole data set in memory: each stream's lines (without newlines), in file order. */
export function generateMarketSpread(options: Partial<MarketSpreadOptions> = {}): {
  quotes: string[];
  orders: string[];
} {
  const quotes: string[] = [];
  const orders: string[] = [];
  for (const { stream, line } of marketSpreadLines(options))
    (stream === "quotes" ? quotes : orders).push(line);
  return { quotes, orders };
}

export interface WrittenFiles {
  files: Record<MarketStream, string>;
  lines: Record<MarketStream, number>;
  bytes: Record<MarketStream, number>;
}

/** Writes `<dir>/quotes.jsonl` and `<dir>/orders.jsonl` (creating `dir`), replacing them if present. */
export function writeMarketSpread(dir: string, options: Partial<MarketSpreadOptions> = {}): WrittenFiles {
  mkdirSync(dir, { recursive: true });
  const quotes = new LineWriter(join(dir, "quotes.jsonl"));
  const orders = new LineWriter(join(dir, "orders.jsonl"));
  try {
    const sim = new MarketSpreadSim(options);
    for (let stream = sim.next(); stream !== undefined; stream = sim.next())
      (stream === "quotes" ? quotes : orders).write(sim.line);
  } finally {
    quotes.close();
    orders.close();
  }
  return {
    files: { quotes: quotes.path, orders: orders.path },
    lines: { quotes: quotes.lines, orders: orders.lines },
    bytes: { quotes: quotes.bytes, orders: orders.bytes },
  };
}

const USAGE = `usage: npx tsx examples/market-spread/generate.ts --out <dir> [--seed S] [--events N | --quotes N --orders N]
       [--symbols N] [--clients N] [--start <ISO time|epoch ns>] [--wide-rate F]
writes <dir>/quotes.jsonl and <dir>/orders.jsonl (defaults: seed 1, 1 000 000 events = 800 000 quotes + 200 000 orders,
600 symbols, 250 clients, start 2026-11-02T14:30:00Z, wide-rate 0.03)`;

/** The script: parses arguments, writes the files, prints one summary line. Returns the exit code. */
export function main(argv: readonly string[], log: (s: string) => void, fail: (s: string) => void): number {
  let opts: Partial<MarketSpreadOptions>;
  let out: string;
  try {
    const { values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        out: { type: "string" },
        seed: { type: "string" },
        events: { type: "string" },
        quotes: { type: "string" },
        orders: { type: "string" },
        symbols: { type: "string" },
        clients: { type: "string" },
        start: { type: "string" },
        "wide-rate": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
    if (values.help) {
      log(USAGE);
      return 0;
    }
    if (values.out === undefined) throw new RangeError("--out <dir> is required");
    out = values.out;
    opts = {};
    if (values.seed !== undefined) opts.seed = values.seed;
    if (values.events !== undefined) {
      if (values.quotes !== undefined || values.orders !== undefined)
        throw new RangeError("give either --events or --quotes/--orders, not both");
      Object.assign(opts, splitEvents(count("--events", values.events)));
    }
    if (values.quotes !== undefined) opts.quotes = count("--quotes", values.quotes);
    if (values.orders !== undefined) opts.orders = count("--orders", values.orders);
    if (values.symbols !== undefined) opts.symbols = count("--symbols", values.symbols);
    if (values.clients !== undefined) opts.clients = count("--clients", values.clients);
    if (values.start !== undefined) opts.startNs = parseStartNs(values.start);
    if (values["wide-rate"] !== undefined) opts.wideRate = Number(values["wide-rate"]);
    resolveOptions(opts);
  } catch (e) {
    fail(`generate: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const t0 = performance.now();
  const w = writeMarketSpread(out, opts);
  const secs = (performance.now() - t0) / 1000;
  const total = w.lines.quotes + w.lines.orders;
  log(
    `wrote ${w.lines.quotes} quotes (${mb(w.bytes.quotes)}) to ${w.files.quotes} and ${w.lines.orders} orders ` +
      `(${mb(w.bytes.orders)}) to ${w.files.orders} in ${secs.toFixed(2)} s (${Math.round(total / secs)} lines/s)`,
  );
  return 0;
}

function count(flag: string, s: string): number {
  const n = Number(s.replace(/_/g, ""));
  if (!Number.isSafeInteger(n) || n < 0)
    throw new RangeError(`${flag} ${s}: expected a non-negative integer`);
  return n;
}

function mb(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = main(
    process.argv.slice(2),
    (s) => process.stdout.write(`${s}\n`),
    (s) => process.stderr.write(`${s}\n`),
  );
}
