/**
 * The deterministic engine: runs an app's steps over input events, one event at a time.
 *
 * Everything non-derivable goes through a DecisionPort: the recorder's port produces values
 * (clock, seeded random, look-up fetch) and records them; the replayer's port hands back the
 * recorded values and checks that the app asks for the same decisions in the same order. The
 * engine itself never reads the clock, draws randomness or does I/O (the clock and the seed
 * are injected), so a run is a pure function of (app, events, decision values).
 *
 * Hot path: steps are called synchronously; the engine goes asynchronous only when a step
 * returns a promise (e.g. it awaited ctx.lookup). `handleInput` returns undefined when the
 * event was handled synchronously, else a promise.
 */
import { HindsightError, isHindsightError, thrownMessage } from "../errors.js";
import { MAX_TIME_NS } from "../format/constants.js";
import { DecisionKind } from "../format/records.js";
import {
  type App,
  type KeyedStep,
  type MapStep,
  type StepContext,
  type StepDefinition,
  sinksOf,
  sourcesOf,
  type Tick,
  type TimerApi,
} from "./app.js";
import { f64le, readF64le, readU64le, sha256, u64le } from "./bytes.js";
import { type Codec, decodeUtf8, encodeUtf8 } from "./codec.js";
import {
  canonicalJson,
  encodeJson,
  type Json,
  parseCanonicalJson,
  parseJson,
  parseStateJson,
  stateJson,
} from "./json.js";
import { Prng } from "./prng.js";
import {
  type AmbientHandler,
  getActive,
  install,
  resumeTrapped,
  type StrictMode,
  setActive,
  uninstall,
} from "./strict.js";

/** A decision the app asks for. */

/** Starts the message of state a checkpoint cannot hold (a run that records it fails there). */
export const CANNOT_BE_CHECKPOINTED = "keyed state cannot be checkpointed";

export interface DecisionRequest {
  readonly kind: DecisionKind;
  readonly name: string;
  readonly step: string;
  /** Look-up key / timer key (UTF-8), empty otherwise. */
  readonly key: Uint8Array;
}

/** An output the app produced. */
export interface EngineOutput {
  readonly sink: number;
  readonly sinkName: string;
  readonly eventSeq: number;
  /** Index among all outputs of this event. */
  readonly index: number;
  /** Position within the sink. */
  readonly sinkSeq: number;
  readonly bytes: Uint8Array;
  readonly value: unknown;
  readonly step: string;
}

/** Where decision values come from and outputs go (record, replay, or unrecorded). */
export interface DecisionPort {
  beginEvent(eventSeq: number, timeNs: bigint): void;
  /** Returns the decision's value bytes; `produce` computes a fresh value (record mode only). */
  decide(req: DecisionRequest, produce: () => Uint8Array): Uint8Array;
  /** Look-up value bytes; `fetch` is called only when recording (may be async). */
  lookup(
    req: DecisionRequest,
    fetch: () => Uint8Array | Promise<Uint8Array>,
  ): Uint8Array | Promise<Uint8Array>;
  output(o: EngineOutput): void;
  /** The event is fully handled (replay checks nothing recorded is left over). */
  endEvent(): void;
  /**
   * False when the port never looks at output bytes (a replay that only rebuilds state): the
   * engine then skips encoding outputs (`bytes` is empty). Defaults to true.
   */
  readonly needsOutputBytes?: boolean;
}

/** Decisions consumed, as seen by lineage/audit observers. */
export interface DecisionInfo {
  readonly kind: DecisionKind;
  readonly name: string;
  readonly step: string;
  readonly index: number;
  /** Decoded: bigint for clock/tick, number for random, the value for look-ups and ambient calls. */
  readonly value: unknown;
  readonly key: string;
}

/** A keyed-state read, with the sequence of the event that last wrote that state (-1: before tracking began). */
export interface StateRead {
  readonly step: string;
  readonly key: string;
  readonly writerSeq: number;
}

/** Per-output trace (lineage mode). */
export interface OutputTrace extends EngineOutput {
  readonly eventTime: bigint;
  /** Steps the value passed through, first to last. */
  readonly path: readonly string[];
  /**
   * Decisions the output depends on, in the order taken: those the steps on its path took before
   * it (not those of other branches of the event), and those behind state of this event it read.
   */
  readonly decisions: readonly DecisionInfo[];
  /** Keyed-state reads the output depends on (the same way), each with its writer. */
  readonly stateReads: readonly StateRead[];
}

/**
 * A keyed-state write of an event, with what the written value depends on (the decisions and
 * reads of the steps on the writing step's path, as for an output). The last write of a key in
 * the event is the one kept.
 */
export interface StateWrite {
  readonly step: string;
  readonly key: string;
  readonly decisions: readonly DecisionInfo[];
  readonly stateReads: readonly StateRead[];
}

/** What one event (input or tick) consumed, reported when it has been handled (lineage mode). */
export interface EventTrace {
  readonly eventSeq: number;
  readonly eventTime: bigint;
  /** Every decision of the event, whichever step took it. */
  readonly decisions: readonly DecisionInfo[];
  /** Every keyed-state read of the event (of state an earlier event wrote). */
  readonly stateReads: readonly StateRead[];
  /** Its state writes (the last of each key), each with what it depends on. */
  readonly writes: readonly StateWrite[];
  readonly outputs: number;
}

