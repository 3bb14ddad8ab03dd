/**
 * Replays a recording through the engine: input events in recorded order, each with the
 * decisions recorded for it. Used by `replay --until` (state at a point, from the nearest
 * verified checkpoint) and by `verify` (full replay comparing every decision request,
 * output and checkpoint digest with the recording; stops at the first divergence).
 *
 * A recording's records come grouped by event: an input record (or a TICK decision, which is
 * an event of its own) followed by the decisions, blobs and outputs made while handling it.
 * A group is handled once it is complete, i.e. when the next group starts.
 */

import { readdirSync } from "node:fs";
import { join } from "node:path";
import type { App } from "../engine/app.js";
import { bytesEqual, hex, readU64le, sha256 } from "../engine/bytes.js";
import { codecsCompatible, decodeUtf8 } from "../engine/codec.js";
import {
  CANNOT_BE_CHECKPOINTED,
  type DecisionPort,
  type DecisionRequest,
  DivergenceSignal,
  decodeDecision,
  Engine,
  type EngineObserver,
  type EngineOutput,
  failedLookup,
  STATE_FORMATS,
  type StateFormat,
} from "../engine/engine.js";
import type { StrictMode } from "../engine/strict.js";
import { HindsightError, isHindsightError } from "../errors.js";
import {
  type CheckpointRecord,
  DecisionKind,
  type DecisionRecord as DecisionRecordBase,
  decisionKindName,
  type InputRecord,
  MarkerKind,
  type MarkerRecord,
  type OutputRecord as OutputRecordBase,
  type SeqRecord,
} from "../format/records.js";
import { formatTime } from "../format/time.js";
import { BlockThread } from "../log/block-thread.js";
import { ByteRuns } from "../log/byte-runs.js";
import type { LogReader } from "../log/index.js";
import type { Manifest } from "../log/manifest.js";
import { describeRepair, readRepairs, repairsProblem } from "../log/repairs.js";
import { checkSideFile } from "../log/side-files.js";
import {
  CANNOT_BE_RECORDED,
  CHECKPOINT_DIR,
  ESCAPED,
  escapedMessage,
  SEALED_INSIDE,
} from "../recorder/app-run.js";
import { ENGINE_VERSION } from "../version.js";

type DecisionRecord = DecisionRecordBase & { readonly seq: number };
type OutputRecord = OutputRecordBase & { readonly seq: number };

/** Repairs (repairs.json) given as notes, the latest. */
const MAX_REPAIR_NOTES = 10;

export type DivergenceKind =
  | "output-mismatch"
  | "output-missing"
  | "output-extra"
  | "decision-mismatch"
  | "decision-missing"
  | "decision-extra"
  | "decision-reordered"
  | "tick-missing"
  | "tick-unknown"
  | "checkpoint-mismatch"
  | "app-error";

/** Where and how the replay first differed from the recording. */
export interface Divergence {
  readonly kind: DivergenceKind;
  readonly message: string;
  /** Sequence number of the input event (or tick) being handled. */
  readonly eventSeq: number;
  readonly step?: string;
  readonly decision?: {
    readonly index: number;
    readonly expected?: DecisionView;
    readonly actual?: DecisionView;
  };
  readonly output?: {
    readonly sink: string;
    readonly index: number;
    readonly sinkSeq: number;
    readonly expected?: OutputView;
    readonly actual?: OutputView;
  };
  readonly checkpoint?: {
    readonly seq: number;
    /** The recorded state's file (CheckpointRef.location). */
    readonly location?: string;
    readonly expectedDigest: string;
    readonly actualDigest: string;
  };
  /** `stack`: where the step threw (the app's own frames), for `--debug`. */
  readonly error?: { readonly code?: string; readonly message: string; readonly stack?: string };
}

export interface DecisionView {
  readonly kind: string;
  readonly name: string;
  readonly step: string;
  readonly key?: string;
  readonly seq?: number;
  /**
   * The recorded value (expected decisions only), decoded as ShownDecision's: a clock reading
   * (bigint ns), a draw, a look-up's value (absent when its blob is not at hand).
   */
  readonly value?: unknown;
  /** Instead of `value`: the error a look-up's fetch threw when it was recorded. */
  readonly error?: string;
}

export interface OutputView {
  readonly sink: string;
  readonly sinkSeq: number;
  readonly digest: string;
  /** The bytes, when known (actual outputs; expected ones when recorded with --outputs full). */
  readonly bytes?: Uint8Array;
}

/** A record kept for "the last few events and decisions before the point". */
export type RecentRecord = SeqRecord;

export interface ReplayOptions {
  /** Stop after the event at or containing this sequence number (inclusive). */
  until?: number;
  /** Start from the nearest verified checkpoint at or before `until` (default true when `until` is set). */
  useCheckpoints?: boolean;
  /** Compare outputs and checkpoint digests with the recording (verify). Defaults to false. */
  compareOutputs?: boolean;
  /** Lineage/audit observer. Forces a replay from the start (state provenance is not checkpointed). */
  observer?: EngineObserver;
  /** How many recent events/decisions to keep. Defaults to 8. */
  recent?: number;
  /** Called now and then with (records done, records total). */
  onProgress?: (done: number, total: number) => void;
  /** Called for every replayed output (after comparison). */
  onOutput?: (o: EngineOutput) => void;
  /**
   * With compareOutputs, where outputs recorded as digests are hashed: "thread" on a worker
   * thread while the replay goes on (a mismatch found there makes the replay run again
   * comparing each output in place, so the report is the same); "inline" on this thread;
   * "auto" (default) uses the thread for replays of at least 100 k records without onOutput
   * or observer.
   */
  digestCheck?: "auto" | "thread" | "inline";
  /**
   * The replaying app's build id ("sha256:…", from loadApp). When it differs from the
   * recording's, the recorded checkpoints hold state the way the recorded build kept it: the
   * replay does not start from them (unless trustCheckpoints), and with compareOutputs a
   * checkpoint digest that differs is a note, not a divergence (outputs and decisions are what
   * is compared). Omitted (or either id unknown): taken to be the same build.
   */
  buildId?: string;
  /** Start from recorded checkpoints even when the build differs (its state is kept the same way). */
  trustCheckpoints?: boolean;
  /**
   * Registers `stalled`, for the caller to call when the process has run out of work while the
   * replay waits on an event: a step awaits a promise nothing can settle (on replay, ctx.lookup
   * answers from the recording, so something else). That event then fails as an app-error
   * divergence instead of the replay never ending. `stalled` returns whether an event was
   * waiting. Returns the undo. (The CLI passes Io.onStall.)
   */
  watchStall?: (stalled: () => boolean) => () => void;
  /**
   * Registers `took`, for the caller to call with an error that escapes the app's steps while
   * the replay runs (code the app left running outside them threw, or a promise it dropped
   * rejected: the process's uncaughtException and unhandledRejection). The replay then reports
   * it: as an app-error divergence, unless the recorded run ended with the same error escaping
   * (escapedAsRecorded). Before its result is final the replay gives the event loop a turn, so
   * that rejections still pending surface. `took` returns whether it took the error. Returns the
   * undo. (The CLI passes Io.onStray.)
   */
  watchStray?: (took: (e: unknown) => boolean) => () => void;
  /**
   * With watchStray: give the event loop a turn after each event, so that an error escaping the
   * app's steps surfaces with the event that left it. (A replay whose error surfaced only at its
   * end replays again so to name that event; slower, it is not otherwise needed.)
   */
  strayTurns?: boolean;
}

/** The error of an event whose step waits on a promise that nothing can settle. */
function neverFinished(eventSeq: number, step: string | null): HindsightError {
  return new HindsightError(
    "APP_ERROR",
    `event seq ${eventSeq} never finished: ${step ? `step '${step}'` : "a step"} waits on a promise that nothing left in the process can settle (on replay, ctx.lookup answers from the recording; a step must not wait on anything else that may never come)`,
    step ? { details: { step } } : {},
  );
}

/** `d` without the stack of a step's error (given only with --debug). */
export function divergenceWithoutStack<D extends { readonly error?: Divergence["error"] } | null | undefined>(
  d: D,
): D {
  if (!d?.error?.stack) return d;
  const { stack: _s, ...error } = d.error;
  return { ...d, error };
}

/** Whether `buildId` is known to differ from the build `m` was recorded with (both ids known). */
export function buildDiffers(m: Manifest, buildId: string | undefined): boolean {
  return Boolean(buildId && m.app.buildId && buildId !== m.app.buildId);
}

