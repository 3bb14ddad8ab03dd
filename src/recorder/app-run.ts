/**
 * Running an app, recorded or not: the embedding API.
 *
 *   const run = await startRun(app, { out: "rec/today", seed: "42", checkpointEvery: 100_000 });
 *   await run.push("quotes", lineBytes, timeNs);   // as events arrive, from any source
 *   const summary = await run.stop();
 *
 * With `out`, every input event (in the order pushed), every decision, a digest of every
 * output (or the full bytes), checkpoints and START/STOP markers go into a new recording.
 * Without `out` the same engine runs unrecorded (decisions are produced, not kept).
 */
import type { App } from "../engine/app.js";
import { sha256, u64le } from "../engine/bytes.js";
import {
  type DecisionPort,
  type DecisionRequest,
  Engine,
  type EngineObserver,
  type EngineOutput,
  STATE_FORMAT,
  type StateFormat,
  type TimerState,
} from "../engine/engine.js";
import type { StrictMode } from "../engine/strict.js";
import { HindsightError, thrownMessage } from "../errors.js";
import { MAX_TIME_NS } from "../format/constants.js";
import { DecisionKind, type LogRecord, MarkerKind, rec } from "../format/records.js";
import { LogWriter, type WriterOptions } from "../log/index.js";
import { ENGINE_VERSION } from "../version.js";
import { DecisionLog, fetchLookup } from "./decision-log.js";

export type OutputMode = "digest" | "full";

export interface RunOptions {
  /** Record into this new directory. Omit for an unrecorded run. */
  out?: string;
  /** Seed of ctx.random streams (decimal string). Defaults to "0". */
  seed?: string;
  /** Strict mode inside steps. Defaults to "throw". */
  strict?: StrictMode;
  /** Checkpoint derivable state every N input events; 0 = never. Defaults to 0. */
  checkpointEvery?: number;
  /** Keep a digest of each output ("digest") or also its bytes ("full"). Defaults to "digest". */
  outputs?: OutputMode;
  /** Clock behind ctx.now() (ns since the epoch). Defaults to the wall clock. */
  clock?: () => bigint;
  /**
   * Where the times given to push() come from, recorded in the manifest: "input:<field>" (a
   * field of the payload), "wall" (when each event arrived)... Defaults to "push" (given by the
   * program, nothing more known). Not about `clock`, which is what ctx.now() reads.
   */
  clockSource?: string;
  /** Log writer options (block size, fsync...). */
  writer?: Partial<WriterOptions>;
  /** Called for every output (e.g. to write sinks). */
  onOutput?: (o: EngineOutput) => void;
  /** Lineage/audit observer (off by default). */
  observer?: EngineObserver;
  /**
   * Record each output's lineage at run time (OutputLineage records, feature
   * "lineage-records"): verify's divergence reports then show how the recorded run arrived at an output.
   */
  lineage?: boolean;
  /** The app's build id ("sha256:…") and module path, from loadApp(). */
  build?: { id: string; module: string };
  /** Where each input stream comes from (manifest streams[].source). */
  sources?: Readonly<Record<string, string>>;
  /** Extra run configuration kept in the START marker (the run's own keys win over these). */
  config?: Readonly<Record<string, unknown>>;
  /**
   * @internal How checkpoints encode state (default STATE_FORMAT): tests make recordings as
   * builds before the current format did, to prove they still verify.
   */
  stateFormat?: StateFormat;
  labels?: Readonly<Record<string, string>>;
}

export interface RunSummary {
  readonly dir: string | undefined;
  readonly events: number;
  readonly ticks: number;
  readonly decisions: number;
  readonly outputs: number;
  readonly checkpoints: number;
  readonly records: number;
  readonly status: string;
  /**
   * Timers set and not yet fired when the run was sealed: due after the last event's time (a
   * timer fires only when an event, or advanceTo, takes time past it).
   */
  readonly timersPending: number;
}

const EMPTY = new Uint8Array(0);

/**
 * Wall clock in ns: captured originals, so strict mode never traps the recorder's own clock.
 * One base for the run: `Date.now()` has millisecond resolution, so two clocks built apart may
 * disagree by up to a millisecond (an event stamped after ctx.now() read earlier).
 */
export function wallClock(): () => bigint {
  const hr = process.hrtime.bigint.bind(process.hrtime);
  const base = BigInt(Date.now()) * 1_000_000n - hr();
  return () => base + hr();
}