export interface EngineObserver {
  onOutput?(trace: OutputTrace): void;
  /** Called after every event, with everything it consumed (lineage of state writers). */
  onEventEnd?(trace: EventTrace): void;
}

export interface EngineOptions {
  /** Where decisions come from / outputs go. */
  readonly port: DecisionPort;
  /** Strict mode for ambient nondeterminism inside steps. Defaults to "throw". */
  readonly strict?: StrictMode;
  /** Seed for ctx.random streams (record mode). Defaults to "0". */
  readonly seed?: string;
  /** The clock behind ctx.now() (record mode), ns since the epoch. Defaults to a clock that throws. */
  readonly clock?: () => bigint;
  /**
   * Lineage/audit observer. When set, the engine tracks paths, decisions and state provenance
   * per event; when absent it tracks nothing (no cost).
   */
  readonly observer?: EngineObserver;
  /**
   * How checkpoints encode state: 3 (the default, what new recordings use) restores every value
   * exactly, an object property holding `undefined` included (stateJson); 2 is the same but
   * leaves such properties out, and 1 the canonical form (sorted keys): older recordings'
   * checkpoint digests were taken of those, kept so they verify. A replay uses the recording's
   * (its START marker).
   */
  readonly stateFormat?: StateFormat;
}

/** See EngineOptions.stateFormat. */
export type StateFormat = 1 | 2 | 3;
export const STATE_FORMAT: StateFormat = 3;
/** Every state format this build reads (a replay refuses a recording made in another). */
export const STATE_FORMATS: readonly StateFormat[] = [1, 2, 3];

export interface TimerState {
  readonly step: string;
  readonly key: string;
  readonly name: string;
  due: bigint;
  period: bigint;
  order: number;
}

interface Item {
  step: StepRt;
  from: string;
  value: unknown;
  path: string[] | null;
  /** Lineage mode: what the item's value depends on (see OutputTrace). */
  lin: Lin | null;
}

/** The decisions and state reads along an item's path (lineage mode). */
interface Lin {
  decisions: DecisionInfo[];
  reads: StateRead[];
}

const newLin = (): Lin => ({ decisions: [], reads: [] });

/** Adds to `into` what `from` holds and it does not (decisions by index, reads by step, key and writer). */
function mergeLin(into: Lin, from: Lin): void {
  if (into === from) return;
  let added = false;
  for (const d of from.decisions)
    if (!into.decisions.some((x) => x.index === d.index)) {
      into.decisions.push(d);
      added = true;
    }
  if (added) into.decisions.sort((a, b) => a.index - b.index);
  for (const r of from.reads)
    if (!into.reads.some((x) => x.step === r.step && x.key === r.key && x.writerSeq === r.writerSeq))
      into.reads.push(r);
}

interface StepRt {
  readonly name: string;
  readonly def: StepDefinition;
  consumers: StepRt[];
  sinks: number[];
  readonly state: Map<string, unknown> | null;
  writers: Map<string, number> | null;
  ctx: Ctx;
}

/** A step failed on replay in a way that is a divergence (thrown by replay ports). */
export class DivergenceSignal extends Error {
  override readonly name = "DivergenceSignal";
  constructor(
    message: string,
    readonly detail: Record<string, unknown>,
  ) {
    super(message);
  }
}

const EMPTY = new Uint8Array(0);
const noClock = (): bigint => {
  throw new HindsightError("INTERNAL", "no clock configured for this engine");
};

export class Engine {
  readonly app: App;
  readonly inputNames: readonly string[];
  readonly sinkNames: readonly string[];
  private readonly inputCodecs: Codec<unknown>[];
  private readonly sinkCodecs: Codec<unknown>[];
  private readonly sinkIndex = new Map<string, number>();
  private readonly sourceConsumers: StepRt[][];
  readonly steps: StepRt[] = [];
  private readonly stepByName = new Map<string, StepRt>();
  private readonly port: DecisionPort;
  private readonly strictMode: StrictMode;
  private readonly seed: string;
  private readonly clock: () => bigint;
  private readonly prngs = new Map<string, Prng>();
  private readonly observer: EngineObserver | null;
  readonly tracing: boolean;
  private readonly encodeOutputs: boolean;

  // Per-event state.
  private eventSeq = -1;
  private eventTime = 0n;
  /** How snapshots encode state (EngineOptions.stateFormat). */
  readonly stateFormat: StateFormat;
  private decisionIndex = 0;
  /** Look-ups of the running step not yet settled (strict mode is off while there are any). */
  private lookupsInFlight = 0;
  /** Look-ups in flight that are still to settle (an event ends only once they have). */
  private readonly pendingLookups = new Set<Promise<Uint8Array>>();
  private outputIndex = 0;
  private queue: Item[] = [];
  private qHead = 0;
  private current: Item | null = null;
  private traceDecisions: DecisionInfo[] = [];
  private traceReads: StateRead[] = [];
  /** Lineage mode: this event's state writes ("step\0key"), each with the lineage of its writer item. */
  private traceWrites = new Map<string, { step: string; key: string; lin: Lin }>();
  /** Step being run (for strict-mode messages). */
  private runningStep: StepRt | null = null;
  private waitingStep: StepRt | null = null;

  // Run state (checkpointed).
  private sinkSeqs: number[];
  private timers = new Map<string, TimerState>();
  private timerOrder = 0;
  private nextDue: bigint | null = null;
  /** Input events and ticks handled. */
  eventsHandled = 0;
  private installed = false;

