import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough, Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import type { Io } from "../io.js";
import { run } from "../program.js";

const root = join(import.meta.dirname, "..", "..");

async function cli(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: Buffer[] = [];
  const errs: Buffer[] = [];
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  stdout.on("data", (d: Buffer) => out.push(Buffer.from(d)));
  stderr.on("data", (d: Buffer) => errs.push(Buffer.from(d)));
  const io: Io = { stdout, stderr, stdin: Readable.from([]), cwd: root, env: {} };
  const code = await run(argv, io);
  await new Promise((r) => setImmediate(r));
  return { code, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(errs).toString() };
}

describe("hindsight torture", () => {
  it("exits 0 and reports every seed as JSON when all pass", async () => {
    const r = await cli(["torture", "--app", "double-halve", "--seeds", "1..2", "--events", "200", "--json"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const rep = JSON.parse(r.stdout);
    expect(rep.failed).toBe(0);
    expect(rep.seeds.map((s: { seed: string; ok: boolean }) => [s.seed, s.ok])).toEqual([
      ["1", true],
      ["2", true],
    ]);
  });

  it("exits 3, prints the seed, the first bad output and a command that reproduces it byte for byte", async () => {
    const scratch = mkdtempSync(join(tmpdir(), "hindsight-torture-cli-"));
    try {
      const first = await cli([
        "torture",
        "--app",
        "double-halve",
        "--seeds",
        "1..1",
        "--events",
        "200",
        "--faults",
        "dup=0.05,drop=0.01",
        "--unsafe",
        "no-dedupe",
        "--keep",
        join(scratch, "a"),
      ]);
      expect(first.code).toBe(3);
      expect(first.stdout).toMatch(/^seed 1: FAILED: output #\d+ is a duplicate/);
      expect(first.stdout).toMatch(/torture: 1 seed, 1 failed/);
      const command = /^ {2}reproduce: (.*)$/m.exec(first.stdout)?.[1];
      expect(command).toBe(
        "hindsight torture --app double-halve --seeds 1..1 --faults drop=0.01,delay=0,dup=0.05 --events 200 --unsafe no-dedupe",
      );
      // Run exactly that command (keeping its recordings elsewhere): the same report, the same bytes.
      const again = await cli([...command!.split(" ").slice(1), "--keep", join(scratch, "b")]);
      expect(again.code).toBe(3);
      expect(again.stdout.replaceAll(join(scratch, "b"), join(scratch, "a"))).toBe(first.stdout);
      const files = (d: string) => readdirSync(d, { recursive: true, encoding: "utf8" }).sort();
      const a = join(scratch, "a", "seed-1");
      const b = join(scratch, "b", "seed-1");
      expect(files(b)).toEqual(files(a));
      for (const f of files(a)) {
        if (statSync(join(a, f)).isDirectory()) continue;
        expect(readFileSync(join(b, f)).equals(readFileSync(join(a, f))), f).toBe(true);
      }
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  it.each([
    [["--faults", "drop=2"], /fault rate drop=2 is not a probability \(--faults\)/],
    [["--faults", "loss=0.1"], /unknown fault kind "loss"/],
    [["--seeds", "9..3"], /seed range 9\.\.3 is empty/],
    [["--seeds", "x"], /cannot read seed range "x"/],
  ])("refuses %j with one line and exit 2", async (args, msg) => {
    const r = await cli(["torture", "--app", "double-halve", ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(msg);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("never overwrites a kept run", async () => {
    const scratch = mkdtempSync(join(tmpdir(), "hindsight-torture-cli-"));
    try {
      mkdirSync(join(scratch, "seed-3"));
      writeFileSync(join(scratch, "seed-3", "x"), "");
      const r = await cli(["torture", "--app", "double-halve", "--seeds", "3..3", "--keep", scratch]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/seed-3 already holds a torture run \(--keep\)/);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  it("refuses an unknown --unsafe mode", async () => {
    const r = await cli(["torture", "--app", "double-halve", "--unsafe", "yolo"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--unsafe must be one of no-dedupe, no-resend/);
  });

  it("refuses an app that is not a linear pipeline", async () => {
    const r = await cli(["torture", "--app", "examples/market-spread/app.ts", "--seeds", "1..1"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot run as a torture pipeline: it has 2 input streams/);
  });
});
