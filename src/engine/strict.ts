/**
 * Strict mode: traps ambient nondeterminism while a step runs.
 *
 * While any engine is running, a few globals are replaced by wrappers. Outside a step the
 * wrappers call the originals unchanged. Inside a step (the engine sets `active` around each
 * step call) they either throw DETERMINISM_VIOLATION naming the call and the step ("throw"),
 * or hand the call to the engine, which records the value as an AMBIENT decision and returns
 * the recorded value on replay ("record"). docs/ENGINE.md lists what is and is not covered.
 */
import { promisify, types } from "node:util";
import { HindsightError } from "../errors.js";

export type StrictMode = "throw" | "record" | "off";

/** The engine side of a trapped call. */
export interface AmbientHandler {
  /** Where the call happened, for messages: "step 'x' (event seq 12)". */
  where(): string;
  /** The step's name. */
  readonly step: string;
  readonly eventSeq: number;
  mode(): StrictMode;
  /** Record mode: returns the recorded value (record: produce() and keep it). */
  ambient(name: string, produce: () => unknown): unknown;
}

let active: AmbientHandler | null = null;

/** Sets the handler for the step about to run (null after it). Cheap: one assignment. */
export function setActive(h: AmbientHandler | null): void {
  active = h;
}

export function getActive(): AmbientHandler | null {
  return active;
}

/**
 * Traps `h`'s calls again as its step resumes after a look-up settled: the step's code runs in
 * the microtasks that follow. Trapping ends when they have run, before anything else does, so
 * that whatever runs then — the host's code, or the step's own after an await on something
 * other than a look-up — is not taken for the step.
 */
export function resumeTrapped(h: AmbientHandler): void {
  active = h;
  // process.nextTick, queued from the microtask that settled the look-up, runs once the microtask
  // queue has drained (the step's code up to its next wait) and before any other callback: an I/O
  // callback of the host, or a timer it set before the run, never runs trapped. One at a time: a
  // replay whose look-ups settle at once queues one, not one per look-up.
  if (resumed === null) O.nextTick(endResumed);
  resumed = h;
}

/** The handler resumeTrapped last made active, while its end is queued. */
let resumed: AmbientHandler | null = null;

function endResumed(): void {
  if (active === resumed) active = null;
  resumed = null;
}

/** Runs `fn` with trapping suspended (e.g. a lookup's fetch function, which may do real I/O). */
export function suspended<T>(fn: () => T): T {
  const h = active;
  active = null;
  try {
    return fn();
  } finally {
    active = h;
  }
}

function violation(h: AmbientHandler, call: string, instead: string, canRecord: boolean): never {
  throw new HindsightError("DETERMINISM_VIOLATION", `${call} called inside ${h.where()}`, {
    where: "strict mode",
    // Strict "record" records values, not timers or clocks it cannot replay: say so, there.
    hint: canRecord
      ? `${instead}, or record with --strict record (library: strict: "record") to record ambient calls`
      : `${instead} (strict "record" cannot record this call)`,
    details: { call, step: h.step, eventSeq: h.eventSeq },
  });
}

/** Trapped call: returns the original result outside steps, else throws or records. */
function trap<T>(call: string, instead: string, original: () => T, canRecord = true): T {
  const h = active;
  if (h === null) return original();
  const mode = h.mode();
  if (mode === "off") return original();
  if (mode === "throw" || !canRecord) return violation(h, call, instead, canRecord);
  return h.ambient(call, original) as T;
}

// Originals, captured once at module load (before anything is patched).
const g = globalThis as typeof globalThis & {
  crypto?: { randomUUID?: () => string; getRandomValues?: <T>(a: T) => T };
};
const O = {
  Date: g.Date,
  dateNow: g.Date.now,
  random: Math.random,
  perfNow: g.performance?.now?.bind(g.performance),
  randomUUID: g.crypto?.randomUUID?.bind(g.crypto),
  getRandomValues: g.crypto?.getRandomValues?.bind(g.crypto),
  setTimeout: g.setTimeout,
  setInterval: g.setInterval,
  setImmediate: g.setImmediate,
  nextTick: process.nextTick,
  hrtime: process.hrtime,
  hrtimeBigint: process.hrtime.bigint,
};

let installed = 0;
const restore: (() => void)[] = [];

function patch(obj: object, key: string, value: unknown): void {
  const desc = Object.getOwnPropertyDescriptor(obj, key);
  if (desc) {
    Object.defineProperty(obj, key, { ...desc, value });
    restore.push(() => Object.defineProperty(obj, key, desc));
  } else {
    // Inherited (e.g. performance.now lives on Performance.prototype): shadow it on the instance.
    Object.defineProperty(obj, key, { value, writable: true, configurable: true, enumerable: false });
    restore.push(() => delete (obj as Record<string, unknown>)[key]);
  }
}

