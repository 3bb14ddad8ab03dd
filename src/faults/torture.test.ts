/**
 * The torture harness end to end: real worker processes, real TCP on 127.0.0.1, real logs.
 * One pool of worker processes serves every test here (starting one costs about a second).
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DecisionKind } from "../format/records.js";
import { LogReader } from "../log/index.js";
import { loadPipelineApp } from "./apps.js";
import { readFaultPlans, readInputs } from "./logs.js";
import { WorkerPool } from "./pipeline.js";
import { parseFaultSpec } from "./plan.js";
import { replayStageLog } from "./replay-stage.js";
import {
  firstFailure,
  formatSeedResult,
  formatSummary,
  reproduceCommand,
  type TortureOptions,
  torture,
} from "./torture.js";

const cwd = join(import.meta.dirname, "..", "..");
const APP = "examples/double-halve/app.ts";
const FAULTS = parseFaultSpec("drop=0.02,delay=0.03,dup=0.03,gap=5,maxdelay=3");

let pool: WorkerPool;
let scratch: string;

beforeAll(() => {
  pool = new WorkerPool(cwd);
  scratch = mkdtempSync(join(tmpdir(), "hindsight-torture-test-"));
});

afterAll(async () => {
  const used = pool.alive;
  await pool.close();
  rmSync(scratch, { recursive: true, force: true });
  // Every worker process is gone.
  expect(used).toBeGreaterThan(0);
  expect(pool.alive).toBe(0);
});

function opts(o: Partial<TortureOptions>): TortureOptions {
  return {
    app: APP,
    seeds: { from: 1n, to: 1n },
    faults: FAULTS,
    events: 200,
    cwd,
    pool,
    timeoutMs: 30_000,
    // Generous: a passing run must not be cut short on a loaded machine (failing runs stall
    // only in the no-resend test, which sets its own).
    stallMs: 5_000,
    ...o,
  };
}

/** Every file under `dir`, relative path → bytes. */
function tree(dir: string, base = dir): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) for (const [k, v] of tree(p, base)) out.set(k, v);
    else out.set(p.slice(base.length + 1), readFileSync(p));
  }
  return out;
}

function expectSameBytes(a: string, b: string): void {
  const ta = tree(a);
  const tb = tree(b);
  expect([...tb.keys()]).toEqual([...ta.keys()]);
  for (const [k, v] of ta) expect(tb.get(k)?.equals(v), `${k} differs`).toBe(true);
}

