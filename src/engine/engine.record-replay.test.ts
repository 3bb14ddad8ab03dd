import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it, vi } from "vitest";
import { isHindsightError } from "../errors.js";
import { DecisionKind, type DecisionRecord, MarkerKind } from "../format/records.js";
import { decisionKindName } from "../index.js";
import { LogReader, LogWriter } from "../log/index.js";
import { readIndexFile } from "../log/segment-files.js";
import { type AppRun, type RunOptions, startRun } from "../recorder/app-run.js";
import { DecisionLog } from "../recorder/decision-log.js";
import { replay } from "../replayer/replay.js";
import { renderResult, resultToJson, verifyRecording } from "../verify/verify.js";
import { type App, defineApp, keyed, map, type StepContext } from "./app.js";
import { codecs, decodeUtf8, encodeUtf8 } from "./codec.js";
import { stageOf } from "./stage.js";

const root = mkdtempSync(join(tmpdir(), "hindsight-engine-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const fresh = () => join(root, `rec-${n++}`);

interface Ev {
  k: string;
  x: number;
}

/** An app that uses every kind of decision: clock, random, look-up, timers, keyed state. */
function kitchenSink(opts: { fetch: (k: string) => unknown; resetEvery?: bigint; emitTicks?: boolean }): App {
  return defineApp({
    name: "kitchen-sink",
    inputs: { a: codecs.json<Ev>(), b: codecs.json<Ev>() },
    sinks: { out: codecs.json() },
    steps: {
      scale: map<Ev, Ev>({ from: "a", fn: (v) => ({ ...v, x: v.x * 10 }) }),
      acc: keyed<Ev, { n: number }>({
        from: ["scale", "b"],
        key: (v) => v.k,
        async handle(v, ctx) {
          const r = ctx.random("jitter");
          const t = ctx.now();
          const ref = await ctx.lookup("ref", v.k, opts.fetch);
          const prev = ctx.state;
          if (prev === undefined && opts.resetEvery) ctx.timers.every("reset", opts.resetEvery);
          ctx.state = { n: (prev?.n ?? 0) + v.x };
          ctx.emit("out", { k: v.k, n: ctx.state.n, r, t, ref, from: ctx.from });
          return undefined;
        },
        onTick(tick, ctx) {
          if (opts.emitTicks !== false)
            ctx.emit("out", { tick: tick.name, key: ctx.key, at: tick.timeNs, was: ctx.state?.n ?? null });
          ctx.state = { n: 0 };
        },
      }),
    },
  });
}

const events: { stream: string; v: Ev; t: bigint }[] = [];
for (let i = 0; i < 300; i++)
  events.push({
    stream: i % 3 === 0 ? "b" : "a",
    v: { k: `k${i % 7}`, x: i },
    t: 1_000_000n + BigInt(i) * 100n,
  });

/** The first three events, all on stream "a" (what a one-step app reads). */
const ON_A = events.slice(0, 3).map((e) => ({ ...e, stream: "a" }));

async function record(
  app: App,
  dir: string,
  opts: Partial<RunOptions> = {},
  evs = events,
): Promise<{ outputs: string[]; run: AppRun }> {
  const outputs: string[] = [];
  let clock = 5_000_000_000n;
  const run = await startRun(app, {
    out: dir,
    clock: () => (clock += 7n),
    seed: "42",
    outputs: "full",
    checkpointEvery: 50,
    writer: { fsync: "never" },
    onOutput: (o) => outputs.push(Buffer.from(o.bytes).toString()),
    ...opts,
  });
  for (const e of evs) await run.push(e.stream, e.v, e.t);
  await run.stop();
  return { outputs, run };
}

/** An app of one step `s` from stream `a` to sink `out`, running `fn` on each event. */
function oneStepApp(name: string, fn: (v: Ev, ctx: StepContext<never>) => Promise<unknown>): App {
  return defineApp({
    name,
    inputs: { a: codecs.json<Ev>() },
    sinks: { out: codecs.json() },
    steps: { s: map<Ev, unknown>({ from: "a", to: "out", fn }) },
  });
}

/** A one-step app keyed by `k`, on stream "a" into sink "out": `step` gives handle (and onTick). */
function keyedApp<V extends { k: string }, S>(
  name: string,
  step: Omit<Parameters<typeof keyed<V, S>>[0], "from" | "key">,
): App {
  return defineApp({
    name,
    inputs: { a: codecs.json<V>() },
    sinks: { out: codecs.json() },
    steps: { s: keyed<V, S>({ from: "a", key: (v) => v.k, ...step }) },
  });
}

/** The decision records of a recording that `keep` accepts. */
function decisionsOf(reader: LogReader, keep: (r: DecisionRecord) => boolean): DecisionRecord[] {
  const out: DecisionRecord[] = [];
  for (const r of reader.records({ types: ["decision"] })) if (r.type === "decision" && keep(r)) out.push(r);
  return out;
}

/** Replays comparing outputs, expects no divergence and the recorded outputs; closes the reader. */
async function expectSameReplay(reader: LogReader, app: App, recorded: string[]): Promise<void> {
  const outputs: string[] = [];
  const res = await replay(reader, app, {
    compareOutputs: true,
    onOutput: (o) => outputs.push(Buffer.from(o.bytes).toString()),
  });
  reader.close();
  expect(res.divergence).toBeNull();
  expect(outputs).toEqual(recorded);
}

/** Records `evs` with `app` until it fails (`failure`), then checks the replay fails the same way. */
async function expectFailsAsRecorded(
  app: App,
  evs: readonly { stream: string; v: Ev; t: bigint }[],
  failure: RegExp,
): Promise<void> {
  const dir = fresh();
  const run = await startRun(app, { out: dir, seed: "42", writer: { fsync: "never" } });
  let message = "";
  try {
    for (const e of evs) await run.push(e.stream, e.v, e.t);
  } catch (e) {
    message = (e as Error).message;
  }
  expect(run.failed).toBe(true);
  const recorded = await run.stop(`failed: ${message}`);
  expect(message).toMatch(failure);
  const reader = LogReader.open(dir);
  const again = await replay(reader, app, { compareOutputs: true });
  reader.close();
  expect(again.divergence).toBeNull();
  expect(again.failedAsRecorded?.message).toMatch(failure);
  // verify says so too, in its result and its JSON.
  const v = await verifyRecording(dir, app);
  expect(v.status).toBe("identical");
  expect(v.failedAsRecorded).toEqual(again.failedAsRecorded);
  // The failing event counts as replayed, as record counted it.
  expect([v.events, v.ticks]).toEqual([recorded.events, recorded.ticks]);
  expect((resultToJson(v) as { failedAsRecorded?: unknown }).failedAsRecorded).toEqual(
    again.failedAsRecorded,
  );
}

describe("record then replay", () => {
  it("replays every output byte for byte, and never calls a look-up's fetch on replay", async () => {
    const dir = fresh();
    let fetches = 0;
    const app = kitchenSink({
      fetch: (k) => ({ ref: k.toUpperCase(), fetched: ++fetches }),
      resetEvery: 5_000n,
    });
    const { outputs, run } = await record(app, dir);
    expect(fetches).toBe(300);
    const fetchesAfterRecord = fetches;
    // verify counts events and ticks as record does.
    const recorded = await run.stop();
    const v = await verifyRecording(dir, app);
    expect(recorded.ticks).toBeGreaterThan(0);
    expect([v.events, v.ticks]).toEqual([recorded.events, recorded.ticks]);
    const reader = LogReader.open(dir);
    const replayed: string[] = [];
    const res = await replay(reader, app, {
      compareOutputs: true,
      onOutput: (o) => replayed.push(Buffer.from(o.bytes).toString()),
    });
    expect(res.divergence).toBeNull();
    expect(fetches).toBe(fetchesAfterRecord);
    expect(replayed).toEqual(outputs);
    expect(res.checkpointsVerified).toBe(6);
    // ticks happened and were replayed
    expect(outputs.some((o) => o.includes('"tick":"reset"'))).toBe(true);
    reader.close();
  });

  it("stores a look-up value read many times once per checkpoint interval (content-addressed)", async () => {
    const dir = fresh();
    const app = kitchenSink({ fetch: () => ({ same: true }) });
    await record(app, dir);
    const reader = LogReader.open(dir);
    const blobs = [...reader.records({ types: ["blob"] })];
    const lookups = [...reader.records({ types: ["decision"] })].filter(
      (r) => r.type === "decision" && r.kind === DecisionKind.lookup,
    );
    // Checkpoints after events 50, 100 … 300: the value is stored in each of the 6 intervals
    // that use it, first before the first look-up naming it.
    expect(blobs).toHaveLength(6);
    expect(lookups).toHaveLength(300);
    const checkpoints = [...reader.records({ types: ["checkpoint"] })].map((r) => r.seq);
    for (const [i, b] of blobs.entries()) {
      expect(b.seq).toBeGreaterThan(i === 0 ? 0 : (checkpoints[i - 1] as number));
      expect(b.seq).toBeLessThan(lookups.find((l) => l.seq > b.seq)!.seq);
    }
    reader.close();
  });

  it("a replay from a checkpoint reads nothing before it, look-ups included; an older recording's damage there is an error, not a crash", async () => {
    const app = kitchenSink({ fetch: (k) => ({ k }) });
    const small = { writer: { fsync: "never" as const, blockSize: 1024 } };
    /** Flips a byte in the second block (the first holds the START marker), replays to the end. */
    const damagedReplay = async (dir: string) => {
      // Up to the last checkpoint, which ends the recording: from the one before, 50 events.
      const before = LogReader.open(dir);
      const last = [...before.records({ types: ["checkpoint"] })].at(-1)?.seq ?? 0;
      before.close();
      const seg = join(dir, "segment-000001.hsl");
      const second = readIndexFile(join(dir, "segment-000001.hsi"))?.entries?.[1];
      expect(second?.firstSeq).toBeLessThan(50); // before the first checkpoint
      const bytes = readFileSync(seg);
      const at = (second?.offset ?? 0) + 56 + 10;
      bytes[at] = (bytes[at] as number) ^ 0xff;
      writeFileSync(seg, bytes);
      const reader = LogReader.open(dir);
      try {
        return await replay(reader, app, { until: last - 1, watchStall: () => () => undefined });
      } finally {
        reader.close();
      }
    };
    const dir = fresh();
    await record(app, dir, small);
    const res = await damagedReplay(dir);
    expect(res.divergence).toBeNull();
    expect(res.startedFrom?.eventSeq).toBeGreaterThan(0);
    expect(res.eventsReplayed).toBe(50);

    // As the recorder wrote them before: each value once, maybe long before the checkpoint. The
    // replay looks back for it, meets the damaged block, and says so (it used to escape as an
    // unhandled rejection that ended the process).
    const old = fresh();
    const once = vi.spyOn(DecisionLog.prototype, "forgetBlobs").mockImplementation(() => undefined);
    try {
      await record(app, old, small);
    } finally {
      once.mockRestore();
    }
    await expect(damagedReplay(old)).rejects.toMatchObject({ code: "CORRUPT_BLOCK" });
  });

  it("a look-up whose fetch fails is recorded: a fallback replays the same, and so does a run that failed on it", async () => {
    // The outside service is down for some keys: the step catches the error and falls back.
    const flaky = (k: string) => {
      if (k.endsWith("3")) throw new Error(`service down for ${k}`);
      return { k };
    };
    /** One step looking up each event's key; `catchIt`: fall back when the look-up fails. */
    const lookupApp = (catchIt: boolean) =>
      oneStepApp("fallback", async (v, ctx) => {
        try {
          return { k: v.k, ref: await ctx.lookup("ref", v.k, flaky) };
        } catch (e) {
          if (!catchIt) throw e;
          return { k: v.k, fallback: (e as Error).message };
        }
      });
    const dir = fresh();
    const app = lookupApp(true);
    const evs = Array.from({ length: 40 }, (_, i) => ({
      stream: "a",
      v: { k: `k${i}`, x: i },
      t: BigInt(1000 + i),
    }));
    const { outputs } = await record(app, dir, {}, evs);
    expect(outputs.filter((o) => o.includes('"fallback":"service down for k3"'))).toHaveLength(1);
    const reader = LogReader.open(dir);
    const failed = decisionsOf(reader, (r) => r.kind === DecisionKind.lookup && r.contentHash.length === 0);
    expect(failed.map((r) => Buffer.from(r.value).toString())).toEqual([
      "service down for k3",
      "service down for k13",
      "service down for k23",
      "service down for k33",
    ]);
    await expectSameReplay(reader, app, outputs);
    // The same service failure, not caught: the run fails on it, and the replay fails the same way.
    await expectFailsAsRecorded(lookupApp(false), evs, /service down for k3/);
  });

  it("a build that no longer fails where the recorded run failed: the divergence says the recorded run failed there", async () => {
    const evs = Array.from({ length: 6 }, (_, i) => ({
      stream: "a",
      v: { k: `k${i}`, x: i },
      t: BigInt(1000 + i),
    }));
    const buggy = oneStepApp("bug", async (v) => {
      if (v.k === "k3") throw new Error("k3 is not allowed");
      return { k: v.k };
    });
    await expectFailsAsRecorded(buggy, evs, /k3 is not allowed/);
    const dir = fresh();
    const run = await startRun(buggy, { out: dir, writer: { fsync: "never" } });
    let message = "";
    try {
      for (const e of evs) await run.push(e.stream, e.v, e.t);
    } catch (err) {
      message = (err as Error).message;
    }
    await run.stop(`failed: ${message}`);
    const reader = LogReader.open(dir);
    const fixed = await replay(
      reader,
      oneStepApp("bug", async (v) => ({ k: v.k })),
      { compareOutputs: true },
    );
    reader.close();
    expect(fixed.divergence?.eventSeq).toBe(1 + 3 * 2); // START, then input and output per event
    expect(fixed.notes).toContainEqual(
      expect.stringMatching(
        /^the recorded run failed at this event \(seq 7\): .*k3 is not allowed; this build does not fail there/,
      ),
    );
    // A divergence before the failing event says nothing of it.
    const reader2 = LogReader.open(dir);
    const early = await replay(
      reader2,
      oneStepApp("bug", async (v) => ({ k: v.k, changed: true })),
      { compareOutputs: true },
    );
    reader2.close();
    expect(early.divergence?.eventSeq).toBe(1);
    expect(early.notes.join(" ")).not.toContain("recorded run failed");
    // A build that handles that event without failing and writes nothing for it: nothing is
    // extra there, and the failure it no longer has is the divergence (a note for replay).
    const quiet = oneStepApp("bug", async (v) => (v.k === "k3" ? undefined : { k: v.k }));
    const reader3 = LogReader.open(dir);
    const handled = await replay(reader3, quiet, { compareOutputs: true });
    const stateOnly = await replay(reader3, quiet, {});
    reader3.close();
    expect(handled.divergence).toMatchObject({
      kind: "app-error",
      eventSeq: 7,
      message: expect.stringMatching(
        /^the recorded run failed at this event \(.*k3 is not allowed\), but this build handles it without failing$/,
      ),
    });
    expect(stateOnly.divergence).toBeNull();
    expect(stateOnly.notes).toContainEqual(
      expect.stringMatching(
        /^the recorded run failed at event seq 7 \(.*k3 is not allowed\), but this build handles it/,
      ),
    );
    expect((await verifyRecording(dir, quiet)).status).toBe("diverged");
  });

  it("a look-up value that is not JSON data is a failed look-up: a fallback replays the same, and so does a run that fails on it", async () => {
    const badApp = (catchIt: boolean) =>
      oneStepApp("not-json", async (v, ctx) => {
        try {
          return { k: v.k, ref: await ctx.lookup("ref", v.k, (k) => (k === "k2" ? new Map() : { k })) };
        } catch (e) {
          if (!catchIt) throw e;
          return { k: v.k, fallback: (e as Error).message };
        }
      });
    const evs = Array.from({ length: 5 }, (_, i) => ({
      stream: "a",
      v: { k: `k${i}`, x: i },
      t: BigInt(1000 + i),
    }));
    const app = badApp(true);
    const dir = fresh();
    const { outputs } = await record(app, dir, {}, evs);
    expect(outputs[2]).toMatch(
      /"fallback":"lookup 'ref' in step 's' returned a value that is not JSON data: Map/,
    );
    await expectSameReplay(LogReader.open(dir), app, outputs);
    await expectFailsAsRecorded(badApp(false), evs, /not JSON data/);
  });

  /**
   * State whose canonical form (format 1) would not come back the same: key order (spread into
   * the output), a whole double beyond 2^53, -0, objects shaped like tags; and a property holding
   * undefined (format 2 left it out), which the step tests with `in` and Object.keys.
   */
  const exactStateApp = defineApp({
    name: "exact-state",
    inputs: { a: codecs.json<Ev>() },
    sinks: { out: codecs.json() },
    steps: {
      s: keyed<Ev, Record<string, unknown>>({
        from: "a",
        to: "out",
        key: (v) => v.k,
        handle(v, ctx) {
          const p = ctx.state ?? {
            z: 0,
            a: 0,
            big: 2 ** 60,
            neg: -0,
            tag: { $bigint: "1" },
            u: undefined,
            und: { $undefined: true },
            dict: Object.create(null),
          };
          ctx.state = { ...p, a: (p["a"] as number) + v.x, big: (p["big"] as number) + 2048 };
          return {
            ...ctx.state,
            negIsNeg: Object.is(ctx.state["neg"], -0),
            bigIs: typeof ctx.state["big"],
            hasU: "u" in ctx.state,
            keys: Object.keys(ctx.state).length,
            // An Object.create(null) dictionary has no "constructor" (an ordinary object would).
            dictCtor: typeof (ctx.state["dict"] as Record<string, unknown>)["constructor"],
          };
        },
      }),
    },
  });
  const exactStateEvents = Array.from({ length: 40 }, (_, i) => ({
    stream: "a",
    v: { k: `k${i % 3}`, x: i },
    t: BigInt(1000 + i),
  }));
  const stateFormatOf = (reader: LogReader): unknown => {
    const start = reader.get(reader.firstSeq);
    return start.type === "marker" && JSON.parse(start.configJson).stateFormat;
  };

  it("a replay from a checkpoint sees the very state a replay from the start does (state format 3)", async () => {
    const app = exactStateApp;
    const dir = fresh();
    const { outputs } = await record(app, dir, { checkpointEvery: 10 }, exactStateEvents);
    const reader = LogReader.open(dir);
    expect(stateFormatOf(reader)).toBe(3);
    const file = readdirSync(join(dir, "checkpoints"))[0] as string;
    const text = readFileSync(join(dir, "checkpoints", file), "utf8");
    expect(text).toMatch(/^\{"hindsightState":3,/);
    expect(text).toContain('"u":{"$undefined":true},"und":{"$object":{"$undefined":true}}');
    const until = reader.endSeq - 5;
    const fromCheckpoint = await replay(reader, app, { until, compareOutputs: true });
    const fromStart = await replay(reader, app, { until, compareOutputs: true, useCheckpoints: false });
    expect(fromCheckpoint.startedFrom).not.toBeNull();
    expect(fromCheckpoint.divergence).toBeNull();
    expect(fromStart.divergence).toBeNull();
    for (const k of ["k0", "k1", "k2"]) {
      const a = fromCheckpoint.engine.stateOf("s")?.get(k) as Record<string, unknown>;
      const b = fromStart.engine.stateOf("s")?.get(k) as Record<string, unknown>;
      expect(Object.keys(a)).toEqual(["z", "a", "big", "neg", "tag", "u", "und", "dict"]);
      expect(Object.getPrototypeOf(a["dict"])).toBeNull();
      expect(Object.keys(a)).toEqual(Object.keys(b));
      expect(typeof a["big"]).toBe("number");
      expect(Object.is(a["neg"], -0)).toBe(true);
      expect(a["tag"]).toEqual({ $bigint: "1" });
      expect("u" in a && a["u"] === undefined).toBe(true);
      expect(a["und"]).toEqual({ $undefined: true });
      expect(a).toEqual(b);
    }
    await expectSameReplay(reader, app, outputs);
  });

  it("a recording made in state format 2 still verifies in format 2; from its checkpoints a property holding undefined is absent, as documented", async () => {
    const app = exactStateApp;
    const dir = fresh();
    const { outputs } = await record(app, dir, { checkpointEvery: 10, stateFormat: 2 }, exactStateEvents);
    const reader = LogReader.open(dir);
    expect(stateFormatOf(reader)).toBe(2);
    const file = readdirSync(join(dir, "checkpoints"))[0] as string;
    const text = readFileSync(join(dir, "checkpoints", file), "utf8");
    expect(text).toMatch(/^\{"hindsightState":2,/);
    expect(text).not.toContain('"u":');
    // From the start, every output and checkpoint digest (taken in format 2) matches.
    await expectSameReplay(reader, app, outputs);
    const fromStart = await replay(reader, app, { compareOutputs: true, useCheckpoints: false });
    expect(fromStart.divergence).toBeNull();
    // From a checkpoint, the step sees no "u": the replay says where that changed an output.
    const fromCheckpoint = await replay(reader, app, { until: reader.endSeq - 5, compareOutputs: true });
    expect(fromCheckpoint.startedFrom).not.toBeNull();
    expect(fromCheckpoint.divergence?.kind).toBe("output-mismatch");
    expect(fromCheckpoint.engine.stateOf("s")?.get("k0")).not.toHaveProperty("u");
  });

  it("a recording in a state format this build does not read is incompatible, saying so", async () => {
    const dir = fresh();
    await record(exactStateApp, dir, { checkpointEvery: 10, stateFormat: 7 as never }, exactStateEvents);
    const reader = LogReader.open(dir);
    const err = await replay(reader, exactStateApp).then(
      () => null,
      (e: unknown) => e,
    );
    expect(isHindsightError(err) && err.code).toBe("INCOMPATIBLE");
    expect((err as Error).message).toContain(
      "recording's checkpoints are in state format 7; this build reads state formats 1, 2, 3 (use a hindsight release that reads it)",
    );
    expect(isHindsightError(err) && err.hint).toBe(
      "replay it with a hindsight release that reads it (each reason names what it needs)",
    );
  });

  it("state that cannot be checkpointed fails the run, naming the step and key; a timer before 0 ns is refused in the step", async () => {
    const mapApp = defineApp({
      name: "map-state",
      inputs: { a: codecs.json<Ev>() },
      sinks: { out: codecs.json() },
      steps: {
        s: keyed<Ev, unknown>({
          from: "a",
          to: "out",
          key: (v) => v.k,
          handle(v, ctx) {
            ctx.state = v.x === 2 ? { seen: new Map() } : { x: v.x };
            return v.x;
          },
        }),
      },
    });
    const run = await startRun(mapApp, { out: fresh(), checkpointEvery: 3, writer: { fsync: "never" } });
    run.push("a", { k: "k0", x: 0 }, 1000n);
    run.push("a", { k: "k1", x: 1 }, 1001n);
    let failure: unknown;
    try {
      run.push("a", { k: "k2", x: 2 }, 1002n); // the third event: a checkpoint after it
    } catch (e) {
      failure = e;
    }
    expect(failure).toMatchObject({
      code: "APP_ERROR",
      message: `keyed state cannot be checkpointed: Map at $.seen is not plain data (use objects, arrays, strings, numbers, bigint, booleans, null), in the state of step 's' for key "k2"`,
    });
    // The run failed: nothing more is accepted, and the STOP marker says why.
    expect(() => run.push("a", { k: "k4", x: 4 }, 1004n)).toThrow(/failed earlier/);
    expect((await run.stop()).status).toMatch(/^failed: keyed state cannot be checkpointed/);
    const timerApp = oneStepApp("timer", async (_v, ctx) => {
      (ctx as unknown as { timers: { at(n: string, t: bigint): void } }).timers.at("oops", -5n);
      return 1;
    });
    await expect(
      record(
        timerApp,
        fresh(),
        {},
        events.slice(0, 1).map((e) => ({ ...e, stream: "a" })),
      ),
    ).rejects.toThrow(
      /step 's' threw .*timer 'oops': time -5 is not a bigint of nanoseconds in 1\.\.2\^64-1/,
    );
  });

  it("pushes queued behind an asynchronous one are all recorded before stop() seals the run", async () => {
    const app = oneStepApp("queued", async (v, ctx) => ({
      k: v.k,
      ref: await ctx.lookup("ref", v.k, async (k) => {
        await new Promise((r) => setTimeout(r, 3));
        return { k };
      }),
    }));
    const dir = fresh();
    const run = await startRun(app, { out: dir, seed: "42", writer: { fsync: "never" } });
    const pushed = Array.from({ length: 6 }, (_, i) => run.push("a", { k: `k${i}`, x: i }, BigInt(1000 + i)));
    // Not awaited: stop() waits for the whole queue.
    const summary = await run.stop();
    expect(summary).toMatchObject({ status: "ok", events: 6, outputs: 6 });
    await Promise.all(pushed);
    const reader = LogReader.open(dir);
    const res = await replay(reader, app, { compareOutputs: true });
    expect(res.divergence).toBeNull();
    expect(res.eventsReplayed).toBe(6);
    reader.close();
    // A push queued behind one that fails fails on its own terms: the run accepts nothing more.
    const failing = oneStepApp("fails", async (v, ctx) => {
      await ctx.lookup("ref", v.k, (k) => k);
      if (v.x === 0) throw new Error("boom");
      return v;
    });
    const run2 = await startRun(failing, { out: fresh(), writer: { fsync: "never" } });
    const [first, second] = await Promise.allSettled([
      run2.push("a", { k: "k0", x: 0 }, 1000n),
      run2.push("nope", { k: "k1", x: 1 }, 1001n),
    ]);
    expect(first).toMatchObject({ status: "rejected", reason: { message: expect.stringMatching(/boom/) } });
    expect(second).toMatchObject({
      status: "rejected",
      reason: { code: "CLOSED", message: expect.stringMatching(/failed earlier/) },
    });
    await run2.stop();
  });

  it("state a checkpoint cannot hold: a build that has it diverges, and a recorded run that failed on it fails the same way", async () => {
    /** Keeps NaN in the state of the event with `x === badAt` (a checkpoint cannot hold it). */
    const nanApp = (badAt: number | null) =>
      keyedApp<Ev, { n: number; bad: number }>("nan", {
        handle(v, ctx) {
          ctx.state = { n: v.x, bad: v.x === badAt ? Number.NaN : 0 };
          ctx.emit("out", { n: v.x });
          return undefined;
        },
      });
    const push = async (app: App, dir: string) => {
      const run = await startRun(app, { out: dir, checkpointEvery: 2, writer: { fsync: "never" } });
      for (let i = 0; i < 6; i++)
        try {
          await run.push("a", { k: "k", x: i }, BigInt(1000 + i));
        } catch {
          break;
        }
      return run.stop();
    };
    const good = fresh();
    expect(await push(nanApp(null), good)).toMatchObject({ status: "ok", checkpoints: 3 });
    const v1 = await verifyRecording(good, nanApp(3));
    expect(v1).toMatchObject({ status: "diverged" });
    expect(v1.divergence).toMatchObject({
      kind: "checkpoint-mismatch",
      message: expect.stringMatching(
        /^this build's state after event \d+ cannot be checkpointed \(recording with it would fail there\), but the recorded run's was: non-finite number NaN/,
      ),
    });
    // Recorded with the bad build: the run fails at the checkpoint after its 4th event.
    const bad = fresh();
    expect((await push(nanApp(3), bad)).status).toMatch(
      /^failed: keyed state cannot be checkpointed: non-finite number NaN/,
    );
    const same = await verifyRecording(bad, nanApp(3));
    expect(same).toMatchObject({
      status: "identical",
      failedAsRecorded: { message: expect.stringMatching(/NaN/) },
    });
    const fixed = await verifyRecording(bad, nanApp(null));
    expect(fixed).toMatchObject({ status: "diverged" });
    expect(fixed.divergence?.message).toMatch(
      /^the recorded run failed after this event, checkpointing its state \(keyed state cannot be checkpointed: .*\); this build's state can be checkpointed$/,
    );
  });

  it("ticks due together replay in the recorded order; a build that sets them the other way diverges at the first", async () => {
    const twoTimers = (names: string[]) =>
      keyedApp<{ k: string }, number>("two-timers", {
        handle(_v, ctx) {
          if (ctx.state === undefined) for (const n of names) ctx.timers.at(n, 5_000n);
          ctx.state = 1;
          return undefined;
        },
        onTick(t, ctx) {
          ctx.emit("out", { tick: t.name });
        },
      });
    const dir = fresh();
    const run = await startRun(twoTimers(["a", "b"]), { out: dir, writer: { fsync: "never" } });
    await run.push("a", { k: "x" }, 1_000n);
    await run.push("a", { k: "x" }, 9_000n);
    await run.stop();
    expect((await verifyRecording(dir, twoTimers(["a", "b"]))).status).toBe("identical");
    const v = await verifyRecording(dir, twoTimers(["b", "a"]));
    expect(v.status).toBe("diverged");
    expect(v.divergence).toMatchObject({
      kind: "tick-missing",
      eventSeq: 2,
      message:
        "tick order differs: the recording delivered timer 'a' of step 's' key \"x\", due 1970-01-01T00:00:00.000005000Z (5000 ns), here, but the app has timer 'b' of step 's' key \"x\" due at the same time and set before it",
    });
  });

  it("a repairs.json of any length is a few notes, not a crash", async () => {
    const app = oneStepApp("echo", async (v) => v);
    const dir = fresh();
    const run = await startRun(app, { out: dir, writer: { fsync: "never" } });
    await run.push("a", { k: "k", x: 1 }, 1000n);
    await run.stop();
    const entry = { at: "2026-12-02T00:00:00Z", checkpointsRemoved: ["checkpoints/ckpt-000000000001.state"] };
    writeFileSync(join(dir, "repairs.json"), JSON.stringify(Array.from({ length: 150_000 }, () => entry)));
    const v = await verifyRecording(dir, app);
    expect(v.status).toBe("identical");
    expect(v.notes.filter((n) => n.includes("checkpoint"))).toHaveLength(10);
    expect(v.notes).toContain("149990 earlier repair(s) not shown (repairs.json lists them)");
  });

  it("a verify report is one line per item, whatever an error message holds", async () => {
    const app = oneStepApp("multi-line", async (v) => {
      if (v.x === 2) throw new Error("boom\nsecond line\u001b[2J");
      return v;
    });
    const dir = fresh();
    const run = await startRun(app, { out: dir, writer: { fsync: "never" } });
    for (let i = 0; i < 4; i++)
      try {
        await run.push("a", { k: "k", x: i }, BigInt(1000 + i));
      } catch {
        break;
      }
    await run.stop();
    const text = renderResult(await verifyRecording(dir, app));
    expect(text).toMatch(/^✓ .*: identical/);
    const note = text.split("\n").find((l) => l.includes("fails the same way"));
    expect(note).toMatch(/boom\\nsecond line\\x1b\[2J$/);
    expect(text).not.toMatch(/\u001b/);
  });

  it("advanceTo is queued with pushes: an asynchronous tick is recorded before a push made after it", async () => {
    const app = keyedApp<{ k: string; at?: string }, number>("slow-ticks", {
      handle(v, ctx) {
        if (v.at) ctx.timers.at("t", BigInt(v.at));
        ctx.state = (ctx.state ?? 0) + 1;
        ctx.emit("out", { k: v.k, n: ctx.state });
        return undefined;
      },
      async onTick(tick, ctx) {
        const ref = await ctx.lookup("tickRef", ctx.key, async (k) => {
          await new Promise((r) => setTimeout(r, 15));
          return { k };
        });
        ctx.emit("out", { tick: tick.name, ref });
      },
    });
    const dir = fresh();
    const run = await startRun(app, { out: dir, writer: { fsync: "never" } });
    await run.push("a", { k: "x", at: "2000" }, 1000n);
    // Neither awaited before the next call: the tick (in flight on its look-up) comes first.
    const advanced = run.advanceTo(3000n);
    const pushed = run.push("a", { k: "y" }, 3000n);
    const stopped = run.stop();
    await Promise.all([advanced, pushed]);
    expect(await stopped).toMatchObject({ status: "ok", events: 2, ticks: 1, outputs: 3 });
    const reader = LogReader.open(dir);
    const kinds = [...reader.records()].flatMap((r) =>
      r.type === "input" ? ["input"] : r.type === "decision" ? [decisionKindName(r.kind)] : [],
    );
    expect(kinds).toEqual(["input", "tick", "lookup", "input"]);
    const res = await replay(reader, app, { compareOutputs: true });
    expect(res.divergence).toBeNull();
    reader.close();
    // A time outside the range is refused as push refuses it; the run goes on.
    const run2 = await startRun(app, { out: fresh(), writer: { fsync: "never" } });
    await expect(run2.advanceTo(0n)).rejects.toMatchObject({ code: "BAD_INPUT" });
    await run2.push("a", { k: "x" }, 5n);
    expect(await run2.stop()).toMatchObject({ status: "ok", events: 1 });
  });

  it("a time that would fire a periodic timer a million times at once is refused; the run goes on", async () => {
    const app = keyedApp<{ k: string }, number>("heartbeat", {
      handle(_v, ctx) {
        if (ctx.state === undefined) ctx.timers.every("hb", 1000n);
        ctx.state = (ctx.state ?? 0) + 1;
        return undefined;
      },
      onTick(_t, ctx) {
        ctx.emit("out", { beat: ctx.state });
      },
    });
    const dir = fresh();
    const run = await startRun(app, { out: dir, writer: { fsync: "never" } });
    await run.push("a", { k: "x" }, 1_000n);
    // Seconds since the epoch read as nanoseconds, the other way round: 10^9 ticks to catch up.
    expect(() => run.push("a", { k: "x" }, 1_000_000_002_000n)).toThrow(
      expect.objectContaining({
        code: "BAD_INPUT",
        message: expect.stringMatching(
          /^time 1000000002000 would fire timer 'hb' of step 's' \(key "x"\) 1000000001 times \(every 1000 ns from 2000\) before it: more than 1000000 ticks at once are refused$/,
        ),
      }),
    );
    await expect(run.advanceTo(10n ** 12n)).rejects.toMatchObject({ code: "BAD_INPUT" });
    await run.push("a", { k: "x" }, 5_500n);
    expect(await run.stop()).toMatchObject({ status: "ok", events: 2, ticks: 4 });
    // Refused before any timer fires: an earlier-due timer's ticks are not recorded either.
    const fast = keyedApp<{ k: string }, number>("heartbeat", {
      handle(_v, ctx) {
        if (ctx.state === undefined) {
          ctx.timers.every("hb", 1000n);
          ctx.timers.every("fast", 1n, 10_000n);
        }
        ctx.state = 1;
        return undefined;
      },
      onTick() {},
    });
    const run3 = await startRun(fast, { out: fresh(), writer: { fsync: "never" } });
    await run3.push("a", { k: "x" }, 1_000n);
    expect(() => run3.push("a", { k: "x" }, 2_000_000n)).toThrow(/timer 'fast' .* 1990001 times/);
    expect(await run3.stop()).toMatchObject({ events: 1, ticks: 0 });
    const v = await verifyRecording(dir, app);
    expect(v.status).toBe("identical");
  });

  it("timers that never let time pass fail the run; many periodic timers together are refused as one", async () => {
    // A tick that sets its timer again for its own time: the same pass fires it again, forever.
    const loop = keyedApp<{ k: string }, number>("loop", {
      handle(_v, ctx) {
        ctx.timers.at("again", 2_000n);
        return undefined;
      },
      onTick(t, ctx) {
        ctx.timers.at("again", t.timeNs);
      },
    });
    const run = await startRun(loop, { out: fresh(), writer: { fsync: "never" } });
    await run.push("a", { k: "x" }, 1_000n);
    let failure: unknown;
    try {
      await run.push("a", { k: "x" }, 3_000n);
    } catch (e) {
      failure = e;
    }
    expect(failure).toMatchObject({
      code: "APP_ERROR",
      message:
        "timers fired 1000000 ticks due at or before 3000 without time moving past it; the next is timer 'again' of step 's' (key \"x\"), due at 2000",
    });
    const sealed = await run.stop();
    expect(sealed.status).toMatch(/^failed: timers fired 1000000 ticks/);
    expect(sealed.ticks).toBe(1_000_000);
    // 20 keys of a periodic timer, 100 000 ticks each to catch up: 2 million at once, refused.
    const many = keyedApp<{ k: string }, number>("many", {
      handle(_v, ctx) {
        if (ctx.state === undefined) ctx.timers.every("hb", 10n);
        ctx.state = 1;
        return undefined;
      },
      onTick() {},
    });
    const run2 = await startRun(many, { out: fresh(), writer: { fsync: "never" } });
    for (let i = 0; i < 20; i++) await run2.push("a", { k: `k${i}` }, 1_000n);
    expect(() => run2.push("a", { k: "k0" }, 1_000_000n)).toThrow(
      /^time 1000000 would fire 1998000 ticks of periodic timers before it, timer 'hb' of step 's' \(key "k0"\) 99900 times \(every 10 ns from 1010\)/,
    );
    expect(await run2.stop()).toMatchObject({ status: "ok", events: 20, ticks: 0, timersPending: 20 });
  });

  it("a timer at 0 ns is refused in the step; a periodic timer whose next tick is past 2^64-1 ns ends", async () => {
    const zero = oneStepApp("zero", async (_v, ctx) => {
      (ctx as unknown as { timers: { at(n: string, t: bigint): void } }).timers.at("z", 0n);
      return 1;
    });
    await expect(
      record(
        zero,
        fresh(),
        {},
        events.slice(0, 1).map((e) => ({ ...e, stream: "a" })),
      ),
    ).rejects.toThrow(/timer 'z': time 0 is not a bigint of nanoseconds in 1\.\.2\^64-1/);
    const max = 2n ** 64n - 1n;
    const last = keyedApp<{ k: string }, number>("last", {
      handle(_v, ctx) {
        if (ctx.state === undefined) ctx.timers.every("hb", 10n, max - 5n);
        ctx.state = 1;
        return undefined;
      },
      onTick() {},
    });
    const dir = fresh();
    const run = await startRun(last, { out: dir, writer: { fsync: "never" } });
    await run.push("a", { k: "x" }, 1_000n);
    await run.advanceTo(max);
    expect(await run.stop()).toMatchObject({ status: "ok", ticks: 1, timersPending: 0 });
    expect((await verifyRecording(dir, last)).status).toBe("identical");
  });

  it("look-ups in flight together: strict mode traps neither fetcher, and the run verifies", async () => {
    // The slow fetcher reads the wall clock after the fast look-up has settled: that is the
    // outside service's business, not the step's.
    const app = oneStepApp("parallel", async (v, ctx) => {
      const [a, b] = await Promise.all([
        ctx.lookup("fast", v.k, (k) => ({ k })),
        ctx.lookup("slow", v.k, async (k) => {
          await new Promise((r) => setTimeout(r, 2));
          return { k, fetchedAt: Date.now() > 0 };
        }),
      ]);
      return { a, b };
    });
    const dir = fresh();
    const { outputs } = await record(
      app,
      dir,
      {},
      events.slice(0, 10).map((e) => ({ ...e, stream: "a" })),
    );
    expect(outputs).toHaveLength(10);
    await expectSameReplay(LogReader.open(dir), app, outputs);
    // After the last look-up settles, the step's own code is trapped again.
    const late = oneStepApp("late", async (v, ctx) => {
      await Promise.all([ctx.lookup("fast", v.k, (k) => k), ctx.lookup("slow", v.k, (k) => k)]);
      return Date.now();
    });
    await expect(
      record(
        late,
        fresh(),
        {},
        events.slice(0, 1).map((e) => ({ ...e, stream: "a" })),
      ),
    ).rejects.toThrow(/Date\.now\(\) called inside step 's'/);
  });

  it("abandon() seals a run whose event waits on a look-up that never settles; replay compares that event up to there", async () => {
    // Event k5's look-up 'a' never settles (until the test lets it); look-up 'b' beside it does.
    let letGo: (v: unknown) => void = () => undefined;
    const hang = (k: string) => (k === "k5" ? new Promise((r) => (letGo = r)) : { k });
    const hangApp = (first: string) =>
      oneStepApp("hang", async (v, ctx) => {
        const r = ctx.random(v.k === "k5" ? first : "r");
        const [a, b] = await Promise.all([ctx.lookup("a", v.k, hang), ctx.lookup("b", v.k, (k) => k)]);
        return { k: v.k, r, a, b };
      });
    const app = hangApp("r");
    const dir = fresh();
    const run = await startRun(app, { out: dir, seed: "42", writer: { fsync: "never" } });
    for (let i = 0; i < 5; i++) await run.push("a", { k: `k${i}`, x: i }, BigInt(1000 + i));
    expect(run.inFlight).toBeNull();
    const stuck = run.push("a", { k: "k5", x: 5 }, 1005n) as Promise<void>;
    expect(stuck).toBeInstanceOf(Promise);
    await new Promise((r) => setImmediate(r)); // 'b' settles and is recorded
    // START, then 7 records per event: input, draw, blob and look-up 'a', blob and look-up 'b', output.
    expect(run.inFlight).toEqual({ eventSeq: 1 + 5 * 7, waitingOn: ["look-up 'a' of step 's'"], step: "s" });
    const summary = run.abandon("test: never settles");
    expect(summary.status).toBe("sealed inside event seq 36: test: never settles");
    expect(summary.events).toBe(6);
    // The sealed run refuses more at once, and stop() answers, though the event never settles.
    expect(() => run.push("a", { k: "k6", x: 6 }, 1006n)).toThrow(/the run has been stopped/);
    await expect(run.advanceTo(2000n)).rejects.toThrow(/the run has been stopped/);
    expect((await run.stop()).status).toBe(summary.status);
    // What comes later for that event is not recorded: its push fails, the recording is untouched.
    letGo({ late: true });
    await expect(stuck).rejects.toThrow(/sealed while this event was in flight/);
    expect(run.abandon("again").status).toBe(summary.status);
    const reader = LogReader.open(dir);
    const last = decisionsOf(reader, (r) => r.eventSeq === 36);
    expect(last.map((r) => [r.index, r.name])).toEqual([
      [0, "r"],
      [2, "b"],
    ]);
    const again = await replay(reader, app, { compareOutputs: true });
    expect(again.divergence).toBeNull();
    expect(again.eventsReplayed).toBe(5);
    expect(again.notes.join("\n")).toMatch(
      /ends inside event seq 36 \(the run was sealed before it finished: test: never settles\)/,
    );
    // A build that decides differently in that event, before the point where the recording
    // ends, still diverges there.
    const other = await replay(reader, hangApp("r2"), { compareOutputs: true });
    expect(other.divergence?.kind).toBe("decision-mismatch");
    expect(other.divergence?.eventSeq).toBe(36);
    reader.close();
  });

  it("a replay whose step waits on something that never comes fails that event when the caller reports the stall", async () => {
    const app = oneStepApp("wait", async (v) => ({ k: v.k }));
    const dir = fresh();
    const evs = Array.from({ length: 4 }, (_, i) => ({
      stream: "a",
      v: { k: `k${i}`, x: i },
      t: BigInt(1000 + i),
    }));
    await record(app, dir, {}, evs);
    // Another build awaits a promise nothing settles at k2 (not a look-up: nothing recorded answers it).
    const stuck = oneStepApp("wait", async (v) => {
      if (v.k === "k2") await new Promise(() => undefined);
      return { k: v.k };
    });
    let stalled: (() => boolean) | null = null;
    let unwatched = false;
    const reader = LogReader.open(dir);
    const replaying = replay(reader, stuck, {
      compareOutputs: true,
      watchStall: (h) => {
        stalled = h;
        return () => {
          unwatched = true;
        };
      },
    });
    await new Promise((r) => setImmediate(r));
    expect((stalled as unknown as () => boolean)()).toBe(true); // the event at k2 was waiting
    const res = await replaying;
    expect(res.divergence?.kind).toBe("app-error");
    expect(res.divergence?.eventSeq).toBe(1 + 2 * 2); // START, then input and output per event
    expect(res.divergence?.message).toMatch(
      /event seq 5 never finished: step 's' waits on a promise that nothing/,
    );
    expect(res.eventsReplayed).toBe(2);
    expect(unwatched).toBe(true);
    // Nothing waits any more: a later stall is not the replay's.
    expect((stalled as unknown as () => boolean)()).toBe(false);
    reader.close();
  });

  it("gives the same outputs with the same seed and clock, and different random draws with another seed", async () => {
    const app = kitchenSink({ fetch: (k) => k });
    const a = await record(app, fresh());
    const b = await record(app, fresh());
    const c = await record(app, fresh(), { seed: "43" });
    expect(a.outputs).toEqual(b.outputs);
    expect(c.outputs).not.toEqual(a.outputs);
  });

  it("detects a missing tick (the new build sets its timer earlier) and an unknown tick (it sets none)", async () => {
    const dir = fresh();
    // No checkpoints: they would catch the missing timers first (timers are checkpointed state).
    await record(kitchenSink({ fetch: (k) => k, resetEvery: 5_000n }), dir, { checkpointEvery: 0 });
    const reader = LogReader.open(dir);
    const early = await replay(reader, kitchenSink({ fetch: (k) => k, resetEvery: 2_000n }), {
      compareOutputs: true,
    });
    expect(early.divergence?.kind).toBe("tick-missing");
    const none = await replay(reader, kitchenSink({ fetch: (k) => k }), { compareOutputs: true });
    expect(none.divergence?.kind).toBe("tick-unknown");
    expect(none.divergence?.message).toMatch(/timer 'reset' of step 'acc'.*never set/);
    reader.close();
  });

  it("names missing, extra, reordered and mismatched decisions", async () => {
    const dir = fresh();
    const mk = (body: (ctx: import("./app.js").StepContext<unknown>) => void) =>
      defineApp({
        name: "d",
        inputs: { a: codecs.json() },
        sinks: { out: codecs.json() },
        steps: {
          s: map({
            from: "a",
            fn: (_v, ctx) => {
              body(ctx as never);
              return undefined;
            },
          }),
        },
      });
    await record(
      mk((ctx) => {
        ctx.now();
        ctx.random("x");
      }),
      dir,
      {},
      ON_A,
    );
    const reader = LogReader.open(dir);
    const cases: [(ctx: import("./app.js").StepContext<unknown>) => void, string, RegExp][] = [
      [(ctx) => ctx.now(), "decision-missing", /missing decision: the recording has random 'x'/],
      [
        (ctx) => {
          ctx.now();
          ctx.random("x");
          ctx.random("y");
        },
        "decision-extra",
        /extra decision: step 's' asked for random 'y'/,
      ],
      [
        (ctx) => {
          ctx.random("x");
          ctx.now();
        },
        "decision-reordered",
        /reordered decision: step 's' asked for random 'x' as decision #0, but the recording has it as #1; the recording's #0, clock 'clock' from step 's', was not asked for before it \(dropped, or asked for later\)$/,
      ],
      [
        (ctx) => {
          ctx.now();
          ctx.random("z");
        },
        "decision-mismatch",
        /decision #1 differs: the recording has random 'x' from step 's', the app asked for random 'z' from step 's', which the recording does not have for this event \(asked in its place, or before it\)$/,
      ],
      [
        (ctx) => {
          ctx.now();
          ctx.now();
        },
        "decision-mismatch",
        /decision #1 differs: the recording has random 'x' from step 's', the app asked for clock 'clock' from step 's', which the recording has only as #0 \(asked for again here\)$/,
      ],
    ];
    for (const [body, kind, msg] of cases) {
      const res = await replay(reader, mk(body), { compareOutputs: true });
      expect(res.divergence?.kind).toBe(kind);
      expect(res.divergence?.message).toMatch(msg);
      expect(res.divergence?.eventSeq).toBe(1);
    }
    reader.close();
  });
});

describe("an output the app no longer writes", () => {
  it("is output-missing, naming the step that writes its sink", async () => {
    const mk = (skip: number) => oneStepApp("skips", async (v) => (v.x === skip ? undefined : { k: v.k }));
    const dir = fresh();
    await record(
      mk(-1),
      dir,
      {},
      events.slice(0, 8).map((e) => ({ ...e, stream: "a" })),
    );
    const v = await verifyRecording(dir, mk(5), {});
    expect(v.divergence).toMatchObject({ kind: "output-missing", step: "s" });
    expect(v.divergence?.event?.payload).toMatch(/"x":5\b/);
    expect(renderResult(v)).toMatch(/\n {2}step: s\n/);
  });
});

describe("an output that differs", () => {
  it("names the decisions recorded before it that the app did not ask for, as the likely cause", async () => {
    const mk = (body: (ctx: import("./app.js").StepContext<unknown>) => unknown) =>
      defineApp({
        name: "o",
        inputs: { a: codecs.json() },
        sinks: { out: codecs.json() },
        steps: { s: map({ from: "a", to: "out", fn: (_v, ctx) => body(ctx as never) }) },
      });
    const dir = fresh();
    await record(
      mk((ctx) => ({ t: ctx.now(), r: ctx.random("x") })),
      dir,
      {},
      ON_A,
    );
    const reader = LogReader.open(dir);
    const dropped = await replay(
      reader,
      mk((ctx) => ({ t: ctx.now(), r: 0.5 })),
      { compareOutputs: true },
    );
    expect(dropped.divergence?.kind).toBe("output-mismatch");
    // What was replayed before the divergence: the differing output is not among them.
    expect([dropped.eventsReplayed, dropped.outputs]).toEqual([0, 0]);
    expect(dropped.divergence?.message).toMatch(
      /differs from the recording; before this output the recorded run had asked for 1 decision\(s\) of this event that the app has not asked for \(random 'x' from step 's'\): the likely cause is one dropped or moved later, or an output written earlier than the recorded run wrote it$/,
    );
    const changed = await replay(
      reader,
      mk((ctx) => ({ t: ctx.now(), r: ctx.random("x") + 1 })),
      {
        compareOutputs: true,
      },
    );
    expect(changed.divergence?.kind).toBe("output-mismatch");
    expect(changed.divergence?.message).toMatch(/differs from the recording$/);
    reader.close();
  });
});

describe("embedding: an event too large to record", () => {
  it("is refused with BAD_INPUT naming the stream; the run goes on with no gap in stream positions", async () => {
    const app = defineApp({
      name: "echo",
      inputs: { a: codecs.json<Ev>() },
      sinks: { out: codecs.json() },
      steps: { copy: map<Ev, Ev>({ from: "a", to: "out", fn: (v) => v }) },
    });
    const dir = fresh();
    const run = await startRun(app, { out: dir, clock: () => 1n, writer: { maxRecordSize: 200 } });
    await run.push("a", { k: "small", x: 1 }, 10n);
    let err: unknown;
    try {
      await run.push("a", { k: "x".repeat(500), x: 2 }, 20n);
    } catch (e) {
      err = e;
    }
    expect(isHindsightError(err) && err.code).toBe("BAD_INPUT");
    expect((err as Error).message).toMatch(
      /^event on stream 'a' \(\d+ bytes\) cannot be recorded: record of \d+ bytes exceeds the limit of 200 bytes$/,
    );
    await run.push("a", { k: "small", x: 3 }, 30n);
    // A value the codec cannot encode is refused the same way, with no stream position used.
    expect(() => run.push("a", undefined, 40n)).toThrow(
      expect.objectContaining({
        code: "BAD_INPUT",
        message: expect.stringMatching(/^an event pushed on stream a does not encode with codec json: /),
      }),
    );
    // And a time a record cannot keep: 0 is "no time".
    for (const t of [0n, -5n, 2n ** 64n])
      expect(() => run.push("a", { k: "small", x: 4 }, t)).toThrow(
        expect.objectContaining({
          code: "BAD_INPUT",
          message: expect.stringMatching(/is outside 1\.\.2\^64-1 ns/),
        }),
      );
    // Refused, not failed: the run goes on.
    expect(run.failed).toBe(false);
    const summary = await run.stop();
    expect(summary.events).toBe(2);
    expect(summary.status).toBe("ok");
    const reader = LogReader.open(dir);
    const inputs = [...reader.records({ types: ["input"] })];
    reader.close();
    expect(inputs.map((r) => (r.type === "input" ? [r.streamSeq, r.timeNs] : []))).toEqual([
      [0, 10n],
      [1, 30n],
    ]);
  });
});

describe("a STOP marker", () => {
  it("counting other than the input events its run holds is a corrupt recording, not a verified one", async () => {
    const dir = fresh();
    const app = kitchenSink({ fetch: (k) => k });
    await record(app, dir, { checkpointEvery: 0 });
    const copy = async (to: string, events: (n: number) => number): Promise<void> => {
      const reader = LogReader.open(dir);
      const { kind: _k, formatVersion: _v, writer: _w, ...init } = reader.manifest;
      const w = LogWriter.create(to, init, { fsync: "never" });
      for (const r of reader.records())
        w.append(r.type === "marker" && r.kind === MarkerKind.stop ? { ...r, events: events(r.events) } : r);
      w.close();
      reader.close();
    };
    // A faithful copy verifies: the check counts what the recorder counts.
    const same = fresh();
    await copy(same, (n) => n);
    expect((await verifyRecording(same, app, {})).status).toBe("identical");
    // One event fewer than the marker says (as if a whole block of inputs had been taken out).
    const doctored = fresh();
    await copy(doctored, (n) => n + 1);
    const v = await verifyRecording(doctored, app, {});
    expect(v.status).toBe("error");
    expect(v.error?.code).toBe("CORRUPT_RECORD");
    expect(v.error?.message).toMatch(/says the run took 301 input event\(s\), but the recording holds 300/);
  });
});

describe("a decision or output record", () => {
  it("that names another event than the one being replayed is a corrupt recording", async () => {
    const dir = fresh();
    const app = kitchenSink({ fetch: (k) => k });
    await record(app, dir, { checkpointEvery: 0 });
    for (const type of ["decision", "output"] as const) {
      const doctored = fresh();
      const reader = LogReader.open(dir);
      const { kind: _k, formatVersion: _v, writer: _w, ...init } = reader.manifest;
      const w = LogWriter.create(doctored, init, { fsync: "never" });
      let moved = -1;
      for (const r of reader.records()) {
        // The first such record is made to claim the event before its own.
        if (moved < 0 && r.type === type && r.eventSeq > 0) {
          moved = r.seq;
          w.append({ ...r, eventSeq: r.eventSeq - 1 });
        } else w.append(r);
      }
      w.close();
      reader.close();
      const v = await verifyRecording(doctored, app, {});
      expect(v.status, type).toBe("error");
      expect(v.error?.code).toBe("CORRUPT_RECORD");
      expect(v.error?.message).toMatch(
        new RegExp(`^${type} at seq ${moved} belongs to event \\d+, which is not the event being replayed`),
      );
    }
  });
});

describe("checkpoints", () => {
  it("of a recording that names no build (embedded without `build`) are used, with a note; verify notes it too", async () => {
    const dir = fresh();
    const app = kitchenSink({ fetch: (k) => k });
    await record(app, dir);
    const reader = LogReader.open(dir);
    const res = await replay(reader, app, { until: Math.floor(reader.endSeq * 0.8), buildId: "sha256:ab" });
    reader.close();
    expect(res.startedFrom).not.toBeNull();
    expect(res.notes).toContainEqual(expect.stringMatching(/^the recording names no app build/));
    const v = await verifyRecording(dir, app, { buildId: "sha256:ab" });
    expect(v.status).toBe("identical");
    expect(v.buildChanged).toBe(false);
    expect(v.notes).toContainEqual(expect.stringMatching(/^the recording names no app build/));
  });

  it("replay --until from a checkpoint gives the same state as from the start", async () => {
    const dir = fresh();
    const app = kitchenSink({ fetch: (k) => k, resetEvery: 5_000n });
    await record(app, dir);
    const reader = LogReader.open(dir);
    const until = Math.floor(reader.endSeq * 0.8);
    const fast = await replay(reader, app, { until });
    const slow = await replay(reader, app, { until, useCheckpoints: false });
    expect(fast.startedFrom).not.toBeNull();
    expect(fast.eventsReplayed).toBeLessThan(slow.eventsReplayed);
    expect(Buffer.from(fast.engine.snapshot()).toString()).toBe(
      Buffer.from(slow.engine.snapshot()).toString(),
    );
    expect(fast.reachedSeq).toBe(slow.reachedSeq);
    reader.close();
  });

  it("rejects a checkpoint file whose digest does not match its record, and falls back to an earlier one", async () => {
    const dir = fresh();
    const app = kitchenSink({ fetch: (k) => k });
    await record(app, dir);
    const files = readdirSync(join(dir, "checkpoints")).sort();
    const last = files[files.length - 1] as string;
    writeFileSync(join(dir, "checkpoints", last), '{"hindsightState":1,"app":"kitchen-sink","steps":{}}');
    const reader = LogReader.open(dir);
    const res = await replay(reader, app, { until: reader.endSeq - 1 });
    expect(res.rejectedCheckpoints.map((r) => r.location)).toEqual([`checkpoints/${last}`]);
    expect(res.rejectedCheckpoints[0]?.reason).toMatch(/state digest .* ≠ recorded/);
    expect(res.startedFrom?.location).toBe(`checkpoints/${files[files.length - 2]}`);
    const full = await replay(reader, app, { until: reader.endSeq - 1, useCheckpoints: false });
    expect(Buffer.from(res.engine.snapshot()).toString()).toBe(
      Buffer.from(full.engine.snapshot()).toString(),
    );
    reader.close();
  });

  it("verify reports a checkpoint whose recorded digest the replayed state does not match", async () => {
    const dir = fresh();
    // Same outputs, different state: the state change is invisible in outputs until the checkpoint.
    const mk = (extra: number) =>
      defineApp({
        name: "cp",
        inputs: { a: codecs.json<Ev>() },
        sinks: { out: codecs.json() },
        steps: {
          s: keyed<Ev, { n: number }>({
            from: "a",
            key: (v) => v.k,
            handle(v, ctx) {
              ctx.state = { n: (ctx.state?.n ?? 0) + v.x + extra };
              return undefined;
            },
          }),
        },
      });
    await record(
      mk(0),
      dir,
      { checkpointEvery: 10 },
      events.slice(0, 30).map((e) => ({ ...e, stream: "a" })),
    );
    const reader = LogReader.open(dir);
    const res = await replay(reader, mk(1), { compareOutputs: true });
    expect(res.divergence?.kind).toBe("checkpoint-mismatch");
    expect(res.divergence?.eventSeq).toBe(10);
    reader.close();
  });
});

/** Pushes one event (1 on stream "a") through an unrecorded run of `app`: what it threw, if anything. */
async function pushOnce(app: App): Promise<unknown> {
  const run = await startRun(app, { clock: () => 1n });
  let err: unknown;
  try {
    await run.push("a", 1, 1n);
  } catch (e) {
    err = e;
  }
  await run.stop();
  return err;
}

describe("strict mode", () => {
  const ambient = (call: () => unknown) =>
    defineApp({
      name: "ambient",
      inputs: { a: codecs.json() },
      sinks: { out: codecs.json() },
      steps: { s: map({ from: "a", to: "out", fn: () => ({ v: String(call()) }) }) },
    });

  const calls: [string, () => unknown, string?][] = [
    ["Date.now()", () => Date.now()],
    // biome-ignore lint/complexity/useDateNow: the call under test is `new Date()` itself
    ["new Date()", () => new Date().getTime()],
    ["Date()", () => Date()],
    // The same constructor reached through a date's prototype.
    [
      "new Date()",
      () => new (new Date(0).constructor as DateConstructor)().getTime(),
      " (a date's constructor)",
    ],
    ["Math.random()", () => Math.random()],
    ["performance.now()", () => performance.now()],
    ["crypto.randomUUID()", () => crypto.randomUUID()],
    ["crypto.getRandomValues()", () => crypto.getRandomValues(new Uint8Array(4)).join(",")],
    ["setTimeout()", () => setTimeout(() => undefined, 1)],
    ["process.hrtime.bigint()", () => process.hrtime.bigint()],
  ];
  for (const [name, call, via = ""] of calls)
    it(`throws DETERMINISM_VIOLATION naming ${name}${via} and the step`, async () => {
      const err = await pushOnce(ambient(call));
      expect(isHindsightError(err) && err.code).toBe("DETERMINISM_VIOLATION");
      expect((err as Error).message).toContain(name);
      expect((err as Error).message).toContain("step 's'");
    });

  it("a step falling back on a failed look-up is trapped after it on replay as when recorded", async () => {
    const app = oneStepApp("fallback", async (v, ctx) => {
      try {
        await ctx.lookup("t", v.k, () => {
          throw new Error("backend down");
        });
      } catch {
        return { k: v.k, at: Date.now() };
      }
      return { k: v.k };
    });
    for (const strict of ["throw", "record"] as const) {
      const dir = fresh();
      let err: unknown;
      const run = await startRun(app, { out: dir, clock: () => 7n, strict, writer: { fsync: "never" } });
      try {
        for (const e of ON_A) await run.push(e.stream, e.v, e.t);
      } catch (e) {
        err = e;
      }
      await run.stop();
      // Trapped when recorded: "throw" fails the run there, "record" records the reading.
      expect(isHindsightError(err) && err.code).toBe(strict === "throw" ? "DETERMINISM_VIOLATION" : false);
      const v = await verifyRecording(dir, app, {});
      expect(v.status, `${strict}: ${v.divergence?.message}`).toBe("identical");
      if (strict === "throw")
        expect(v.notes.join("\n")).toMatch(/fails the same way: Date\.now\(\) called inside step 's'/);
    }
  });

  it("a look-up the step does not await is recorded inside its event, and trapping ends with the event", async () => {
    const app = oneStepApp("dangling", async (v, ctx) => {
      ctx
        .lookup("x", v.k, async () => {
          await new Promise((r) => setImmediate(r));
          return { a: 1 };
        })
        .catch(() => undefined);
      return { k: v.k };
    });
    const dir = fresh();
    const run = await startRun(app, { out: dir, clock: () => 1n, writer: { fsync: "never" } });
    for (const e of ON_A) {
      await run.push(e.stream, e.v, e.t);
      // The host's own code, between events: not the step's.
      expect(typeof Date.now()).toBe("number");
    }
    await run.stop();
    const reader = LogReader.open(dir);
    const order = [...reader.records()].filter((r) => r.type === "input" || r.type === "decision");
    reader.close();
    // Each event's look-up comes before the next event.
    expect(order.map((r) => (r.type === "input" ? "in" : `lookup of ${r.eventSeq}`))).toEqual(
      order.flatMap((r) => (r.type === "input" ? ["in", `lookup of ${r.seq}`] : [])),
    );
    expect((await verifyRecording(dir, app, {})).status).toBe("identical");
  });

  it("the host's timers and I/O callbacks are not trapped while a step resumed by a look-up awaits other I/O", async () => {
    const me = new URL(import.meta.url);
    const app = oneStepApp("io-after-lookup", async (v, ctx) => {
      await ctx.lookup("t", v.k, () => readFile(me).then(() => 1));
      for (let i = 0; i < 20; i++) await readFile(me);
      return { k: v.k };
    });
    const trapped: unknown[] = [];
    const host = (): void => {
      try {
        Date.now();
      } catch (e) {
        trapped.push(e);
      }
    };
    // A timer set before the run (not wrapped), and a chain of the host's own reads.
    const tick = setInterval(host, 0);
    let reading = true;
    const hostReads = (async () => {
      while (reading) {
        await readFile(me);
        host();
      }
    })();
    const run = await startRun(app, { clock: () => 1n });
    try {
      for (const e of events.slice(0, 10)) await run.push("a", e.v, e.t);
    } finally {
      clearInterval(tick);
      reading = false;
      await hostReads;
    }
    await run.stop();
    expect(trapped).toEqual([]);
  });

  it("a sink codec reading the clock in ctx.emit is reported as the violation it is", async () => {
    const stamped = {
      name: "stamped",
      encode: (v: unknown) => encodeUtf8(`${Date.now()} ${JSON.stringify(v)}`),
      decode: (b: Uint8Array) => b,
    };
    const app = defineApp({
      name: "stamped",
      inputs: { a: codecs.json() },
      sinks: { out: stamped },
      steps: {
        s: map({
          from: "a",
          fn: (v, ctx) => {
            ctx.emit("out", v);
            return undefined;
          },
        }),
      },
    });
    const err = await pushOnce(app);
    expect(isHindsightError(err) && [err.code, err.message]).toEqual([
      "DETERMINISM_VIOLATION",
      "Date.now() called inside step 's' (event seq 1)",
    ]);
  });

  it("look-ups settle on replay in the order they settled when recorded: a race, and trapping between them", async () => {
    const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
    const app = oneStepApp("race", async (v, ctx) => {
      const slow = ctx.lookup("slow", v.k, async () => {
        await wait(30);
        return "A";
      });
      const fast = ctx.lookup("fast", v.k, async () => {
        await wait(1);
        return "B";
      });
      const won = await Promise.race([slow, fast]);
      // While "slow" is still in flight the step is not trapped (docs/ENGINE.md): on replay too.
      const untrapped = typeof Date.now();
      const order: string[] = [];
      await Promise.all([slow.then(() => order.push("slow")), fast.then(() => order.push("fast"))]);
      return { won, untrapped, order };
    });
    const dir = fresh();
    const { outputs } = await record(app, dir, {}, ON_A);
    expect(outputs[0]).toBe('{"won":"B","untrapped":"number","order":["fast","slow"]}');
    const v = await verifyRecording(dir, app, {});
    expect(v.status, v.divergence?.message).toBe("identical");
  });

  it("look-ups that settled in turns of their own when recorded do so on replay: what a race sees settled", async () => {
    const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
    const app = oneStepApp("race-in-order", async (v, ctx) => {
      const settled: string[] = [];
      const all = (
        [
          ["a", 1],
          ["b", 15],
          ["c", 30],
        ] as const
      ).map(([n, ms]) =>
        ctx
          .lookup(n, v.k, async () => {
            await wait(ms);
            return n;
          })
          .then((x) => {
            settled.push(String(x));
            return x;
          }),
      );
      const first = await Promise.race(all);
      const seenAtFirst = [...settled];
      await Promise.all(all);
      return { first, seenAtFirst };
    });
    const dir = fresh();
    const { outputs } = await record(app, dir, {}, ON_A);
    expect(outputs[0]).toBe('{"first":"a","seenAtFirst":["a"]}');
    const v = await verifyRecording(dir, app, {});
    expect(v.status, v.divergence?.message).toBe("identical");
  });

  it("look-ups that settled at once when recorded (a synchronous fetch, a cache) settle so on replay, in their order", async () => {
    const app = oneStepApp("at-once", async (v, ctx) => {
      const fetches: [string, () => unknown][] = [
        ["a", () => new Promise((r) => setTimeout(() => r("A"), 3))],
        ["b", () => "B"],
        [
          "c",
          async () => {
            await Promise.resolve();
            return "C";
          },
        ],
        ["d", () => "D"],
      ];
      const settled: string[] = [];
      const all = fetches.map(([n, f]) =>
        ctx.lookup(n, v.k, f).then((x) => {
          settled.push(String(x));
          return x;
        }),
      );
      const first = await Promise.any(all);
      const seenAtFirst = [...settled];
      await Promise.all(all);
      return { first, seenAtFirst, order: settled };
    });
    const dir = fresh();
    const { outputs } = await record(app, dir, {}, ON_A);
    expect(outputs[0]).toBe('{"first":"B","seenAtFirst":["B","D","C"],"order":["B","D","C","A"]}');
    const reader = LogReader.open(dir);
    expect(
      decisionsOf(reader, (r) => r.eventSeq === 1).map((r) => [r.name, r.settledAtOnce === true]),
    ).toEqual([
      ["b", true],
      ["d", true],
      ["c", true],
      ["a", false],
    ]);
    reader.close();
    const v = await verifyRecording(dir, app, {});
    expect(v.status, v.divergence?.message).toBe("identical");
  });

  it("whatever a fetch throws, the step gets a fresh Error with its message, on record as on replay", async () => {
    const unreadable = Object.defineProperty(new Error(), "message", {
      get() {
        throw new Error("no");
      },
    });
    const thrown = [
      "plain string",
      new TypeError("bad type"),
      Object.assign(new Error("extra"), { code: "E1" }),
      { a: 1 },
      unreadable,
    ];
    const app = oneStepApp("throws", async (v, ctx) => {
      try {
        await ctx.lookup("t", v.k, () => {
          throw thrown[v.x % thrown.length];
        });
      } catch (e) {
        return {
          kind: (e as Error).constructor.name,
          msg: (e as Error).message,
          code: (e as { code?: string }).code,
        };
      }
      return {};
    });
    const dir = fresh();
    const { outputs } = await record(
      app,
      dir,
      {},
      events.slice(0, 5).map((e) => ({ ...e, stream: "a" })),
    );
    expect(outputs).toEqual([
      '{"kind":"Error","msg":"plain string"}',
      '{"kind":"Error","msg":"bad type"}',
      '{"kind":"Error","msg":"extra"}',
      '{"kind":"Error","msg":"{\\"a\\":1}"}',
      '{"kind":"Error","msg":"a thrown value whose message cannot be read"}',
    ]);
    expect((await verifyRecording(dir, app, {})).status).toBe("identical");
  });

  it("a look-up the step does not await may fail: recorded, and no unhandled rejection", async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown) => unhandled.push(e);
    process.on("unhandledRejection", onUnhandled);
    try {
      const app = oneStepApp("ignores", async (v, ctx) => {
        ctx.lookup("bg", v.k, async () => {
          throw new Error(`bg fail ${v.x}`);
        });
        return { k: v.k };
      });
      const dir = fresh();
      await record(app, dir, {}, ON_A);
      expect((await verifyRecording(dir, app, {})).status).toBe("identical");
      await new Promise((r) => setImmediate(r));
      expect(unhandled).toEqual([]);
      const reader = LogReader.open(dir);
      const failures = decisionsOf(reader, (r) => r.kind === DecisionKind.lookup).map((r) =>
        Buffer.from(r.value).toString(),
      );
      reader.close();
      expect(failures).toEqual(["bg fail 0", "bg fail 1", "bg fail 2"]);
    } finally {
      process.off("unhandledRejection", onUnhandled);
    }
  });

  it("a look-up asked for with another key is a mismatch naming both keys, among look-ups of one name", async () => {
    const mk = (suffix: string) =>
      oneStepApp("keys", async (v, ctx) => {
        const a = await ctx.lookup("fx", `${v.k}${suffix}`, (k) => k);
        const b = await ctx.lookup("fx", `${v.k}-2${suffix}`, (k) => k);
        return { a, b };
      });
    const dir = fresh();
    await record(
      mk(""),
      dir,
      {},
      events.slice(0, 2).map((e) => ({ ...e, stream: "a" })),
    );
    const v = await verifyRecording(dir, mk("-v2"), {});
    expect(v.divergence?.kind).toBe("decision-mismatch");
    expect(v.divergence?.message).toBe(
      `decision #0 differs: the recording has lookup 'fx' key "k0" from step 's', the app asked for lookup 'fx' key "k0-v2" from step 's'`,
    );
  });

  it('with strict "record", crypto.getRandomValues refuses what it refuses outside a step', async () => {
    const outs: string[] = [];
    const app = ambient(() => {
      try {
        crypto.getRandomValues(new Float64Array(1) as unknown as Uint8Array);
        return "filled";
      } catch (e) {
        return (e as Error).name;
      }
    });
    const run = await startRun(app, {
      clock: () => 1n,
      strict: "record",
      onOutput: (o) => outs.push(decodeUtf8(o.bytes)),
    });
    await run.push("a", 1, 1n);
    await run.stop();
    expect(outs).toEqual(['{"v":"TypeMismatchError"}']);
  });

  it("allows deterministic Date use inside steps (new Date(x), Date.UTC, Date.parse)", async () => {
    const outs: string[] = [];
    const run = await startRun(
      ambient(
        () => `${new Date(0).toISOString()} ${Date.UTC(2026, 0, 1)} ${Date.parse("2026-01-01T00:00:00Z")}`,
      ),
      {
        clock: () => 1n,
        onOutput: (o) => outs.push(Buffer.from(o.bytes).toString()),
      },
    );
    await run.push("a", 1, 1n);
    await run.stop();
    expect(outs).toEqual(['{"v":"1970-01-01T00:00:00.000Z 1767225600000 1767225600000"}']);
  });

  it("leaves ambient calls alone outside steps, and restores the globals when runs stop", async () => {
    const before = { Date, random: Math.random, now: Date.now };
    const run = await startRun(
      ambient(() => 1),
      { clock: () => 1n },
    );
    expect(typeof Date.now()).toBe("number");
    expect(new Date(0).toISOString()).toBe("1970-01-01T00:00:00.000Z");
    expect(new Date() instanceof Date).toBe(true);
    expect(typeof Math.random()).toBe("number");
    expect(new Date(0).constructor).toBe(Date);
    // The wrapped setTimeout keeps its promise form.
    expect(await promisify(setTimeout)(1, "slept")).toBe("slept");
    await run.stop();
    expect(Date).toBe(before.Date);
    expect(new Date(0).constructor).toBe(before.Date);
    expect(Math.random).toBe(before.random);
    expect(Date.now).toBe(before.now);
  });

  it('with strict "record", Date() replays its recorded string in another time zone, and performance.timeOrigin is recorded', async () => {
    const dir = fresh();
    const app = ambient(() => `${Date()}|${performance.timeOrigin}`);
    const tz = process.env["TZ"];
    try {
      process.env["TZ"] = "UTC";
      const { outputs } = await record(app, dir, { strict: "record" }, ON_A);
      const reader = LogReader.open(dir);
      expect(
        decisionsOf(reader, (r) => r.kind === DecisionKind.ambient)
          .map((r) => r.name)
          .slice(0, 2),
      ).toEqual(["Date()", "performance.timeOrigin"]);
      process.env["TZ"] = "America/New_York";
      await expectSameReplay(reader, app, outputs);
    } finally {
      if (tz === undefined) delete process.env["TZ"];
      else process.env["TZ"] = tz;
    }
    // A violation in onTick names the tick's timer.
    const tickApp = defineApp({
      name: "tick-now",
      inputs: { a: codecs.json<Ev>() },
      sinks: { out: codecs.json() },
      steps: {
        s: keyed<Ev, number>({
          from: "a",
          key: () => "k",
          handle: (_v, ctx) => {
            if (ctx.state === undefined) ctx.timers.every("beat", 100n);
            ctx.state = 1;
            return undefined;
          },
          onTick: () => {
            Date.now();
          },
        }),
      },
    });
    const ticked = await startRun(tickApp, { clock: () => 1n });
    await ticked.push("a", { k: "k", x: 1 }, 10n);
    await expect(Promise.resolve().then(() => ticked.push("a", { k: "k", x: 2 }, 500n))).rejects.toThrow(
      /Date\.now\(\) called inside step 's' \(tick of timer 'beat', event seq \d+\)/,
    );
    // Strict "throw" traps it too; a timer's message does not suggest "record".
    const thrown = fresh();
    await expect(
      record(
        ambient(() => performance.timeOrigin),
        thrown,
        {},
        events.slice(0, 1).map((e) => ({ ...e, stream: "a" })),
      ),
    ).rejects.toThrow(/performance\.timeOrigin called inside step/);
  });

  it('with strict "record", captures ambient calls as decisions and replays their values', async () => {
    const dir = fresh();
    const app = ambient(
      () => `${Date.now()}/${Math.random()}/${crypto.randomUUID()}/${new Date().toISOString()}`,
    );
    const { outputs } = await record(
      app,
      dir,
      { strict: "record" },
      events.slice(0, 5).map((e) => ({ ...e, stream: "a" })),
    );
    const reader = LogReader.open(dir);
    const ambients = decisionsOf(reader, (r) => r.kind === DecisionKind.ambient);
    expect(ambients.map((r) => r.name).slice(0, 4)).toEqual([
      "Date.now()",
      "Math.random()",
      "crypto.randomUUID()",
      "new Date()",
    ]);
    await expectSameReplay(reader, app, outputs);
  });
});

describe("stages", () => {
  it("double-halve split in two stages gives the same output as the whole app", async () => {
    const { default: app } = await import("../../examples/double-halve/app.js");
    const first = stageOf(app, ["double"]);
    const second = stageOf(app, ["halve"]);
    expect(Object.keys(first.inputs)).toEqual(["numbers"]);
    expect(Object.keys(first.sinks)).toEqual(["double"]);
    expect(Object.keys(second.inputs)).toEqual(["double"]);
    expect(Object.keys(second.sinks)).toEqual(["numbers"]);
    const lines = [
      '{"ts":1793629800000104233,"n":-7316}',
      '{"ts":1793629800000204233,"n":4503599627370495}',
      '{"ts":1793629800000304233,"n":0}',
    ];
    const mid: Uint8Array[] = [];
    const end: string[] = [];
    const r1 = await startRun(first, { onOutput: (o) => mid.push(o.bytes) });
    for (const l of lines) await r1.push("numbers", Buffer.from(l), 1n);
    await r1.stop();
    const dir = fresh();
    const r2 = await startRun(second, {
      out: dir,
      onOutput: (o) => end.push(Buffer.from(o.bytes).toString()),
    });
    for (const b of mid) await r2.push("double", b, 1n);
    await r2.stop();
    expect(end).toEqual(lines);
    const reader = LogReader.open(dir);
    expect((await replay(reader, second, { compareOutputs: true })).divergence).toBeNull();
    reader.close();
  });
});

describe("lineage observer", () => {
  it("reports per output the path, decisions and the event that wrote the state it read", async () => {
    const { default: app } = await import("../../examples/market-spread/app.js");
    const traces: import("./engine.js").OutputTrace[] = [];
    const run = await startRun(app, { clock: () => 7n, observer: { onOutput: (t) => traces.push(t) } });
    await run.push(
      "quotes",
      Buffer.from('{"ts":1793629800000000001,"symbol":"A","bid":10.00,"offer":10.02}'),
      1n,
    );
    await run.push(
      "quotes",
      Buffer.from('{"ts":1793629800000000002,"symbol":"B","bid":10.00,"offer":10.20}'),
      2n,
    );
    await run.push(
      "orders",
      Buffer.from(
        '{"ts":1793629800000000003,"orderId":"O1","clientId":"C","symbol":"A","side":"buy","qty":1,"price":10.01}',
      ),
      3n,
    );
    await run.stop();
    expect(traces).toHaveLength(1);
    const t = traces[0]!;
    expect(t.eventSeq).toBe(3);
    expect(t.path).toEqual(["spread"]);
    expect(t.stateReads).toEqual([{ step: "spread", key: "A", writerSeq: 1 }]);
    expect(t.decisions.map((d) => [d.kind, d.value])).toEqual([[DecisionKind.clock, 7n]]);
    expect((t.value as { decision: string }).decision).toBe("accept");
  });

  it("leaves out a step's reads of what its own event wrote, and gives a tick's output its step as path", async () => {
    const app = defineApp({
      name: "reread",
      inputs: { a: codecs.json<Ev>() },
      sinks: { out: codecs.json() },
      steps: {
        s: keyed<Ev, { n: number }>({
          from: "a",
          to: "out",
          key: (v) => v.k,
          handle(v, ctx) {
            const before = ctx.state;
            ctx.state = { n: (before?.n ?? 0) + v.x };
            if (before === undefined) ctx.timers.every("t", 100n);
            return { k: v.k, n: ctx.state.n }; // read again, after its own write
          },
          onTick(_t, ctx) {
            ctx.emit("out", { tick: ctx.key, n: ctx.state?.n ?? null });
          },
        }),
      },
    });
    const traces: import("./engine.js").OutputTrace[] = [];
    const run = await startRun(app, { clock: () => 7n, observer: { onOutput: (t) => traces.push(t) } });
    await run.push("a", { k: "x", x: 1 }, 10n);
    await run.push("a", { k: "x", x: 2 }, 20n);
    await run.push("a", { k: "x", x: 3 }, 150n); // after the tick due at 110
    await run.stop();
    const reads = traces.map((t) => [t.eventSeq, t.stateReads.map((r) => r.writerSeq)]);
    // (Seqs from 1, as after a START marker.) Each read once, before the event's own write: event
    // 1 read nothing written, event 2 event 1's write, the tick (3) and event 4 event 2's (the
    // tick wrote nothing). Without the fix each event also named itself.
    expect(reads).toEqual([
      [1, [-1]],
      [2, [1]],
      [3, [2]],
      [4, [2]],
    ]);
    const tick = traces.find((t) => (t.value as { tick?: string }).tick !== undefined);
    expect(tick?.path).toEqual(["s"]);
  });
});