  constructor(app: App, opts: EngineOptions) {
    this.app = app;
    this.port = opts.port;
    this.strictMode = opts.strict ?? "throw";
    this.seed = opts.seed ?? "0";
    this.clock = opts.clock ?? noClock;
    this.observer = opts.observer ?? null;
    this.stateFormat = opts.stateFormat ?? STATE_FORMAT;
    this.tracing = this.observer !== null;
    this.encodeOutputs = opts.port.needsOutputBytes !== false || this.tracing;
    this.inputNames = Object.keys(app.inputs);
    this.inputCodecs = this.inputNames.map((n) => app.inputs[n] as Codec<unknown>);
    this.sinkNames = Object.keys(app.sinks);
    this.sinkCodecs = this.sinkNames.map((n) => app.sinks[n] as Codec<unknown>);
    for (const [i, n] of this.sinkNames.entries()) this.sinkIndex.set(n, i);
    this.sinkSeqs = this.sinkNames.map(() => 0);
    for (const [name, def] of Object.entries(app.steps)) {
      const rt: StepRt = {
        name,
        def,
        consumers: [],
        sinks: sinksOf(def).map((s) => this.sinkIndex.get(s) as number),
        state: def.kind === "keyed" ? new Map() : null,
        writers: def.kind === "keyed" && this.tracing ? new Map() : null,
        ctx: undefined as never,
      };
      rt.ctx = new Ctx(this, rt);
      this.steps.push(rt);
      this.stepByName.set(name, rt);
    }
    const bySource = new Map<string, StepRt[]>();
    for (const rt of this.steps)
      for (const f of sourcesOf(rt.def)) {
        const list = bySource.get(f) ?? [];
        list.push(rt);
        bySource.set(f, list);
      }
    for (const rt of this.steps) rt.consumers = bySource.get(rt.name) ?? [];
    this.sourceConsumers = this.inputNames.map((n) => bySource.get(n) ?? []);
  }

  /** Installs strict-mode traps (once per engine; call dispose() to remove). */
  start(): void {
    if (!this.installed && this.strictMode !== "off") {
      install();
      this.installed = true;
    }
  }

  dispose(): void {
    if (this.installed) {
      uninstall();
      this.installed = false;
    }
  }

  inputIndex(name: string): number {
    return this.inputNames.indexOf(name);
  }

  decodeInput(stream: number, payload: Uint8Array): unknown {
    const c = this.inputCodecs[stream];
    if (!c) throw new HindsightError("BAD_INPUT", `no input stream #${stream} in app ${this.app.name}`);
    return c.decode(payload);
  }

  encodeInput(stream: number, value: unknown): Uint8Array {
    const c = this.inputCodecs[stream];
    if (!c) throw new HindsightError("BAD_INPUT", `no input stream #${stream} in app ${this.app.name}`);
    try {
      return c.encode(value);
    } catch (e) {
      throw new HindsightError(
        "BAD_INPUT",
        `an event pushed on stream ${this.inputNames[stream]} does not encode with codec ${c.name}: ${e instanceof Error ? e.message : String(e)}`,
        { hint: "push a value the stream's codec encodes, or the event's bytes", cause: e },
      );
    }
  }

  decodeOutput(sink: number, bytes: Uint8Array): unknown {
    const c = this.sinkCodecs[sink];
    if (!c) throw new HindsightError("BAD_INPUT", `no sink #${sink} in app ${this.app.name}`);
    return c.decode(bytes);
  }

  // ---- events ----

  /**
   * Handles one input event. `seq` is its log sequence number.
   * @returns undefined when handled synchronously, else a promise that settles when done.
   * @throws HindsightError BAD_INPUT (payload does not decode), APP_ERROR (a step threw),
   *   DETERMINISM_VIOLATION; DivergenceSignal from a replay port.
   */
  handleInput(seq: number, stream: number, payload: Uint8Array, timeNs: bigint): Promise<void> | undefined {
    const consumers = this.sourceConsumers[stream];
    if (consumers === undefined)
      throw new HindsightError("BAD_INPUT", `event seq ${seq}: unknown input stream #${stream}`);
    let value: unknown;
    try {
      value = (this.inputCodecs[stream] as Codec<unknown>).decode(payload);
    } catch (e) {
      throw new HindsightError(
        "BAD_INPUT",
        `event seq ${seq} on stream ${this.inputNames[stream]} does not decode with codec ${(this.inputCodecs[stream] as Codec).name}: ${(e as Error).message}`,
        {
          where: `payload ${JSON.stringify(decodeUtf8(payload).slice(0, 120))}`,
          hint: "fix the input or the stream's codec",
          cause: e,
        },
      );
    }
    this.beginEvent(seq, timeNs);
    const from = this.inputNames[stream] as string;
    for (const c of consumers)
      this.queue.push({
        step: c,
        from,
        value,
        path: this.tracing ? [] : null,
        lin: this.tracing ? newLin() : null,
      });
    return this.drain();
  }

  /** The earliest timer due at or before `timeNs`, or null. */
  nextDueTimer(timeNs: bigint): TimerState | null {
    if (this.nextDue === null || this.nextDue > timeNs) return null;
    let best: TimerState | null = null;
    for (const t of this.timers.values())
      if (
        t.due <= timeNs &&
        (best === null || t.due < best.due || (t.due === best.due && t.order < best.order))
      )
        best = t;
    return best;
  }