/** Produces decision values and records them (or only produces them, unrecorded). */
class RecordingPort implements DecisionPort {
  eventSeq = -1;
  timeNs = 0n;
  private index = 0;
  private readonly log: DecisionLog | null;
  decisions = 0;
  outputs = 0;
  /** Look-ups whose fetch has not settled. */
  readonly waiting = new Set<DecisionRequest>();
  /** Set when the run is sealed with an event in flight: that event's later results are dropped. */
  sealed = false;

  constructor(
    private readonly writer: LogWriter | null,
    private readonly full: boolean,
    private readonly onOutput: ((o: EngineOutput) => void) | undefined,
  ) {
    this.log = writer ? new DecisionLog((r) => writer.append(r), writer) : null;
  }

  beginEvent(eventSeq: number, timeNs: bigint): void {
    this.eventSeq = eventSeq;
    this.timeNs = timeNs;
    this.index = 0;
  }

  decide(req: DecisionRequest, produce: () => Uint8Array): Uint8Array {
    if (this.sealed) throw sealedRun();
    const value = produce();
    this.decisions++;
    const index = this.index++;
    this.log?.decision(req, this.eventSeq, index, this.timeNs, value);
    return value;
  }

  /** Look-up values are stored again after this (see DecisionLog.forgetBlobs). */
  forgetBlobs(): void {
    this.log?.forgetBlobs();
  }

  lookup(req: DecisionRequest, fetch: () => Uint8Array | Promise<Uint8Array>): Promise<Uint8Array> {
    if (this.sealed) throw sealedRun();
    const index = this.index++;
    const eventSeq = this.eventSeq;
    const timeNs = this.timeNs;
    this.waiting.add(req);
    return fetchLookup(fetch, (o) => {
      this.waiting.delete(req);
      if (this.sealed) throw sealedRun();
      this.decisions++;
      this.log?.lookup(req, eventSeq, index, timeNs, o);
    });
  }

  output(o: EngineOutput): void {
    if (this.sealed) throw sealedRun();
    this.outputs++;
    // The digest is computed with the block (on the block-writer thread when there is one).
    try {
      this.writer?.appendOutput(this.timeNs, o.sink, o.eventSeq, o.index, o.sinkSeq, o.bytes, this.full);
    } catch (e) {
      refused(
        e,
        `output #${o.index} of event seq ${o.eventSeq} (sink '${o.sinkName}', ${o.bytes.length} bytes)`,
        "emit smaller outputs, or record only their digests (--outputs digest)",
      );
    }
    this.onOutput?.(o);
  }

  endEvent(): void {}
}

const sealedRun = (): HindsightError =>
  new HindsightError(
    "CLOSED",
    "the recording was sealed while this event was in flight: its later results are not recorded",
  );

/**
 * Start of the STOP status of a run sealed with an event unfinished (AppRun.abandon):
 * "sealed inside event seq N: <reason>". Replay compares such an event up to where the
 * recording ends.
 */
export const SEALED_INSIDE = "sealed inside event seq ";

/**
 * Start of the STOP status of a run sealed because an error escaped the app's steps (code it
 * left running outside them threw, or a promise it dropped rejected): "an error escaped the
 * app's steps: <message>" (after SEALED_INSIDE when an event was in flight). Replay compares
 * the error that escapes on replay with it.
 */
export const ESCAPED = "an error escaped the app's steps: ";

/** The message of an error that escaped the app's steps, as a STOP status and a replay give it. */
export function escapedMessage(e: unknown): string {
  return thrownMessage(e).split("\n")[0] as string;
}

/**
 * In the message of a record the writer refused. A run that fails on one stops inside that
 * event, through no fault of the app: replay compares such a run up to there (its STOP marker
 * status holds this phrase).
 */
export const CANNOT_BE_RECORDED = "cannot be recorded";

/** Rethrows `e`: a record the writer refused (BAD_INPUT) as one naming `what`, anything else as is. */
function refused(e: unknown, what: string, hint?: string): never {
  if (!(e instanceof HindsightError) || e.code !== "BAD_INPUT") throw e;
  throw new HindsightError("BAD_INPUT", `${what} ${CANNOT_BE_RECORDED}: ${e.message}`, {
    ...(hint ? { hint } : {}),
    cause: e,
  });
}

/** Checkpoint side files live here, named by the sequence number of their CheckpointRef record. */
export const CHECKPOINT_DIR = "checkpoints";
export const checkpointFile = (refSeq: number): string =>
  `${CHECKPOINT_DIR}/ckpt-${String(refSeq).padStart(12, "0")}.state`;

