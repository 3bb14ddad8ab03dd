/**
 * The app contract: an app is a named graph of steps between input streams and sinks.
 * `defineApp` validates the graph once and freezes it; the engine (engine.ts) runs it.
 *
 * Every step names where its messages come `from` (input streams or other steps). A step's
 * result (a map's return value, a filter's passing value, a keyed handler's return value, or
 * anything passed to `ctx.forward`) goes to every step that lists it in `from`, in the order
 * the steps are declared, and to the sinks in its `to`. `ctx.emit(sink, value)` writes to a
 * sink directly. Delivery is breadth-first within one input event, so the order of work is
 * a pure function of the app and the event.
 */
import { HindsightError } from "../errors.js";
import type { Codec } from "./codec.js";

/** Marks an app definition; a symbol from the global registry survives duplicate module copies. */
export const APP_BRAND: unique symbol = Symbol.for("hindsight.app.v1") as never;

export interface TimerApi {
  /** Fire once at `timeNs` (event time, ns). Re-setting a name replaces it. */
  at(name: string, timeNs: bigint): void;
  /** Fire every `periodNs`, first at `firstNs` (default: the event's time, ctx.eventTime, + period). */
  every(name: string, periodNs: bigint, firstNs?: bigint): void;
  cancel(name: string): void;
}

/** What a step can reach. Everything non-derivable goes through here and is recorded. */
export interface StepContext<S = unknown> {
  /** The running step's name. */
  readonly step: string;
  /** Where the current message came from (an input stream or a step name). */
  readonly from: string;
  /** Log sequence number of the input event (or tick) being handled. */
  readonly eventSeq: number;
  /** Event time (ns) of the input event or tick being handled (not a clock reading). */
  readonly eventTime: bigint;
  /** The clock: recorded (DecisionKind.clock); on replay the recorded reading. */
  now(): bigint;
  /** A draw in [0, 1) from the named stream (default "default"); recorded. */
  random(name?: string): number;
  /**
   * Calls `fetch(key)` on record, stores the value content-addressed, and returns the value as
   * decoded from its recorded bytes (so record and replay see identical values). On replay the
   * recorded value is returned without calling `fetch`. Values must be plain JSON data.
   */
  lookup<T>(name: string, key: string, fetch: (key: string) => T | Promise<T>): Promise<T>;
  /** Writes `value` to sink `sink` (encoded by the sink's codec). */
  emit(sink: string, value: unknown): void;
  /** Sends `value` to the steps that consume this step (like returning it). */
  forward(value: unknown): void;
  /** Keyed steps: the current key ("" for unkeyed steps). */
  readonly key: string;
  /** Keyed steps: this key's state (plain data). Assign to write it (that is what provenance tracks). */
  state: S | undefined;
  /** Keyed steps: removes this key's state. */
  deleteState(): void;
  /** Timers of this step (and key, in keyed steps). Ticks are recorded decisions. */
  readonly timers: TimerApi;
}

export interface Tick {
  readonly name: string;
  /** The time the tick was due (ns). */
  readonly timeNs: bigint;
}

type MaybePromise<T> = T | Promise<T>;
type Sources = string | readonly string[];

interface StepBase {
  /** Input stream names and/or step names this step consumes. */
  readonly from: Sources;
  /** Sinks that also receive this step's results. */
  readonly to?: Sources;
  /**
   * Codec for this step's results when the app is split into stages (stageOf): the values
   * crossing a process boundary are encoded with it. Defaults to JSON.
   */
  readonly codec?: Codec<unknown>;
}

// biome-ignore lint/suspicious/noExplicitAny: step values are typed per app; the stored union must accept any of them (function parameters are contravariant)
export interface MapStep<I = any, O = any> extends StepBase {
  readonly kind: "map";
  readonly fn: (value: I, ctx: StepContext<never>) => MaybePromise<O | undefined>;
  readonly onTick?: (tick: Tick, ctx: StepContext<never>) => MaybePromise<void>;
}

// biome-ignore lint/suspicious/noExplicitAny: step values are typed per app; the stored union must accept any of them (function parameters are contravariant)
export interface FilterStep<I = any> extends StepBase {
  readonly kind: "filter";
  readonly test: (value: I, ctx: StepContext<never>) => boolean;
}

// biome-ignore lint/suspicious/noExplicitAny: step values are typed per app; the stored union must accept any of them (function parameters are contravariant)
export interface KeyedStep<I = any, S = any, O = any> extends StepBase {
  readonly kind: "keyed";
  /** The key of a message (e.g. its symbol). `from` is the stream or step it came from. */
  readonly key: (value: I, from: string) => string;
  readonly handle: (value: I, ctx: StepContext<S>) => MaybePromise<O | undefined>;
  readonly onTick?: (tick: Tick, ctx: StepContext<S>) => MaybePromise<void>;
}

export type StepDefinition = MapStep | FilterStep | KeyedStep;

/** Per-app audit mapping (used by the audit export): one row per output of a sink, or none. */
export type AuditHook = (output: {
  sink: string;
  value: unknown;
  eventSeq: number;
  sinkSeq: number;
}) => Record<string, unknown> | undefined;

export interface AppSpec {
  readonly name: string;
  // biome-ignore lint/suspicious/noExplicitAny: each stream has its own value type (codecs are contravariant in encode)
  readonly inputs: Readonly<Record<string, Codec<any>>>;
  // biome-ignore lint/suspicious/noExplicitAny: each sink has its own value type
  readonly sinks: Readonly<Record<string, Codec<any>>>;
  /** Declaration order is delivery order. */
  readonly steps: Readonly<Record<string, StepDefinition>>;
  readonly audit?: AuditHook;
  /** Free-form description (shown by tools). */
  readonly description?: string;
}

