/** `hindsight record --app`: run an app over input streams and record everything non-derivable. */

import { closeSync, openSync, statSync, writeSync } from "node:fs";
import { resolve, sep } from "node:path";
import type { App } from "../../src/engine/app.js";
import type { EngineOutput } from "../../src/engine/engine.js";
import { HindsightError } from "../../src/errors.js";
import { LogReader } from "../../src/log/index.js";
import { loadApp } from "../../src/recorder/app-load.js";
import { type AppRun, type RunSummary, startRun, wallClock } from "../../src/recorder/app-run.js";
import { withSealedRecording } from "../../src/recorder/capture.js";
import { type InputEvent, type InputSpec, readInputBatches, TimeOrder } from "../../src/recorder/inputs.js";
import { count } from "../../src/text.js";
import { err, interruptSignal, out, prepareOutputFile, writingFile } from "../io.js";
import type { CommandContext } from "../program.js";
import { type InputProgress, inputProgress, progress } from "../progress.js";
import { toJson } from "../render.js";
import { type RecordCliOptions, writerOptionsFrom } from "./record.js";

/** An app's or a payload's error while handling an input event: says where the event came from. */
function atInput(e: unknown, here: string, input: Record<string, unknown>): unknown {
  if (
    !(e instanceof HindsightError) ||
    (e.code !== "BAD_INPUT" && e.code !== "APP_ERROR" && e.code !== "DETERMINISM_VIOLATION")
  )
    return e;
  return e.with({ where: e.where ? `${here}, ${e.where}` : here, details: { ...(e.details ?? {}), input } });
}

/** What an event in flight waits on, for a message: its look-ups, or a promise of its step. */
const waitingOn = (f: NonNullable<AppRun["inFlight"]>): string =>
  f.waitingOn.length > 0
    ? f.waitingOn.join(", ")
    : `a promise of ${f.step === null ? "the app" : `step '${f.step}'`}`;

/** Where the events of a `record --app` run come from: input files, or another recording. */
interface EventSource {
  /** The app's input index for each stream of the source. */
  readonly toApp: readonly number[];
  readonly batches: AsyncIterable<InputEvent[]>;
  /** Whether the event carries its time (else it is stamped with the wall clock when read). */
  readonly timed: (e: InputEvent) => boolean;
  /** Where an event came from, for an error about it. */
  readonly where: (e: InputEvent) => [string, Record<string, unknown>];
  readonly sources: Record<string, string>;
  /** Where event times come from (the manifest's clockSource). */
  readonly clockSource: string;
  readonly progress: InputProgress;
  close(): void;
}

/** The app's input index of each stream name, or USAGE naming the flag that gave it. */
function appInputsOf(app: App, streams: readonly string[], flag: (s: string) => string): number[] {
  const appInputs = Object.keys(app.inputs);
  return streams.map((name) => {
    const i = appInputs.indexOf(name);
    if (i < 0)
      throw new HindsightError("USAGE", `${flag(name)}: app ${app.name} has no input stream '${name}'`, {
        hint: `its inputs are ${appInputs.join(", ")}`,
      });
    return i;
  });
}

function fileSource(
  o: RecordCliOptions,
  app: App,
  specs: readonly InputSpec[],
  ctx: CommandContext,
  signal: AbortSignal,
): EventSource {
  const toApp = appInputsOf(
    app,
    specs.map((s) => s.stream),
    (s) => `--input ${s}`,
  );
  const progress = inputProgress(
    ctx.io,
    "recording",
    specs.map((s) => s.path),
  );
  return {
    toApp,
    batches: readInputBatches(specs, {
      ...(o.timeField ? { timeField: o.timeField } : {}),
      stdin: ctx.io.stdin,
      signal,
      ...(progress.onRead ? { onRead: progress.onRead } : {}),
    }),
    // Without --time-field, an event's time is when it was read (wall clock), and is recorded.
    timed: () => o.timeField !== undefined,
    where: (e) => {
      const path = specs[e.stream]!.path;
      return [`${path === "-" ? "<stdin>" : path} line ${e.line}`, { path, line: e.line }];
    },
    sources: Object.fromEntries(specs.map((s) => [s.stream, s.path])),
    clockSource: o.timeField !== undefined ? `input:${o.timeField}` : "wall",
    progress,
    close() {},
  };
}