export class AppRun {
  readonly engine: Engine;
  private readonly writer: LogWriter | null;
  private readonly port: RecordingPort;
  private readonly streamSeqs: number[];
  private readonly checkpointEvery: number;
  private seqCounter = 0;
  private inputEvents = 0;
  private ticks = 0;
  private checkpoints = 0;
  private lastTime = 0n;
  private busy: Promise<void> | null = null;
  private stopped = false;
  private failure: unknown = null;

  private constructor(app: App, opts: RunOptions) {
    if (
      opts.checkpointEvery !== undefined &&
      (!Number.isInteger(opts.checkpointEvery) || opts.checkpointEvery < 0)
    )
      throw new HindsightError(
        "USAGE",
        `checkpoint interval ${opts.checkpointEvery} is not a whole number ≥ 0`,
      );
    this.checkpointEvery = opts.checkpointEvery ?? 0;
    const outputs = opts.outputs ?? "digest";
    if (outputs !== "digest" && outputs !== "full")
      throw new HindsightError("USAGE", `--outputs must be digest or full, not ${JSON.stringify(outputs)}`);
    const seed = opts.seed ?? "0";
    const strict = opts.strict ?? "throw";
    if (strict !== "throw" && strict !== "record" && strict !== "off")
      throw new HindsightError(
        "USAGE",
        `--strict must be throw, record or off, not ${JSON.stringify(strict)}`,
      );
    const clock = opts.clock ?? wallClock();
    const stateFormat = opts.stateFormat ?? STATE_FORMAT;
    if (opts.out !== undefined) {
      this.writer = LogWriter.create(
        opts.out,
        {
          app: { name: app.name, buildId: opts.build?.id ?? "", module: opts.build?.module ?? "" },
          engineVersion: ENGINE_VERSION,
          streams: Object.entries(app.inputs).map(([name, c]) => ({
            name,
            codec: c.name,
            source: opts.sources?.[name] ?? "",
          })),
          sinks: Object.entries(app.sinks).map(([name, c]) => ({ name, codec: c.name })),
          seed,
          features: [
            "blob-records",
            ...(this.checkpointEvery > 0 ? ["checkpoint-files"] : []),
            ...(opts.lineage ? ["lineage-records"] : []),
          ],
          clockSource: opts.clockSource ?? "push",
          writer: { outputs, checkpointEvery: this.checkpointEvery },
          labels: { ...(opts.labels ?? {}) },
        },
        opts.writer ?? {},
      );
    } else this.writer = null;
    this.port = new RecordingPort(this.writer, outputs === "full", opts.onOutput);
    const observer = lineageObserver(opts.lineage && this.writer ? this.writer : null, opts.observer);
    this.engine = new Engine(app, {
      port: this.port,
      strict,
      seed,
      clock,
      stateFormat,
      ...(observer ? { observer } : {}),
    });
    this.streamSeqs = this.engine.inputNames.map(() => 0);
    this.append(
      rec.marker({
        kind: MarkerKind.start,
        appName: app.name,
        appBuild: opts.build?.id ?? "",
        seed,
        configJson: JSON.stringify({
          ...(opts.config ?? {}),
          strict,
          outputs,
          checkpointEvery: this.checkpointEvery,
          engineVersion: ENGINE_VERSION,
          stateFormat,
        }),
      }),
    );
    this.engine.start();
  }

  /**
   * Starts a run of `app`.
   * @throws HindsightError ALREADY_EXISTS (out holds files), USAGE (bad options).
   */
  static async start(app: App, opts: RunOptions = {}): Promise<AppRun> {
    return new AppRun(app, opts);
  }

  /** The recording directory, if recording. */
  get dir(): string | undefined {
    return this.writer?.dir;
  }

  private append(r: LogRecord): number {
    if (this.writer) return this.writer.append(r);
    return this.seqCounter++;
  }

  private nextSeq(): number {
    return this.writer ? this.writer.nextSeq : this.seqCounter;
  }

