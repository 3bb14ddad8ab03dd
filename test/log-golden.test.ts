/**
 * Golden log fixtures (recordings/v1/log, made once by scripts/make-log-fixtures.ts, never
 * regenerated): the valid recording must keep reading exactly as it was written, and each
 * damaged variant must keep producing its documented error code and exit code.
 */
import { appendFileSync, cpSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { HindsightError } from "../src/errors.js";
import { fsck } from "../src/log/fsck.js";
import { LogReader } from "../src/log/reader.js";
import { tempDir } from "../src/log/test-helpers.js";
import { runCli } from "./cli-io.js";

const root = join(import.meta.dirname, "../recordings/v1/log");
const { records, expected } = JSON.parse(readFileSync(join(root, "expected.json"), "utf8")) as {
  records: number;
  expected: Record<
    string,
    { description: string; fsckExit: number; fsckCode?: string; readCode: string | null; readExit: number }
  >;
};
const tmp = tempDir();
afterAll(() => tmp.cleanup());

function readCode(dir: string): { code: string | null; count: number } {
  let count = 0;
  try {
    const r = LogReader.open(dir);
    try {
      for (const _ of r.records()) count++;
    } finally {
      r.close();
    }
    return { code: null, count };
  } catch (e) {
    if (e instanceof HindsightError) return { code: e.code, count };
    throw e;
  }
}

describe("golden log fixtures (format v1)", () => {
  it("the valid recording reproduces its inputs byte for byte", async () => {
    for (const s of ["quotes", "orders"]) {
      const res = await runCli(["cat", join(root, "valid"), "--stream", s, "--payload"]);
      expect(res.code).toBe(0);
      expect(res.stdoutBytes.equals(readFileSync(join(root, `inputs/${s}.jsonl`)))).toBe(true);
    }
    expect(readCode(join(root, "valid"))).toEqual({ code: null, count: records });
    const insp = await runCli(["inspect", join(root, "valid"), "--json"]);
    const j = JSON.parse(insp.stdout);
    expect(j.records).toBe(records);
    expect(j.streams.map((s: { events: number }) => s.events)).toEqual([240, 80]);
    // Exact nanosecond times beyond 2^53 survive.
    expect(j.streams[0].firstTimeNs).toBe("1794061800000000000");
  });

  for (const [name, e] of Object.entries(expected)) {
    it(`${name}: ${e.description}`, async () => {
      const dir = join(root, name);
      const r = readCode(dir);
      expect(r.code).toBe(e.readCode);
      const cat = await runCli(["cat", dir]);
      expect(cat.code).toBe(e.readExit);
      // Every record readable before the damage is printed, one line each, before the error.
      expect(cat.stdout.split("\n").filter(Boolean)).toHaveLength(r.count);
      if (e.readExit !== 0) {
        expect(cat.stderr.trim().split("\n")).toHaveLength(1);
        expect(cat.stderr).toMatch(/^hindsight: /);
        expect(cat.stderr).not.toMatch(/\n\s+at /);
      }
      // Bit 31 reads as an unsigned mask, not a negative number.
      if (name === "unknown-feature-bit") expect(cat.stderr).toContain("unknown feature bits 0x80000000");
      const f = await runCli(["fsck", dir, "--json"]);
      expect(f.code).toBe(e.fsckExit);
      if (e.fsckCode) {
        const rep = JSON.parse(f.stdout);
        if (e.fsckCode === "TORN_TAIL") expect(rep.tornTail).toBeDefined();
        else if (e.fsckCode === "CUT_SHORT") expect(rep.cutShort).toMatchObject({ repaired: false });
        else expect(rep.corrupt.map((c: { code: string }) => c.code)).toContain(e.fsckCode);
      }
      // The text names places a reader can use: never seq -1 or "-..-".
      const text = await runCli(["fsck", dir]);
      expect(text.stdout).not.toMatch(/seq -1|-\.\.-/);
    });
  }

  it("fsck --repair makes a torn copy clean and keeps every whole block", async () => {
    for (const name of ["torn-tail", "torn-header", "zero-tail"]) {
      const copy = join(tmp.dir, name);
      cpSync(join(root, name), copy, { recursive: true });
      const before = fsck(copy);
      const res = await runCli(["fsck", copy, "--repair", "--json"]);
      expect(res.code).toBe(0);
      const rep = JSON.parse(res.stdout);
      expect(rep.tornTail.repaired).toBe(true);
      expect(rep.tornTail.droppedBytes).toBe(before.tornTail!.droppedBytes);
      expect((await runCli(["fsck", copy])).code).toBe(0);
      expect(readCode(copy).count).toBe(before.records);
    }
  });

  it("fsck --repair does not touch corruption", async () => {
    const copy = join(tmp.dir, "bitflip");
    cpSync(join(root, "bitflip-payload"), copy, { recursive: true });
    const res = await runCli(["fsck", copy, "--repair"]);
    expect(res.code).toBe(4);
    expect(res.stdout).toContain("CORRUPT_BLOCK");
    // A torn tail beside it is left too, and the report says why (not "run with --repair").
    const seg = readdirSync(copy)
      .filter((f) => f.endsWith(".hsl"))
      .sort()
      .at(-1) as string;
    appendFileSync(join(copy, seg), Buffer.from([1, 2, 3]));
    const both = await runCli(["fsck", copy, "--repair"]);
    expect(both.code).toBe(4);
    expect(both.stdout).toMatch(
      /torn tail: .* — not truncated: --repair changes nothing while the recording has corruption/,
    );
    expect(both.stdout).not.toMatch(/run with --repair/);
  });
});