  /**
   * The periodic timer due at or before `timeNs` that would fire most often to catch up with it,
   * how often, and how many ticks all periodic timers would fire to catch up (`total`).
   */
  mostCatchUp(timeNs: bigint): { timer: TimerState; ticks: bigint; total: bigint } | null {
    if (this.nextDue === null || this.nextDue > timeNs) return null;
    let best: { timer: TimerState; ticks: bigint } | null = null;
    let total = 0n;
    for (const t of this.timers.values())
      if (t.period > 0n && t.due <= timeNs) {
        const ticks = (timeNs - t.due) / t.period + 1n;
        total += ticks;
        if (best === null || ticks > best.ticks) best = { timer: t, ticks };
      }
    return best && { ...best, total };
  }

  findTimer(step: string, key: string, name: string): TimerState | undefined {
    return this.timers.get(timerId(step, key, name));
  }

  /**
   * Delivers a tick of `timer` (which must be registered) as event `seq`, due at `dueNs`.
   * Periodic timers are re-armed; one-shot timers are removed before the handler runs.
   */
  handleTick(seq: number, timer: TimerState, dueNs: bigint): Promise<void> | undefined {
    const rt = this.stepByName.get(timer.step);
    if (!rt) throw new HindsightError("INTERNAL", `tick for unknown step ${timer.step}`);
    // A periodic timer whose next tick a recording could not hold (past 2^64-1 ns) ends.
    if (timer.period > 0n && dueNs + timer.period <= MAX_TIME_NS) timer.due = dueNs + timer.period;
    else this.timers.delete(timerId(timer.step, timer.key, timer.name));
    this.recomputeDue();
    this.beginEvent(seq, dueNs);
    const onTick = (rt.def as MapStep | KeyedStep).onTick;
    if (onTick) {
      const tick: Tick = { name: timer.name, timeNs: dueNs };
      const item: Item = {
        step: rt,
        from: `tick:${timer.name}`,
        value: tick,
        // The tick's step is the first on the path (an input's are added as it is delivered).
        path: this.tracing ? [rt.name] : null,
        lin: this.tracing ? newLin() : null,
      };
      this.current = item;
      const ctx = rt.ctx;
      ctx.from = item.from;
      ctx.key = timer.key;
      let r: unknown;
      this.runningStep = rt;
      setActive(ctx);
      try {
        r = onTick(tick, ctx as never);
      } catch (e) {
        throw this.stepError(rt, e);
      } finally {
        setActive(null);
        this.runningStep = null;
      }
      if (isPromise(r)) {
        this.waitingStep = rt;
        return r.then(
          () => {
            setActive(null);
            this.waitingStep = null;
            return this.drain();
          },
          (e) => {
            setActive(null);
            this.waitingStep = null;
            throw this.stepError(rt, e);
          },
        ) as Promise<void>;
      }
    }
    return this.drain();
  }

  private beginEvent(seq: number, timeNs: bigint): void {
    this.eventSeq = seq;
    this.eventTime = timeNs;
    this.decisionIndex = 0;
    this.outputIndex = 0;
    if (this.tracing) {
      this.traceDecisions = [];
      this.traceReads = [];
      this.traceWrites = new Map();
    }
    this.port.beginEvent(seq, timeNs);
  }

  private endEvent(): void {
    if (this.observer?.onEventEnd)
      this.observer.onEventEnd({
        eventSeq: this.eventSeq,
        eventTime: this.eventTime,
        decisions: this.traceDecisions,
        stateReads: this.traceReads,
        writes: [...this.traceWrites.values()].map((w) => ({
          step: w.step,
          key: w.key,
          decisions: [...w.lin.decisions],
          stateReads: [...w.lin.reads],
        })),
        outputs: this.outputIndex,
      });
    this.queue.length = 0;
    this.qHead = 0;
    this.current = null;
    // A replay port throws here when the event left out a recorded decision: it diverged, and
    // is not counted as handled.
    this.port.endEvent();
    this.eventsHandled++;
  }

  /** Runs queued work; synchronous until a step returns a promise. */
  private drain(): Promise<void> | undefined {
    while (this.qHead < this.queue.length) {
      const item = this.queue[this.qHead++] as Item;
      const r = this.invoke(item);
      if (r !== undefined) return r.then(() => this.drain());
    }
    // A look-up a step did not await: the event ends once it settles, so that it is recorded
    // (and replayed) inside its event, and no step is trapped after the event.
    if (this.lookupsInFlight > 0) return this.settleLookups().then(() => this.drain());
    this.endEvent();
    return undefined;
  }

  /** Waits for the look-ups in flight to settle, failed or not (their steps did not await them). */
  private async settleLookups(): Promise<void> {
    while (this.lookupsInFlight > 0) {
      // A replay's look-ups settle within microtasks: give them one turn.
      if (this.pendingLookups.size === 0) await Promise.resolve();
      else await Promise.allSettled([...this.pendingLookups]);
    }
    setActive(null);
  }