  /**
   * Pushes one input event. `payload` is the event's bytes as received (recorded as is), or
   * a value, encoded with the stream's codec first. Timers due at or before `timeNs` fire first.
   * Calls are serialized with each other and with advanceTo: one made while another is running waits for it.
   * @returns a promise when the event needed asynchronous work (look-ups) or waited; else undefined.
   * @throws HindsightError BAD_INPUT (unknown stream, payload does not decode), APP_ERROR,
   *   DETERMINISM_VIOLATION; after a failure the run accepts nothing more. CLOSED (at once, not
   *   queued) once the run is stopped or abandoned.
   */
  push(stream: string | number, payload: Uint8Array | unknown, timeNs: bigint): Promise<void> | undefined {
    // A sealed run refuses at once: after abandon() the event in flight may never settle, and a
    // push queued behind it would wait forever.
    if (this.stopped) this.checkUsable();
    if (this.busy) return this.queue(() => this.pushNow(stream, payload, timeNs));
    return this.tail(this.pushNow(stream, payload, timeNs));
  }

  /**
   * Runs `op` once the pushes and advances in flight settle, failed or not (it then succeeds or
   * fails on its own terms), as the new tail of the queue: stop() waits for it.
   */
  private queue(op: () => Promise<void> | undefined): Promise<void> {
    const p: Promise<void> = (this.busy as Promise<void>).then(op, op).finally(() => {
      if (this.busy === p) this.busy = null;
    });
    this.busy = p;
    return p;
  }

  /** `r`, an operation that went asynchronous, as the tail of the queue. */
  private tail(r: Promise<void> | undefined): Promise<void> | undefined {
    if (r === undefined) return undefined;
    const p = r.finally(() => {
      if (this.busy === p) this.busy = null;
    });
    this.busy = p;
    return p;
  }

  private pushNow(stream: string | number, payload: unknown, timeNs: bigint): Promise<void> | undefined {
    this.checkUsable();
    const idx = typeof stream === "number" ? stream : this.engine.inputIndex(stream);
    if (idx < 0 || idx >= this.engine.inputNames.length)
      throw new HindsightError("BAD_INPUT", `unknown input stream ${JSON.stringify(stream)}`, {
        hint: `the app reads ${this.engine.inputNames.join(", ")}`,
      });
    checkTime(timeNs);
    const bytes = payload instanceof Uint8Array ? payload : this.engine.encodeInput(idx, payload);
    const t = this.fireDue(timeNs);
    if (t !== undefined) return t.then(() => this.pushNow(stream, bytes, timeNs));
    if (timeNs > this.lastTime) this.lastTime = timeNs;
    const streamSeq = this.streamSeqs[idx]!;
    const seq = this.writer ? this.appendInput(timeNs, idx, streamSeq, bytes) : this.seqCounter++;
    this.streamSeqs[idx] = streamSeq + 1;
    this.inputEvents++;
    let r: Promise<void> | undefined;
    try {
      r = this.engine.handleInput(seq, idx, bytes, timeNs);
    } catch (e) {
      this.failure = e;
      throw e;
    }
    if (r !== undefined)
      return r.then(
        () => this.afterInput(seq, timeNs),
        (e) => {
          this.failure = e;
          throw e;
        },
      );
    this.afterInput(seq, timeNs);
    return undefined;
  }

  /** Records an input event; one that cannot be recorded is refused (BAD_INPUT) and the run goes on. */
  private appendInput(timeNs: bigint, idx: number, streamSeq: number, bytes: Uint8Array): number {
    try {
      return (this.writer as LogWriter).appendInput(timeNs, idx, streamSeq, EMPTY, bytes);
    } catch (e) {
      refused(e, `event on stream '${this.engine.inputNames[idx]}' (${bytes.length} bytes)`);
    }
  }

