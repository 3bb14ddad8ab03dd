import { describe, expect, it } from "vitest";
import {
  formatBytes,
  formatCount,
  formatMs,
  formatPercent,
  formatRate,
  median,
  parseBenchArgs,
  parseNumber,
  percentile,
  percentiles,
  ratio,
  Samples,
  splitCpu,
  summarize,
  table,
  threadCpu,
} from "../../bench/lib.js";

describe("bench/lib statistics", () => {
  it("median of odd and even counts", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow(RangeError);
  });

  it("nearest-rank percentiles", () => {
    const xs = Array.from({ length: 100 }, (_, i) => 100 - i); // 100..1, unsorted
    expect(percentile(xs, 50)).toBe(50);
    expect(percentile(xs, 99)).toBe(99);
    expect(percentile(xs, 100)).toBe(100);
    expect(percentile(xs, 0)).toBe(1);
    expect(percentiles(xs, [1, 99.99])).toEqual([1, 100]);
    expect(() => percentile(xs, 101)).toThrow(RangeError);
  });

  it("does not reorder the caller's samples", () => {
    const xs = [3, 1, 2];
    median(xs);
    expect(xs).toEqual([3, 1, 2]);
  });

  it("summarize and Samples", () => {
    const s = new Samples(3);
    for (const x of [5, 1, 9, 7]) s.add(x);
    expect(s.length).toBe(3);
    expect(s.dropped).toBe(1);
    expect(summarize(s.values())).toEqual({ n: 3, min: 1, median: 5, mean: 5, p99: 9, max: 9 });
  });
});

describe("bench/lib formatting", () => {
  it("formats counts, rates, bytes, durations, ratios", () => {
    expect(formatCount(1_524_000)).toBe("1.52 M");
    expect(formatCount(950)).toBe("950");
    expect(formatCount(1)).toBe("1");
    expect(formatCount(2.5)).toBe("2.50");
    expect(formatRate(2_000_000, 1000)).toBe("2.00 M/s");
    expect(formatRate(1, 0)).toBe("n/a");
    expect(formatBytes(1536)).toBe("1.50 KiB");
    expect(formatBytes(12)).toBe("12 B");
    expect(formatMs(0.0123)).toBe("12.3 µs");
    expect(formatMs(12300)).toBe("12.3 s");
    expect(ratio(6.2, 1)).toBe("6.20×");
    expect(ratio(1, 0)).toBe("n/a");
    expect(formatPercent(0.234)).toBe("23.4%");
  });

  it("aligns table columns, counting µ and × as one column", () => {
    const t = table(
      ["case", "time", "ratio"],
      [
        ["write", "12.3 µs", "7.10×"],
        ["read back", "1.00 ms", "1.00×"],
      ],
    );
    expect(t.split("\n")).toEqual([
      "case          time  ratio",
      "---------  -------  -----",
      "write      12.3 µs  7.10×",
      "read back  1.00 ms  1.00×",
    ]);
  });
});

describe("bench/lib arguments", () => {
  it("parses numbers with suffixes and keeps defaults", () => {
    expect(parseNumber("2M")).toBe(2_000_000);
    expect(parseNumber("500k")).toBe(500_000);
    expect(parseNumber("2_000_000")).toBe(2_000_000);
    expect(parseNumber("2e6")).toBe(2_000_000);
    expect(parseNumber("two")).toBeUndefined();
    const a = parseBenchArgs({ events: 1000, fsync: "interval", quick: false }, [
      "--events",
      "2M",
      "--quick",
    ]);
    expect(a).toEqual({ events: 2_000_000, fsync: "interval", quick: true });
  });

  it("rejects unknown options and bad numbers with the list of options", () => {
    expect(() => parseBenchArgs({ events: 1 }, ["--evnts", "3"])).toThrow(/--events <number> \(default 1\)/);
    expect(() => parseBenchArgs({ events: 1 }, ["--events", "many"])).toThrow(/not a number/);
  });
});

describe("bench/lib CPU by thread", () => {
  it("splits a run's CPU into the main thread, threads that were there, and threads it started", () => {
    const before = {
      total: 1000,
      threads: new Map([
        [7, 600],
        [8, 300],
        [9, 100],
      ]),
    };
    // Thread 9 is gone; 10 started and is still there; something else started and ended.
    const after = {
      total: 2500,
      threads: new Map([
        [7, 1400],
        [8, 350],
        [10, 200],
      ]),
    };
    expect(splitCpu(before, after, 7)).toEqual({ main: 800, other: 50, started: 650 });
  });

  it("reads this process's threads on Linux, the main thread among them", () => {
    const t = threadCpu();
    if (process.platform !== "linux") return expect(t).toBeUndefined();
    expect(t?.threads.has(process.pid)).toBe(true);
    expect(t?.total).toBeGreaterThanOrEqual(t?.threads.get(process.pid) ?? Number.POSITIVE_INFINITY);
  });
});