/**
 * The input events of another recording, in its order and with its times (a recording made
 * without times, e.g. `record` without --time-field, gets the wall clock as files do).
 */
function recordingSource(from: string, app: App, ctx: CommandContext, signal: AbortSignal): EventSource {
  const dir = resolve(ctx.io.cwd, from);
  const reader = LogReader.open(dir);
  const names = reader.manifest.streams.map((s) => s.name);
  let toApp: number[];
  try {
    toApp = appInputsOf(app, names, (s) => `--from ${from}: its stream '${s}'`);
  } catch (e) {
    reader.close();
    throw e;
  }
  const torn = reader.tornTail;
  if (torn)
    err(
      ctx.io,
      `hindsight: warning: --from ${from} ends in a torn tail in ${torn.segment} at offset ${torn.offset} (${torn.droppedBytes} bytes not readable): its events up to there are used`,
    );
  const total = reader.endSeq - reader.firstSeq;
  const bar = progress(ctx.io, "recording", total, "records");
  // An error reading the source (a corrupt block) names the source, not the recording being made.
  const records = function* () {
    try {
      yield* reader.records({ types: ["input"] });
    } catch (e) {
      if (!(e instanceof HindsightError)) throw e;
      throw e.with({ message: `--from ${from}: ${e.message}` });
    }
  };
  async function* batches(): AsyncGenerator<InputEvent[]> {
    let batch: InputEvent[] = [];
    try {
      for (const r of records()) {
        if (r.type !== "input") continue;
        batch.push({
          stream: r.stream,
          streamSeq: r.streamSeq,
          timeNs: r.timeNs,
          payload: r.payload,
          line: r.seq,
        });
        if (batch.length >= 4096) {
          bar.update(r.seq - reader.firstSeq);
          yield batch;
          batch = [];
          // Reading a recording never waits for I/O: let the event loop run, so Ctrl-C is heard.
          await new Promise((go) => setImmediate(go));
          if (signal.aborted) return;
        }
      }
    } catch (e) {
      // Damage in the source: the events read before it are recorded first, then the error.
      if (batch.length) yield batch;
      throw e;
    }
    if (batch.length) yield batch;
  }
  return {
    toApp,
    batches: batches(),
    timed: (e) => e.timeNs !== 0n,
    where: (e) => [`${from} seq ${e.line}`, { recording: dir, seq: e.line }],
    sources: Object.fromEntries(names.map((n) => [n, `${dir}#${n}`])),
    // Its events keep the source's times (those without one get the wall clock, as files do).
    clockSource: reader.manifest.clockSource === "none" ? "wall" : reader.manifest.clockSource,
    progress: { onEvents() {}, stop: () => bar.stop() },
    close: () => reader.close(),
  };
}

/**
 * Refuses, before anything is opened, a --sink file that would destroy data or collide: one that
 * is also an --input (opening the sink would empty the input being read), one inside the
 * recording directory, a file given to two sinks, a sink given twice.
 */