describe("torture: double-halve across 3 processes", () => {
  it("delivers exactly once, in order, under drops, delays and duplicates (engine app, seeds 1..3)", async () => {
    const rep = await torture(opts({ seeds: { from: 1n, to: 3n } }));
    for (const s of rep.seeds) expect(s.ok, formatSeedResult(s).join("\n")).toBe(true);
    expect(rep.failed).toBe(0);
    // Every kind of fault happened, and was survived.
    const total = { drop: 0, delay: 0, dup: 0 };
    for (const s of rep.seeds)
      for (const c of Object.values(s.faultCounts)) {
        total.drop += c.drop;
        total.delay += c.delay;
        total.dup += c.dup;
      }
    expect(total.drop).toBeGreaterThan(5);
    expect(total.delay).toBeGreaterThan(5);
    expect(total.dup).toBeGreaterThan(5);
    expect(rep.seeds.every((s) => s.reconnections > 0 && s.duplicatesDropped > 0)).toBe(true);
    // And every stage's log, replayed on its own, reproduced what the stage sent on.
    expect(rep.seeds.map((s) => s.replayed)).toEqual(rep.seeds.map(() => ({ stages: 2, events: 400 })));
  });

  it("delivers exactly once with the built-in plain-function pipeline too", async () => {
    const rep = await torture(opts({ app: "double-halve", seeds: { from: 7n, to: 7n }, events: 500 }));
    for (const s of rep.seeds) expect(s.ok, formatSeedResult(s).join("\n")).toBe(true);
  });

  it("sends the events of an --input file", async () => {
    const file = join(scratch, "input.jsonl");
    const lines = Array.from(
      { length: 60 },
      (_, i) => `{"ts":${1_900_000_000_000_000_000n + BigInt(i)},"n":${i * 3 - 90}}`,
    );
    writeFileSync(file, `${lines.join("\n")}\n`);
    const keep = join(scratch, "input-run");
    const rep = await torture(opts({ input: file, events: 50, keep }));
    expect(rep.seeds[0]!.ok, formatSeedResult(rep.seeds[0]!).join("\n")).toBe(true);
    expect(rep.seeds[0]!.outputs).toBe(50);
    const sent = readInputs(join(keep, "seed-1", "source"));
    expect(sent.map((r) => Buffer.from(r.payload).toString())).toEqual(lines.slice(0, 50));
    // Logical times from 1 ns (a record keeps time 0 as "no time"), in every stage's log.
    expect(sent.map((r) => r.timeNs)).toEqual(sent.map((_, i) => BigInt(i) + 1n));
    expect(readInputs(join(keep, "seed-1", "sink"))[0]!.timeNs).toBe(1n);
    // Its plan replays with the same file, and not with another.
    const again = await torture(opts({ input: file, events: 50, plan: keep }));
    expect(again.seeds[0]!.ok).toBe(true);
    const other = join(scratch, "other-input.jsonl");
    writeFileSync(other, `${lines.map((l) => l.replace('"ts":', '"ts":1')).join("\n")}\n`);
    await expect(torture(opts({ input: other, events: 50, plan: keep }))).rejects.toThrow(
      /is another run: its source sent 50 other events than these 50 \(another --input or --events\)/,
    );
    // A line the app cannot read is named by file and line, before any process starts.
    const bad = join(scratch, "bad-input.jsonl");
    writeFileSync(bad, `${lines[0]}\n\n{"ts":1,"n":\n`);
    await expect(torture(opts({ input: bad, events: 50 }))).rejects.toThrow(
      /line 3 of .*bad-input\.jsonl is not an input the app reads: it does not decode with codec json/,
    );
    // A file shorter than --events: the summary counts the events sent.
    const short = await torture(opts({ input: file, events: 1000 }));
    expect(short.events).toBe(60);
    expect(formatSummary(short)).toMatch(/60 events each/);
  });

  it("repeats a seed byte for byte: same fault plan, same recordings, and replays a recorded plan exactly", async () => {
    const a = join(scratch, "same-a");
    const b = join(scratch, "same-b");
    const c = join(scratch, "same-c");
    const ra = await torture(opts({ seeds: { from: 4n, to: 4n }, keep: a }));
    const rb = await torture(opts({ seeds: { from: 4n, to: 4n }, keep: b }));
    expect(ra.seeds[0]!.ok).toBe(true);
    expect(rb.seeds[0]).toEqual({ ...ra.seeds[0], recordings: rb.seeds[0]!.recordings });
    expectSameBytes(a, b);

    // The fault plan is in the logs of the links' owners, as FAULT decisions.
    const plans = readFaultPlans(join(a, "seed-4", "halve"));
    expect([...plans.keys()]).toEqual(["double->halve"]);
    expect(plans.get("double->halve")!.length).toBeGreaterThan(0);
    const reader = LogReader.open(join(a, "seed-4", "sink"));
    const faultRecords = [...reader.records({ types: ["decision"] })].filter(
      (r) => r.type === "decision" && r.kind === DecisionKind.fault,
    );
    reader.close();
    expect(faultRecords.length).toBe(
      Object.values(ra.seeds[0]!.faultCounts["halve->sink"]!).reduce((x, y) => x + y),
    );
    // What the sink recorded is what came out: the inputs, in order.
    const sinkIn = readInputs(join(a, "seed-4", "sink"));
    const sourceIn = readInputs(join(a, "seed-4", "source"));
    expect(sinkIn.map((r) => r.streamSeq)).toEqual(sourceIn.map((_, i) => i));
    expect(sinkIn.map((r) => Buffer.from(r.payload).toString())).toEqual(
      sourceIn.map((r) => Buffer.from(r.payload).toString()),
    );

    // Replaying the recorded plan (instead of drawing from the seed) gives the same run again.
    const rc = await torture(opts({ seeds: { from: 4n, to: 4n }, keep: c, plan: a }));
    expect(rc.seeds[0]!.ok).toBe(true);
    expect(rc.seeds[0]!.faultCounts).toEqual(ra.seeds[0]!.faultCounts);
    expectSameBytes(a, c);
    // A plan is replayed only into the run it was recorded in: not another seed's, or length.
    cpSync(join(a, "seed-4"), join(a, "seed-5"), { recursive: true });
    await expect(torture(opts({ seeds: { from: 5n, to: 5n }, plan: a }))).rejects.toThrow(
      /the run recorded in .*seed-5 is another run: seed 4, not 5/,
    );
    const events = ra.events;
    await expect(torture(opts({ seeds: { from: 4n, to: 4n }, plan: a, events: events + 1 }))).rejects.toThrow(
      new RegExp(`is another run: its source sent ${events} other events than these ${events + 1}`),
    );
    // The report says the faults came from the plan: the spec that run drew them from.
    expect(rc.faults).toBe(ra.faults);
    expect(formatSummary(rc)).toContain(`faults ${ra.faults}, as recorded (--plan)`);
  });
});

