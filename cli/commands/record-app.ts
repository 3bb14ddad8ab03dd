/** `hindsight record --app`: run an app over input streams and record everything non-derivable. */
import { closeSync, openSync, statSync, writeSync } from "node:fs";
import { resolve, sep } from "node:path";
import type { EngineOutput } from "../../src/engine/engine.js";
import { HindsightError } from "../../src/errors.js";
import { loadApp } from "../../src/recorder/app-load.js";
import { startRun } from "../../src/recorder/app-run.js";
import { type InputEvent, type InputSpec, readInputBatches } from "../../src/recorder/inputs.js";
import { err, interruptSignal, out, prepareOutputFile, writingFile } from "../io.js";
import type { CommandContext } from "../program.js";
import { inputProgress } from "../progress.js";
import { toJson } from "../render.js";
import { inputSpecsFrom, type RecordCliOptions, writerOptionsFrom } from "./record.js";

/** An app's or a payload's error while handling an input line: says which file and line. */
function atInput(e: unknown, path: string, line: number): unknown {
  if (!(e instanceof HindsightError) || (e.code !== "BAD_INPUT" && e.code !== "APP_ERROR")) return e;
  const here = `${path === "-" ? "<stdin>" : path} line ${line}`;
  return new HindsightError(e.code, e.message, {
    where: e.where ? `${here}, ${e.where}` : here,
    ...(e.hint ? { hint: e.hint } : {}),
    ...(e.details
      ? { details: { ...e.details, input: { path, line } } }
      : { details: { input: { path, line } } }),
    cause: e,
  });
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
    if (keys.has(key)) throw new HindsightError("USAGE", `--sink ${key} is given twice`);
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
    if (other) throw new HindsightError("USAGE", `${what} is the same file as --sink ${other}`);
    taken.set(id, `${key}=${value}`);
  }
}

/** Buffered writer of one sink: a file or stdout. */
class SinkWriter {
  private parts: Uint8Array[] = [];
  private size = 0;
  private readonly fd: number | null;
  private readonly what: string;
  constructor(
    readonly name: string,
    path: string,
    private readonly ctx: CommandContext,
  ) {
    this.what = `--sink ${name}=${path}`;
    const file = resolve(ctx.io.cwd, path);
    if (path === "-") this.fd = null;
    else {
      prepareOutputFile(this.what, file);
      this.fd = writingFile(this.what, () => openSync(file, "w"));
    }
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
    if (this.fd === null) this.ctx.io.stdout.write(buf);
    else {
      const fd = this.fd;
      writingFile(this.what, () => writeSync(fd, buf));
    }
  }
  close(): void {
    this.flush();
    if (this.fd !== null) closeSync(this.fd);
  }
}
const NL = new Uint8Array([10]);

export async function recordAppCommand(o: RecordCliOptions, ctx: CommandContext): Promise<void> {
  const loaded = await loadApp(o.app as string, ctx.io.cwd);
  const app = loaded.app;
  const appInputs = Object.keys(app.inputs);
  const specs = inputSpecsFrom(o).map((s) => ({
    ...s,
    path: s.path === "-" ? s.path : resolve(ctx.io.cwd, s.path),
  }));
  const toApp: number[] = [];
  for (const s of specs) {
    const i = appInputs.indexOf(s.stream);
    if (i < 0)
      throw new HindsightError(
        "USAGE",
        `--input ${s.stream}: app ${app.name} has no input stream '${s.stream}'`,
        {
          hint: `its inputs are ${appInputs.join(", ")}`,
        },
      );
    toApp.push(i);
  }
  checkSinkFiles(o.sink, specs, resolve(ctx.io.cwd, o.out), ctx.io.cwd);
  const sinks = new Map<string, SinkWriter>();
  for (const { key, value } of o.sink) {
    if (!(key in app.sinks))
      throw new HindsightError("USAGE", `--sink ${key}: app ${app.name} has no sink '${key}'`, {
        hint: `its sinks are ${Object.keys(app.sinks).join(", ")}`,
      });
    sinks.set(key, new SinkWriter(key, value, ctx));
  }
  if (o.seed !== undefined && !/^\d{1,20}$/.test(o.seed))
    throw new HindsightError("USAGE", `--seed takes a whole number (got "${o.seed}")`);
  const sinkByIndex = Object.keys(app.sinks).map((n) => sinks.get(n));
  const started = performance.now();
  const run = await startRun(app, {
    out: resolve(ctx.io.cwd, o.out),
    seed: o.seed ?? "0",
    strict: o.strict,
    checkpointEvery: o.checkpointEvery ?? 0,
    ...(o.lineage ? { lineage: true } : {}),
    outputs: o.outputs,
    writer: writerOptionsFrom(o),
    build: { id: loaded.buildId, module: o.app as string },
    sources: Object.fromEntries(specs.map((s) => [s.stream, s.path])),
    clockSource: "wall",
    config: { timeField: o.timeField ?? null },
    labels: { "hindsight.command": "record --app" },
    ...(sinks.size ? { onOutput: (x: EngineOutput) => sinkByIndex[x.sink]?.write(x.bytes) } : {}),
  });
  const bar = inputProgress(
    ctx.io,
    "recording",
    specs.map((s) => s.path),
  );
  const hr = process.hrtime.bigint.bind(process.hrtime);
  const wallBase = BigInt(Date.now()) * 1_000_000n - hr();
  let n = 0;
  // Ctrl-C: stop after the batch in hand, and seal the recording (STOP marker "interrupted").
  const interrupt = interruptSignal(ctx.io);
  let current: InputEvent | undefined;
  try {
    for await (const batch of readInputBatches(specs, {
      ...(o.timeField ? { timeField: o.timeField } : {}),
      stdin: ctx.io.stdin,
      signal: interrupt.signal,
      ...(bar.onRead ? { onRead: bar.onRead } : {}),
    })) {
      for (const e of batch) {
        current = e;
        // Without --time-field, an event's time is when it was read (wall clock), and is recorded.
        const t = o.timeField ? e.timeNs : wallBase + hr();
        const r = run.push(toApp[e.stream] as number, e.payload, t);
        if (r !== undefined) await r;
      }
      current = undefined;
      n += batch.length;
      bar.onEvents(n);
      if (interrupt.signal.aborted) break;
    }
  } catch (e) {
    interrupt.off();
    bar.stop();
    await run.stop(`failed: ${e instanceof Error ? e.message : String(e)}`).catch(() => undefined);
    for (const s of sinks.values()) s.close();
    throw current ? atInput(e, specs[current.stream]!.path, current.line) : e;
  }
  interrupt.off();
  bar.stop();
  const interrupted = interrupt.signal.aborted;
  const s = await run.stop(interrupted ? "interrupted" : undefined);
  if (interrupted) {
    ctx.exitCode = 130;
    err(
      ctx.io,
      `hindsight: interrupted: the recording was sealed after ${s.events.toLocaleString("en-US")} events`,
    );
  }
  for (const w of sinks.values()) w.close();
  const seconds = (performance.now() - started) / 1000;
  const summary = {
    ...s,
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
      `recorded app ${app.name} over ${s.events.toLocaleString("en-US")} events into ${s.dir}: ` +
        `${s.decisions.toLocaleString("en-US")} decisions, ${s.outputs.toLocaleString("en-US")} outputs, ${s.checkpoints} checkpoints, ` +
        `${seconds.toFixed(2)} s (${summary.eventsPerSecond.toLocaleString("en-US")} events/s)`,
    );
}