  /** Fires timers due at or before `timeNs` (each tick is a recorded decision and an event of its own). */
  private fireDue(timeNs: bigint, fired = 0): Promise<void> | undefined {
    let t: TimerState | null = this.engine.nextDueTimer(timeNs);
    // Refused before any tick fires: a refused event leaves nothing recorded. (Only when a timer
    // is due: most pushes have none.)
    if (t !== null && fired === 0) {
      const most = this.engine.mostCatchUp(timeNs);
      if (most !== null && most.total > MAX_TICKS_AT_ONCE) {
        const m = most.timer;
        throw new HindsightError(
          "BAD_INPUT",
          `time ${timeNs} would fire ${most.total === most.ticks ? "" : `${most.total} ticks of periodic timers before it, `}timer '${m.name}' of step '${m.step}'${m.key ? ` (key ${JSON.stringify(m.key)})` : ""} ${most.ticks} times (every ${m.period} ns from ${m.due})${most.total === most.ticks ? " before it" : ""}: more than ${MAX_TICKS_AT_ONCE} ticks at once are refused`,
          { hint: "check the event times, or cancel the timer first" },
        );
      }
    }
    for (; t; t = this.engine.nextDueTimer(timeNs)) {
      const due = t.due;
      if (++fired > MAX_TICKS_AT_ONCE) {
        // Timers that set themselves (or each other) again at or before their tick's time: time
        // never moves past them. A run that would never end fails here, as a step that throws.
        const loop = t;
        return this.guard(() => {
          throw new HindsightError(
            "APP_ERROR",
            `timers fired ${MAX_TICKS_AT_ONCE} ticks due at or before ${timeNs} without time moving past it; the next is timer '${loop.name}' of step '${loop.step}'${loop.key ? ` (key ${JSON.stringify(loop.key)})` : ""}, due at ${due}`,
            {
              where: `step ${loop.step}`,
              hint: "a timer set from a tick should be due after that tick's time (tick.timeNs)",
            },
          );
        });
      }
      const seq = this.nextSeq();
      this.append(
        rec.decision({
          timeNs: due,
          kind: DecisionKind.tick,
          name: t.name,
          eventSeq: seq,
          index: 0,
          value: u64le(due),
          key: Buffer.from(t.key, "utf8"),
          step: t.step,
        }),
      );
      this.ticks++;
      const timer = t;
      const r = this.guard(() => this.engine.handleTick(seq, timer, due));
      if (r !== undefined) {
        const n = fired;
        return r.then(() => this.fireDue(timeNs, n));
      }
    }
    return undefined;
  }

  /** Advances event time without an input event: fires timers due at or before `timeNs`. */
  advanceTo(timeNs: bigint): Promise<void> {
    // Queued with pushes (in the order called), so ticks and events are recorded in that order.
    const op = () => this.advanceNow(timeNs);
    try {
      if (this.stopped) this.checkUsable(); // at once: see push
      return (this.busy ? this.queue(op) : this.tail(op())) ?? Promise.resolve();
    } catch (e) {
      return Promise.reject(e);
    }
  }

  private advanceNow(timeNs: bigint): Promise<void> | undefined {
    this.checkUsable();
    checkTime(timeNs);
    const r = this.fireDue(timeNs);
    if (r !== undefined) return r.then(() => this.advanced(timeNs));
    this.advanced(timeNs);
    return undefined;
  }

  private advanced(timeNs: bigint): void {
    if (timeNs > this.lastTime) this.lastTime = timeNs;
  }

  private guard<T>(f: () => T): T {
    try {
      const r = f();
      if (r instanceof Promise)
        return r.catch((e) => {
          this.failure = e;
          throw e;
        }) as T;
      return r;
    } catch (e) {
      this.failure = e;
      throw e;
    }
  }

  private afterInput(seq: number, timeNs: bigint): void {
    if (this.port.sealed) return; // the run was sealed while this event was in flight
    if (this.checkpointEvery > 0 && this.inputEvents % this.checkpointEvery === 0)
      try {
        this.checkpoint(seq, timeNs);
      } catch (e) {
        // State that cannot be checkpointed (not plain data) fails the run, as a step that
        // throws does: the event is recorded, and the run accepts nothing more.
        this.failure = e;
        throw e;
      }
  }

  /** Takes a checkpoint now (state after event `eventSeq`). No-op when not recording. */
  private checkpoint(eventSeq: number, timeNs: bigint): void {
    if (!this.writer) return;
    const state = this.engine.snapshot();
    const refSeq = this.writer.nextSeq;
    const location = checkpointFile(refSeq);
    this.writer.writeSideFile(location, state);
    this.writer.append(
      rec.checkpoint({
        timeNs,
        eventSeq,
        stateDigest: sha256(state),
        location,
        eventsHandled: this.engine.eventsHandled,
      }),
    );
    // A replay from this checkpoint reads nothing before it: the look-up values it needs are
    // stored again after it (once per checkpoint interval).
    this.port.forgetBlobs();
    this.checkpoints++;
  }

  private checkUsable(): void {
    if (this.stopped) throw new HindsightError("CLOSED", "the run has been stopped");
    if (this.failure !== null)
      throw new HindsightError("CLOSED", "the run failed earlier and accepts no more events", {
        cause: this.failure,
      });
  }

  /**
   * Whether the run has failed (a step threw, an event did not decode, state could not be
   * checkpointed) and accepts no more events. After a push throws BAD_INPUT, false says the
   * event was refused and the run goes on; true says it was recorded and failed the run.
   */
  get failed(): boolean {
    return this.failure !== null;
  }

