/**
 * An engine app as a torture pipeline: each step of a linear app (one input stream, one
 * sink, every step reading the one before it) runs as a stage (stageOf) in its own worker,
 * on hindsight's engine. A stage's decisions (clock, random, look-ups) are recorded in the
 * worker's log under the event they belong to, as the recorder does.
 *
 * Times are logical so runs repeat byte for byte: an event's time is its link sequence number
 * (in ns) and ctx.now() reads that time.
 *
 * Inputs come from a seeded generator of double-halve-shaped events (`{"ts":…,"n":…}`)
 * unless the caller gives its own (`inputLinesFromFile`, torture's --input).
 */
import { type App, sinksOf, sourcesOf } from "../engine/app.js";
import type { DecisionPort, DecisionRequest, EngineOutput } from "../engine/engine.js";
import { Engine, failedLookup } from "../engine/engine.js";
import { stageOf } from "../engine/stage.js";
import { HindsightError } from "../errors.js";
import { DecisionKind } from "../format/records.js";
import { loadApp } from "../recorder/app-load.js";
import { DecisionLog, fetchLookup } from "../recorder/decision-log.js";
import type { PipelineApp, StageContext, StageRuntime } from "./apps.js";
import { splitmix64 } from "./prng.js";

const enc = new TextEncoder();
const dec = new TextDecoder();

/** The steps of a linear app in pipeline order. Throws APP_INVALID naming why the app is not linear. */
export function linearSteps(app: App): string[] {
  const bad = (why: string): never => {
    throw new HindsightError("APP_INVALID", `app ${app.name} cannot run as a torture pipeline: ${why}`, {
      hint: "torture runs apps whose steps form one chain: one input stream → step → step → … → one sink",
    });
  };
  const inputs = Object.keys(app.inputs);
  const sinks = Object.keys(app.sinks);
  if (inputs.length !== 1) bad(`it has ${inputs.length} input streams`);
  if (sinks.length !== 1) bad(`it has ${sinks.length} sinks`);
  const order: string[] = [];
  let prev = inputs[0]!;
  const steps = Object.entries(app.steps);
  for (;;) {
    const readers = steps.filter(([, d]) => sourcesOf(d).includes(prev));
    if (readers.length === 0) break;
    if (readers.length > 1) bad(`${prev} is read by ${readers.map(([n]) => n).join(" and ")}`);
    const [name, def] = readers[0]!;
    if (sourcesOf(def).length !== 1) bad(`step ${name} reads from ${sourcesOf(def).join(" and ")}`);
    order.push(name);
    prev = name;
  }
  if (order.length !== steps.length) bad("some steps are not on the chain from the input");
  const last = app.steps[order[order.length - 1]!];
  if (!last || !sinksOf(last).includes(sinks[0]!)) bad(`the last step does not write sink ${sinks[0]}`);
  for (const n of order.slice(0, -1))
    if (sinksOf(app.steps[n]!).length > 0) bad(`step ${n} writes a sink before the end of the chain`);
  return order;
}

/** Records a stage's decisions into the worker's log, as the recorder does; collects its outputs. */
class StagePort implements DecisionPort {
  private eventSeq = -1;
  private timeNs = 0n;
  private index = 0;
  private readonly log: DecisionLog;
  outputs: Uint8Array[] = [];

  constructor(
    record: StageContext["record"],
    private readonly recorded?: StageContext["recorded"],
  ) {
    this.log = new DecisionLog(record);
  }

  beginEvent(eventSeq: number, timeNs: bigint): void {
    this.eventSeq = eventSeq;
    this.timeNs = timeNs;
    this.index = 0;
  }

  decide(req: DecisionRequest, produce: () => Uint8Array): Uint8Array {
    const value = this.recorded
      ? this.recorded.next(this.eventSeq, req.kind, req.name, req.step).value
      : produce();
    this.log.decision(req, this.eventSeq, this.index++, this.timeNs, value);
    return value;
  }