/** "auto" hashes outputs on a thread from this many records to replay. */
const DIGEST_THREAD_FROM_RECORDS = 100_000;

/**
 * Output digests to check on a worker thread, in batches. Until the thread is ready, add()
 * declines and the caller checks in place; finish() says whether any output differed.
 */
class DeferredDigestCheck {
  private readonly outputs = new ByteRuns();
  private readonly digests = new Uint8Array(32 * 1024);
  private usable = false;

  constructor(private readonly thread: BlockThread) {}

  /** Queues the check "sha256(out) = digest"; false when the caller must check it now. */
  add(out: Uint8Array, digest: Uint8Array): boolean {
    if (!this.usable) {
      if (!this.thread.ready()) return false;
      this.usable = true;
    }
    if (digest.length !== 32) return false;
    this.digests.set(digest, 32 * this.outputs.count);
    this.outputs.push(out);
    if (this.outputs.count === 1024 || this.outputs.byteLength >= 192 * 1024) this.send();
    return true;
  }

  private send(): void {
    const n = this.outputs.count;
    if (n === 0) return;
    const runs = this.outputs.take();
    const digests = this.digests.slice(0, 32 * n);
    this.thread.run({ op: "check", runs, digests }, false, [
      runs.data.buffer as ArrayBuffer,
      digests.buffer as ArrayBuffer,
    ]);
  }

  /** Checks what is queued; true when some output's digest differed. Stops the thread. */
  finish(): boolean {
    try {
      if (!this.usable) return false;
      this.send();
      this.thread.drain();
      return this.thread.mismatch;
    } finally {
      this.thread.stop();
    }
  }

  stop(): void {
    this.thread.stop();
  }
}

export interface CheckpointUse {
  readonly refSeq: number;
  readonly eventSeq: number;
  readonly location: string;
  readonly digest: string;
}

export interface ReplayResult {
  readonly engine: Engine;
  /** Input events and ticks replayed (not counting those covered by the checkpoint). */
  readonly eventsReplayed: number;
  /** How many of eventsReplayed were ticks. */
  readonly ticksReplayed: number;
  readonly decisions: number;
  readonly outputs: number;
  /** Checkpoints whose digest matched the replayed state (compareOutputs only). */
  readonly checkpointsVerified: number;
  /** The checkpoint the replay started from, if any. */
  readonly startedFrom: CheckpointUse | null;
  /** Checkpoints rejected because their file did not match the recorded digest. */
  readonly rejectedCheckpoints: readonly { refSeq: number; location: string; reason: string }[];
  /** The last checkpoint whose state matched (or was restored from). */
  readonly lastGoodCheckpoint: CheckpointUse | null;
  /** Sequence number of the last record of the last event handled. */
  readonly reachedSeq: number;
  /**
   * Sequence number of the last event handled (-1 when none): with failedAsRecorded, the event
   * that failed (it was replayed, and failed as recorded).
   */
  readonly lastEventSeq: number;
  /**
   * The recording ends inside this event (its run stopped, or was cut off, before the event
   * finished; a note says why): it was replayed up to where the recording ends, and is not
   * counted in eventsReplayed. (Except in a replay comparing no outputs of a run that failed on
   * an output it could not record: that replay ran the event to its end, and counts it.) Null
   * when the recording does not end inside one.
   */
  readonly endsInside: number | null;
  readonly divergence: Divergence | null;
  /**
   * The recorded run failed in the app (its STOP marker says so), and the replay failed the same
   * way at the same event: a faithful replay, so not a divergence.
   */
  readonly failedAsRecorded: { readonly eventSeq: number; readonly message: string } | null;
  /**
   * The recorded run ended with an error escaping the app's steps (its STOP marker says so), and
   * in the replay (watchStray) an error with the same message escaped too: a faithful replay, so
   * not a divergence. `eventSeq`: the event being replayed when it surfaced, when one was.
   */
  readonly escapedAsRecorded: { readonly eventSeq?: number; readonly message: string } | null;
  /** A look-up value's bytes by its content hash, when the replay read its blob (for reports). */
  readonly blobOf: (contentHash: Uint8Array) => Uint8Array | undefined;
  /** The last few input/tick records and decision records handled, oldest first. */
  readonly recentEvents: readonly RecentRecord[];
  readonly recentDecisions: readonly RecentRecord[];
  /** The event being handled when the replay diverged, if any. */
  readonly divergedEvent: SeqRecord | null;
  /** The decisions the recording has for the event the replay diverged in (empty when none). */
  readonly divergedDecisions: readonly (DecisionRecord & { readonly seq: number })[];
  readonly start: MarkerRecord | null;
  readonly stop: MarkerRecord | null;
  readonly notes: readonly string[];
}

/** How a reason that is this build's alone (not the app's) says what to do. */
const ANOTHER_RELEASE = "use a hindsight release that";

/** Why a recording cannot be replayed by this app (empty when it can). */
export function incompatibilities(reader: LogReader, app: App): string[] {
  const m = reader.manifest;
  const why: string[] = [];
  // First: another app explains every other difference.
  if (m.app.name && m.app.name !== app.name)
    why.push(`recording is of app '${m.app.name}', not '${app.name}'`);
  for (const s of m.streams) {
    const c = app.inputs[s.name];
    if (!c)
      why.push(
        `recording has input stream '${s.name}', which app ${app.name} does not read (it reads ${Object.keys(app.inputs).join(", ")})`,
      );
    else if (!codecsCompatible(s.codec, c.name))
      why.push(`stream '${s.name}' was recorded with codec ${s.codec}; the app reads it as ${c.name}`);
  }
  for (const s of m.sinks) {
    const c = app.sinks[s.name];
    if (!c)
      why.push(
        `recording has sink '${s.name}', which app ${app.name} does not have (it has ${Object.keys(app.sinks).join(", ") || "none"})`,
      );
    else if (!codecsCompatible(s.codec, c.name))
      why.push(`sink '${s.name}' was recorded with codec ${s.codec}; the app writes ${c.name}`);
  }
  // The engine's semantics (timer order, state format...) the run was made with.
  if (m.engineVersion && m.engineVersion !== ENGINE_VERSION)
    why.push(
      `recording was made by engine version ${m.engineVersion}; this build runs engine version ${ENGINE_VERSION} (${ANOTHER_RELEASE} runs it)`,
    );
  const format = startConfig(reader)["stateFormat"];
  if (format !== undefined && !STATE_FORMATS.includes(format as StateFormat))
    why.push(
      `recording's checkpoints are in state format ${JSON.stringify(format)}; this build reads state formats ${STATE_FORMATS.join(", ")} (${ANOTHER_RELEASE} reads it)`,
    );
  if (m.sinks.length === 0 && m.app.name === "")
    why.push(
      "recording holds input events only (made without --app): there are no decisions or outputs to replay against",
    );
  return why;
}

/** A time in a message: ISO-8601 and the exact nanoseconds. */
const nsAt = (ns: bigint): string => `${formatTime(ns)} (${ns} ns)`;

/** The original setImmediate (strict mode wraps the global while a run is open). */
const nextTurn = setImmediate;

const NONE_D: DecisionRecord[] = [];
const NONE_O: OutputRecord[] = [];

interface Pending {
  head: SeqRecord; // input record or tick decision
  decisions: DecisionRecord[];
  outputs: OutputRecord[];
  lastSeq: number;
}

class ReplayPort implements DecisionPort {
  decisions: DecisionRecord[] = [];
  outputs: OutputRecord[] = [];
  private dPos = 0;
  private oPos = 0;
  eventSeq = -1;
  failure: DivergenceSignal | null = null;
  decisionCount = 0;
  outputCount = 0;
  readonly blobs = new Map<string, Uint8Array>();
  onOutput: ((o: EngineOutput) => void) | undefined;
  /** Digests checked on a thread (see DeferredDigestCheck), or null: checked here. */
  deferred: DeferredDigestCheck | null = null;
  /** The steps writing an (app) sink: Engine.stepsTo. */
  stepsTo: ((sink: number) => string[]) | undefined;

  get needsOutputBytes(): boolean {
    return this.compare || this.onOutput !== undefined;
  }

  constructor(
    private readonly reader: LogReader,
    private readonly compare: boolean,
    private readonly sinkNames: readonly string[],
    /** recorded sink index → app sink index */
    private readonly sinkMap: readonly number[],
  ) {}