  private invoke(item: Item): Promise<void> | undefined {
    const rt = item.step;
    const def = rt.def;
    const ctx = rt.ctx;
    this.current = item;
    ctx.from = item.from;
    if (item.path !== null) item.path.push(rt.name);
    let r: unknown;
    this.runningStep = rt;
    setActive(ctx);
    try {
      if (def.kind === "map") {
        ctx.key = "";
        r = def.fn(item.value, ctx as never);
      } else if (def.kind === "filter") {
        ctx.key = "";
        const pass = def.test(item.value, ctx as never);
        if (isPromise(pass)) throw new TypeError("filter test must be synchronous (it returned a promise)");
        r = pass ? item.value : undefined;
      } else {
        const k = def.key(item.value, item.from);
        if (typeof k !== "string") throw new TypeError(`key() must return a string, got ${typeof k}`);
        ctx.key = k;
        r = def.handle(item.value, ctx as never);
      }
    } catch (e) {
      throw this.stepError(rt, e);
    } finally {
      setActive(null);
      this.runningStep = null;
    }
    if (isPromise(r)) {
      this.waitingStep = rt;
      return r.then(
        (v) => {
          setActive(null);
          this.waitingStep = null;
          this.current = item;
          this.deliver(rt, v, item);
        },
        (e) => {
          setActive(null);
          this.waitingStep = null;
          throw this.stepError(rt, e);
        },
      );
    }
    this.deliver(rt, r, item);
    return undefined;
  }

  private deliver(rt: StepRt, v: unknown, item: Item): void {
    if (v === undefined) return;
    for (const c of rt.consumers)
      this.queue.push({
        step: c,
        from: rt.name,
        value: v,
        path: item.path === null ? null : [...item.path],
        lin: item.lin === null ? null : { decisions: [...item.lin.decisions], reads: [...item.lin.reads] },
      });
    for (const s of rt.sinks) this.emitTo(rt, s, v);
  }

  private stepError(rt: StepRt, e: unknown): Error {
    if (e instanceof DivergenceSignal) return e;
    if (e instanceof HindsightError) return e;
    const msg = e instanceof Error ? e.message : String(e);
    return new HindsightError(
      "APP_ERROR",
      `step '${rt.name}' threw while handling event seq ${this.eventSeq}: ${msg}`,
      {
        where: `app ${this.app.name}`,
        hint: "fix the step (run replay --until the event to inspect its state)",
        cause: e,
        details: { step: rt.name, eventSeq: this.eventSeq },
      },
    );
  }

  // ---- ctx services (called by Ctx) ----

  /** @internal */
  where(rt: StepRt): string {
    // A tick is an event of its own: name its timer (a CLI names the input it fired before).
    const from = this.current?.from;
    return from?.startsWith("tick:")
      ? `step '${rt.name}' (tick of timer '${from.slice(5)}', event seq ${this.eventSeq})`
      : `step '${rt.name}' (event seq ${this.eventSeq})`;
  }

  /** @internal */
  strict(): StrictMode {
    return this.strictMode;
  }

  /** @internal */
  decide(
    rt: StepRt,
    kind: DecisionKind,
    name: string,
    key: Uint8Array,
    produce: () => Uint8Array,
  ): Uint8Array {
    const index = this.decisionIndex++;
    // The port does I/O (the log writer reads its own clock): never trapped.
    const h = getActive();
    setActive(null);
    let v: Uint8Array;
    try {
      v = this.port.decide({ kind, name, step: rt.name, key }, produce);
    } finally {
      setActive(h);
    }
    if (this.tracing) {
      const d: DecisionInfo = {
        kind,
        name,
        step: rt.name,
        index,
        value: decodeDecision(kind, v),
        key: decodeUtf8(key),
      };
      this.traceDecisions.push(d);
      this.current?.lin?.decisions.push(d);
    }
    return v;
  }

  /** @internal */
  now(rt: StepRt): bigint {
    return readU64le(this.decide(rt, DecisionKind.clock, "clock", EMPTY, () => u64le(this.clock())));
  }

  /** @internal */
  random(rt: StepRt, name: string): number {
    return readF64le(
      this.decide(rt, DecisionKind.random, name, EMPTY, () => {
        let p = this.prngs.get(name);
        if (!p) {
          p = new Prng(this.seed, name);
          this.prngs.set(name, p);
        }
        return f64le(p.next());
      }),
    );
  }

  /** @internal */
  ambient(rt: StepRt, call: string, produce: () => unknown): unknown {
    const bytes = this.decide(rt, DecisionKind.ambient, call, EMPTY, () => encodeJson(produce()));
    return parseJson(decodeUtf8(bytes));
  }

