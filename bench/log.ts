/**
 * The recording log: write and read throughput, bytes on disk, append latency and seek time,
 * against a naive JSON-lines recorder/reader measured in the same run.
 *
 *   npm run bench -- log [--events 2000000] [--runs 3] [--seekEvents 10000000] [--seeks 1000]
 *
 * Events are ~60-byte market-data JSON payloads with exact nanosecond times, prepared in
 * memory first so neither side pays for generating them. The library writes with the default
 * options (64 KiB LZ4 blocks, fsync=interval); the baseline writes one JSON object per event
 * ({seq, stream, ts, payload}) through 64 KiB buffered writes and reads it back with JSON.parse.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { join } from "node:path";
import { rec } from "../src/format/records.js";
import { LogReader } from "../src/log/reader.js";
import { LogWriter } from "../src/log/writer.js";
import {
  benchArgs,
  diskBytes,
  formatBytes,
  formatCount,
  formatMs,
  formatPercent,
  formatRate,
  header,
  median,
  percentiles,
  printTable,
  ratio,
  Samples,
} from "./lib.js";

const args = benchArgs({ events: 2_000_000, runs: 3, seekEvents: 10_000_000, seeks: 1000 });
header("hindsight bench: log");
const dir = join(".bench", "log");
rmSync(dir, { recursive: true, force: true });

/** Runs `fn` (after one warm-up) `runs` times; wall and CPU (user+system) milliseconds of each run. */
async function timed(fn: () => unknown, before?: () => void): Promise<{ wall: number[]; cpu: number[] }> {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i <= args.runs; i++) {
    before?.();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await fn();
    const t = performance.now() - t0;
    const c = process.cpuUsage(c0);
    if (i > 0) {
      wall.push(t);
      cpu.push((c.user + c.system) / 1000);
    }
  }
  return { wall, cpu };
}

// --- data -------------------------------------------------------------------------------------
const T0 = 1_794_061_800_000_000_000n;
const SYMBOLS = Array.from({ length: 500 }, (_, i) => `S${String(i).padStart(3, "0")}`);
const enc = new TextEncoder();
let x = 88172645463325252n;
function rnd(): number {
  x ^= x << 13n;
  x &= 0xffff_ffff_ffff_ffffn;
  x ^= x >> 7n;
  x ^= x << 17n;
  x &= 0xffff_ffff_ffff_ffffn;
  return Number(x & 0xffff_ffffn) / 2 ** 32;
}
const POOL = 200_000;
const payloads: Uint8Array[] = [];
const texts: string[] = [];
for (let i = 0; i < POOL; i++) {
  const bid = 100 + Math.floor(rnd() * 40000) / 100;
  const t = `{"s":"${SYMBOLS[i % 500]}","b":${bid.toFixed(2)},"a":${(bid + 0.01 + Math.floor(rnd() * 4) / 100).toFixed(2)},"bs":${100 * (1 + Math.floor(rnd() * 9))},"as":${100 * (1 + Math.floor(rnd() * 9))}}`;
  texts.push(t);
  payloads.push(enc.encode(t));
}
const times: bigint[] = Array.from({ length: POOL }, (_, i) => T0 + BigInt(i) * 1_000_003n);
const avgPayload = payloads.reduce((a, p) => a + p.length, 0) / POOL;
const STREAMS = [{ name: "quotes", codec: "json-lines", source: "-" }];
console.log(`${formatCount(args.events)} events, payload ${avgPayload.toFixed(1)} bytes on average\n`);