  /**
   * Sequence numbers of the event's look-up decisions in the order the recorded run's look-ups
   * settled (the log's order), when it has several; else null. A replay settles them in that
   * order too: a step racing look-ups, or doing something between them, sees what it saw.
   */
  private settleOrder: number[] | null = null;
  /** Index in settleOrder of the next look-up to settle. */
  private nextSettle = 0;
  /** Look-ups asked for before their turn: settled when it comes. */
  private readonly held = new Map<number, () => void>();
  private releasing = false;
  /** The event's look-ups that settled at once when recorded, in the order they did. */
  private atOnceOrder: number[] = [];
  private nextAtOnce = 0;
  /** Those asked for before an earlier one of them had settled: settled right after it. */
  private readonly heldAtOnce = new Map<number, () => void>();

  load(p: Pending): void {
    // Those that settled at once when recorded (Decision.settled_at_once) settle within the
    // turn here too, in their recorded order; the others each in a turn of its own. (Most events
    // have no look-ups, or one: nothing to order, no work.)
    this.settleOrder = null;
    if (p.decisions.length > 1) {
      const order: number[] = [];
      const atOnce: number[] = [];
      for (const d of p.decisions)
        if (d.kind === DecisionKind.lookup) (d.settledAtOnce ? atOnce : order).push(d.seq);
      if (order.length + atOnce.length > 1) {
        this.settleOrder = order;
        this.atOnceOrder = atOnce;
      }
    }
    this.nextAtOnce = 0;
    this.nextSettle = 0;
    if (this.held.size > 0) this.held.clear();
    if (this.heldAtOnce.size > 0) this.heldAtOnce.clear();
    this.decisions =
      p.decisions.length > 1 ? [...p.decisions].sort((a, b) => a.index - b.index) : p.decisions;
    this.outputs = p.outputs;
    this.dPos = 0;
    this.oPos = 0;
    this.failure = null;
  }

  beginEvent(eventSeq: number): void {
    this.eventSeq = eventSeq;
  }

  private fail(kind: DivergenceKind, message: string, detail: Record<string, unknown>): never {
    const s = new DivergenceSignal(message, { kind, eventSeq: this.eventSeq, ...detail });
    this.failure = s;
    throw s;
  }

  private take(req: DecisionRequest): DecisionRecord {
    if (this.failure) throw this.failure;
    const index = this.dPos;
    const d = this.decisions[index];
    // A whole event's decisions are numbered 0, 1, 2…; a gap is where the recording of an event
    // left unfinished ends (a look-up that never settled, while a later one did).
    if (d === undefined || d.index !== index)
      this.fail(
        "decision-extra",
        d === undefined
          ? `extra decision: step '${req.step}' asked for ${decisionKindName(req.kind)} '${req.name}' (decision #${index} of the event), but the recording has ${this.decisions.length} decision(s) for this event`
          : `extra decision: step '${req.step}' asked for ${decisionKindName(req.kind)} '${req.name}' (decision #${index} of the event), but the recording has no decision #${index} for this event (its next is #${d.index})`,
        { step: req.step, decision: { index, actual: view(req) } },
      );
    if (
      d.kind !== req.kind ||
      d.name !== req.name ||
      d.step !== req.step ||
      (req.kind === DecisionKind.lookup && !bytesEqual(d.key, req.key))
    ) {
      const expected = this.recordedView(d);
      const actual = view(req);
      /** The decision asked for, as recorded (a look-up with its key). */
      const asked = (x: DecisionRecord): boolean =>
        x.kind === req.kind &&
        x.name === req.name &&
        x.step === req.step &&
        (req.kind !== DecisionKind.lookup || bytesEqual(x.key, req.key));
      const later = this.decisions.findIndex((x, j) => j > index && asked(x));
      // Which of "dropped" and "moved" (or "in its place" and "inserted") it is shows only in
      // what the app asks next, which a replay cannot feed it: the message gives both.
      if (later >= 0)
        this.fail(
          "decision-reordered",
          `reordered decision: step '${req.step}' asked for ${describeView(actual, false)} as decision #${index}, but the recording has it as #${later}; the recording's #${index}, ${describeView(expected)}, was not asked for before it (dropped, or asked for later)`,
          { step: req.step, decision: { index, expected, actual } },
        );
      const sameSource = d.kind === req.kind && d.name === req.name && d.step === req.step;
      // Asked for again: the recording has it earlier in the event.
      const earlier = this.decisions.findIndex((x, j) => j < index && asked(x));
      this.fail(
        "decision-mismatch",
        `decision #${index} differs: the recording has ${describeView(expected)}, the app asked for ${describeView(actual)}` +
          (sameSource
            ? ""
            : earlier >= 0
              ? `, which the recording has only as #${earlier} (asked for again here)`
              : `, which the recording does not have for this event (asked in its place, or before it)`),
        { step: req.step, decision: { index, expected, actual } },
      );
    }
    this.dPos++;
    this.decisionCount++;
    return d;
  }

  decide(req: DecisionRequest): Uint8Array {
    return this.take(req).value;
  }

  lookup(req: DecisionRequest): Uint8Array | Promise<Uint8Array> {
    const d = this.take(req);
    if (this.settleOrder === null) return this.lookupValue(d);
    if (d.settledAtOnce) {
      if (this.atOnceOrder[this.nextAtOnce] === d.seq) {
        this.nextAtOnce++;
        this.releaseAtOnce();
        return this.lookupValue(d);
      }
      // Its predecessor may never be asked for (another build): it settles in the next turn then.
      return this.hold(this.heldAtOnce, d);
    }
    // Several look-ups in the event: each that settled after I/O when recorded settles in a turn
    // of its own, in the recorded order (what the step sees settled when one does).
    return this.hold(this.held, d);
  }

  /** Look-up `d`'s value once `into` releases it (and a turn is due to release what is held). */
  private hold(into: Map<number, () => void>, d: DecisionRecord): Promise<Uint8Array> {
    return new Promise<Uint8Array>((resolve, reject) => {
      into.set(d.seq, () => {
        try {
          resolve(this.lookupValue(d));
        } catch (e) {
          reject(e);
        }
      });
      this.releaseLater();
    });
  }

  /**
   * Settles the held look-up whose turn it is, one per turn of the event loop. When the look-up
   * recorded to settle next has not been asked for by then, this build asks otherwise (the
   * event's end reports it): the earliest held settles instead, so the event still ends.
   */
  private releaseLater(): void {
    if (this.releasing || this.held.size + this.heldAtOnce.size === 0) return;
    this.releasing = true;
    nextTurn(() => {
      this.releasing = false;
      // Settled at once when recorded, but its predecessor was not asked for: this build asks
      // otherwise (the event's end reports it). Settle them, in order, so the event ends.
      for (const seq of [...this.heldAtOnce.keys()].sort((a, b) => a - b)) {
        const settle = this.heldAtOnce.get(seq) as () => void;
        this.heldAtOnce.delete(seq);
        settle();
      }
      if (this.held.size === 0) return;
      const order = this.settleOrder ?? [];
      let seq = order[this.nextSettle];
      if (seq === undefined || !this.held.has(seq)) seq = Math.min(...this.held.keys());
      const settle = this.held.get(seq) as () => void;
      this.held.delete(seq);
      const at = order.indexOf(seq);
      if (at >= this.nextSettle) this.nextSettle = at + 1;
      settle();
      this.releaseLater();
    });
  }

  /**
   * After one that settled at once: the next of them in the recorded order, if it was asked for
   * already, settles in the microtask after it (as it did when recorded).
   */
  private releaseAtOnce(): void {
    const seq = this.atOnceOrder[this.nextAtOnce];
    const settle = seq === undefined ? undefined : this.heldAtOnce.get(seq);
    if (settle === undefined) return;
    queueMicrotask(() => {
      if (this.heldAtOnce.get(seq as number) !== settle) return;
      this.heldAtOnce.delete(seq as number);
      this.nextAtOnce++;
      settle();
      this.releaseAtOnce();
    });
  }

  /** A recorded decision as a report shows it, with its value. */
  private recordedView(d: DecisionRecord): DecisionView {
    return { ...recView(d), ...recordedValue(d, (h) => this.blobs.get(hex(h))) };
  }

  /** A look-up decision's value (its blob), or the recorded failure thrown. */
  private lookupValue(d: DecisionRecord): Uint8Array {
    // A look-up that failed when recorded fails here the same way (see DecisionLog.lookup).
    const failed = failedLookup(d);
    if (failed !== undefined) throw new Error(failed);
    const k = hex(d.contentHash);
    let data = this.blobs.get(k);
    if (data === undefined) {
      // Replay started after the blob was written (from a checkpoint): find it once.
      for (const r of this.reader.records({ toSeq: d.seq, types: ["blob"] }))
        if (r.type === "blob") this.blobs.set(hex(r.hash), r.data);
      data = this.blobs.get(k);
      if (data === undefined)
        throw new HindsightError(
          "CORRUPT_RECORD",
          `look-up decision at seq ${d.seq} names blob ${k}, which is not in the recording`,
        );
    }
    return data;
  }

