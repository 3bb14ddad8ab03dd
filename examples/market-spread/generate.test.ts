import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateMarketSpread, main, marketSpreadLines, splitEvents, writeMarketSpread } from "./generate.js";

const tmp = mkdtempSync(join(tmpdir(), "hindsight-ms-gen-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const TS = /^\{"ts":([0-9]+),/;
const QUOTE =
  /^\{"ts":([0-9]+),"symbol":"([A-Z.]+)","bid":([0-9]+\.[0-9]{2}),"offer":([0-9]+\.[0-9]{2}),"bidSize":([0-9]+),"offerSize":([0-9]+)\}$/;
const ORDER =
  /^\{"ts":([0-9]+),"orderId":"(ORD[0-9]{8,})","clientId":"(C[0-9]{4,})","symbol":"([A-Z.]+)","side":"(buy|sell)","qty":([0-9]+),"price":([0-9]+\.[0-9]{2})\}$/;

/** "189.20" → 18920, exactly (no floating point). */
const cents = (s: string): number => Number(s.replace(".", ""));

describe("market-spread generator: determinism", () => {
  it("same seed and options give identical bytes; the files equal the in-memory lines", () => {
    const opts = { seed: 11, quotes: 20_000, orders: 5_000 };
    const a = writeMarketSpread(join(tmp, "a"), opts);
    const b = writeMarketSpread(join(tmp, "b"), opts);
    for (const s of ["quotes", "orders"] as const) {
      const fa = readFileSync(a.files[s]);
      expect(fa.equals(readFileSync(b.files[s]))).toBe(true);
      expect(fa.length).toBe(a.bytes[s]);
    }
    const mem = generateMarketSpread(opts);
    expect(readFileSync(a.files.quotes, "latin1")).toBe(`${mem.quotes.join("\n")}\n`);
    expect(readFileSync(a.files.orders, "latin1")).toBe(`${mem.orders.join("\n")}\n`);
    expect(a.lines).toEqual({ quotes: 20_000, orders: 5_000 });
  });

  it("pins its output (a data set must not change silently)", () => {
    // If this fails, seeded data sets changed: say why in the commit (recordings made from old
    // data still replay, since a recording stores its input, but regenerated data will differ).
    const { quotes, orders } = generateMarketSpread({ seed: 1, quotes: 4000, orders: 1000 });
    const h = createHash("sha256").update(quotes.join("\n")).update("\0").update(orders.join("\n"));
    expect(h.digest("hex")).toMatchInlineSnapshot(
      `"5739161594b2c1598e41b38432dbf88010f20418ea04b0f306d8c1a872cb3254"`,
    );
  });

  it("a different seed gives different data", () => {
    const a = generateMarketSpread({ seed: 1, quotes: 2000, orders: 500 });
    const b = generateMarketSpread({ seed: 2, quotes: 2000, orders: 500 });
    expect(b.quotes).not.toEqual(a.quotes);
    expect(b.orders).not.toEqual(a.orders);
  });

  it("marketSpreadLines interleaves both streams by time, quotes first on ties", () => {
    let lastTs = 0n;
    let lastStream = "";
    let bad = 0;
    for (const { stream, line } of marketSpreadLines({ seed: 5, quotes: 4000, orders: 1000 })) {
      const ts = BigInt(TS.exec(line)![1]!);
      if (ts < lastTs || (ts === lastTs && lastStream === "orders" && stream === "quotes")) bad++;
      lastTs = ts;
      lastStream = stream;
    }
    expect(bad).toBe(0);
  });
});

describe("market-spread generator: realistic content", () => {
  // 200 k events: enough for the tail of 600 symbols and 250 clients, still well under a second.
  const { quotes, orders } = generateMarketSpread({ seed: 7, ...splitEvents(200_000) });

  it("splits events 4:1", () => {
    expect(splitEvents(1_000_000)).toEqual({ quotes: 800_000, orders: 200_000 });
    expect(quotes.length).toBe(160_000);
    expect(orders.length).toBe(40_000);
  });

  it("writes well-formed lines: exact ts beyond 2^53 first, two-decimal prices, valid JSON", () => {
    for (const line of [...quotes.slice(0, 2000), ...orders.slice(0, 2000)])
      expect(() => JSON.parse(line)).not.toThrow();
    expect(quotes.filter((q) => !QUOTE.test(q))).toEqual([]);
    expect(orders.filter((o) => !ORDER.test(o))).toEqual([]);
    const first = BigInt(TS.exec(quotes[0]!)![1]!);
    expect(first > 2n ** 53n).toBe(true);
    expect(first >= 1_793_629_800_000_000_000n).toBe(true);
    // The digits are the exact integer, not a double's rounding.
    const digits = quotes.map((q) => TS.exec(q)![1]!);
    expect(digits.some((d) => BigInt(Number(d)) !== BigInt(d))).toBe(true);
  });

  it("keeps each stream in non-decreasing time order, with repeated timestamps in bursts", () => {
    for (const stream of [quotes, orders]) {
      let prev = 0n;
      let backwards = 0;
      for (const line of stream) {
        const ts = BigInt(TS.exec(line)![1]!);
        if (ts < prev) backwards++;
        prev = ts;
      }
      expect(backwards).toBe(0);
    }
    let ties = 0;
    for (let i = 1; i < quotes.length; i++)
      if (TS.exec(quotes[i]!)![1] === TS.exec(quotes[i - 1]!)![1]) ties++;
    expect(ties).toBeGreaterThan(10);
  });

  it("arrives in bursts, both streams covering about the same session", () => {
    // Quotes per 10 ms window: variance/mean is 1 for a steady (Poisson) stream, far more in bursts.
    const ts = quotes.map((q) => Number(BigInt(TS.exec(q)![1]!) - 1_793_629_800_000_000_000n));
    const windows = new Array<number>(Math.floor(ts[ts.length - 1]! / 1e7) + 1).fill(0);
    for (const t of ts) windows[Math.floor(t / 1e7)]!++;
    const m = windows.reduce((a, b) => a + b, 0) / windows.length;
    const v = windows.reduce((a, c) => a + (c - m) ** 2, 0) / windows.length;
    expect(v / m).toBeGreaterThan(5);
    const end = (xs: string[]) =>
      Number(BigInt(TS.exec(xs[xs.length - 1]!)![1]!) - 1_793_629_800_000_000_000n);
    const r = end(quotes) / end(orders);
    expect(r).toBeGreaterThan(0.6);
    expect(r).toBeLessThan(1.6);
  });

  it("quotes ≥ 500 symbols with mostly tight spreads, some wide ones, and both rule boundaries", () => {
    const symbols = new Set<string>();
    let tight = 0;
    let wide = 0;
    let exactly5c = 0;
    let relativeOnly = 0;
    let exactly5pct = 0;
    let nonPositive = 0;
    for (const q of quotes) {
      const m = QUOTE.exec(q)!;
      symbols.add(m[2]!);
      const bid = cents(m[3]!);
      const offer = cents(m[4]!);
      const spread = offer - bid;
      if (!(bid > 0 && spread > 0)) nonPositive++;
      // spread / mid ≥ 5%  ⇔  spread / ((bid + offer) / 2) ≥ 1/20  ⇔  40·spread ≥ bid + offer
      const relWide = 40 * spread >= bid + offer;
      if (spread <= 3) tight++;
      if (spread >= 5 || relWide) wide++;
      if (spread === 5) exactly5c++;
      if (spread < 5 && relWide) relativeOnly++;
      if (40 * spread === bid + offer) exactly5pct++;
    }
    expect(nonPositive).toBe(0);
    expect(symbols.size).toBeGreaterThanOrEqual(500);
    expect(tight / quotes.length).toBeGreaterThan(0.9);
    expect(wide / quotes.length).toBeGreaterThan(0.02);
    expect(wide / quotes.length).toBeLessThan(0.1);
    expect(exactly5c).toBeGreaterThan(10);
    expect(relativeOnly).toBeGreaterThan(10);
    expect(exactly5pct).toBeGreaterThan(0);
  });

  it("has orders from ≥ 200 clients on many symbols, some before their symbol's first quote", () => {
    const firstQuote = new Map<string, bigint>();
    for (const q of quotes) {
      const m = QUOTE.exec(q)!;
      if (!firstQuote.has(m[2]!)) firstQuote.set(m[2]!, BigInt(m[1]!));
    }
    const clients = new Set<string>();
    const symbols = new Set<string>();
    const sides = new Set<string>();
    const ids = new Set<string>();
    let beforeFirstQuote = 0;
    let lateListing = 0;
    let nonPositive = 0;
    for (const o of orders) {
      const m = ORDER.exec(o)!;
      ids.add(m[2]!);
      clients.add(m[3]!);
      symbols.add(m[4]!);
      sides.add(m[5]!);
      if (!(Number(m[6]) > 0 && cents(m[7]!) > 0)) nonPositive++;
      const fq = firstQuote.get(m[4]!);
      if (fq === undefined || fq > BigInt(m[1]!)) {
        beforeFirstQuote++;
        // well after the open: a symbol that starts quoting late in the session
        if (BigInt(m[1]!) - 1_793_629_800_000_000_000n > 1_000_000_000n) lateListing++;
      }
    }
    expect(nonPositive).toBe(0);
    expect(ids.size).toBe(orders.length);
    expect(clients.size).toBeGreaterThanOrEqual(200);
    expect(symbols.size).toBeGreaterThanOrEqual(400);
    expect([...sides].sort()).toEqual(["buy", "sell"]);
    expect(beforeFirstQuote).toBeGreaterThan(20);
    expect(lateListing).toBeGreaterThan(0);
  });
});

describe("market-spread generator: script", () => {
  it("writes the files for --events and reports them", () => {
    const logs: string[] = [];
    const code = main(
      ["--seed", "3", "--events", "5000", "--out", join(tmp, "cli")],
      (s) => logs.push(s),
      (s) => logs.push(s),
    );
    expect(code).toBe(0);
    expect(logs.join("\n")).toMatch(/wrote 4000 quotes .* and 1000 orders/);
    expect(readFileSync(join(tmp, "cli", "quotes.jsonl"), "latin1")).toBe(
      `${generateMarketSpread({ seed: "3", quotes: 4000, orders: 1000 }).quotes.join("\n")}\n`,
    );
  });

  it("rejects bad arguments with one message and exit code 2", () => {
    for (const argv of [
      [],
      ["--out", tmp, "--events", "ten"],
      ["--out", tmp, "--bogus"],
      ["--out", tmp, "--events", "5", "--quotes", "4"],
    ]) {
      const errs: string[] = [];
      expect(
        main(
          argv,
          () => {},
          (s) => errs.push(s),
        ),
      ).toBe(2);
      expect(errs[0]).toMatch(/^generate: .+\nusage: /);
    }
  });
});