  /** @internal */
  async lookup(
    rt: StepRt,
    ctx: Ctx,
    name: string,
    key: string,
    fetch: (key: string) => unknown,
  ): Promise<unknown> {
    const index = this.decisionIndex++;
    // The item that asked (a look-up the step did not await may settle while another item runs).
    const asker = this.current;
    const keyBytes = encodeUtf8(key);
    const req: DecisionRequest = { kind: DecisionKind.lookup, name, step: rt.name, key: keyBytes };
    // The fetcher may do real I/O: trapping stays off until every look-up the step has in flight
    // has settled (with several at once, one settling must not trap the others' fetchers).
    setActive(null);
    this.lookupsInFlight++;
    let bytes: Uint8Array;
    let got: Uint8Array | Promise<Uint8Array>;
    try {
      got = this.port.lookup(req, async () => {
        const v = await fetch(key);
        try {
          return encodeJson(v);
        } catch (e) {
          // A failed look-up like any other (recorded with its message): a step that falls back
          // on it does so again on replay, and one that does not fails the same way.
          throw new Error(
            `lookup '${name}' in step '${rt.name}' returned a value that is not JSON data: ${(e as Error).message}`,
          );
        }
      });
    } catch (e) {
      // A replay's look-up fails at once: settled after the step has returned its promise, as a
      // recorded one's does, so the step resumes (and is trapped) the same way in both.
      got = Promise.reject(e);
    }
    if (got instanceof Promise) this.pendingLookups.add(got);
    try {
      bytes = await got;
    } catch (e) {
      // A failed look-up is a decision the step consumed too (it may fall back on it).
      if (this.tracing && !(e instanceof HindsightError) && !(e instanceof DivergenceSignal)) {
        const d: DecisionInfo = {
          kind: DecisionKind.lookup,
          name,
          step: rt.name,
          index,
          value: { error: thrownMessage(e) },
          key,
        };
        this.traceDecisions.push(d);
        asker?.lin?.decisions.push(d);
      }
      // The step gets what a replay gives it: a fresh Error with the recorded message (not a
      // string, a TypeError, nor the fetcher's own Error with its other properties).
      if (e instanceof HindsightError || e instanceof DivergenceSignal) throw e;
      throw new Error(thrownMessage(e));
    } finally {
      if (got instanceof Promise) this.pendingLookups.delete(got);
      if (--this.lookupsInFlight === 0) resumeTrapped(ctx); // the step resumes after this
    }
    const value = parseJson(decodeUtf8(bytes));
    if (this.tracing) {
      const d: DecisionInfo = { kind: DecisionKind.lookup, name, step: rt.name, index, value, key };
      this.traceDecisions.push(d);
      asker?.lin?.decisions.push(d);
    }
    return value;
  }

  /** @internal */
  emitTo(rt: StepRt, sink: number, value: unknown): void {
    let bytes: Uint8Array = EMPTY;
    try {
      if (this.encodeOutputs) bytes = (this.sinkCodecs[sink] as Codec<unknown>).encode(value);
    } catch (e) {
      // A codec reading the clock inside the step is trapped: that is what to report.
      if (isHindsightError(e) && e.code === "DETERMINISM_VIOLATION") throw e;
      throw new HindsightError(
        "APP_ERROR",
        `step '${rt.name}' emitted a value sink '${this.sinkNames[sink]}' cannot encode: ${(e as Error).message}`,
        {
          details: { step: rt.name, eventSeq: this.eventSeq },
        },
      );
    }
    const out: EngineOutput = {
      sink,
      sinkName: this.sinkNames[sink] as string,
      eventSeq: this.eventSeq,
      index: this.outputIndex++,
      sinkSeq: (this.sinkSeqs[sink] as number)++,
      bytes,
      value,
      step: rt.name,
    };
    // The port and observers are hindsight's code, not the step's: strict mode is off for them.
    const h = getActive();
    setActive(null);
    try {
      this.port.output(out);
      if (this.observer?.onOutput) {
        this.observer.onOutput({
          ...out,
          eventTime: this.eventTime,
          path: this.current?.path ? [...this.current.path] : [rt.name],
          // (Without an item, a ctx used after its step returned: the whole event, to be safe.)
          decisions: [...(this.current?.lin?.decisions ?? this.traceDecisions)],
          stateReads: [...(this.current?.lin?.reads ?? this.traceReads)],
        });
      }
    } finally {
      setActive(h);
    }
  }

  /** @internal */
  emit(rt: StepRt, sink: string, value: unknown): void {
    const i = this.sinkIndex.get(sink);
    if (i === undefined)
      throw new TypeError(
        `ctx.emit to unknown sink ${JSON.stringify(sink)} (sinks: ${this.sinkNames.join(", ")})`,
      );
    this.emitTo(rt, i, value);
  }

  /** @internal */
  forward(rt: StepRt, value: unknown): void {
    const item = this.current;
    this.deliver(rt, value, item ?? { step: rt, from: "", value, path: null, lin: null });
  }

  /** @internal */
  getState(rt: StepRt, key: string): unknown {
    if (!rt.state)
      throw new TypeError(
        `ctx.state is only available in keyed steps ('${rt.name}' is a ${rt.def.kind} step)`,
      );
    if (rt.writers !== null) {
      const writerSeq = rt.writers.get(key) ?? -1;
      const lin = this.current?.lin;
      if (writerSeq !== this.eventSeq) {
        const r: StateRead = { step: rt.name, key, writerSeq };
        this.traceReads.push(r);
        lin?.reads.push(r);
      } else {
        // State this event wrote: what it read depends on what the writing step's item did.
        const w = this.traceWrites.get(`${rt.name}\u0000${key}`);
        if (lin && w) mergeLin(lin, w.lin);
      }
    }
    return rt.state.get(key);
  }

  /** @internal */
  setState(rt: StepRt, key: string, v: unknown): void {
    if (!rt.state)
      throw new TypeError(
        `ctx.state is only available in keyed steps ('${rt.name}' is a ${rt.def.kind} step)`,
      );
    if (v === undefined) rt.state.delete(key);
    else rt.state.set(key, v);
    if (rt.writers !== null) {
      rt.writers.set(key, this.eventSeq);
      // Kept by reference: a value mutated later in the same step still depends on what it took.
      const lin = this.current?.lin;
      if (lin) this.traceWrites.set(`${rt.name}\u0000${key}`, { step: rt.name, key, lin });
    }
  }

