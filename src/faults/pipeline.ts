/**
 * One torture run: a pipeline split across processes on 127.0.0.1, with faults injected on
 * every link.
 *
 *   source ──link 0──► stage 0 ──link 1──► … ──link n──► sink
 *   (harness)          (worker)                          (harness)
 *
 * The harness process is the source (it knows the expected output) and the sink (it records
 * what came out); each stage runs in its own worker process (stage-runner.ts). Every
 * process records its own log; the receiving end of a link owns it: it injects the link's
 * faults and records them as FAULT decisions.
 */
import { type ChildProcess, fork } from "node:child_process";
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { HindsightError } from "../errors.js";
import { rec } from "../format/records.js";
import type { LogWriter } from "../log/index.js";
import { LinkReceiver, LinkSender, type UnsafeMode } from "../net/link.js";
import type { PipelineApp } from "./apps.js";
import { closeProcessLog, createProcessLog, readFaultPlans } from "./logs.js";
import {
  type Fault,
  type FaultOptions,
  faultDecision,
  formatFaultSpec,
  RecordedFaults,
  SeededFaults,
} from "./plan.js";
import type { FromWorker, StartMessage, ToWorker, WorkerStats } from "./worker-protocol.js";

/** How long a sink may go without anything new before a run is called stalled (torture --stall). */
export const DEFAULT_STALL_MS = 3_000;

export interface SeedRunOptions {
  app: PipelineApp;
  seed: bigint;
  /** Messages the source sends. */
  events: number;
  faults: FaultOptions;
  unsafe?: UnsafeMode;
  /** Directory for the run's recordings (one subdirectory per process); must not exist or be empty. */
  dir: string;
  /** Recorded plans by link name: applied instead of drawing from the seed (replay of a run's faults). */
  plans?: ReadonlyMap<string, readonly Fault[]>;
  /** The source's payloads; defaults to `app.inputs(seed, events)`. */
  inputs?: Uint8Array[];
  /** Hard limit on the whole run. Defaults to 60 s plus 1 ms per event. */
  timeoutMs?: number;
  /** The run is declared stalled when the sink received nothing new for this long. Defaults to 3000 ms. */
  stallMs?: number;
  /** Unacknowledged frames a sender may hold. Defaults to 1024. */
  window?: number;
  /** The harness's working directory (workers load `--app` relative to it). */
  cwd: string;
  /** Reuse these worker processes (else the run starts its own and ends them). */
  pool?: WorkerPool;
}

export type RunOutcome = "finished" | "stalled" | "timeout" | "crashed";

export interface SeedRun {
  seed: bigint;
  outcome: RunOutcome;
  /** Why a run did not finish (a worker's error, ...). */
  problem?: string;
  /** Process names, in pipeline order: source, stages..., sink. */
  processes: string[];
  /** Link names, in pipeline order. */
  links: string[];
  inputs: Uint8Array[];
  /** Log sequence number of each input record in the source's recording (-1: not written). */
  sourceSeqs: number[];
  /** What the sink received, in order. */
  received: Uint8Array[];
  /** The faults applied, per link, as read back from the owners' logs. */
  faults: Map<string, Fault[]>;
  /** Per stage process. */
  workerStats: Map<string, WorkerStats>;
  sink: { duplicates: number; gaps: number; connections: number; recoveryMs: number[] };
  /** Where each process's recording is. */
  logDirs: Map<string, string>;
}

const here = dirname(fileURLToPath(import.meta.url));

/** The worker script and how node must be started to run it (TypeScript sources run under tsx). */
function workerCommand(): { script: string; execArgv: string[] } {
  const ts = import.meta.url.endsWith(".ts");
  const require = createRequire(import.meta.url);
  const tsx = pathToFileURL(join(dirname(require.resolve("tsx/package.json")), "dist", "loader.mjs")).href;
  // Apps may be TypeScript modules, so workers always load tsx.
  return { script: join(here, ts ? "stage-runner.ts" : "stage-runner.js"), execArgv: ["--import", tsx] };
}

function linkName(from: string, to: string): string {
  return `${from}->${to}`;
}

class Worker {
  messages: FromWorker[] = [];
  private waiters: (() => void)[] = [];
  exited = false;
  stderr = "";