function makeDate(): DateConstructor {
  const OrigDate = O.Date;
  const dateNow = O.dateNow;
  const now = (): number => trap("Date.now()", "use ctx.now()", () => dateNow.call(OrigDate));
  function StrictDate(this: unknown, ...args: unknown[]): unknown {
    if (!new.target) {
      // The string itself is recorded: it depends on the time zone too, not only the clock.
      // (Recordings made before kept the milliseconds: a number is turned into the string.)
      const v = trap("Date()", "use ctx.now()", () => new OrigDate(dateNow.call(OrigDate)).toString());
      return typeof v === "number" ? new OrigDate(v).toString() : v;
    }
    if (args.length === 0) {
      const t = trap("new Date()", "use new Date(Number(ctx.now() / 1_000_000n))", () =>
        dateNow.call(OrigDate),
      );
      return Reflect.construct(OrigDate, [t], new.target);
    }
    return Reflect.construct(OrigDate, args, new.target);
  }
  Object.defineProperties(StrictDate, {
    prototype: { value: OrigDate.prototype, writable: false },
    now: { value: now, writable: true, configurable: true },
    parse: { value: OrigDate.parse, writable: true, configurable: true },
    UTC: { value: OrigDate.UTC, writable: true, configurable: true },
    // It stands in for Date, also as `Date.prototype.constructor`: named so.
    name: { value: "Date", configurable: true },
  });
  return StrictDate as unknown as DateConstructor;
}

/** The typed arrays crypto.getRandomValues fills (others throw TypeMismatchError). */
function isIntegerArray(a: unknown): boolean {
  // (util.types: arrays of another realm too.)
  return types.isTypedArray(a) && !types.isFloat32Array(a) && !types.isFloat64Array(a);
}

/** Installs the wrappers (reference-counted: each engine run calls install/uninstall once). */
export function install(): void {
  if (installed++ > 0) return;
  const strictDate = makeDate();
  patch(g, "Date", strictDate);
  // `new (someDate.constructor)()` reaches Date through the prototype: wrapped too.
  patch(O.Date.prototype as unknown as Record<string, unknown>, "constructor", strictDate);
  patch(Math, "random", () => trap("Math.random()", 'use ctx.random("name")', O.random));
  if (O.perfNow) {
    const perfNow = O.perfNow;
    patch(g.performance, "now", () => trap("performance.now()", "use ctx.now()", perfNow));
  }
  const c = g.crypto;
  if (c) {
    const target = c;
    if (O.randomUUID) {
      const f = O.randomUUID;
      patch(target, "randomUUID", () => trap("crypto.randomUUID()", 'use ctx.random("name")', f));
    }
    if (O.getRandomValues) {
      const f = O.getRandomValues;
      patch(target, "getRandomValues", <T extends ArrayBufferView | null>(arr: T): T => {
        const h = active;
        // What the original refuses (a Float64Array, a DataView...) it refuses in a step too.
        if (h === null || h.mode() === "off" || !isIntegerArray(arr)) return f(arr as never) as T;
        const hex = trap("crypto.getRandomValues()", 'use ctx.random("name")', () => {
          const tmp = new Uint8Array((arr as ArrayBufferView).byteLength);
          f(tmp);
          return Buffer.from(tmp).toString("hex");
        });
        const b = arr as ArrayBufferView;
        new Uint8Array(b.buffer, b.byteOffset, b.byteLength).set(Buffer.from(hex, "hex"));
        return arr;
      });
    }
  }
  const timer = (name: string, orig: (...a: never[]) => unknown) => {
    const wrapper = function (this: unknown, ...args: unknown[]) {
      if (active !== null && active.mode() !== "off")
        violation(active, `${name}()`, "use ctx.timers.at()/every() (ticks are recorded)", false);
      // A callback set outside a step runs as a turn of the event loop: never trapped, whatever
      // a step resumed by a look-up left behind.
      const cb = args[0];
      if (typeof cb === "function")
        args[0] = function (this: unknown, ...a: unknown[]) {
          active = null;
          return (cb as (...x: unknown[]) => unknown).apply(this, a);
        };
      return (orig as (...a: unknown[]) => unknown).apply(this, args);
    };
    // util.promisify(setTimeout) finds its promise form here.
    const custom = (orig as unknown as Record<symbol, unknown>)[promisify.custom];
    if (custom !== undefined) Object.defineProperty(wrapper, promisify.custom, { value: custom });
    return wrapper;
  };
  patch(g, "setTimeout", timer("setTimeout", O.setTimeout as never));
  patch(g, "setInterval", timer("setInterval", O.setInterval as never));
  patch(g, "setImmediate", timer("setImmediate", O.setImmediate as never));
  const hr = O.hrtime;
  const hrBig = O.hrtimeBigint;
  const strictHr = Object.assign(
    (prev?: [number, number]) =>
      trap("process.hrtime()", "use ctx.now()", () => hr.call(process, prev), false),
    {
      bigint: () => trap("process.hrtime.bigint()", "use ctx.now()", () => hrBig.call(process.hrtime), false),
    },
  );
  patch(process, "hrtime", strictHr);
  // performance.timeOrigin: when the process started, a clock reading like any other.
  const perf = g.performance as object | undefined;
  const origin = perf && Object.getOwnPropertyDescriptor(Object.getPrototypeOf(perf), "timeOrigin")?.get;
  if (perf && origin && !Object.getOwnPropertyDescriptor(perf, "timeOrigin")) {
    Object.defineProperty(perf, "timeOrigin", {
      configurable: true,
      enumerable: true,
      get: () => trap("performance.timeOrigin", "use ctx.now()", () => origin.call(perf) as number),
    });
    restore.push(() => delete (perf as unknown as Record<string, unknown>)["timeOrigin"]);
  }
}

export function uninstall(): void {
  if (installed === 0 || --installed > 0) return;
  for (let f = restore.pop(); f; f = restore.pop()) f();
}