  /** @internal */
  setTimer(rt: StepRt, key: string, name: string, due: bigint, period: bigint): void {
    if (typeof due !== "bigint" || typeof period !== "bigint" || period < 0n)
      throw new TypeError("timer times are bigint nanoseconds (period ≥ 0)");
    if ((rt.def as MapStep).onTick === undefined)
      throw new TypeError(`step '${rt.name}' sets a timer but has no onTick handler`);
    const id = timerId(rt.name, key, name);
    this.timers.set(id, { step: rt.name, key, name, due, period, order: this.timerOrder++ });
    this.recomputeDue();
  }

  /** @internal */
  cancelTimer(rt: StepRt, key: string, name: string): void {
    this.timers.delete(timerId(rt.name, key, name));
    this.recomputeDue();
  }

  private recomputeDue(): void {
    let m: bigint | null = null;
    for (const t of this.timers.values()) if (m === null || t.due < m) m = t.due;
    this.nextDue = m;
  }

  /** @internal */
  get time(): bigint {
    return this.eventTime;
  }

  /** @internal */
  get seq(): number {
    return this.eventSeq;
  }

  // ---- state ----

  /** Keyed state of a step (read-only view), for replay --until and lineage. */
  stateOf(step: string): ReadonlyMap<string, unknown> | undefined {
    return this.stepByName.get(step)?.state ?? undefined;
  }

  /** State provenance (lineage mode): key → seq of the last event that wrote it. */
  writersOf(step: string): ReadonlyMap<string, number> | undefined {
    return this.stepByName.get(step)?.writers ?? undefined;
  }

  timerList(): TimerState[] {
    return [...this.timers.values()].sort((a, b) => a.order - b.order);
  }

  /**
   * Canonical bytes of all derivable run state (keyed state, timers, sink positions, events
   * handled): the checkpoint content. Deterministic: keys sorted, canonical JSON.
   * @throws HindsightError APP_ERROR when a state value is not plain data.
   */
  snapshot(): Uint8Array {
    const format = this.stateFormat;
    const encodeState = (v: unknown): string => (format === 1 ? canonicalJson(v) : stateJson(v, format));
    const steps: Record<string, [string, unknown][]> = {};
    for (const rt of this.steps) {
      if (!rt.state) continue;
      steps[rt.name] = [...rt.state.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    }
    const sinks: Record<string, number> = {};
    this.sinkNames.forEach((n, i) => {
      sinks[n] = this.sinkSeqs[i] as number;
    });
    const timers = this.timerList().map((t) => [t.step, t.key, t.name, t.due, t.period, t.order]);
    try {
      const snapshot = {
        hindsightState: this.stateFormat,
        app: this.app.name,
        eventsHandled: this.eventsHandled,
        steps,
        sinks,
        timers,
        timerOrder: this.timerOrder,
      };
      return encodeUtf8(encodeState(snapshot));
    } catch (e) {
      // Name the step and key holding the value, not a place in the snapshot.
      let why = (e as Error).message;
      find: for (const rt of this.steps)
        for (const [k, v] of rt.state ?? [])
          try {
            encodeState(v);
          } catch (inner) {
            why = `${(inner as Error).message}, in the state of step '${rt.name}' for key ${JSON.stringify(k)}`;
            break find;
          }
      throw new HindsightError("APP_ERROR", `${CANNOT_BE_CHECKPOINTED}: ${why}`, {
        where: `app ${this.app.name}`,
        hint: "keep state as plain data (objects, arrays, strings, numbers, bigint, booleans, null)",
      });
    }
  }

  /** SHA-256 of snapshot(). */
  stateDigest(): Uint8Array {
    return sha256(this.snapshot());
  }

  /**
   * Replaces all run state with a snapshot's.
   * @throws HindsightError CORRUPT_CHECKPOINT when the bytes are not a snapshot of this app.
   */
  restore(bytes: Uint8Array): void {
    let s: Record<string, unknown>;
    try {
      s = parseSnapshot(bytes);
    } catch (e) {
      throw new HindsightError(
        "CORRUPT_CHECKPOINT",
        `checkpoint state does not parse: ${(e as Error).message}`,
      );
    }
    if (!STATE_FORMATS.includes(s?.["hindsightState"] as StateFormat) || typeof s["steps"] !== "object")
      throw new HindsightError("CORRUPT_CHECKPOINT", "checkpoint state is not a hindsight state snapshot");
    if (s["app"] !== this.app.name)
      throw new HindsightError(
        "INCOMPATIBLE",
        `checkpoint is of app ${JSON.stringify(s["app"])}, not ${this.app.name}`,
      );
    const steps = s["steps"] as Record<string, [string, unknown][]>;
    for (const rt of this.steps) {
      if (!rt.state) continue;
      rt.state.clear();
      rt.writers?.clear();
      for (const [k, v] of steps[rt.name] ?? []) rt.state.set(k, v);
    }
    const sinks = (s["sinks"] ?? {}) as Record<string, number>;
    this.sinkSeqs = this.sinkNames.map((n) => Number(sinks[n] ?? 0));
    this.timers.clear();
    for (const t of (s["timers"] ?? []) as [
      string,
      string,
      string,
      bigint | number,
      bigint | number,
      number,
    ][]) {
      const [step, key, name, due, period, order] = t;
      this.timers.set(timerId(step, key, name), {
        step,
        key,
        name,
        due: BigInt(due),
        period: BigInt(period),
        order,
      });
    }
    this.timerOrder = Number(s["timerOrder"] ?? 0);
    this.eventsHandled = Number(s["eventsHandled"] ?? 0);
    this.recomputeDue();
  }

  /** The steps whose results go to sink `sink` (`to`); ctx.emit may write to any sink besides. */
  stepsTo(sink: number): string[] {
    return this.steps.filter((rt) => rt.sinks.includes(sink)).map((rt) => rt.name);
  }

  /** The step currently running (strict-mode messages). */
  get runningStepName(): string | null {
    return this.runningStep?.name ?? null;
  }

  /** The step whose promise the event in hand waits on (a step that never finishes). */
  get waitingStepName(): string | null {
    return this.waitingStep?.name ?? null;
  }
}

function timerId(step: string, key: string, name: string): string {
  return `${step}\u0000${key}\u0000${name}`;
}

function isPromise(x: unknown): x is Promise<unknown> {
  return typeof x === "object" && x !== null && typeof (x as { then?: unknown }).then === "function";
}

/**
 * The error message of a look-up decision recorded as failed (no content hash; the value is
 * the message), else undefined.
 */
export function failedLookup(r: {
  kind: number;
  contentHash: Uint8Array;
  value: Uint8Array;
}): string | undefined {
  return r.kind === DecisionKind.lookup && r.contentHash.length === 0 ? decodeUtf8(r.value) : undefined;
}

/** Decodes a decision's value bytes for display (per DecisionKind). */
export function decodeDecision(kind: number, v: Uint8Array): unknown {
  try {
    switch (kind) {
      case DecisionKind.clock:
      case DecisionKind.tick:
        return readU64le(v);
      case DecisionKind.random:
        return readF64le(v);
      case DecisionKind.ambient:
      case DecisionKind.lookup:
        return v.length ? (parseJson(decodeUtf8(v)) as Json) : undefined;
      default:
        return decodeUtf8(v);
    }
  } catch {
    return `0x${Buffer.from(v).toString("hex")}`;
  }
}

/** The context object handed to steps; one per step, updated per call. */
class Ctx implements StepContext<unknown>, AmbientHandler {
  from = "";
  key = "";
  readonly step: string;
  readonly timers: TimerApi;

