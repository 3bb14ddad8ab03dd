/**
 * Fault injection: double-halve events/s across 3 processes on 127.0.0.1, without and with faults, and the time to recover from a dropped connection.
 *
 *   npm run bench -- faults [--events 50000] [--runs 3] [--app examples/double-halve/app.ts]
 *                           [--faults drop=0.001,delay=0.001,dup=0.01] [--drops drop=0.002,gap=100]
 *
 * Each run is one torture run (source and sink in this process, `double` and `halve` each in a
 * worker process, every process writing its own log, all links through the fault injector),
 * timed from the first message sent to the sink's end of stream and the logs sealed. Workers
 * are started once and reused, so process start-up is not in the figures. The baseline is the
 * same app in one process on the engine, without network or logs.
 * Recovery: for every dropped connection on any link, the time from the drop to the next
 * message delivered on that link (reconnect, HELLO, resend), over all runs of the --drops case.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadPipelineApp } from "../src/faults/apps.js";
import { runSeed, type SeedRun, WorkerPool } from "../src/faults/pipeline.js";
import { type FaultOptions, parseFaultSpec } from "../src/faults/plan.js";
import { LinkReceiver, LinkSender } from "../src/net/link.js";
import {
  benchArgs,
  formatMs,
  formatRate,
  header,
  median,
  nowMs,
  percentiles,
  printTable,
  ratio,
} from "./lib.js";

const args = benchArgs({
  events: 50_000,
  runs: 3,
  app: "examples/double-halve/app.ts",
  faults: "drop=0.001,delay=0.001,dup=0.01",
  drops: "drop=0.002,gap=100",
});

header("fault injection: double-halve across 3 processes");
const cwd = process.cwd();
const app = await loadPipelineApp(args.app, cwd);
const pool = new WorkerPool(cwd);
const scratch = mkdtempSync(join(tmpdir(), "hindsight-bench-faults-"));

interface Case {
  name: string;
  ms: number[];
  /** CPU time of all processes (harness + workers) per run, ms. */
  cpuMs: number[];
  runs: SeedRun[];
}

const cpuMsSince = (u: NodeJS.CpuUsage): number => {
  const d = process.cpuUsage(u);
  return (d.user + d.system) / 1000;
};

async function pipelineCase(name: string, faults: FaultOptions): Promise<Case> {
  const c: Case = { name, ms: [], cpuMs: [], runs: [] };
  // One untimed run first (JIT warm-up in every process).
  for (let i = 0; i <= args.runs; i++) {
    const dir = join(scratch, `${name.replace(/\W+/g, "-")}-${i}`);
    const t0 = nowMs();
    const cpu0 = process.cpuUsage();
    const run = await runSeed({ app, seed: BigInt(i + 1), events: args.events, faults, dir, cwd, pool });
    const ms = nowMs() - t0;
    const cpuMs = cpuMsSince(cpu0) + [...run.workerStats.values()].reduce((n, s) => n + s.cpuUs / 1000, 0);
    rmSync(dir, { recursive: true, force: true });
    const expected = await app.expected(run.inputs, BigInt(i + 1));
    const ok =
      run.outcome === "finished" &&
      run.received.length === expected.length &&
      run.received.every((p, j) => Buffer.from(p).equals(Buffer.from(expected[j]!)));
    if (!ok)
      throw new Error(`${name}: run ${i} did not deliver exactly once (${run.outcome} ${run.problem ?? ""})`);
    if (i > 0) {
      c.ms.push(ms);
      c.cpuMs.push(cpuMs);
      c.runs.push(run);
    }
  }
  return c;
}

/** One link, both ends in this process, no logs, no faults: what the crossing itself costs. */
async function linkOnly(payloads: Uint8Array[]): Promise<void> {
  let got = 0;
  const r = await LinkReceiver.listen({
    name: "bench",
    deliver: () => {
      got++;
      return true;
    },
  });
  const snd = new LinkSender({ name: "bench", port: r.port });
  try {
    for (const p of payloads) if (!snd.send(p)) await snd.whenWritable();
    await snd.end();
    await r.finished;
  } finally {
    snd.close();
    r.close();
  }
  if (got !== payloads.length) throw new Error(`link delivered ${got} of ${payloads.length}`);
}

try {
  // Baseline: the whole app in one process (what the harness uses as the expected output).
  const inputs = app.inputs(1n, args.events);
  const base: number[] = [];
  const baseCpu: number[] = [];
  for (let i = 0; i <= args.runs; i++) {
    const t0 = nowMs();
    const cpu0 = process.cpuUsage();
    await app.expected(inputs, 1n);
    if (i > 0) {
      base.push(nowMs() - t0);
      baseCpu.push(cpuMsSince(cpu0));
    }
  }
  const link: number[] = [];
  const linkCpu: number[] = [];
  for (let i = 0; i <= args.runs; i++) {
    const t0 = nowMs();
    const cpu0 = process.cpuUsage();
    await linkOnly(inputs);
    if (i > 0) {
      link.push(nowMs() - t0);
      linkCpu.push(cpuMsSince(cpu0));
    }
  }
  const clean = await pipelineCase("3 processes, no faults", parseFaultSpec("none"));
  const faulty = await pipelineCase(`3 processes, ${args.faults}`, parseFaultSpec(args.faults));
  const drops = await pipelineCase(`3 processes, ${args.drops}`, parseFaultSpec(args.drops));

  const perEvent = (cpuMs: number) => formatMs(cpuMs / args.events);
  const rows: (string | number)[][] = [
    [
      "one process, engine only (baseline)",
      formatRate(args.events, median(base)),
      "1.00×",
      formatMs(median(base)),
      perEvent(median(baseCpu)),
      formatRate(args.events, median(baseCpu)),
      "-",
    ],
  ];
  rows.push([
    "one link in one process, no logs (transport only)",
    formatRate(args.events, median(link)),
    ratio(median(link), median(base)),
    formatMs(median(link)),
    perEvent(median(linkCpu)),
    formatRate(args.events, median(linkCpu)),
    "-",
  ]);
  for (const c of [clean, faulty, drops]) {
    const faults =
      c.runs.reduce((n, r) => n + [...r.faults.values()].reduce((m, l) => m + l.length, 0), 0) /
      c.runs.length;
    rows.push([
      c.name,
      formatRate(args.events, median(c.ms)),
      ratio(median(c.ms), median(base)),
      formatMs(median(c.ms)),
      perEvent(median(c.cpuMs)),
      formatRate(args.events, median(c.cpuMs)),
      Math.round(faults),
    ]);
  }
  console.log(`\n${args.events} events per run, median of ${args.runs} runs (after 1 warm-up run)`);
  console.log(
    "CPU = user + system time of every process (harness and workers), the steadier figure on a shared machine",
  );
  printTable(
    ["case", "events/s", "time ÷ baseline", "time/run", "CPU/event", "events per CPU-s", "faults/run"],
    rows,
  );

  const rec: number[] = [];
  for (const c of [faulty, drops])
    for (const r of c.runs) {
      rec.push(...r.sink.recoveryMs);
      for (const s of r.workerStats.values()) rec.push(...s.recoveryMs);
    }
  if (rec.length > 0) {
    const [p50, p90, p99, max] = percentiles(rec, [50, 90, 99, 100]);
    console.log(`\nrecovery from a dropped connection (drop → next message delivered), ${rec.length} drops`);
    printTable(
      ["median", "p90", "p99", "max"],
      [[formatMs(p50!), formatMs(p90!), formatMs(p99!), formatMs(max!)]],
    );
  }
} finally {
  await pool.close();
  rmSync(scratch, { recursive: true, force: true });
}