// --- write --------------------------------------------------------------------------------------
const logDir = join(dir, "rec");
function writeLog(n: number, out: string): LogWriter {
  const w = LogWriter.create(out, { streams: STREAMS });
  // Event times as a caller would hold them: one bigint per event, increasing.
  let t = T0;
  for (let i = 0; i < n; i++) {
    t += 1_000_003n;
    w.append(rec.input({ stream: 0, streamSeq: i, timeNs: t, payload: payloads[i % POOL]! }));
  }
  w.close();
  return w;
}
const jsonlFile = join(dir, "baseline.jsonl");
/** The naive recorder: one JSON object and one write() per event. */
function writeJsonlNaive(n: number): void {
  const fd = openSync(jsonlFile, "w");
  for (let i = 0; i < n; i++) {
    const k = i % POOL;
    writeSync(
      fd,
      `${JSON.stringify({ seq: i, stream: "quotes", ts: String(times[k]!), payload: texts[k] })}\n`,
    );
  }
  closeSync(fd);
}
/** A stronger baseline: the same lines, written in 64 KiB batches. */
function writeJsonl(n: number): void {
  const fd = openSync(jsonlFile, "w");
  let buf: string[] = [];
  let size = 0;
  for (let i = 0; i < n; i++) {
    const k = i % POOL;
    const line = JSON.stringify({ seq: i, stream: "quotes", ts: String(times[k]!), payload: texts[k] });
    buf.push(line);
    size += line.length + 1;
    if (size >= 65536) {
      writeSync(fd, `${buf.join("\n")}\n`);
      buf = [];
      size = 0;
    }
  }
  if (buf.length) writeSync(fd, `${buf.join("\n")}\n`);
  closeSync(fd);
}

const wLog = await timed(
  () => writeLog(args.events, logDir),
  () => rmSync(logDir, { recursive: true, force: true }),
);
const wNaive = await timed(
  () => writeJsonlNaive(args.events),
  () => rmSync(jsonlFile, { force: true }),
);
const wJson = await timed(
  () => writeJsonl(args.events),
  () => rmSync(jsonlFile, { force: true }),
);

// --- read ---------------------------------------------------------------------------------------
let sink = 0;
const rLog = await timed(() => {
  const r = LogReader.open(logDir);
  for (const x of r.records()) if (x.type === "input") sink += x.payload.length;
  r.close();
});
const rJson = await timed(() => {
  const text = readFileSync(jsonlFile, "utf8");
  let start = 0;
  for (;;) {
    const nl = text.indexOf("\n", start);
    if (nl < 0) break;
    const o = JSON.parse(text.slice(start, nl)) as { ts: string; payload: string };
    sink += Buffer.from(o.payload).length + (BigInt(o.ts) > 0n ? 1 : 0);
    start = nl + 1;
  }
});
const logBytes = diskBytes(logDir);
const jsonBytes = diskBytes(jsonlFile);

const rate = (ms: number[]) => (args.events * 1000) / median(ms);
type T = { wall: number[]; cpu: number[] };
const row = (name: string, t: T, base: T, base2?: T) => [
  name,
  formatMs(median(t.wall)),
  formatRate(args.events, median(t.wall)),
  formatRate(args.events, median(t.cpu)),
  `${ratio(rate(t.wall), rate(base.wall))} / ${ratio(rate(t.cpu), rate(base.cpu))}`,
  base2 ? `${ratio(rate(t.wall), rate(base2.wall))} / ${ratio(rate(t.cpu), rate(base2.cpu))}` : "",
];
printTable(
  [
    "case",
    "median wall",
    "events/s (wall)",
    "events/s (CPU)",
    "vs naive JSONL (wall / CPU)",
    "vs batched JSONL",
  ],
  [
    row("write: hindsight log (lz4, fsync=interval)", wLog, wNaive, wJson),
    row("write: naive JSON-lines, one write per event", wNaive, wNaive, wJson),
    row("write: JSON-lines in 64 KiB writes", wJson, wNaive, wJson),
    row("read: hindsight log", rLog, rJson),
    row("read: JSON-lines, JSON.parse per line (baseline)", rJson, rJson),
  ],
);
console.log(
  "(events/s (CPU) = events per second of this process's CPU time: the one-core rate, whatever else runs)",
);
console.log("");
printTable(
  ["bytes on disk", "size", "vs JSON-lines"],
  [
    [
      "hindsight log (segments + index + manifest)",
      formatBytes(logBytes),
      formatPercent(logBytes / jsonBytes),
    ],
    ["naive JSON-lines (baseline)", formatBytes(jsonBytes), "100%"],
    [
      "raw payload bytes",
      formatBytes(Math.round(avgPayload * args.events)),
      formatPercent((avgPayload * args.events) / jsonBytes),
    ],
  ],
);