describe("each process's log replays on its own", () => {
  it("replays a stage's recorded decisions, and notices a log that does not match its stage", async () => {
    const keep = join(scratch, "noisy");
    const rep = await torture(
      opts({ app: "src/faults/fixtures/noisy-app.ts", seeds: { from: 6n, to: 6n }, keep }),
    );
    const s = rep.seeds[0]!;
    expect(s.ok, formatSeedResult(s).join("\n")).toBe(true);
    expect(s.replayed).toEqual({ stages: 2, events: 400 });
    const log = join(keep, "seed-6", "double");
    const noisy = await loadPipelineApp("src/faults/fixtures/noisy-app.ts", cwd);
    expect((await replayStageLog(noisy, "double", log, 6n)).divergence).toBeUndefined();
    // The same log against a stage that makes no decisions: the replay says where it differs.
    const plain = await loadPipelineApp(APP, cwd);
    const d = await replayStageLog(plain, "double", log, 6n);
    expect(d.divergence).toMatch(
      /^event seq \d+ \(link seq 0\): the recording has 2 decision\(s\), the replay asked for 0$/,
    );
  });
});

describe("torture catches broken links", () => {
  it("fails, and reproduces the failure byte for byte, when duplicates are not dropped", async () => {
    const a = join(scratch, "dedupe-a");
    const b = join(scratch, "dedupe-b");
    const ra = await torture(opts({ seeds: { from: 2n, to: 2n }, unsafe: "no-dedupe", keep: a }));
    const s = ra.seeds[0]!;
    expect(s.ok).toBe(false);
    expect(s.failure?.kind).toBe("duplicate");
    expect(s.outputs).toBeGreaterThan(200);
    expect(s.faultsNear.some((f) => f.fault.kind === "dup")).toBe(true);
    // Followed through the recordings, the repeated message reached the sink twice.
    expect(s.path).toMatch(
      /^path of message \d+: source seq \d+ → double seq .* → sink seq \d+,\d+ \(received twice\)$/,
    );
    expect(s.command).toBe(
      `hindsight torture --app ${APP} --seeds 2..2 --faults drop=0.02,delay=0.03,dup=0.03,gap=5,maxdelay=3 --events 200 --unsafe no-dedupe --stall 5000 --timeout 30000`,
    );
    const text = formatSeedResult(s).join("\n");
    expect(text).toMatch(
      /^seed 2: FAILED: output #\d+ is a duplicate: expected .*, got .* again \(output #\d+\)/,
    );
    expect(text).toContain(`reproduce: ${s.command}`);
    // The same command again: the same failure, the same recordings.
    const rb = await torture(opts({ seeds: { from: 2n, to: 2n }, unsafe: "no-dedupe", keep: b }));
    expect(formatSeedResult({ ...rb.seeds[0]!, recordings: s.recordings! }).join("\n")).toBe(text);
    expectSameBytes(a, b);
  });

  it("fails with the first missing output when lost frames are not resent", async () => {
    const rep = await torture(opts({ seeds: { from: 3n, to: 3n }, unsafe: "no-resend", stallMs: 1_000 }));
    const s = rep.seeds[0]!;
    expect(s.ok).toBe(false);
    expect(s.outcome).toBe("stalled");
    expect(s.failure?.kind).toBe("missing");
    expect(s.failure?.index).toBe(s.outputs);
    // The drop that lost it is named among the faults around it, and the recordings show
    // where the message got to: sent on by one process, never received by the next.
    expect(s.faultsNear.some((f) => f.fault.kind === "drop")).toBe(true);
    expect(s.path).toMatch(/\(out \d+\) → \w+ \(not received\)/);
  });

  it("a run that ends before its source sent everything: the source log's STOP marker counts what it holds", async () => {
    const keep = join(scratch, "cut-off");
    const rep = await torture(opts({ seeds: { from: 1n, to: 1n }, events: 300_000, timeoutMs: 400, keep }));
    expect(rep.seeds[0]!.outcome).toBe("timeout");
    const r = LogReader.open(join(keep, "seed-1", "source"));
    const recs = [...r.records()];
    r.close();
    const inputs = recs.filter((x) => x.type === "input").length;
    expect(inputs).toBeLessThan(300_000);
    expect(recs.at(-1)).toMatchObject({ type: "marker", status: "timeout", events: inputs });
  });
});

