import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { extractTime, readInputs } from "./inputs.js";

const b = (s: string) => new TextEncoder().encode(s);

describe("extractTime", () => {
  it("reads integer nanoseconds exactly, beyond 2^53", () => {
    expect(extractTime(b(`{"ts":1794061800123456789,"x":1}`), "ts")).toBe(1_794_061_800_123_456_789n);
    expect(extractTime(b(` { "a" : 1 , "ts" : 18446744073709551615 }`), "ts")).toBe(
      18_446_744_073_709_551_615n,
    );
  });

  it("finds only the top-level field, not one nested or inside a string", () => {
    expect(extractTime(b(`{"m":{"ts":1},"s":"\\"ts\\":2","ts":3}`), "ts")).toBe(3n);
    expect(extractTime(b(`{"arr":[{"ts":1}],"ts":4}`), "ts")).toBe(4n);
    expect(extractTime(b(`{"m":{"ts":1}}`), "ts")).toMatch(/no top-level field/);
    expect(extractTime(b(`{bad json`), "ts")).toMatch(/^line is not valid JSON \(/);
  });

  it("accepts digit strings and ISO-8601 times, refuses fractions and garbage", () => {
    expect(extractTime(b(`{"ts":"1794061800000000001"}`), "ts")).toBe(1_794_061_800_000_000_001n);
    expect(extractTime(b(`{"ts":"2026-11-07T14:30:00.000000001Z"}`), "ts")).toBe(1_794_061_800_000_000_001n);
    expect(extractTime(b(`{"ts":1.5}`), "ts")).toMatch(/integer/);
    expect(extractTime(b(`{"ts":-5}`), "ts")).toMatch(/non-negative integer/);
    expect(extractTime(b(`[1,2]`), "ts")).toMatch(/not a JSON object/);
    expect(extractTime(b(`{"ts":"tomorrow"}`), "ts")).toMatch(/neither/);
    // Beyond what a recording holds: refused here, where the file and line are known.
    for (const v of ["18446744073709551616", "99999999999999999999999", '"18446744073709551616"'])
      expect(extractTime(b(`{"ts":${v}}`), "ts")).toMatch(/beyond 2\^64-1 nanoseconds/);
    // 0 is what a record holds for "no time": refused rather than lost.
    for (const v of ["0", '"0"', '"1970-01-01T00:00:00Z"'])
      expect(extractTime(b(`{"ts":${v}}`), "ts")).toMatch(
        /time value is 0, which a recording keeps for events without a time/,
      );
    expect(extractTime(b(`{"ts":1}`), "ts")).toBe(1n);
  });

  it("agrees with JSON.parse + BigInt on arbitrary objects", () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.string().filter((k) => k !== "ts"),
          fc.jsonValue(),
        ),
        fc.bigInt({ min: 1n, max: 2n ** 64n - 1n }),
        (obj, ts) => {
          const line = JSON.stringify({ ...obj, ts: 0 }).replace(/"ts":0/, `"ts":${ts}`);
          expect(extractTime(b(line), "ts")).toBe(ts);
        },
      ),
    );
  });
});

describe("readInputs", () => {
  it("skips blank lines and numbers each event by its line, across read chunks", async () => {
    const dir = mkdtempSync(join(tmpdir(), "hindsight-inputs-"));
    try {
      // ~3 MiB: several 1 MiB reads, so lines and blank runs straddle chunk boundaries.
      const lines: string[] = [];
      const want: { line: number; text: string }[] = [];
      for (let i = 0; i < 40_000; i++) {
        const text = `{"ts":${1000 + i},"pad":"${"x".repeat(i % 97)}"}`;
        lines.push(text);
        want.push({ line: lines.length, text });
        if (i % 7 === 0) lines.push(i % 2 ? "" : " \t\r");
      }
      const a = join(dir, "a.jsonl");
      const b = join(dir, "b.jsonl");
      writeFileSync(a, `\n${lines.join("\n")}\n\n`);
      writeFileSync(b, `${lines.slice(0, 50).join("\n")}`);
      const wantA = want.map((w) => ({ ...w, line: w.line + 1 }));
      const wantB = want.filter((w) => w.line <= 50);
      for (const timeField of [undefined, "ts"]) {
        const got = { 0: [] as { line: number; text: string }[], 1: [] as { line: number; text: string }[] };
        for await (const e of readInputs(
          [
            { stream: "a", path: a },
            { stream: "b", path: b },
          ],
          timeField ? { timeField } : {},
        ))
          got[e.stream as 0 | 1].push({ line: e.line, text: Buffer.from(e.payload).toString() });
        expect(got[0]).toEqual(wantA);
        expect(got[1]).toEqual(wantB);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("skips a UTF-8 byte order mark at the start of a file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "hindsight-inputs-"));
    try {
      const f = join(dir, "bom.jsonl");
      writeFileSync(f, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"ts":5}\n{"ts":6}\n')]));
      for (const timeField of [undefined, "ts"]) {
        const got: string[] = [];
        for await (const e of readInputs([{ stream: "a", path: f }], timeField ? { timeField } : {}))
          got.push(`${e.line}:${e.timeNs}:${Buffer.from(e.payload).toString()}`);
        expect(got).toEqual(timeField ? ['1:5:{"ts":5}', '2:6:{"ts":6}'] : ['1:0:{"ts":5}', '2:0:{"ts":6}']);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("readInputs: a line over the limit", () => {
  it("is named by file and line", async () => {
    const dir = mkdtempSync(join(tmpdir(), "hindsight-inputs-long-"));
    try {
      const f = join(dir, "long.jsonl");
      writeFileSync(f, `{"n":1}\n{"n":2}\n{"s":"${"x".repeat(300)}"}\n{"n":4}\n`);
      const got: string[] = [];
      await expect(
        (async () => {
          for await (const e of readInputs([{ stream: "a", path: f }], { maxLineBytes: 100 }))
            got.push(Buffer.from(e.payload).toString());
        })(),
      ).rejects.toMatchObject({
        code: "BAD_INPUT",
        message: "line 3 is longer than 100 bytes",
        where: `${f} line 3`,
      });
      expect(got).toEqual(['{"n":1}', '{"n":2}']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