  constructor(
    private readonly engine: Engine,
    private readonly rt: StepRt,
  ) {
    this.step = rt.name;
    const self = this;
    this.timers = {
      at(name: string, timeNs: bigint) {
        checkTimerTime(name, timeNs);
        engine.setTimer(rt, self.key, name, timeNs, 0n);
      },
      every(name: string, periodNs: bigint, firstNs?: bigint) {
        if (typeof periodNs !== "bigint" || periodNs <= 0n)
          throw new TypeError("timer period must be a positive bigint (ns)");
        const first = firstNs ?? engine.time + periodNs;
        checkTimerTime(name, first);
        engine.setTimer(rt, self.key, name, first, periodNs);
      },
      cancel(name: string) {
        engine.cancelTimer(rt, self.key, name);
      },
    };
  }

  get eventSeq(): number {
    return this.engine.seq;
  }

  get eventTime(): bigint {
    return this.engine.time;
  }

  now(): bigint {
    return this.engine.now(this.rt);
  }

  random(name = "default"): number {
    return this.engine.random(this.rt, name);
  }

  lookup<T>(name: string, key: string, fetch: (key: string) => T | Promise<T>): Promise<T> {
    if (typeof key !== "string") throw new TypeError("lookup key must be a string");
    const p = this.engine.lookup(this.rt, this, name, key, fetch) as Promise<T>;
    // A look-up the step does not await may fail (its failure is recorded): not an unhandled
    // rejection that ends the process. A step that awaits it still gets the failure.
    p.catch(() => undefined);
    return p;
  }

  emit(sink: string, value: unknown): void {
    this.engine.emit(this.rt, sink, value);
  }

  forward(value: unknown): void {
    this.engine.forward(this.rt, value);
  }

  get state(): unknown {
    return this.engine.getState(this.rt, this.key);
  }

  set state(v: unknown) {
    this.engine.setState(this.rt, this.key, v);
  }

  deleteState(): void {
    this.engine.setState(this.rt, this.key, undefined);
  }

  // AmbientHandler
  where(): string {
    return this.engine.where(this.rt);
  }

  mode(): StrictMode {
    return this.engine.strict();
  }

  ambient(name: string, produce: () => unknown): unknown {
    return this.engine.ambient(this.rt, name, produce);
  }
}

/** A snapshot's bytes (Engine.snapshot, a checkpoint file) as the object they hold. Throws if they do not parse. */
export function parseSnapshot(bytes: Uint8Array): Record<string, unknown> {
  const text = decodeUtf8(bytes);
  // The format is the first field: `{"hindsightState":3,…` (format 1 sorts it first too).
  const f = text.startsWith('{"hindsightState":3,') ? 3 : text.startsWith('{"hindsightState":2,') ? 2 : 1;
  return (f === 1 ? parseCanonicalJson(text) : parseStateJson(text, f)) as Record<string, unknown>;
}

/** A timer's time is a time a recording can hold: a bigint in 1..2^64-1 ns (a TypeError, in the step). */
function checkTimerTime(name: string, t: bigint): void {
  if (typeof t !== "bigint" || t < 1n || t > MAX_TIME_NS)
    throw new TypeError(`timer '${name}': time ${String(t)} is not a bigint of nanoseconds in 1..2^64-1`);
}