// --- append latency -----------------------------------------------------------------------------
const latDir = join(dir, "lat");
const lat = new Samples(args.events);
{
  const w = LogWriter.create(latDir, { streams: STREAMS }, { fsync: "interval" });
  for (let i = 0; i < args.events; i++) {
    const k = i % POOL;
    const r = rec.input({ stream: 0, streamSeq: i, timeNs: times[k]!, payload: payloads[k]! });
    const t0 = process.hrtime.bigint();
    w.append(r);
    lat.add(Number(process.hrtime.bigint() - t0));
  }
  w.close();
}
const [p50, p99, p999, p9999, pmax] = percentiles(lat.values(), [50, 99, 99.9, 99.99, 100]);
console.log("");
printTable(
  ["append latency (fsync=interval)", "p50", "p99", "p99.9", "p99.99", "max"],
  [
    [
      `${formatCount(lat.length)} appends`,
      formatMs(p50! / 1e6),
      formatMs(p99! / 1e6),
      formatMs(p999! / 1e6),
      formatMs(p9999! / 1e6),
      formatMs(pmax! / 1e6),
    ],
  ],
);

// --- seek ---------------------------------------------------------------------------------------
const seekDir = join(dir, "seek");
const tw0 = performance.now();
writeLog(args.seekEvents, seekDir);
const writeSeekMs = performance.now() - tw0;
const t1 = performance.now();
const reader = LogReader.open(seekDir);
const openMs = performance.now() - t1;
const seekTimes: number[] = [];
const timeSeekTimes: number[] = [];
for (let i = 0; i < args.seeks; i++) {
  const s = Math.floor(rnd() * args.seekEvents);
  const t = performance.now();
  const r = reader.get(s);
  seekTimes.push(performance.now() - t);
  if (r.seq !== s) throw new Error(`seek to ${s} returned ${r.seq}`);
  const target = r.timeNs;
  const t2 = performance.now();
  const found = reader.seqAtTime(target);
  timeSeekTimes.push(performance.now() - t2);
  if (found === undefined) throw new Error("time seek failed");
}
reader.close();
// A cold open + one seek, as `hindsight cat --from-seq` would do.
const coldTimes: number[] = [];
for (let i = 0; i < 20; i++) {
  const s = Math.floor(rnd() * args.seekEvents);
  const t = performance.now();
  const r = LogReader.open(seekDir);
  r.get(s);
  r.close();
  coldTimes.push(performance.now() - t);
}
console.log("");
printTable(
  [`seek in a ${formatCount(args.seekEvents)}-event log`, "median", "p99", "max"],
  [
    [
      "by sequence (reader open)",
      formatMs(median(seekTimes)),
      formatMs(percentiles(seekTimes, [99])[0]!),
      formatMs(Math.max(...seekTimes)),
    ],
    [
      "by time (reader open)",
      formatMs(median(timeSeekTimes)),
      formatMs(percentiles(timeSeekTimes, [99])[0]!),
      formatMs(Math.max(...timeSeekTimes)),
    ],
    [
      "open + seek by sequence (cold reader)",
      formatMs(median(coldTimes)),
      formatMs(percentiles(coldTimes, [99])[0]!),
      formatMs(Math.max(...coldTimes)),
    ],
  ],
);
console.log(
  `\n(${formatCount(args.seekEvents)}-event log written in ${formatMs(writeSeekMs)}, ${formatBytes(diskBytes(seekDir))}; reader open ${formatMs(openMs)}; checksum ${sink % 10})`,
);
rmSync(dir, { recursive: true, force: true });