  lookup(req: DecisionRequest, fetch: () => Uint8Array | Promise<Uint8Array>): Promise<Uint8Array> {
    const index = this.index++;
    const { eventSeq, timeNs } = this;
    if (this.recorded) {
      const d = this.recorded.next(eventSeq, DecisionKind.lookup, req.name, req.step);
      // Recorded as failed: fail the same way.
      const failed = failedLookup({ kind: DecisionKind.lookup, ...d });
      if (failed !== undefined) return Promise.reject(new Error(failed));
      return Promise.resolve(this.recorded.blob(d.contentHash));
    }
    return fetchLookup(fetch, (o) => this.log.lookup(req, eventSeq, index, timeNs, o));
  }

  output(o: EngineOutput): void {
    this.outputs.push(o.bytes);
  }

  endEvent(): void {}
}

/** Runs `app` (or a stage of it) on the engine with a deterministic clock; outputs are collected. */
function engineRunner(
  app: App,
  seed: bigint,
  record: StageContext["record"],
  recorded?: StageContext["recorded"],
): StageRuntime {
  const port = new StagePort(record, recorded);
  let now = 0n;
  const engine = new Engine(app, { port, seed: seed.toString(), clock: () => now, strict: "throw" });
  engine.start();
  return {
    handle(payload, eventSeq, timeNs) {
      now = timeNs;
      port.outputs = [];
      const r = engine.handleInput(eventSeq, 0, payload, timeNs);
      if (r === undefined) return port.outputs;
      return r.then(() => port.outputs);
    },
    close() {
      engine.dispose();
    },
  };
}

/** Seeded double-halve-shaped events: `{"ts":<ns>,"n":<integer>}`, |n| < 2^40. */
export function numberEvents(seed: bigint, n: number): Uint8Array[] {
  const s = seed ^ 0x0dd5_eed5_0f_1e55n;
  const t0 = 1_800_000_000_000_000_000n;
  return Array.from({ length: n }, (_, i) => {
    const r = splitmix64(s, i);
    const v = Number(r % 2n ** 41n) - 2 ** 40;
    return enc.encode(`{"ts":${t0 + BigInt(i) * 1000n},"n":${v}}`);
  });
}

/** Loads a module app as a torture pipeline. Throws like loadApp, and APP_INVALID when it is not linear. */
export async function loadEngineApp(module: string, cwd: string): Promise<PipelineApp> {
  const loaded = await loadApp(module, cwd);
  const app = loaded.app;
  const steps = linearSteps(app);
  const input = Object.keys(app.inputs)[0]!;
  return {
    name: app.name,
    module,
    stages: steps,
    codec: app.inputs[input]!.name,
    checkInput(p) {
      try {
        app.inputs[input]!.decode(p);
        return undefined;
      } catch (e) {
        return `it does not decode with codec ${app.inputs[input]!.name}: ${(e as Error).message}`;
      }
    },
    async openStage(name, ctx) {
      if (!steps.includes(name))
        throw new HindsightError("USAGE", `app ${app.name} has no step "${name}"`, {
          hint: `its steps are ${steps.join(", ")}`,
        });
      return engineRunner(stageOf(app, [name], `${app.name}[${name}]`), ctx.seed, ctx.record, ctx.recorded);
    },
    stageStreams(name) {
      const stage = stageOf(app, [name]);
      return { input: Object.keys(stage.inputs)[0]!, sink: Object.keys(stage.sinks)[0]! };
    },
    inputs: numberEvents,
    async expected(inputs, seed) {
      // The sender knows the expected output: the whole app, in one process, without faults.
      const run = engineRunner(app, seed, () => 0);
      const out: Uint8Array[] = [];
      try {
        for (const [i, p] of inputs.entries()) {
          const r = run.handle(p, i, BigInt(i) + 1n); // as the stages see it
          out.push(...(r instanceof Promise ? await r : r));
        }
      } finally {
        await run.close?.();
      }
      return out;
    },
    show: (p) => dec.decode(p),
  };
}