  output(o: EngineOutput): void {
    if (this.failure) throw this.failure;
    if (this.compare) {
      const e = this.outputs[this.oPos];
      // Fast path: compare without building any report objects.
      if (
        e !== undefined &&
        this.sinkMap[e.sink] === o.sink &&
        e.sinkSeq === o.sinkSeq &&
        (e.data.length > 0
          ? bytesEqual(e.data, o.bytes)
          : this.deferred?.add(o.bytes, e.digest) || bytesEqual(e.digest, sha256(o.bytes)))
      ) {
        this.oPos++;
        this.outputCount++;
        this.onOutput?.(o);
        return;
      }
      this.outputDiffers(o, e);
    }
    this.oPos++;
    // Counted once compared: a report's "replayed before divergence" leaves the differing one out.
    this.outputCount++;
    this.onOutput?.(o);
  }

  private outputDiffers(o: EngineOutput, e: OutputRecord | undefined): never {
    const actual: OutputView = {
      sink: o.sinkName,
      sinkSeq: o.sinkSeq,
      digest: hex(sha256(o.bytes)),
      bytes: o.bytes,
    };
    if (e === undefined)
      this.fail(
        "output-extra",
        `extra output: step '${o.step}' wrote output #${o.index} of the event to sink '${o.sinkName}', but the recording has ${this.outputs.length} output(s) for this event${this.unasked(undefined)}`,
        { step: o.step, output: { sink: o.sinkName, index: o.index, sinkSeq: o.sinkSeq, actual } },
      );
    const expected: OutputView = {
      sink: this.sinkNames[this.sinkMap[e.sink] ?? -1] ?? `#${e.sink}`,
      sinkSeq: e.sinkSeq,
      digest: hex(e.digest),
      ...(e.data.length > 0 || e.digest.length === 0 ? { bytes: e.data } : {}),
    };
    const sameSink = this.sinkMap[e.sink] === o.sink;
    this.fail(
      "output-mismatch",
      `output ${o.sinkName}:${o.sinkSeq} (output #${o.index} of the event, from step '${o.step}') differs from the recording` +
        (sameSink ? "" : ` (recorded to sink '${expected.sink}')`) +
        this.unasked(e) +
        this.recordedLater(o),
      { step: o.step, output: { sink: o.sinkName, index: o.index, sinkSeq: o.sinkSeq, expected, actual } },
    );
  }

  /**
   * When an output differs but equals one the recording has later in this event: the likely
   * cause, an output written before it that the recorded run did not write (or in another order).
   */
  private recordedLater(o: EngineOutput): string {
    const digest = sha256(o.bytes);
    for (let i = this.oPos + 1; i < this.outputs.length; i++) {
      const later = this.outputs[i] as OutputRecord;
      if (this.sinkMap[later.sink] !== o.sink) continue;
      const same = later.data.length > 0 ? bytesEqual(later.data, o.bytes) : bytesEqual(later.digest, digest);
      if (same)
        return `; it equals the recording's output #${later.index} of the event (${o.sinkName}:${later.sinkSeq}): an output written before it that the recorded run did not write, or outputs written in another order?`;
    }
    return "";
  }

  /**
   * When an output differs, the likely cause if any: decisions the recording has for this event
   * before that output (or any, for an extra output) which the app has not asked for.
   */
  private unasked(before: OutputRecord | undefined): string {
    const skipped = this.decisions.slice(this.dPos).filter((d) => before === undefined || d.seq < before.seq);
    if (skipped.length === 0) return "";
    const shown = skipped.slice(0, 3).map((d) => describeView(recView(d)));
    return `; before this output the recorded run had asked for ${skipped.length} decision(s) of this event that the app has not asked for (${shown.join(", ")}${skipped.length > 3 ? ", …" : ""}): the likely cause is one dropped or moved later, or an output written earlier than the recorded run wrote it`;
  }

  endEvent(): void {
    if (this.failure) throw this.failure;
    if (this.dPos < this.decisions.length) {
      const d = this.decisions[this.dPos] as DecisionRecord;
      this.fail(
        "decision-missing",
        `missing decision: the recording has ${describeView(recView(d))} as decision #${this.dPos} of the event, but the app did not ask for it (it asked for ${this.dPos} of ${this.decisions.length})`,
        { step: d.step, decision: { index: this.dPos, expected: this.recordedView(d) } },
      );
    }
    if (this.compare && this.oPos < this.outputs.length) {
      const e = this.outputs[this.oPos] as OutputRecord;
      const sink = this.sinkNames[this.sinkMap[e.sink] ?? -1] ?? `#${e.sink}`;
      // The step that writes the sink, when one alone does (`to`; any step may ctx.emit to it).
      const writers = this.stepsTo?.(this.sinkMap[e.sink] ?? -1) ?? [];
      const step = writers.length === 1 ? writers[0] : undefined;
      this.fail(
        "output-missing",
        `missing output: the recording has output ${sink}:${e.sinkSeq} (output #${e.index} of the event), but the app did not produce it`,
        {
          ...(step ? { step } : {}),
          output: {
            sink,
            index: e.index,
            sinkSeq: e.sinkSeq,
            expected: {
              sink,
              sinkSeq: e.sinkSeq,
              digest: hex(e.digest),
              ...(e.data.length ? { bytes: e.data } : {}),
            },
          },
        },
      );
    }
  }
}

function view(req: DecisionRequest): DecisionView {
  return {
    kind: decisionKindName(req.kind),
    name: req.name,
    step: req.step,
    ...(req.key.length ? { key: decodeUtf8(req.key) } : {}),
  };
}

/**
 * A decision record's value as reports show it: `value`, decoded (a clock reading as bigint ns, a
 * draw, an ambient or looked-up value), or `error`, the message of a look-up whose fetch threw;
 * neither for a look-up whose blob `blobOf` does not have.
 */
export function recordedValue(
  d: DecisionRecord,
  blobOf?: (contentHash: Uint8Array) => Uint8Array | undefined,
): { value?: unknown; error?: string } {
  const failed = failedLookup(d);
  if (failed !== undefined) return { error: failed };
  if (d.kind !== DecisionKind.lookup) return { value: decodeDecision(d.kind, d.value) };
  const data = blobOf?.(d.contentHash);
  return data === undefined ? {} : { value: decodeDecision(d.kind, data) };
}

function recView(d: DecisionRecord): DecisionView {
  return {
    kind: decisionKindName(d.kind),
    name: d.name,
    step: d.step,
    ...(d.key.length ? { key: decodeUtf8(d.key) } : {}),
    seq: d.seq,
  };
}

function describeView(v: DecisionView, step = true): string {
  return `${v.kind} '${v.name}'${v.key !== undefined ? ` key ${JSON.stringify(v.key)}` : ""}${step ? ` from step '${v.step}'` : ""}`;
}

/** The recording's START marker (its first record), or null when it has none. */
function startMarker(reader: LogReader): MarkerRecord | null {
  if (reader.endSeq <= reader.firstSeq) return null;
  const first = reader.get(reader.firstSeq);
  return first.type === "marker" && first.kind === MarkerKind.start ? first : null;
}

/** The run's configuration its START marker holds ({} when none). */
function startConfig(reader: LogReader): Record<string, unknown> {
  return parseConfig(startMarker(reader));
}

/** A START marker's config (JSON), {} when there is none or it does not parse. */
export function parseConfig(m: MarkerRecord | null): Record<string, unknown> {
  if (!m?.configJson) return {};
  try {
    return JSON.parse(m.configJson) as Record<string, unknown>;
  } catch {
    return {};
  }
}

/** Checkpoint side files of a recording, newest first: their CheckpointRef sequence numbers. */
export function listCheckpoints(dir: string): { refSeq: number; location: string }[] {
  let names: string[];
  try {
    names = readdirSync(join(dir, CHECKPOINT_DIR));
  } catch {
    return [];
  }
  const out: { refSeq: number; location: string }[] = [];
  for (const n of names) {
    const m = /^ckpt-(\d+)\.state$/.exec(n);
    if (m) out.push({ refSeq: Number(m[1]), location: `${CHECKPOINT_DIR}/${n}` });
  }
  return out.sort((a, b) => b.refSeq - a.refSeq);
}