  /**
   * The event being handled while a push waits on asynchronous work, and the look-ups it waits
   * on (e.g. "look-up 'ref' of step 'enrich'"); null when no event is in flight.
   */
  get inFlight(): {
    readonly eventSeq: number;
    readonly waitingOn: readonly string[];
    /** The step whose promise the event waits on, when known. */
    readonly step: string | null;
  } | null {
    if (this.busy === null || this.stopped) return null;
    return {
      eventSeq: this.port.eventSeq,
      waitingOn: [...this.port.waiting].map((r) => `look-up '${r.name}' of step '${r.step}'`),
      step: this.engine.waitingStepName,
    };
  }

  /**
   * Ends the run: writes the STOP marker (with `status`, "ok" unless the run failed) and seals the recording.
   * Waits for the event in flight, if any (see abandon). Idempotent.
   */
  async stop(status?: string): Promise<RunSummary> {
    // Once sealed (stop or abandon), the summary at once: an abandoned event may never settle.
    if (this.busy && !this.stopped) await this.busy.catch(() => undefined);
    return this.seal(
      status ??
        (this.failure === null
          ? "ok"
          : `failed: ${this.failure instanceof Error ? this.failure.message : String(this.failure)}`),
    );
  }

  /**
   * Seals the recording now, without waiting for the event in flight (a look-up whose fetch
   * never settles): what that event recorded so far is kept, and the STOP marker's status is
   * "sealed inside event seq N: <reason>" (just `reason` when no event is in flight). Results
   * of that event that come later are not recorded: its push rejects (CLOSED) or never settles.
   * Replay and verify compare the event up to where the recording ends. Idempotent.
   */
  abandon(reason: string): RunSummary {
    const f = this.inFlight;
    if (f) this.port.sealed = true;
    return this.seal(f ? `${SEALED_INSIDE}${f.eventSeq}: ${reason}` : reason);
  }

  private seal(status: string): RunSummary {
    if (!this.stopped) {
      this.stopped = true;
      this.append(
        rec.marker({ kind: MarkerKind.stop, timeNs: this.lastTime, events: this.inputEvents, status }),
      );
      this.writer?.close();
      this.timersPending = this.engine.timerList().length;
      this.engine.dispose();
      this.finalStatus = status;
    }
    return {
      dir: this.writer?.dir,
      events: this.inputEvents,
      ticks: this.ticks,
      decisions: this.port.decisions,
      outputs: this.port.outputs,
      checkpoints: this.checkpoints,
      records: this.nextSeq(),
      status: this.finalStatus,
      timersPending: this.timersPending,
    };
  }

  private finalStatus = "";
  private timersPending = 0;
}

/** Starts a run of `app` (see AppRun). */
export function startRun(app: App, opts: RunOptions = {}): Promise<AppRun> {
  return AppRun.start(app, opts);
}

/** The caller's observer, plus one that appends an OutputLineage record after each output. */
function lineageObserver(
  writer: LogWriter | null,
  user: EngineObserver | undefined,
): EngineObserver | undefined {
  if (!writer) return user;
  return {
    onOutput: (t) => {
      writer.append(
        rec.lineage({
          timeNs: t.eventTime,
          sink: t.sink,
          sinkSeq: t.sinkSeq,
          eventSeq: t.eventSeq,
          path: t.path,
          reads: t.stateReads.map((r) => ({ step: r.step, key: r.key, writerSeq: r.writerSeq })),
          decisions: t.decisions.map((d) => d.index),
        }),
      );
      user?.onOutput?.(t);
    },
    ...(user?.onEventEnd ? { onEventEnd: user.onEventEnd.bind(user) } : {}),
  };
}

/** An event time (or a time advanced to): a bigint in 1..2^64-1 ns. */
function checkTime(timeNs: bigint): void {
  if (typeof timeNs !== "bigint" || timeNs < 1n || timeNs > MAX_TIME_NS)
    throw new HindsightError(
      "BAD_INPUT",
      typeof timeNs !== "bigint"
        ? "event time must be a bigint (ns since the epoch)"
        : `event time ${timeNs} is outside 1..2^64-1 ns (a record keeps 0 as "no time")`,
    );
}

/**
 * A periodic timer that would fire more than this many times to catch up with one event time (or
 * advanceTo) is refused: a time far in the future (seconds given as nanoseconds...) would
 * otherwise tick for hours.
 */
export const MAX_TICKS_AT_ONCE = 1_000_000n;