describe("firstFailure", () => {
  const b = (xs: number[]) => xs.map((x) => new TextEncoder().encode(String(x)));
  const show = (p: Uint8Array) => new TextDecoder().decode(p);
  it("tells missing, duplicate, wrong and extra outputs apart", () => {
    expect(firstFailure(b([1, 2, 3]), b([1, 2, 3]), show)).toBeUndefined();
    expect(firstFailure(b([1, 2]), b([1, 2, 3]), show)).toEqual({ kind: "missing", index: 2, expected: "3" });
    expect(firstFailure(b([1, 3]), b([1, 2, 3]), show)).toMatchObject({
      kind: "missing",
      index: 1,
      got: "3",
    });
    expect(firstFailure(b([1, 2, 1, 3]), b([1, 2, 3]), show)).toMatchObject({
      kind: "duplicate",
      index: 2,
      repeats: 0,
    });
    expect(firstFailure(b([1, 9, 3]), b([1, 2, 3]), show)).toMatchObject({ kind: "wrong", index: 1 });
    expect(firstFailure(b([1, 2, 3, 4]), b([1, 2, 3]), show)).toMatchObject({ kind: "extra", index: 3 });
  });
});

describe("reproduceCommand", () => {
  it("carries every option that decides the run, a stall limit other than the default included", () => {
    const base: TortureOptions = {
      app: "double-halve",
      seeds: { from: 1n, to: 9n },
      faults: parseFaultSpec("drop=0.1"),
      events: 50,
      cwd,
    };
    expect(reproduceCommand(base, 7n)).not.toContain("--stall");
    expect(reproduceCommand({ ...base, stallMs: 3_000 }, 7n)).not.toContain("--stall");
    expect(reproduceCommand({ ...base, stallMs: 1_500 }, 7n)).toMatch(/--seeds 7\.\.7 .*--stall 1500$/);
    expect(reproduceCommand(base, 7n)).not.toContain("--timeout");
    expect(reproduceCommand({ ...base, timeoutMs: 1_000 }, 7n)).toMatch(/--timeout 1000$/);
  });
});