/** Why the checkpoint file at `location` is not the state with digest `want`, or undefined. */
function checkpointFileProblem(reader: LogReader, location: string, want: Uint8Array): string | undefined {
  const f = checkSideFile(reader.dir, location, want);
  if (f === undefined || "problem" in f) return f?.problem;
  return `SHA-256 ${f.sha256.slice(0, 16)}…, the log holds ${hex(want).slice(0, 16)}…`;
}

/**
 * The message of the recorded run's failure when it failed at event `eventSeq` (its STOP
 * marker says "failed: …" and no event follows that one), else undefined.
 */
function recordedFailureAt(reader: LogReader, eventSeq: number, endSeq: number): string | undefined {
  try {
    const last = reader.get(endSeq - 1);
    // An app's failure: not a record the writer refused (the app did not fail there).
    if (
      last.type !== "marker" ||
      last.kind !== MarkerKind.stop ||
      !last.status.startsWith("failed: ") ||
      last.status.includes(CANNOT_BE_RECORDED)
    )
      return undefined;
    for (const r of reader.records({ fromSeq: eventSeq + 1, toSeq: endSeq - 1 }))
      if (
        r.type === "input" ||
        (r.type === "decision" && r.kind === DecisionKind.tick && r.eventSeq === r.seq)
      )
        return undefined;
    return last.status.slice("failed: ".length);
  } catch {
    return undefined; // a damaged tail: no claim either way
  }
}

/**
 * Replays `reader`'s recording through `app`.
 * @throws HindsightError INCOMPATIBLE (the app cannot read the recording), corruption errors
 *   from the log, BAD_INPUT/CORRUPT_*; a divergence is returned, not thrown.
 */