function checkSinkFiles(
  sinks: readonly { key: string; value: string }[],
  inputs: readonly InputSpec[],
  outDir: string,
  cwd: string,
): void {
  // The same file under another name (a link, "./x" and "x") is the same device and inode.
  const identity = (p: string): string => {
    try {
      const st = statSync(p, { throwIfNoEntry: false });
      return st ? `${st.dev}:${st.ino}` : p;
    } catch {
      return p; // not a file that exists (opening it reports why)
    }
  };
  const inputFiles = new Map(inputs.filter((i) => i.path !== "-").map((i) => [identity(i.path), i]));
  const taken = new Map<string, string>();
  const keys = new Set<string>();
  for (const { key, value } of sinks) {
    const what = `--sink ${key}=${value}`;
    if (keys.has(key))
      throw new HindsightError("USAGE", `--sink ${key} is given twice`, { hint: "give each sink once" });
    keys.add(key);
    if (value === "-") continue;
    const path = resolve(cwd, value);
    const id = identity(path);
    const input = inputFiles.get(id);
    if (input)
      throw new HindsightError(
        "USAGE",
        `${what} is also the file of --input ${input.stream}: writing the sink would empty the input it reads`,
        { hint: "write the sink to another file" },
      );
    if (`${path}${sep}`.startsWith(`${outDir}${sep}`))
      throw new HindsightError("USAGE", `${what} is inside the recording directory ${outDir}`, {
        hint: "write sinks outside the recording (it holds only what hindsight writes)",
      });
    const other = taken.get(id);
    if (other)
      throw new HindsightError("USAGE", `${what} is the same file as --sink ${other}`, {
        hint: "write each sink to a file of its own",
      });
    taken.set(id, `${key}=${value}`);
  }
}

