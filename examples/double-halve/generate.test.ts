import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateDoubleHalve, MAX_ABS_N, main, writeDoubleHalve } from "./generate.js";

const tmp = mkdtempSync(join(tmpdir(), "hindsight-dh-gen-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const LINE = /^\{"ts":([0-9]+),"n":(-?[0-9]+)\}$/;

describe("double-halve generator", () => {
  it("same seed gives identical bytes, equal to the in-memory lines; another seed differs", () => {
    const a = writeDoubleHalve(join(tmp, "a"), { seed: 4, count: 20_000 });
    const b = writeDoubleHalve(join(tmp, "b"), { seed: 4, count: 20_000 });
    const fa = readFileSync(a.file);
    expect(fa.equals(readFileSync(b.file))).toBe(true);
    expect(fa.length).toBe(a.bytes);
    expect(a.lines).toBe(20_000);
    expect(fa.toString("latin1")).toBe(`${generateDoubleHalve({ seed: 4, count: 20_000 }).join("\n")}\n`);
    expect(generateDoubleHalve({ seed: 5, count: 100 })).not.toEqual(
      generateDoubleHalve({ seed: 4, count: 100 }),
    );
  });

  it("pins its output (a data set must not change silently)", () => {
    const h = createHash("sha256").update(generateDoubleHalve({ seed: 1, count: 5000 }).join("\n"));
    expect(h.digest("hex")).toMatchInlineSnapshot(
      `"db02dd4858b009df9c776b1c13621145990f555ba652033c94050b5e2fd0c8c9"`,
    );
  });

  it("writes exact, strictly increasing ts and integers whose double is exact", () => {
    const lines = generateDoubleHalve({ seed: 8, count: 100_000 });
    expect(lines.filter((l) => !LINE.test(l))).toEqual([]);
    let prev = 0n;
    let notIncreasing = 0;
    let unsafe = 0;
    let negative = 0;
    let zero = 0;
    let extreme = 0;
    let small = 0;
    let large = 0;
    for (const l of lines) {
      const m = LINE.exec(l)!;
      const ts = BigInt(m[1]!);
      if (ts <= prev) notIncreasing++;
      prev = ts;
      const n = BigInt(m[2]!);
      const parsed = JSON.parse(l).n as number;
      // 2n and n are safe integers and JSON.parse reads n exactly.
      if (BigInt(parsed) !== n || !Number.isSafeInteger(2 * parsed) || (2 * parsed) / 2 !== parsed) unsafe++;
      if (n < 0n) negative++;
      if (n === 0n) zero++;
      if (n === BigInt(MAX_ABS_N) || n === -BigInt(MAX_ABS_N)) extreme++;
      if (n > -1000n && n < 1000n) small++;
      if (n > 2n ** 40n || n < -(2n ** 40n)) large++;
    }
    expect(notIncreasing).toBe(0);
    expect(unsafe).toBe(0);
    expect(BigInt(LINE.exec(lines[0]!)![1]!) > 2n ** 53n).toBe(true);
    expect(negative / lines.length).toBeGreaterThan(0.15);
    expect(zero).toBeGreaterThan(100);
    expect(extreme).toBeGreaterThan(100);
    expect(small / lines.length).toBeGreaterThan(0.4);
    expect(large).toBeGreaterThan(1000);
    expect(MAX_ABS_N * 2).toBeLessThanOrEqual(Number.MAX_SAFE_INTEGER);
  });

  it("runs as a script, and rejects bad arguments with exit code 2", () => {
    const logs: string[] = [];
    expect(
      main(
        ["--seed", "2", "--events", "1000", "--out", join(tmp, "cli")],
        (s) => logs.push(s),
        () => {},
      ),
    ).toBe(0);
    expect(logs[0]).toMatch(/^wrote 1000 numbers/);
    expect(readFileSync(join(tmp, "cli", "numbers.jsonl"), "latin1")).toBe(
      `${generateDoubleHalve({ seed: "2", count: 1000 }).join("\n")}\n`,
    );
    for (const argv of [[], ["--out", tmp, "--events=-1"], ["--out", tmp, "--x"]]) {
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
