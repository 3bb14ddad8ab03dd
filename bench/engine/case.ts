/**
 * One timed case of `npm run bench -- engine`, run in a process of its own (bench/engine.ts
 * starts one per run), as `hindsight record`, `replay` and `verify` each run in theirs: no run
 * inherits another case's compiled code or heap. Not a benchmark by itself (bench/run.mjs
 * lists only bench/*.ts).
 *
 *   node --import tsx bench/engine/case.ts '<CaseSpec as JSON>'
 *
 * Prepares its input (outside the timing), runs the case once and prints one line of JSON
 * (CaseResult) on stdout.
 */
import doubleHalve from "../../examples/double-halve/app.js";
import { doubleHalveLines } from "../../examples/double-halve/generate.js";
import marketSpread from "../../examples/market-spread/app.js";
import { marketSpreadLines } from "../../examples/market-spread/generate.js";
import type { App } from "../../src/engine/app.js";
import { encodeUtf8 } from "../../src/engine/codec.js";
import { parseJson } from "../../src/engine/json.js";
import { LogReader } from "../../src/log/index.js";
import type { FsyncPolicy, Offload } from "../../src/log/writer.js";
import { startRun } from "../../src/recorder/app-run.js";
import { replay } from "../../src/replayer/replay.js";
import { type CpuSplit, splitCpu, threadCpu } from "../lib.js";

export type AppName = "market-spread" | "double-halve";

export type CaseSpec =
  | {
      kind: "run";
      app: AppName;
      /** Events pushed (the pool cycled, times shifted per cycle so they keep increasing). */
      events: number;
      /** Distinct events generated (seed 1). */
      pool: number;
      /** Record into this directory; omit for an unrecorded run. */
      out?: string;
      checkpointEvery: number;
      offload: Offload;
      fsync: FsyncPolicy;
    }
  | {
      kind: "replay";
      app: AppName;
      dir: string;
      /** Compare every output (what `hindsight verify` does). */
      compare: boolean;
      until?: number;
      useCheckpoints: boolean;
    };

export interface CaseResult {
  wallMs: number;
  /** Every thread's CPU (user + system), ms. */
  cpuMs: number;
  /** By thread (Linux only). */
  split?: CpuSplit;
  eventsReplayed?: number;
  /** Event the replay started after (from a checkpoint), or null from the start. */
  startedFrom?: number | null;
}

const APPS: Record<AppName, App> = { "market-spread": marketSpread, "double-halve": doubleHalve };

interface Data {
  stream: Uint8Array;
  payload: Uint8Array[];
  ts: bigint[];
}

function prepare(app: AppName, pool: number): Data {
  const lines: Iterable<{ stream: string; line: string }> =
    app === "market-spread"
      ? marketSpreadLines({ seed: 1, quotes: Math.round(pool * 0.8), orders: Math.round(pool * 0.2) })
      : (function* () {
          for (const line of doubleHalveLines({ seed: 1, count: pool })) yield { stream: "numbers", line };
        })();
  const streams = Object.keys(APPS[app].inputs);
  const payload: Uint8Array[] = [];
  const ts: bigint[] = [];
  const st: number[] = [];
  for (const l of lines) {
    payload.push(encodeUtf8(l.line));
    ts.push(BigInt((parseJson(l.line) as { ts: bigint | number }).ts));
    st.push(streams.indexOf(l.stream));
  }
  return { stream: Uint8Array.from(st), payload, ts };
}

/** Pushes `n` events of `d` through `startRun` (the embedding API the CLI uses). */
async function run(spec: Extract<CaseSpec, { kind: "run" }>, d: Data): Promise<void> {
  const r = await startRun(APPS[spec.app], {
    ...(spec.out
      ? {
          out: spec.out,
          checkpointEvery: spec.checkpointEvery,
          writer: { offload: spec.offload, fsync: spec.fsync },
        }
      : {}),
  });
  const pool = d.payload.length;
  const span = (d.ts[pool - 1] as bigint) - (d.ts[0] as bigint) + 1n;
  let shift = 0n;
  for (let i = 0, k = 0; i < spec.events; i++, k++) {
    if (k === pool) {
      k = 0;
      shift += span;
    }
    const p = r.push(d.stream[k] as number, d.payload[k] as Uint8Array, (d.ts[k] as bigint) + shift);
    if (p !== undefined) await p;
  }
  await r.stop();
}

async function main(): Promise<void> {
  const spec = JSON.parse(process.argv[2] ?? "") as CaseSpec;
  const data = spec.kind === "run" ? prepare(spec.app, Math.min(spec.pool, spec.events)) : undefined;
  const reader = spec.kind === "replay" ? LogReader.open(spec.dir) : undefined;
  const extra: Partial<CaseResult> = {};
  const t0 = threadCpu();
  const c0 = process.cpuUsage();
  const w0 = performance.now();
  if (spec.kind === "run") await run(spec, data as Data);
  else {
    const res = await replay(reader as LogReader, APPS[spec.app], {
      compareOutputs: spec.compare,
      useCheckpoints: spec.useCheckpoints,
      ...(spec.until !== undefined ? { until: spec.until } : {}),
    });
    if (res.divergence) throw new Error(`benchmark recording diverged: ${res.divergence.message}`);
    extra.eventsReplayed = res.eventsReplayed;
    extra.startedFrom = res.startedFrom ? res.startedFrom.eventSeq : null;
  }
  const wallMs = performance.now() - w0;
  const c = process.cpuUsage(c0);
  const t1 = threadCpu();
  reader?.close();
  const result: CaseResult = {
    wallMs,
    cpuMs: (c.user + c.system) / 1000,
    ...(t0 && t1 ? { split: splitCpu(t0, t1) } : {}),
    ...extra,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

await main();