/** Buffered writer of one sink: a file or stdout. */
class SinkWriter {
  private parts: Uint8Array[] = [];
  private size = 0;
  private fd: number | null = null;
  private readonly what: string;
  private readonly file: string | null;
  /** Checks the file can be written (creating its directory); open() truncates it. */
  constructor(
    readonly name: string,
    path: string,
    private readonly ctx: CommandContext,
  ) {
    this.what = `--sink ${name}=${path}`;
    this.file = path === "-" ? null : resolve(ctx.io.cwd, path);
    if (this.file !== null) prepareOutputFile(this.what, this.file);
  }
  /** Opens (empties) the file: once the recording has started, so a run that cannot start leaves it as it was. */
  open(): void {
    const file = this.file;
    if (file !== null) this.fd = writingFile(this.what, () => openSync(file, "w"));
  }
  write(b: Uint8Array): void {
    this.parts.push(b, NL);
    this.size += b.length + 1;
    if (this.size >= 1 << 16) this.flush();
  }
  flush(): void {
    if (this.size === 0) return;
    const buf = Buffer.concat(this.parts, this.size);
    this.parts = [];
    this.size = 0;
    if (this.file === null) this.ctx.io.stdout.write(buf);
    else {
      const fd = this.fd as number;
      writingFile(this.what, () => writeSync(fd, buf));
    }
  }
  close(): void {
    if (this.file !== null && this.fd === null) return; // never opened
    this.flush();
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}
const NL = new Uint8Array([10]);

/**
 * Seals the recording while the event in hand (from `where`) waits: after a second Ctrl-C
 * (exit 130 and a line saying so), or because nothing left can end the wait (APP_ERROR).
 */
function sealUnfinished(
  run: AppRun,
  by: "interrupted" | "stalled",
  where: string,
  ctx: CommandContext,
): RunSummary {
  const f = run.inFlight as NonNullable<AppRun["inFlight"]>;
  const waits = waitingOn(f);
  const s = run.abandon(
    by === "interrupted"
      ? `interrupted by a second Ctrl-C while it waited on ${waits}`
      : `stalled: it waited on ${waits}, which nothing left in the process could settle`,
  );
  const sealed = `the recording was sealed after ${count(s.events, "event")}, the last (seq ${f.eventSeq}, ${where}) unfinished`;
  if (by === "stalled")
    throw new HindsightError(
      "APP_ERROR",
      `event seq ${f.eventSeq} (${where}) never finished: it waits on ${waits}, which nothing left in the process can settle; ${sealed}`,
      {
        hint:
          f.waitingOn.length > 0
            ? "make the look-up's fetch settle or fail (a timeout), then record again"
            : "make what the step awaits settle or fail, or fetch it through ctx.lookup, then record again",
      },
    );
  ctx.exitCode = 130;
  err(ctx.io, `hindsight: interrupted: ${sealed}`);
  return s;
}

/** `record --app`; `specs` are the --input flags, checked (empty with --from). */
export async function recordAppCommand(
  o: RecordCliOptions,
  ctx: CommandContext,
  specs: readonly InputSpec[],
): Promise<void> {
  const loaded = await loadApp(o.app as string, ctx.io.cwd);
  const app = loaded.app;
  checkSinkFiles(o.sink, specs, resolve(ctx.io.cwd, o.out), ctx.io.cwd);
  for (const { key } of o.sink)
    if (!(key in app.sinks))
      throw new HindsightError("USAGE", `--sink ${key}: app ${app.name} has no sink '${key}'`, {
        hint: `its sinks are ${Object.keys(app.sinks).join(", ")}`,
      });
  if (o.seed !== undefined && !/^\d{1,20}$/.test(o.seed))
    throw new HindsightError("USAGE", `--seed takes a whole number (got "${o.seed}")`, {
      hint: "give digits only, up to 20 (ctx.random() streams derive from it)",
    });
  // Ctrl-C: stop after the batch in hand, and seal the recording (STOP marker "interrupted").
  // A second Ctrl-C while an event waits (on a look-up, or a promise of its step), or a wait
  // that nothing left in the process can end, seals it at once with that event unfinished.
  let run: AppRun | undefined;
  let cut: (by: "interrupted" | "stalled") => void = () => undefined;
  const cutShort = new Promise<"interrupted" | "stalled">((resolve) => {
    cut = resolve;
  });
  const cutIfWaiting = (by: "interrupted" | "stalled"): boolean => {
    if (!run?.inFlight) return false;
    cut(by);
    return true;
  };
  const interrupt = interruptSignal(ctx.io, {
    force: () => cutIfWaiting("interrupted"),
    // An error escaped the app's steps (cli/main.ts): seal what was recorded, and write out what
    // the sinks hold, before the process ends. (The sinks exist once `run` does.)
    seal: (reason) => {
      if (!run) return undefined;
      const f = run.inFlight;
      const s = run.abandon(reason);
      try {
        for (const w of sinks.values()) w.close();
      } catch {
        // A sink that cannot be written: the recording is sealed all the same.
      }
      return `the recording was sealed after ${count(s.events, "event")}${f ? `, the last (seq ${f.eventSeq}) unfinished` : ""}`;
    },
  });
  const offStall = ctx.io.onStall?.(() => cutIfWaiting("stalled"));
  const release = (): void => {
    interrupt.off();
    offStall?.();
  };
  interrupt.signal.addEventListener("abort", () => {
    // Say why the interrupt seems to go unheard when the event in hand waits.
    const f = run?.inFlight;
    if (!f) return;
    setTimeout(() => {
      if (run?.inFlight?.eventSeq === f.eventSeq)
        err(
          ctx.io,
          `hindsight: stopping after event seq ${f.eventSeq}, which waits on ${waitingOn(f)}; press Ctrl-C again to seal the recording without finishing it`,
        );
    }, 1000).unref();
  });
  let source: EventSource;
  try {
    source =
      o.from !== undefined
        ? recordingSource(o.from, app, ctx, interrupt.signal)
        : fileSource(o, app, specs, ctx, interrupt.signal);
  } catch (e) {
    release();
    throw e;
  }
  const sinks = new Map<string, SinkWriter>();
  for (const { key, value } of o.sink) sinks.set(key, new SinkWriter(key, value, ctx));
  const sinkByIndex = Object.keys(app.sinks).map((n) => sinks.get(n));
  const started = performance.now();
  // One clock for event times (without --time-field) and ctx.now(): a reading in a step is never
  // earlier than its event's time.
  const wall = wallClock();
  run = await startRun(app, {
    clock: wall,
    out: resolve(ctx.io.cwd, o.out),
    seed: o.seed ?? "0",
    strict: o.strict,
    checkpointEvery: o.checkpointEvery ?? 0,
    ...(o.lineage ? { lineage: true } : {}),
    outputs: o.outputs,
    writer: writerOptionsFrom(o),
    build: { id: loaded.buildId, module: o.app as string },
    sources: source.sources,
    clockSource: source.clockSource,
    config: { timeField: o.timeField ?? null },
    labels: { "hindsight.command": "record --app" },
    ...(sinks.size ? { onOutput: (x: EngineOutput) => sinkByIndex[x.sink]?.write(x.bytes) } : {}),
  }).catch((e: unknown) => {
    release();
    source.close();
    for (const w of sinks.values()) w.close();
    throw e;
  });
  const bar = source.progress;
  const toApp = source.toApp;
  let n = 0;
  let current: InputEvent | undefined;
  let cutBy: "interrupted" | "stalled" | null = null;
  const order = new TimeOrder();
  try {
    for (const w of sinks.values()) w.open();
    reading: for await (const batch of source.batches) {
      for (const e of batch) {
        // Ctrl-C while an event waited (a look-up): the rest of the batch is not recorded.
        if (interrupt.signal.aborted) break reading;
        current = e;
        const timed = source.timed(e);
        if (timed) order.see(e);
        const t = timed ? e.timeNs : wall();
        const r = run.push(toApp[e.stream] as number, e.payload, t);
        if (r !== undefined) {
          cutBy = await Promise.race([r.then(() => null), cutShort]);
          if (cutBy !== null) break reading;
        }
      }
      current = undefined;
      n += batch.length;
      bar.onEvents(n);
      if (interrupt.signal.aborted) break;
    }
  } catch (e) {
    const sealed = await run
      .stop(`failed: ${e instanceof Error ? e.message : String(e)}`)
      .catch(() => undefined);
    for (const w of sinks.values()) w.close();
    const failure = current ? atInput(e, ...source.where(current)) : e;
    interrupt.off();
    // What is left in --out: a recording of the run up to the failure (it replays as such).
    if (!(failure instanceof HindsightError) || sealed === undefined) throw failure;
    throw withSealedRecording(failure, sealed.dir ?? o.out, sealed.events, "its STOP marker says why");
  } finally {
    // The interrupt stays heard until the summary is out: a Ctrl-C while the recording is
    // sealed must not end the process with its last block unwritten.
    offStall?.();
    bar.stop();
    source.close();
  }
  try {
    let s: RunSummary;
    if (cutBy !== null) {
      // Sealed with its last event unfinished (a second Ctrl-C; a stall throws): the summary
      // follows as after a first Ctrl-C, its status saying where the recording ends.
      try {
        s = sealUnfinished(run, cutBy, source.where(current as InputEvent)[0], ctx);
      } finally {
        for (const w of sinks.values()) w.close();
      }
    } else {
      const interrupted = interrupt.signal.aborted;
      s = await run.stop(interrupted ? "interrupted" : undefined);
      if (interrupted) {
        ctx.exitCode = 130;
        err(ctx.io, `hindsight: interrupted: the recording was sealed after ${count(s.events, "event")}`);
      }
      for (const w of sinks.values()) w.close();
    }
    const back = order.report((e) => source.where(e)[0]);
    if (back) err(ctx.io, `hindsight: note: ${back.note}`);
    const seconds = (performance.now() - started) / 1000;
    const summary = {
      ...s,
      ...(back ? { timesBack: back } : {}),
      app: app.name,
      buildId: loaded.buildId,
      seconds,
      eventsPerSecond: Math.round(s.events / Math.max(seconds, 1e-9)),
    };
    // A sink on stdout keeps stdout for the sink's bytes: the summary goes to stderr.
    const say = [...o.sink].some((x) => x.value === "-")
      ? (t: string) => err(ctx.io, t)
      : (t: string) => out(ctx.io, t);
    if (o.json) say(toJson(summary));
    else
      say(
        `recorded app ${app.name} over ${count(s.events, "event")}${s.ticks ? ` and ${count(s.ticks, "tick")}` : ""} into ${s.dir}: ` +
          `${count(s.decisions, "decision")}, ${count(s.outputs, "output")}, ${count(s.checkpoints, "checkpoint")}, ` +
          `${seconds.toFixed(2)} s (${summary.eventsPerSecond.toLocaleString("en-US")} events/s)` +
          (s.timersPending
            ? `; ${count(s.timersPending, "timer")} still set, due after the last event (a timer fires when time passes it: an event, or advanceTo in the library)`
            : ""),
      );
  } finally {
    interrupt.off();
  }
}
