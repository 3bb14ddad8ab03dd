/**
 * The appending thread's cost per input record: the record encoder alone vs the log writer
 * with the block-writer thread and without it, over realistic market-spread input, appended
 * field by field (`RecordEncoder.input`, `LogWriter.appendInput`) as the recorder does once
 * per event. (From a record object, `encode` / `append`, measured the same within noise when
 * each ran in a process of its own: docs/PERFORMANCE.md.)
 *
 *   npm run bench -- append [--records 1000000] [--runs 5]
 *
 * Input lines come from the seeded market-spread generator, prepared in memory first (each
 * record's payload is its own buffer, as pushed events are). "main-thread CPU" is the CPU time
 * of the main thread alone (Linux: /proc; 10 ms resolution), i.e. what recording costs the
 * thread that runs the app; wall time also counts waiting for the block-writer thread, which
 * here (no app work between appends) is the slower side. fsync is "never" so that the disk
 * does not colour the figures. Runs alternate between the three cases; medians are reported.
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import { marketSpreadLines } from "../examples/market-spread/generate.js";
import { RecordEncoder } from "../src/codec/record-codec.js";
import { encodeUtf8 } from "../src/engine/codec.js";
import { parseJson } from "../src/engine/json.js";
import { LogWriter, type Offload } from "../src/log/writer.js";
import { benchArgs, formatCount, formatMs, header, median, printTable, threadCpu } from "./lib.js";

const args = benchArgs({ records: 1_000_000, runs: 5 });
header("hindsight bench: append");
const dir = join(".bench", "append");
const N = args.records;

const EMPTY = new Uint8Array(0);
const payload: Uint8Array[] = [];
const ts: bigint[] = [];
const stream: number[] = [];
for (const l of marketSpreadLines({ seed: 1, quotes: Math.round(N * 0.8), orders: Math.round(N * 0.2) })) {
  payload.push(encodeUtf8(l.line));
  ts.push(BigInt((parseJson(l.line) as { ts: bigint | number }).ts));
  stream.push(l.stream === "quotes" ? 0 : 1);
}
const n = payload.length;
const init = {
  streams: [
    { name: "quotes", codec: "json-lines", source: "-" },
    { name: "orders", codec: "json-lines", source: "-" },
  ],
};

/** Main-thread CPU in ms (undefined off Linux). */
const mainCpu = (): number | undefined => threadCpu()?.threads.get(process.pid);

interface Sample {
  wall: number;
  cpu: number | undefined;
}

function encoderOnly(): Sample {
  const enc = new RecordEncoder(128 * 1024);
  const c0 = mainCpu();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    if (enc.pos >= 64 * 1024) enc.reset();
    enc.input(ts[i] as bigint, stream[i] as number, i, EMPTY, payload[i] as Uint8Array);
  }
  const wall = performance.now() - t0;
  const c1 = mainCpu();
  return { wall, cpu: c0 === undefined || c1 === undefined ? undefined : c1 - c0 };
}

function writer(offload: Offload): Sample {
  rmSync(dir, { recursive: true, force: true });
  const w = LogWriter.create(dir, init, { offload, fsync: "never" });
  const c0 = mainCpu();
  const t0 = performance.now();
  for (let i = 0; i < n; i++)
    w.appendInput(ts[i] as bigint, stream[i] as number, i, EMPTY, payload[i] as Uint8Array);
  w.flush();
  const wall = performance.now() - t0;
  const c1 = mainCpu();
  w.close();
  return { wall, cpu: c0 === undefined || c1 === undefined ? undefined : c1 - c0 };
}

const cases: [string, () => Sample][] = [
  ["record encoder alone (RecordEncoder.input)", encoderOnly],
  ["LogWriter.appendInput, block-writer thread", () => writer("thread")],
  ["LogWriter.appendInput, all on the appending thread", () => writer("none")],
];
const samples = new Map<string, Sample[]>(cases.map(([name]) => [name, []]));
for (const [, f] of cases) f(); // warm-up: JIT, and the thread's first start
for (let r = 0; r < args.runs; r++)
  for (const [name, f] of r % 2 ? [...cases].reverse() : cases) samples.get(name)?.push(f());
rmSync(dir, { recursive: true, force: true });

const perRecord = (ms: number) => `${((ms / n) * 1e6).toFixed(0)} ns`;
const rows = cases.map(([name]) => {
  const s = samples.get(name) ?? [];
  const wall = median(s.map((x) => x.wall));
  const cpus = s.map((x) => x.cpu).filter((x): x is number => x !== undefined);
  const cpu = cpus.length > 0 ? median(cpus) : undefined;
  return [name, formatMs(wall), perRecord(wall), cpu === undefined ? "n/a" : perRecord(cpu)];
});
console.log(`${formatCount(n)} input records (market-spread lines), medians of ${args.runs} runs\n`);
printTable(["case", "wall", "wall per record", "main-thread CPU per record"], rows);