export interface App extends AppSpec {
  readonly [APP_BRAND]: true;
}

const asArray = (s: Sources | undefined): readonly string[] =>
  s === undefined ? [] : typeof s === "string" ? [s] : s;

/** Stateless transform. Returning undefined sends nothing. */
export function map<I, O>(def: Omit<MapStep<I, O>, "kind">): MapStep<I, O> {
  return { kind: "map", ...def };
}

/** Passes on the values for which `test` is true. Must be synchronous. */
export function filter<I>(def: Omit<FilterStep<I>, "kind">): FilterStep<I> {
  return { kind: "filter", ...def };
}

/** Keyed stateful step: messages from all its sources are partitioned by `key`. */
export function keyed<I, S, O = unknown>(def: Omit<KeyedStep<I, S, O>, "kind">): KeyedStep<I, S, O> {
  return { kind: "keyed", ...def };
}

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/**
 * Validates and brands an app definition.
 * @throws HindsightError APP_INVALID naming the problem (unknown source, cycle, bad name...).
 */
export function defineApp(spec: AppSpec): App {
  const bad = (msg: string): never => {
    throw new HindsightError("APP_INVALID", msg, {
      where: `app ${JSON.stringify(spec?.name ?? "?")}`,
      hint: "fix the app definition (see docs/ENGINE.md)",
    });
  };
  if (!spec || typeof spec !== "object") bad("app definition must be an object");
  if (typeof spec.name !== "string" || spec.name === "") bad("app needs a non-empty name");
  for (const [what, rec] of [
    ["inputs", spec.inputs],
    ["sinks", spec.sinks],
    ["steps", spec.steps],
  ] as const) {
    if (!rec || typeof rec !== "object") bad(`app.${what} must be an object`);
    for (const n of Object.keys(rec))
      if (!NAME.test(n)) bad(`${what} name ${JSON.stringify(n)} is not a simple name`);
  }
  if (Object.keys(spec.inputs).length === 0) bad("app needs at least one input stream");
  for (const [n, c] of [...Object.entries(spec.inputs), ...Object.entries(spec.sinks)])
    if (!c || typeof c.encode !== "function" || typeof c.decode !== "function" || typeof c.name !== "string")
      bad(`${JSON.stringify(n)} needs a codec (codecs.json(), codecs.utf8(), codecs.bytes())`);
  const inputs = new Set(Object.keys(spec.inputs));
  const steps = Object.keys(spec.steps);
  for (const n of steps) {
    if (inputs.has(n)) bad(`step ${JSON.stringify(n)} has the same name as an input stream`);
    const s = spec.steps[n] as StepDefinition;
    if (!s || (s.kind !== "map" && s.kind !== "filter" && s.kind !== "keyed"))
      bad(`step ${JSON.stringify(n)} must be made with map(), filter() or keyed()`);
    const from = asArray(s.from);
    if (from.length === 0) bad(`step ${JSON.stringify(n)} has no 'from'`);
    // A source or sink named twice would deliver, or write, each message twice.
    for (const [field, list] of [
      ["from", from],
      ["to", asArray(s.to)],
    ] as const) {
      const twice = list.find((x, i) => list.indexOf(x) !== i);
      if (twice !== undefined)
        bad(`step ${JSON.stringify(n)} names ${JSON.stringify(twice)} twice in '${field}'`);
    }
    for (const f of from)
      if (!inputs.has(f) && !(f in spec.steps))
        bad(
          `step ${JSON.stringify(n)} reads from ${JSON.stringify(f)}, which is neither an input nor a step`,
        );
    for (const t of asArray(s.to))
      if (!(t in spec.sinks)) bad(`step ${JSON.stringify(n)} writes to unknown sink ${JSON.stringify(t)}`);
    if (s.kind === "map" && typeof s.fn !== "function") bad(`map step ${JSON.stringify(n)} needs fn`);
    if (s.kind === "filter" && typeof s.test !== "function")
      bad(`filter step ${JSON.stringify(n)} needs test`);
    if (s.kind === "keyed" && (typeof s.key !== "function" || typeof s.handle !== "function"))
      bad(`keyed step ${JSON.stringify(n)} needs key and handle`);
    // A filter has no timers: an onTick given to one would never be called.
    const onTick = (s as { onTick?: unknown }).onTick;
    if (onTick !== undefined && (s.kind === "filter" || typeof onTick !== "function"))
      bad(
        s.kind === "filter"
          ? `filter step ${JSON.stringify(n)} has an onTick, which a filter never gets: use map() or keyed()`
          : `onTick of step ${JSON.stringify(n)} must be a function`,
      );
  }
  // No cycles: a message must leave the graph in a bounded number of hops.
  const state = new Map<string, 1 | 2>();
  const visit = (n: string, path: string[]): void => {
    const st = state.get(n);
    if (st === 2) return;
    if (st === 1) bad(`steps form a cycle: ${[...path, n].join(" → ")}`);
    state.set(n, 1);
    for (const f of asArray((spec.steps[n] as StepDefinition).from))
      if (f in spec.steps) visit(f, [...path, n]);
    state.set(n, 2);
  };
  for (const n of steps) visit(n, []);
  return Object.freeze({ ...spec, [APP_BRAND]: true as const });
}

export function isApp(x: unknown): x is App {
  return typeof x === "object" && x !== null && (x as Record<symbol, unknown>)[APP_BRAND] === true;
}

export function sourcesOf(step: StepDefinition): readonly string[] {
  return asArray(step.from);
}

export function sinksOf(step: StepDefinition): readonly string[] {
  return asArray(step.to);
}