export async function replay(reader: LogReader, app: App, opts: ReplayOptions = {}): Promise<ReplayResult> {
  const why = incompatibilities(reader, app);
  if (why.length)
    throw new HindsightError(
      "INCOMPATIBLE",
      `recording cannot be replayed by app ${app.name}: ${why.join("; ")}`,
      {
        where: reader.dir,
        // Reasons of this build alone (an engine version, a state format) say what to do themselves.
        hint: why.every((w) => w.includes(ANOTHER_RELEASE))
          ? "replay it with a hindsight release that reads it (each reason names what it needs)"
          : "replay it with the app it was recorded with, or one that reads the same streams and sinks with the same codecs",
        details: { reasons: why },
      },
    );
  const m = reader.manifest;
  const appInputs = Object.keys(app.inputs);
  const appSinks = Object.keys(app.sinks);
  const streamMap = m.streams.map((s) => appInputs.indexOf(s.name));
  const sinkMap = m.sinks.map((s) => appSinks.indexOf(s.name));
  // What fsck --repair took out of it, first: the rest of the report reads in that light.
  // What fsck --repair took out, the latest few (a hostile repairs.json may list any number).
  const repairs = readRepairs(reader.dir);
  const notes: string[] = repairs.slice(-MAX_REPAIR_NOTES).map(describeRepair);
  if (repairs.length > MAX_REPAIR_NOTES)
    notes.unshift(
      `${repairs.length - MAX_REPAIR_NOTES} earlier repair(s) not shown (repairs.json lists them)`,
    );
  const unreadableRepairs = repairsProblem(reader.dir);
  if (unreadableRepairs !== undefined)
    notes.unshift(
      `repairs.json cannot be read (${unreadableRepairs}): repairs made to the recording before are unknown`,
    );

  // START marker: seed, strict mode and state format the run was made with.
  const start = startMarker(reader);
  const config = parseConfig(start);
  const strict = (
    ["throw", "record", "off"].includes(String(config["strict"])) ? config["strict"] : "throw"
  ) as StrictMode;

  const compare = opts.compareOutputs ?? false;
  const port = new ReplayPort(reader, compare, appSinks, sinkMap);
  port.onOutput = opts.onOutput;
  const digestCheck = opts.digestCheck ?? "auto";
  if (
    compare &&
    !opts.onOutput &&
    !opts.observer &&
    (digestCheck === "thread" ||
      (digestCheck === "auto" &&
        (opts.until ?? reader.endSeq) - reader.firstSeq >= DIGEST_THREAD_FROM_RECORDS))
  ) {
    port.deferred = new DeferredDigestCheck(
      digestCheck === "thread"
        ? BlockThread.startReady("digest-check", 'use digestCheck "inline"')
        : BlockThread.start(),
    );
  }
  const engine = new Engine(app, {
    port,
    strict,
    // Checkpoint digests are compared in the recording's state format (1 before it was named).
    stateFormat: (config["stateFormat"] as StateFormat | undefined) ?? 1,
    seed: start?.seed ?? m.seed,
    clock: () => {
      throw new HindsightError("INTERNAL", "replay never reads the clock");
    },
    ...(opts.observer ? { observer: opts.observer } : {}),
  });
  port.stepsTo = (sink) => engine.stepsTo(sink);

  const until = opts.until;
  const endSeq = reader.endSeq;
  let fromSeq = reader.firstSeq;
  let startedFrom: CheckpointUse | null = null;
  const rejected: { refSeq: number; location: string; reason: string }[] = [];
  const otherBuild = buildDiffers(m, opts.buildId);
  let useCheckpoints = until !== undefined && (opts.useCheckpoints ?? true) && !opts.observer;
  if (useCheckpoints && otherBuild) {
    if (opts.trustCheckpoints)
      notes.push("checkpoints of the recorded build are trusted although the app's build differs");
    else {
      useCheckpoints = false;
      notes.push(
        "the app's build differs from the recording's, whose checkpoints hold state the way the recorded build kept it: replayed from the start (--trust-checkpoints starts from them if the state is kept the same way)",
      );
    }
  }
  /** Checkpoint files present (when the replay may start from one): a later one missing is noted. */
  let present: Set<string> | null = null;
  const missing: string[] = [];
  if (useCheckpoints && until !== undefined) {
    const files = listCheckpoints(reader.dir);
    present = new Set(files.map((c) => c.location));
    for (const c of files) {
      if (c.refSeq > until || c.refSeq >= endSeq) continue;
      let r: SeqRecord;
      try {
        r = reader.get(c.refSeq);
      } catch (e) {
        rejected.push({ ...c, reason: `its record cannot be read: ${(e as Error).message}` });
        continue;
      }
      if (r.type !== "checkpoint" || r.location !== c.location) {
        rejected.push({ ...c, reason: `record ${c.refSeq} is not its checkpoint reference` });
        continue;
      }
      let state: Uint8Array;
      try {
        state = reader.readSideFile(c.location);
      } catch (e) {
        rejected.push({ ...c, reason: (e as Error).message });
        continue;
      }
      const got = hex(sha256(state));
      if (got !== hex(r.stateDigest)) {
        rejected.push({
          ...c,
          reason: `state digest ${got.slice(0, 16)}… ≠ recorded ${hex(r.stateDigest).slice(0, 16)}…`,
        });
        continue;
      }
      engine.restore(state);
      startedFrom = { refSeq: c.refSeq, eventSeq: r.eventSeq, location: c.location, digest: got };
      fromSeq = c.refSeq + 1;
      break;
    }
    for (const x of rejected) notes.push(`checkpoint ${x.location} not used: ${x.reason}`);
    if (startedFrom && opts.buildId && !m.app.buildId)
      notes.push(
        "the recording names no app build, so whether this build keeps its state as the recorded one did is not known: its checkpoint was used (--no-checkpoints replays from the start)",
      );
  }

  const keep = opts.recent ?? 8;
  const recentEvents: SeqRecord[] = [];
  const recentDecisions: SeqRecord[] = [];
  const remember = (list: SeqRecord[], r: SeqRecord) => {
    list.push(r);
    if (list.length > keep * 4) list.splice(0, list.length - keep);
  };

  let divergence: Divergence | null = null;
  let divergedEvent: SeqRecord | null = null;
  let divergedDecisions: readonly DecisionRecord[] = NONE_D;
  let lastGood: CheckpointUse | null = startedFrom;
  let checkpointsVerified = 0;
  let eventsReplayed = 0;
  let ticksReplayed = 0;
  let reachedSeq = fromSeq - 1;
  let lastEventSeq = startedFrom ? startedFrom.eventSeq : -1;
  let stop: MarkerRecord | null = null;
  let pending: Pending | null = null;
  /** The last record of the event the replay diverged in (or failed in). */
  let divergedLastSeq = -1;
  /** The event the recording ends inside (see ReplayResult.endsInside). */
  let endsInside: number | null = null;
  /** The event being handled (null between events). */
  let inHand: number | null = null;
  /** The first error that escaped the app's steps during the replay (see watchStray). */
  let stray: {
    readonly message: string;
    readonly error: unknown;
    /** The event being replayed when it surfaced (or, with strayTurns, just replayed), if any. */
    readonly eventSeq: number | null;
    readonly after: boolean;
  } | null = null;
  // What escaped the app's steps in the recorded run, as its STOP marker says.
  let recordedStray: string | null = null;
  if (opts.watchStray && endSeq > reader.firstSeq) {
    const last = reader.get(endSeq - 1);
    if (last.type === "marker" && last.kind === MarkerKind.stop) {
      const status = last.status.replace(/^sealed inside event seq \d+: /, "");
      if (status.startsWith(ESCAPED)) recordedStray = status.slice(ESCAPED.length);
    }
  }
  /** Input records read since this run's START marker (null: the replay started after it). */
  let runInputs: number | null = null;
  /** Checkpoint files that do not match their digest in the log (compareOutputs). */
  const badCheckpointFiles: string[] = [];
  /** Checkpoints whose state differs from another build's (compareOutputs): the first, and how many. */
  let otherStateAt: { eventSeq: number; location: string } | null = null;
  let otherStates = 0;

  const toDivergence = (e: unknown, head: SeqRecord): Divergence => {
    if (e instanceof DivergenceSignal) return { ...(e.detail as object), message: e.message } as Divergence;
    if (
      e instanceof HindsightError &&
      (e.code === "APP_ERROR" || e.code === "DETERMINISM_VIOLATION" || e.code === "BAD_INPUT")
    ) {
      const step = (e.details?.["step"] as string | undefined) ?? engine.runningStepName ?? undefined;
      // What the step threw (APP_ERROR wraps it), or where the trap fired.
      const stack = (e.cause instanceof Error ? e.cause : e).stack;
      return {
        kind: "app-error",
        message: e.oneLine(),
        eventSeq: head.seq,
        ...(step ? { step } : {}),
        error: { code: e.code, message: e.message, ...(stack ? { stack } : {}) },
      };
    }
    throw e;
  };

  /**
   * The recording may end inside event `last`: a run that did not end cleanly lost the block
   * holding the rest of it, and one that failed outside the app (a record refused) stopped
   * there. The app then asks for a decision, or writes an output, that the recording does not
   * have. That is where the recording ends, not a divergence of the app: when that is the
   * divergence, it is dropped for a note (`why`). Returns whether it was.
   */
  const cutShort = (last: Pending, why: string, stalled = false): boolean => {
    const d = divergence as Divergence | null;
    // (`stalled`: the recorded run was sealed because this event never finished; a replay in
    // which it never finishes either does what the recorded run did.)
    const neverFinishedToo = stalled && stalledAt === last.head.seq;
    if (
      d === null ||
      (d.kind !== "decision-extra" && d.kind !== "output-extra" && !neverFinishedToo) ||
      d.eventSeq !== last.head.seq
    )
      return false;
    divergence = null;
    divergedEvent = null;
    divergedDecisions = NONE_D;
    reachedSeq = last.lastSeq;
    endsInside = last.head.seq;
    notes.push(`the recording ends inside event seq ${last.head.seq} (${why}): it was compared up to there`);
    return true;
  };

  /** Handles a complete event group; returns false on divergence. */
  const failed = (e: unknown, p: Pending): false => {
    inHand = null;
    divergence = toDivergence(e, p.head);
    divergedEvent = p.head;
    divergedDecisions = p.decisions;
    divergedLastSeq = p.lastSeq;
    return false;
  };
  /**
   * An error escaped the app's steps that the recorded run did not have escape: it becomes the
   * divergence (unless there is one already). Returns whether it did.
   */
  let strayUsed = false;
  const strayDiverged = (): boolean => {
    const x = stray;
    if (x === null || x.message === recordedStray || divergence !== null) return false;
    strayUsed = true;
    const at = x.eventSeq ?? lastEventSeq;
    const where =
      x.eventSeq !== null
        ? ` while event seq ${x.eventSeq} was replayed${x.after ? " (or right after it)" : ""}`
        : at >= 0
          ? `; it surfaced after the replay had handled event seq ${at}, so which event left it running is not known`
          : "";
    const stack = x.error instanceof Error ? x.error.stack : undefined;
    divergence = {
      kind: "app-error",
      message: `an error escaped the app's steps (from code it left running outside them)${where}: ${x.message}${recordedStray === null ? "" : ` (in the recorded run, this escaped: ${recordedStray})`}`,
      eventSeq: at,
      error: { code: "APP_ERROR", message: x.message, ...(stack ? { stack } : {}) },
    };
    try {
      divergedEvent = at >= 0 ? reader.get(at) : null;
    } catch {
      divergedEvent = null;
    }
    return true;
  };
  const strayTurns = opts.strayTurns === true && opts.watchStray !== undefined;
  const unwatchStray = opts.watchStray?.((e) => {
    const after = inHand === null && opts.strayTurns === true && lastEventSeq >= 0;
    stray ??= { message: escapedMessage(e), error: e, eventSeq: after ? lastEventSeq : inHand, after };
    return true;
  });
  const handled = (p: Pending): true => {
    inHand = null;
    eventsReplayed++;
    if (p.head.type !== "input") ticksReplayed++;
    lastEventSeq = p.head.seq;
    reachedSeq = p.lastSeq;
    return true;
  };
  /** Handles one event; synchronous unless a step went asynchronous (no promise per event). */
  const handle = (p: Pending): boolean | Promise<boolean> => {
    const head = p.head;
    inHand = head.seq;
    port.load(p);
    let r: Promise<void> | undefined;
    try {
      if (head.type === "input") {
        const idx = streamMap[head.stream];
        if (idx === undefined || idx < 0)
          throw new HindsightError(
            "CORRUPT_RECORD",
            `input at seq ${head.seq} names stream #${head.stream}, which the manifest does not list`,
          );
        const due = engine.nextDueTimer(head.timeNs);
        if (due)
          throw new DivergenceSignal(
            `missing tick: timer '${due.name}' of step '${due.step}'${due.key ? ` key ${JSON.stringify(due.key)}` : ""} was due at ${nsAt(due.due)}, before this event (time ${nsAt(head.timeNs)}), but the recording delivered no tick`,
            { kind: "tick-missing", eventSeq: head.seq, step: due.step },
          );
        r = engine.handleInput(head.seq, idx, head.payload, head.timeNs);
      } else if (head.type === "decision") {
        const key = decodeUtf8(head.key);
        const t = engine.findTimer(head.step, key, head.name);
        const due = readU64le(head.value);
        if (!t || t.due !== due)
          throw new DivergenceSignal(
            t
              ? `tick differs: the recording delivered timer '${head.name}' of step '${head.step}' at ${nsAt(due)}, the app had it due at ${nsAt(t.due)}`
              : `unknown tick: the recording delivered timer '${head.name}' of step '${head.step}'${key ? ` key ${JSON.stringify(key)}` : ""}, which the app never set`,
            { kind: "tick-unknown", eventSeq: head.seq, step: head.step },
          );
        // Ticks due together fire earliest first, ties in the order their timers were set.
        const first = engine.nextDueTimer(due);
        if (first !== null && first !== t)
          throw new DivergenceSignal(
            `tick order differs: the recording delivered timer '${head.name}' of step '${head.step}'${key ? ` key ${JSON.stringify(key)}` : ""}, due ${nsAt(due)}, here, but the app has timer '${first.name}' of step '${first.step}'${first.key ? ` key ${JSON.stringify(first.key)}` : ""} due ${first.due === due ? "at the same time and set before it" : `earlier, at ${nsAt(first.due)}`}`,
            { kind: "tick-missing", eventSeq: head.seq, step: first.step },
          );
        r = engine.handleTick(head.seq, t, due);
      }
    } catch (e) {
      return failed(e, p);
    }
    if (r === undefined) return handled(p);
    if (!opts.watchStall)
      return r.then(
        () => handled(p),
        (e) => failed(e, p),
      );
    const waiting = r;
    return new Promise<boolean>((resolve, reject) => {
      let settled = false;
      const done = (f: () => boolean): void => {
        if (settled) return;
        settled = true;
        onStall = null;
        // f throws what is not the app's (a damaged block read for a look-up): to the caller,
        // not into a promise nobody awaits.
        try {
          resolve(f());
        } catch (e) {
          reject(e);
        }
      };
      onStall = () => {
        stalledAt = head.seq;
        done(() => failed(neverFinished(head.seq, engine.waitingStepName), p));
      };
      waiting.then(
        () => done(() => handled(p)),
        (e) => done(() => failed(e, p)),
      );
    });
  };
  /** Fails the event the replay waits on, if any (see ReplayOptions.watchStall). */
  let onStall: (() => void) | null = null;
  /** The event failed because it never finished, if one was. */
  let stalledAt = -1;
  const unwatchStall = opts.watchStall?.(() => {
    if (onStall === null) return false;
    onStall();
    return true;
  });

  /** A decision or output record that belongs to another event than the one being replayed. */
  const notOfThisEvent = (r: SeqRecord & { eventSeq: number }) =>
    new HindsightError(
      "CORRUPT_RECORD",
      `${r.type} at seq ${r.seq} belongs to event ${r.eventSeq}, which is not the event being replayed`,
      { where: reader.dir },
    );
  const total = Math.max(1, (until ?? endSeq - 1) - fromSeq + 1);
  let n = 0;
  let done = false;
  engine.start();
  try {
    scan: for (const recs of reader.recordBlocks({ fromSeq }))
      for (let j = 0; j < recs.length; j++) {
        const r = recs[j] as SeqRecord;
        if ((++n & 0xffff) === 0) opts.onProgress?.(Math.min(n, total), total);
        const startsGroup =
          r.type === "input" ||
          (r.type === "decision" && r.kind === DecisionKind.tick && r.eventSeq === r.seq);
        if (startsGroup || r.type === "checkpoint" || r.type === "marker") {
          if (pending) {
            const last = pending;
            let ok = handle(last);
            if (ok !== true && ok !== false) ok = await ok;
            pending = null;
            if (strayTurns && ok) await new Promise<void>((resolve) => nextTurn(resolve));
            // A run that failed on a record the writer refused stopped inside this event. (One
            // that failed in the app must fail the same way: verify checks that.)
            if (
              ok &&
              r.type === "marker" &&
              r.kind === MarkerKind.stop &&
              r.status.startsWith("failed: ") &&
              r.status.includes(CANNOT_BE_RECORDED)
            ) {
              // Outputs not compared (a state-only replay): the event the writer refused a record
              // of ran to its end here (and counts as replayed), where the recorded run stopped
              // inside it.
              endsInside = last.head.seq;
              notes.push(
                `the recording ends inside event seq ${last.head.seq} (the recorded run failed there: ${r.status.slice("failed: ".length)}): this replay, comparing no outputs, ran that event to its end, past where the recorded run stopped`,
              );
            }
            if (!ok && r.type === "marker" && r.kind === MarkerKind.stop) {
              if (r.status.startsWith("failed: ") && r.status.includes(CANNOT_BE_RECORDED))
                ok = cutShort(last, `the recorded run failed there: ${r.status.slice("failed: ".length)}`);
              // A run sealed while this event waited (AppRun.abandon) recorded it up to there.
              else if (r.status.startsWith(`${SEALED_INSIDE}${last.head.seq}: `))
                ok = cutShort(
                  last,
                  `the run was sealed before it finished: ${r.status.slice(`${SEALED_INSIDE}${last.head.seq}: `.length)}`,
                  true,
                );
            }
            if (!ok || (stray !== null && strayDiverged())) {
              done = true;
              break scan;
            }
          }
          if (until !== undefined && r.seq > until) break scan;
        }
        if (startsGroup) {
          if (runInputs !== null && r.type === "input") runInputs++;
          remember(recentEvents, r);
          pending = { head: r, decisions: NONE_D, outputs: NONE_O, lastSeq: r.seq };
          continue;
        }
        switch (r.type) {
          case "decision":
            if (!pending || r.eventSeq !== pending.head.seq) throw notOfThisEvent(r);
            if (pending.decisions === NONE_D) pending.decisions = [];
            pending.decisions.push(r);
            pending.lastSeq = r.seq;
            remember(recentDecisions, r);
            break;
          case "output":
            if (!pending || r.eventSeq !== pending.head.seq) throw notOfThisEvent(r);
            if (pending.outputs === NONE_O) pending.outputs = [];
            pending.outputs.push(r);
            pending.lastSeq = r.seq;
            break;
          case "blob":
            port.blobs.set(hex(r.hash), r.data);
            break;
          case "checkpoint":
            reachedSeq = r.seq;
            // One the replay could have started from, had its file been there.
            if (present !== null && !present.has(r.location)) missing.push(r.location);
            if (compare) {
              const digest = digestOrUncheckpointable(engine);
              if (digest instanceof HindsightError) {
                const e = digest;
                // Recording with this build would fail here: the recorded run checkpointed it.
                divergence = {
                  kind: "checkpoint-mismatch",
                  message: `this build's state after event ${r.eventSeq} cannot be checkpointed (recording with it would fail there), but the recorded run's was: ${e.message.slice(CANNOT_BE_CHECKPOINTED.length + 2)}`,
                  eventSeq: r.eventSeq,
                  error: { code: e.code, message: e.message },
                };
                divergedEvent = reader.get(r.eventSeq);
                done = true;
                break;
              }
              const got = hex(digest);
              const want = hex((r as CheckpointRecord).stateDigest);
              if (got !== want && otherBuild) {
                // Another build may keep its state differently and still decide the same.
                if (otherStateAt === null) otherStateAt = { eventSeq: r.eventSeq, location: r.location };
                otherStates++;
              } else if (got !== want) {
                divergence = {
                  kind: "checkpoint-mismatch",
                  message: `state after event ${r.eventSeq} differs from checkpoint ${r.location} (digest ${got.slice(0, 16)}… ≠ recorded ${want.slice(0, 16)}…): replayed state diverged without a differing output`,
                  eventSeq: r.eventSeq,
                  checkpoint: { seq: r.seq, location: r.location, expectedDigest: want, actualDigest: got },
                };
                divergedEvent = reader.get(r.eventSeq);
                done = true;
              } else {
                checkpointsVerified++;
                lastGood = { refSeq: r.seq, eventSeq: r.eventSeq, location: r.location, digest: got };
                // The file a replay --until would start from: damaged or missing, it would not.
                const problem = checkpointFileProblem(
                  reader,
                  r.location,
                  (r as CheckpointRecord).stateDigest,
                );
                if (problem !== undefined) badCheckpointFiles.push(`${r.location} (${problem})`);
              }
            }
            break;
          case "marker":
            reachedSeq = r.seq;
            if (r.kind === MarkerKind.stop) {
              stop = r;
              if (runInputs !== null && runInputs !== r.events) throw stopCountDiffers(reader, r, runInputs);
              runInputs = null;
            } else if (r.kind === MarkerKind.start) {
              runInputs = 0;
              if (r.seq !== reader.firstSeq)
                notes.push(`recording holds another run starting at seq ${r.seq}`);
            }
            break;
        }
        if (done) break scan;
      }
    if (!done && pending) {
      const last = pending;
      if (!(await handle(last)) && stop === null)
        cutShort(last, "the run did not end cleanly, and the rest of that event was not written");
    }
    // A turn for the rejections still pending (of promises the app dropped) to surface.
    if (unwatchStray) await new Promise<void>((resolve) => nextTurn(resolve));
  } catch (e) {
    port.deferred?.stop();
    throw e;
  } finally {
    unwatchStall?.();
    unwatchStray?.();
    engine.dispose();
  }
  // An output hashed on the thread differed: replay again checking each output in place, so
  // the first divergence is found, and reported, exactly as without the thread.
  if (port.deferred?.finish()) {
    const again = await replay(reader, app, { ...opts, digestCheck: "inline" });
    return {
      ...again,
      notes: [
        ...again.notes,
        "an output digest differed on the digest-check thread; replayed again comparing each output in place",
      ],
    };
  }
  opts.onProgress?.(total, total);
  const o = otherStateAt as { eventSeq: number; location: string } | null;
  if (o)
    notes.push(
      `the state differs from the recorded build's at ${otherStates} checkpoint(s), the first after event ${o.eventSeq} (${o.location}): expected when the new build keeps its state differently; outputs and decisions are what verify compares`,
    );
  if (missing.length)
    notes.push(
      `${missing.length} checkpoint(s) the log holds before the point have no file (${missing.slice(-3).join(", ")}${missing.length > 3 ? ", …" : ""}): replayed past them from ${startedFrom ? startedFrom.location : "the start"}`,
    );
  const torn = reader.tornTail;
  // (While a writer has the recording open, its last block is the one being written: not torn.)
  if (torn && !reader.writer && (until === undefined || until >= endSeq))
    notes.push(
      `the recording ends in a torn tail (an interrupted write): ${torn.droppedBytes} bytes after the last whole block of ${torn.segment} (offset ${torn.offset}) are not readable, so it was replayed up to seq ${endSeq - 1}; \`hindsight fsck\` reports it`,
    );
  if (until !== undefined && until >= endSeq)
    notes.push(
      `--until ${until} is past the end of the recording (last seq ${endSeq - 1})` +
        // A nanosecond time given as a number is read as a sequence number.
        (until >= 1e15
          ? ": --until reads a number as a sequence number; give a time in ISO-8601 (e.g. 2026-11-02T14:31:00Z)"
          : ""),
    );
  // A recorded run that failed in the app replays faithfully when the replay fails the same way.
  let failedAsRecorded: ReplayResult["failedAsRecorded"] = null;
  const d = divergence as Divergence | null;
  if (d?.kind === "app-error" && d.error && endSeq > reader.firstSeq) {
    const last = reader.get(endSeq - 1);
    if (
      last.type === "marker" &&
      last.kind === MarkerKind.stop &&
      last.status === `failed: ${d.error.message}`
    ) {
      failedAsRecorded = { eventSeq: d.eventSeq, message: d.error.message };
      // That event was replayed, as faithfully as the others: it counts as record counted it,
      // and it is the last event the replay reached.
      eventsReplayed++;
      if ((divergedEvent as SeqRecord | null)?.type === "decision") ticksReplayed++;
      lastEventSeq = d.eventSeq;
      reachedSeq = Math.max(reachedSeq, divergedLastSeq);
      notes.push(
        `the recorded run failed at event seq ${d.eventSeq}, and the replay fails the same way: ${d.error.message}`,
      );
      divergence = null;
      divergedEvent = null;
      divergedDecisions = NONE_D;
      stop = last;
    }
  }
  // The recorded run failed after its last event, checkpointing state a checkpoint cannot hold
  // (not plain data): a full replay fails there too, or diverges.
  if (
    compare &&
    until === undefined &&
    divergence === null &&
    failedAsRecorded === null &&
    lastEventSeq >= 0 &&
    stop?.status.startsWith(`failed: ${CANNOT_BE_CHECKPOINTED}`)
  ) {
    const recorded = stop.status.slice("failed: ".length);
    const tried = digestOrUncheckpointable(engine);
    const mine = tried instanceof HindsightError ? tried.message : null;
    if (mine !== null) {
      failedAsRecorded = { eventSeq: lastEventSeq, message: mine };
      notes.push(
        `the recorded run failed after event seq ${lastEventSeq}, and the replay fails the same way: ${mine}`,
      );
    } else {
      divergence = {
        kind: "checkpoint-mismatch",
        message: `the recorded run failed after this event, checkpointing its state (${recorded}); this build's state can be checkpointed`,
        eventSeq: lastEventSeq,
        error: { message: recorded },
      };
      divergedEvent = reader.get(lastEventSeq);
    }
  }
  // The recorded run failed in the app at its last event, and this build handled that event
  // without failing (nor asking for more than the recording has): the failure is what differs.
  // (`replay`, which compares nothing, says so in a note.)
  if (
    until === undefined &&
    divergence === null &&
    failedAsRecorded === null &&
    lastEventSeq >= 0 &&
    endsInside === null &&
    !stop?.status.startsWith(`failed: ${CANNOT_BE_CHECKPOINTED}`)
  ) {
    const recorded = recordedFailureAt(reader, lastEventSeq, endSeq);
    if (recorded !== undefined && !compare)
      notes.push(
        `the recorded run failed at event seq ${lastEventSeq} (${recorded}), but this build handles it without failing: \`hindsight verify\` reports that as a divergence`,
      );
    else if (recorded !== undefined) {
      divergence = {
        kind: "app-error",
        message: `the recorded run failed at this event (${recorded}), but this build handles it without failing`,
        eventSeq: lastEventSeq,
        error: { message: recorded },
      };
      divergedEvent = reader.get(lastEventSeq);
    }
  }
  // An error that escaped the app's steps: a divergence, or what the recorded run ended with.
  let escapedAsRecorded: ReplayResult["escapedAsRecorded"] = null;
  const x = stray as { message: string; eventSeq: number | null } | null;
  /** The divergence is an error that surfaced once the replay's events were handled. */
  let unplaced = false;
  if (x && strayDiverged()) unplaced = x.eventSeq === null;
  else if (x && !strayUsed) {
    if (divergence !== null)
      notes.push(
        `an error also escaped the app's steps (from code it left running outside them)${x.eventSeq !== null ? ` while event seq ${x.eventSeq} was replayed` : ""}: ${x.message}`,
      );
    else {
      escapedAsRecorded = { ...(x.eventSeq !== null ? { eventSeq: x.eventSeq } : {}), message: x.message };
      notes.push(
        `the recorded run ended with an error escaping the app's steps, and the same error escapes on replay${x.eventSeq !== null ? ` (while event seq ${x.eventSeq} was replayed)` : ""}: ${x.message}`,
      );
    }
  }
  if (badCheckpointFiles.length)
    notes.push(
      `${badCheckpointFiles.length} checkpoint file(s) do not match the log: ${badCheckpointFiles.slice(0, 3).join(", ")}${badCheckpointFiles.length > 3 ? ", …" : ""}; replay --until goes past them (\`hindsight fsck --repair\` removes damaged ones)`,
    );
  // The recorded run failed at the very event where this build diverges (the usual case after
  // fixing the bug it failed on): the report alone would only say a decision or output is extra.
  const dv = divergence as Divergence | null;
  if (dv && endSeq > reader.firstSeq) {
    const failure = recordedFailureAt(reader, dv.eventSeq, endSeq);
    if (failure !== undefined)
      notes.push(
        `the recorded run failed at this event (seq ${dv.eventSeq}): ${failure}; this build ${dv.kind === "app-error" ? "fails otherwise" : "does not fail there"}, and the recording has nothing after the failure to compare with`,
      );
  }
  if (unplaced && !opts.strayTurns) {
    // Replay again, giving the event loop a turn after each event: the error then surfaces with
    // the event that left it running.
    const again = await replay(reader, app, { ...opts, strayTurns: true });
    if (again.divergence)
      return {
        ...again,
        notes: [
          ...again.notes,
          "the error that escaped the app's steps surfaced only once the replay had ended; replayed again giving the event loop a turn after each event, to find the event that left it",
        ],
      };
  }
  return {
    engine,
    eventsReplayed,
    ticksReplayed,
    decisions: port.decisionCount,
    outputs: port.outputCount,
    checkpointsVerified,
    startedFrom,
    rejectedCheckpoints: rejected,
    lastGoodCheckpoint: lastGood,
    reachedSeq,
    lastEventSeq,
    endsInside,
    divergence,
    failedAsRecorded,
    escapedAsRecorded,
    // slice(-0) would keep everything
    recentEvents: keep > 0 ? recentEvents.slice(-keep) : [],
    recentDecisions: keep > 0 ? recentDecisions.slice(-keep) : [],
    blobOf: (h) => port.blobs.get(hex(h)),
    divergedEvent,
    // (Emptied where a divergence is dropped: a failure as recorded, or the recording's end.)
    divergedDecisions: divergedDecisions as (DecisionRecord & { seq: number })[],
    start,
    stop,
    notes,
  };
}

export type { InputRecord };

/**
 * A STOP marker counting other than the input records of its run: a block was taken out whole, or
 * records were written by something other than a writer (CRCs and sequence numbers would catch
 * any other loss).
 */
function stopCountDiffers(
  reader: LogReader,
  stop: MarkerRecord & { readonly seq: number },
  read: number,
): HindsightError {
  return new HindsightError(
    "CORRUPT_RECORD",
    `the STOP marker at seq ${stop.seq} says the run took ${stop.events} input event(s), but the recording holds ${read} between its START marker and it: the recording is not as its writer left it`,
    {
      where: reader.dir,
      hint: "run `hindsight fsck` on it; record the run again from its inputs if you can",
    },
  );
}

/** The engine's state digest, or the error saying its state cannot be checkpointed (others are thrown). */
function digestOrUncheckpointable(engine: Engine): Uint8Array | HindsightError {
  try {
    return engine.stateDigest();
  } catch (e) {
    if (isHindsightError(e) && e.message.startsWith(CANNOT_BE_CHECKPOINTED)) return e;
    throw e;
  }
}
