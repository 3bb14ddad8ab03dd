/**
 * What the torture harness runs: a pipeline of stages, each in its own worker process, fed
 * by a source that knows the expected output.
 *
 * `double-halve` is built in (plain functions n → 2n → n, JSON numbers on the wire); any
 * other `--app` is a module path whose app is split into stages by the engine
 * (./engine-stages.ts).
 */
import { HindsightError } from "../errors.js";
import type { LogRecord } from "../format/records.js";
import { splitmix64 } from "./prng.js";

/** One stage of a pipeline, as run inside a worker: a message in, zero or more messages out. */
export interface StageRuntime {
  /**
   * `eventSeq` is the log sequence number of the input record the worker wrote for this
   * message, `timeNs` its (logical) event time. The worker records the returned outputs.
   */
  handle(payload: Uint8Array, eventSeq: number, timeNs: bigint): Uint8Array[] | Promise<Uint8Array[]>;
  close?(): void | Promise<void>;
}

/** What a stage may use of its worker: the run's seed and the worker's log (for decisions). */
export interface StageContext {
  readonly seed: bigint;
  /** Appends a record to the worker's log; returns its sequence number. */
  readonly record: (r: LogRecord) => number;
  /** Replaying a recording: decision values come from here instead of being produced. */
  readonly recorded?: RecordedDecisions;
}

/** The decisions of a recording, served back in order during a replay. */
export interface RecordedDecisions {
  /**
   * The value of the next decision of event `eventSeq`. Throws DIVERGENCE when the recording
   * has no such decision there, or one of another kind or name.
   */
  next(
    eventSeq: number,
    kind: number,
    name: string,
    step: string,
  ): { value: Uint8Array; contentHash: Uint8Array };
  /** A look-up value by content hash. Throws DIVERGENCE when the recording lacks it. */
  blob(hash: Uint8Array): Uint8Array;
}

export interface PipelineApp {
  /** App name (recorded in each log's manifest). */
  readonly name: string;
  /** What `--app` said; a worker loads the app again from this. */
  readonly module: string;
  /** Stage names, in pipeline order: one worker process each. */
  readonly stages: readonly string[];
  /** Payload codec name of the source stream (manifest). */
  readonly codec: string;
  openStage(name: string, ctx: StageContext): Promise<StageRuntime>;
  /**
   * Names of a stage's input stream and sink in its recording (for an engine app, those of
   * the stage app, so the log has the stage's shape). Defaults to the link names.
   */
  stageStreams?(name: string): { input: string; sink: string };
  /** The source's `n` input payloads for `seed` (deterministic). */
  inputs(seed: bigint, n: number): Uint8Array[];
  /** What the sink must receive, in order, for these inputs (a run with this seed, in one process, without faults). */
  expected(inputs: readonly Uint8Array[], seed: bigint): Promise<Uint8Array[]>;
  /** A payload as a short human-readable text, for reports. */
  show(payload: Uint8Array): string;
  /** Why the first stage cannot read `payload` (an --input line), or undefined when it can. */
  checkInput?(payload: Uint8Array): string | undefined;
}

const enc = new TextEncoder();
const dec = new TextDecoder();

export const BUILTIN_DOUBLE_HALVE = "double-halve";

/** Seeded input integers in [-1e6, 1e6]: doubling and halving them is exact. */
export function doubleHalveInputs(seed: bigint, n: number): Uint8Array[] {
  const s = seed ^ 0x5eed_1e55_d0b1_e4a1n;
  return Array.from({ length: n }, (_, i) =>
    enc.encode(String(Number(splitmix64(s, i) % 2_000_001n) - 1_000_000)),
  );
}

function numberOf(payload: Uint8Array, where: string): number {
  const n = Number(dec.decode(payload));
  if (!Number.isFinite(n))
    throw new HindsightError("BAD_INPUT", `"${dec.decode(payload).slice(0, 40)}" is not a number`, {
      where,
      hint: "double-halve carries JSON numbers",
    });
  return n;
}

/** The built-in double-halve pipeline: `double` and `halve` as plain functions. */
export const doubleHalve: PipelineApp = {
  name: "double-halve",
  module: BUILTIN_DOUBLE_HALVE,
  stages: ["double", "halve"],
  codec: "json",
  async openStage(name, _ctx) {
    if (name === "double") return { handle: (p) => [enc.encode(String(numberOf(p, "stage double") * 2))] };
    if (name === "halve") return { handle: (p) => [enc.encode(String(numberOf(p, "stage halve") / 2))] };
    throw new HindsightError("USAGE", `double-halve has no stage "${name}"`, {
      hint: "its stages are double, halve",
    });
  },
  inputs: doubleHalveInputs,
  checkInput(p) {
    return Number.isFinite(Number(dec.decode(p)))
      ? undefined
      : "it is not a number (double-halve carries JSON numbers)";
  },
  async expected(inputs, _seed) {
    return inputs.map((p) => p.slice());
  },
  show: (p) => dec.decode(p),
};

/**
 * Loads the pipeline `--app` names. Throws APP_LOAD when the module cannot be loaded or has
 * no app, APP_INVALID when it cannot be split into stages.
 */
export async function loadPipelineApp(app: string, cwd: string): Promise<PipelineApp> {
  if (app === BUILTIN_DOUBLE_HALVE) return doubleHalve;
  // A worker runs many seeds: load (and transpile) the module once per process.
  const key = `${cwd}\0${app}`;
  let p = loaded.get(key);
  if (!p) {
    p = import("./engine-stages.js").then(({ loadEngineApp }) => loadEngineApp(app, cwd));
    p.catch(() => loaded.delete(key));
    loaded.set(key, p);
  }
  return p;
}

const loaded = new Map<string, Promise<PipelineApp>>();