  constructor(
    public name: string,
    readonly child: ChildProcess,
  ) {
    child.on("message", (m) => {
      this.messages.push(m as FromWorker);
      this.wake();
    });
    child.on("error", () => undefined);
    child.on("exit", () => {
      this.exited = true;
      this.wake();
    });
    child.stderr?.on("data", (d: Buffer) => {
      if (this.stderr.length < 4000) this.stderr += d.toString();
    });
    child.stdout?.resume();
  }

  private wake(): void {
    for (const w of this.waiters.splice(0)) w();
  }

  send(m: ToWorker): void {
    // A worker that was just killed may not have reported its exit yet: a failed send is ignored.
    if (!this.exited && !this.child.killed && this.child.connected) this.child.send(m, () => undefined);
  }

  /** The first message of `type` (or an error message), or undefined when the worker exits or time runs out. */
  async wait<T extends FromWorker["type"]>(
    type: T,
    ms: number,
  ): Promise<Extract<FromWorker, { type: T }> | Extract<FromWorker, { type: "error" }> | undefined> {
    const deadline = performance.now() + ms;
    for (;;) {
      const m = this.messages.find((x) => x.type === type || x.type === "error");
      if (m) return m as Extract<FromWorker, { type: T }>;
      const left = deadline - performance.now();
      if (this.exited || left <= 0) return undefined;
      await new Promise<void>((res) => {
        const t = setTimeout(res, left);
        this.waiters.push(() => {
          clearTimeout(t);
          res();
        });
      });
    }
  }

  error(): string | undefined {
    const e = this.messages.find((x) => x.type === "error");
    if (e && e.type === "error") return `${this.name}: ${e.message}`;
    if (this.exited && !this.messages.some((x) => x.type === "done"))
      return `${this.name} exited unexpectedly${this.stderr ? `: ${this.stderr.trim().split("\n").slice(-3).join(" | ")}` : ""}`;
    return undefined;
  }

  /** Forgets the messages of the previous run (the worker is reused). */
  reset(): void {
    this.messages = [];
  }

  /** Waits up to `ms` for the process to exit by itself, then kills it. */
  async reap(ms: number): Promise<void> {
    const deadline = performance.now() + ms;
    while (!this.exited && performance.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    if (this.exited) return;
    this.child.kill("SIGKILL");
    const killDeadline = performance.now() + 2_000;
    while (!this.exited && performance.now() < killDeadline) await new Promise((r) => setTimeout(r, 5));
  }
}

/**
 * Worker processes, kept between seeds (starting a node process that loads TypeScript takes
 * about a second; a torture run of many seeds reuses them). `close()` ends them all.
 */
export class WorkerPool {
  private idle: Worker[] = [];
  private all = new Set<Worker>();

  constructor(private readonly cwd: string) {}

  /** A worker: an idle one, or a newly forked one. */
  take(name: string): Worker {
    let w = this.idle.pop();
    while (w && (w.exited || !w.child.connected)) w = this.idle.pop();
    if (w) {
      w.reset();
      w.name = name;
      return w;
    }
    const { script, execArgv } = workerCommand();
    const child = fork(script, [], { execArgv, cwd: this.cwd, stdio: ["ignore", "pipe", "pipe", "ipc"] });
    w = new Worker(name, child);
    this.all.add(w);
    return w;
  }

  /** Worker processes that have not exited (after `close()`: 0). */
  get alive(): number {
    return [...this.all].filter((w) => !w.exited).length;
  }

  /** Hands back a worker whose run ended cleanly. */
  give(w: Worker): void {
    if (!w.exited) this.idle.push(w);
  }

