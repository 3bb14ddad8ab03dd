/**
 * A torture worker process: runs one stage of a pipeline between two links and records its
 * own log (the faults injected on its inbound link, what it received, what it sent on).
 * Started by the harness with child_process.fork and driven by IPC messages
 * (worker-protocol.ts). A worker runs one seed at a time and may be reused for the next seed;
 * it exits when told to, or when the harness goes away.
 */
import { isHindsightError } from "../errors.js";
import { rec } from "../format/records.js";
import type { LogWriter } from "../log/index.js";
import { LinkReceiver, LinkSender } from "../net/link.js";
import { loadPipelineApp, type StageRuntime } from "./apps.js";
import { closeProcessLog, createProcessLog, outputRecord } from "./logs.js";
import { faultDecision, RecordedFaults, SeededFaults } from "./plan.js";
import type { FromWorker, StartMessage, ToWorker, WorkerStats } from "./worker-protocol.js";

function send(m: FromWorker): void {
  if (process.connected) process.send?.(m);
}

/** One seed's worth of work. */
class StageRun {
  log: LogWriter | undefined;
  receiver: LinkReceiver | undefined;
  sender: LinkSender | undefined;
  runtime: StageRuntime | undefined;
  sent = 0;
  faults = 0;
  finished = false;
  private readonly cpuAtStart = process.cpuUsage();

  constructor(readonly m: StartMessage) {}

  stats(): WorkerStats {
    const r = this.receiver?.stats;
    return {
      received: r?.delivered ?? 0,
      sent: this.sent,
      duplicates: r?.duplicates ?? 0,
      gaps: r?.gaps ?? 0,
      connections: r?.connections ?? 0,
      faults: this.faults,
      recoveryMs: r?.recoveryMs ?? [],
      cpuUs: ((u) => u.user + u.system)(process.cpuUsage(this.cpuAtStart)),
    };
  }

  async start(): Promise<void> {
    const m = this.m;
    const seed = BigInt(m.seed);
    const app = await loadPipelineApp(m.app, m.cwd);
    const names = app.stageStreams?.(m.stage);
    const w = createProcessLog(m.logDir, {
      process: m.stage,
      seed,
      appName: app.name,
      appModule: app.module,
      streams: [{ name: names?.input ?? m.linkIn, codec: app.codec, source: m.linkIn }],
      sinks: [{ name: names?.sink ?? m.linkOut, codec: app.codec }],
      config: m.config,
    });
    this.log = w;
    const rt = await app.openStage(m.stage, { seed, record: (r) => w.append(r) });
    this.runtime = rt;
    let outSeq = 0;
    const emit = (eventSeq: number, timeNs: bigint, outs: Uint8Array[]): boolean => {
      const s = this.sender;
      if (!s) throw new Error(`stage ${m.stage} received a message before it was connected downstream`);
      outs.forEach((out, i) => {
        w.append(outputRecord(eventSeq, i, outSeq++, out, timeNs));
        s.send(out);
        this.sent++;
      });
      if (s.writable) return true;
      void s.whenWritable().then(() => this.receiver?.resume());
      return false;
    };
    const r = await LinkReceiver.listen({
      name: m.linkIn,
      faults: m.plan
        ? new RecordedFaults(m.plan, `recorded plan of ${m.linkIn}`)
        : new SeededFaults(seed, m.faults, m.linkIndex),
      onFault: (f) => {
        this.faults++;
        w.append(faultDecision(m.linkIn, f));
      },
      deliver: (seq, payload) => {
        const timeNs = BigInt(seq) + 1n; // logical, from 1 ns: a record keeps 0 as "no time"
        const eventSeq = w.append(rec.input({ stream: 0, streamSeq: seq, payload, timeNs }));
        const result = rt.handle(payload, eventSeq, timeNs);
        if (!(result instanceof Promise)) return emit(eventSeq, timeNs, result);
        result.then(
          (outs) => {
            if (emit(eventSeq, timeNs, outs)) this.receiver?.resume();
          },
          (e) => this.fail(e),
        );
        return false;
      },
      onEnd: () => {
        const s = this.sender;
        if (!s) return;
        void Promise.all([s.end(), r.finished]).then(
          () => this.finish("ok"),
          (e) => this.fail(e),
        );
      },
      ...(m.unsafe === "no-dedupe" ? { unsafe: m.unsafe } : {}),
    });
    this.receiver = r;
    r.finished.catch((e) => this.fail(e));
    send({ type: "listening", port: r.port });
  }

  connect(port: number): void {
    this.sender = new LinkSender({
      name: this.m.linkOut,
      port,
      window: this.m.window,
      ...(this.m.unsafe === "no-resend" ? { unsafe: this.m.unsafe } : {}),
    });
  }

  /** Stops the links, seals the log and reports. */
  async finish(status: "ok" | "stopped"): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    this.receiver?.close();
    this.sender?.close();
    if (this.log) closeProcessLog(this.log, this.receiver?.stats.delivered ?? 0, status);
    await this.runtime?.close?.();
    send({ type: "done", status, stats: this.stats() });
  }

  /**
   * Stops taking input; the sender stays up so that what this stage already sent on still
   * reaches the next one (the harness then sees exactly the outputs before the failure).
   */
  fail(e: unknown): void {
    if (this.finished) return;
    this.finished = true;
    this.receiver?.close();
    const code = isHindsightError(e) ? e.code : "INTERNAL";
    // What and where; not the hint, which is for the CLI's commands (a step's "replay --until"
    // does not apply to a stage, whose app is not a module of its own).
    const message = isHindsightError(e) ? e.oneLine(false) : e instanceof Error ? e.message : String(e);
    // Seal the log: it shows the event the stage failed on (its input record, no output).
    try {
      if (this.log) closeProcessLog(this.log, this.receiver?.stats.delivered ?? 0, `failed: ${code}`);
    } catch {
      // The log itself may be what failed; the error below says what happened.
    }
    send({ type: "error", code, message });
  }
}

let current: StageRun | undefined;

process.on("message", (raw: unknown) => {
  const m = raw as ToWorker;
  if (m.type === "start") {
    const run = new StageRun(m);
    current = run;
    run.start().catch((e) => run.fail(e));
  } else if (m.type === "connect") current?.connect(m.port);
  else if (m.type === "stop") {
    const run = current;
    if (run) run.finish("stopped").catch((e) => run.fail(e));
    else
      send({
        type: "done",
        status: "stopped",
        stats: {
          received: 0,
          sent: 0,
          duplicates: 0,
          gaps: 0,
          connections: 0,
          faults: 0,
          recoveryMs: [],
          cpuUs: 0,
        },
      });
  } else if (m.type === "exit") {
    current?.receiver?.close();
    current?.sender?.close();
    process.disconnect?.();
  }
});
// The harness going away ends the worker too (never leave a process behind).
process.on("disconnect", () => {
  current?.receiver?.close();
  current?.sender?.close();
  process.exit(0);
});