  /** Ends every worker (asks, then kills what does not exit within 2 s) and waits until they are gone. */
  async close(): Promise<void> {
    const live = [...this.all].filter((w) => !w.exited);
    for (const w of live) w.send({ type: "exit" });
    await Promise.all(live.map((w) => w.reap(2_000)));
    this.idle = [];
  }
}

/** SHA-256 over the inputs' lengths and bytes: what the source sends, in one value. */
export function inputsDigest(inputs: readonly Uint8Array[]): string {
  const h = createHash("sha256");
  const len = Buffer.alloc(4);
  for (const p of inputs) {
    len.writeUInt32LE(p.length);
    h.update(len).update(p);
  }
  return h.digest("hex");
}

/**
 * Runs the pipeline once for `opts.seed`. Never leaves a worker behind: every worker is
 * stopped (or killed) before this returns. Throws USAGE/ALREADY_EXISTS for a bad `dir`.
 */
export async function runSeed(opts: SeedRunOptions): Promise<SeedRun> {
  const { app, seed } = opts;
  const timeoutMs = opts.timeoutMs ?? 60_000 + opts.events;
  const stallMs = opts.stallMs ?? DEFAULT_STALL_MS;
  const window = opts.window ?? 1024;
  const processes = ["source", ...app.stages, "sink"];
  const links = processes.slice(1).map((p, i) => linkName(processes[i]!, p));
  const logDirs = new Map(processes.map((p) => [p, join(opts.dir, p)]));
  const inputs = opts.inputs ?? app.inputs(seed, opts.events);
  const config = {
    tool: "torture",
    app: app.name,
    seed: seed.toString(),
    events: opts.events,
    // What the source sent (a --plan is replayed only into a run that sends the same).
    sent: inputs.length,
    inputsSha256: inputsDigest(inputs),
    faults: formatFaultSpec(opts.faults),
    unsafe: opts.unsafe ?? "",
    processes,
  };
  const faultSource = (i: number) => {
    const plan = opts.plans?.get(links[i]!);
    if (opts.plans) return new RecordedFaults(plan ?? [], `recorded plan of ${links[i]}`);
    return new SeededFaults(seed, opts.faults, i);
  };

  const received: Uint8Array[] = [];
  const sourceSeqs: number[] = inputs.map(() => -1);
  const workers: Worker[] = [];
  let sourceLog: LogWriter | undefined;
  /** Inputs the source has recorded (and sent, or is sending). */
  let fed = 0;
  let sinkLog: LogWriter | undefined;
  let sink: LinkReceiver | undefined;
  let source: LinkSender | undefined;
  let outcome: RunOutcome = "finished";
  let problem: string | undefined;
  const workerStats = new Map<string, WorkerStats>();

  const pool = opts.pool ?? new WorkerPool(opts.cwd);
  try {
    for (const stage of app.stages) workers.push(pool.take(stage));
    sourceLog = createProcessLog(logDirs.get("source")!, {
      process: "source",
      seed,
      appName: app.name,
      appModule: app.module,
      streams: [{ name: "input", codec: app.codec, source: `seeded:${seed}` }],
      sinks: [{ name: links[0]!, codec: app.codec }],
      config,
    });
    const sl = createProcessLog(logDirs.get("sink")!, {
      process: "sink",
      seed,
      appName: app.name,
      appModule: app.module,
      streams: [{ name: links[links.length - 1]!, codec: app.codec, source: links[links.length - 1]! }],
      sinks: [],
      config,
    });
    sinkLog = sl;
    const lastLink = links.length - 1;
    sink = await LinkReceiver.listen({
      name: links[lastLink]!,
      faults: faultSource(lastLink),
      onFault: (f) => sl.append(faultDecision(links[lastLink]!, f)),
      deliver: (seq, payload) => {
        // Logical times from 1 ns: a record keeps time 0 as "no time".
        sl.append(rec.input({ stream: 0, streamSeq: seq, payload, timeNs: BigInt(seq) + 1n }));
        received.push(payload.slice());
        return true;
      },
      ...(opts.unsafe === "no-dedupe" ? { unsafe: opts.unsafe } : {}),
    });

    // Start the workers (all at once: forking is the slow part), then wire them downstream-first.
    const ports: number[] = [];
    for (const [i, w] of workers.entries()) {
      const plan = opts.plans?.get(links[i]!);
      const start: StartMessage = {
        type: "start",
        app: app.module,
        cwd: opts.cwd,
        stage: w.name,
        seed: seed.toString(),
        linkIn: links[i]!,
        linkOut: links[i + 1]!,
        linkIndex: i,
        faults: opts.faults,
        ...(opts.plans ? { plan: [...(plan ?? [])] } : {}),
        ...(opts.unsafe ? { unsafe: opts.unsafe } : {}),
        logDir: logDirs.get(w.name)!,
        window,
        config,
      };
      w.send(start);
    }
    for (const w of workers) {
      // Starting a worker is not part of the run's --timeout (it is what the run waits for).
      const m = await w.wait("listening", 30_000);
      if (m?.type !== "listening")
        throw new HindsightError("INTERNAL", `stage worker ${w.name} did not start`, {
          where: w.error() ?? "no answer within 30 s",
          hint: "run with --debug, or check that the app loads",
        });
      ports.push(m.port);
    }
    workers.forEach((w, i) => {
      w.send({ type: "connect", port: i + 1 < workers.length ? ports[i + 1]! : sink!.port });
    });

    // The source: record each input, then send it.
    const src = new LinkSender({
      name: links[0]!,
      port: ports[0] ?? sink.port,
      window,
      ...(opts.unsafe === "no-resend" ? { unsafe: opts.unsafe } : {}),
    });
    source = src;
    const sLog = sourceLog;
    const feed = (async () => {
      for (let i = 0; i < inputs.length; i++) {
        const p = inputs[i]!;
        sourceSeqs[i] = sLog.append(
          rec.input({ stream: 0, streamSeq: i, payload: p, timeNs: BigInt(i) + 1n }),
        );
        fed = i + 1;
        if (!src.send(p)) await src.whenWritable();
      }
      await src.end();
    })();
    feed.catch(() => undefined);

    // Wait for the sink to finish, a worker to fail, a stall, or the time limit.
    const started = performance.now();
    let lastProgress = started;
    let lastCount = -1;
    const snk = sink;
    let sinkDone = false;
    snk.finished.then(
      () => {
        sinkDone = true;
      },
      (e) => {
        problem = `sink: ${e instanceof HindsightError ? e.oneLine() : String(e)}`;
        outcome = "crashed";
      },
    );
    // After a worker failed, what it had sent on still drains to the sink (so the first
    // missing output is the event it failed on, not a matter of timing); then the run stops.
    const drainMs = Math.min(stallMs, 1_000);
    for (;;) {
      if (sinkDone) break;
      const now = performance.now();
      const progress = received.length + src.acked;
      if (progress !== lastCount) {
        lastCount = progress;
        lastProgress = now;
      }
      if ((outcome as RunOutcome) === "crashed") {
        if (now - lastProgress > drainMs) break;
        await new Promise((r) => setTimeout(r, 20));
        continue;
      }
      const crashed = workers.map((w) => w.error()).find((e) => e !== undefined);
      if (crashed) {
        outcome = "crashed";
        problem = crashed;
        lastProgress = now;
        continue;
      }
      if (now - lastProgress > stallMs) {
        outcome = "stalled";
        problem = `no progress for ${stallMs} ms`;
        break;
      }
      if (now - started > timeoutMs) {
        outcome = "timeout";
        problem = `not finished after ${timeoutMs} ms`;
        break;
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    if (outcome === "finished") await feed;
  } finally {
    source?.close();
    sink?.close();
    // Stop every worker that is still running (it seals its log); a worker that failed or does
    // not answer is killed, the others go back to the pool.
    for (const w of workers)
      if (!w.messages.some((m) => m.type === "done" || m.type === "error")) w.send({ type: "stop" });
    for (const w of workers) {
      const m = await w.wait("done", 5_000);
      if (m?.type === "done") {
        workerStats.set(w.name, m.stats);
        pool.give(w);
      } else await w.reap(0);
    }
    if (!opts.pool) await pool.close();
    // Its STOP marker counts the inputs it recorded: fewer than there were when the run ended early.
    if (sourceLog) closeProcessLog(sourceLog, fed, outcome === "finished" ? "ok" : outcome);
    if (sinkLog) closeProcessLog(sinkLog, received.length, outcome === "finished" ? "ok" : outcome);
  }

  // The applied faults, from the logs of the links' owners.
  const faults = new Map<string, Fault[]>(links.map((l) => [l, []]));
  for (const [i, p] of processes.entries()) {
    if (i === 0) continue;
    try {
      for (const [link, list] of readFaultPlans(logDirs.get(p)!)) faults.set(link, list);
    } catch (e) {
      problem ??= `cannot read the log of ${p}: ${e instanceof HindsightError ? e.oneLine() : String(e)}`;
    }
  }
  return {
    seed,
    outcome,
    ...(problem !== undefined ? { problem } : {}),
    processes,
    links,
    inputs,
    sourceSeqs,
    received,
    faults,
    workerStats,
    sink: {
      duplicates: sink?.stats.duplicates ?? 0,
      gaps: sink?.stats.gaps ?? 0,
      connections: sink?.stats.connections ?? 0,
      recoveryMs: sink?.stats.recoveryMs ?? [],
    },
    logDirs,
  };
}
