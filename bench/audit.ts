/**
 * Audit export: rows/s and peak memory per format, synthetic rows at two sizes (memory must
 * not grow with the row count) and the market-spread recording of --events input events
 * (replayed through the app, one row per order), against a plain verifying replay as baseline;
 * then `audit verify` of each export.
 *
 *   npm run bench -- audit [--small 250000] [--large 1000000] [--events 1000000] [--only synthetic|recording] [--formats jsonl,csv,parquet]
 *
 * Every case runs in a fresh node process, so its peak RSS / heap is its own. Peak memory is
 * sampled every 5,000 rows (and by a 20 ms timer).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import marketSpread from "../examples/market-spread/app.js";
import { marketSpreadLines } from "../examples/market-spread/generate.js";
import { AuditExportWriter } from "../src/audit/export.js";
import { exportRecordingAudit } from "../src/audit/replay-source.js";
import { SYNTHETIC_IDENTITY, syntheticRows } from "../src/audit/synthetic.js";
import { verifyAudit } from "../src/audit/verify.js";
import { AUDIT_FORMATS, type AuditFormat } from "../src/audit/writers.js";
import { encodeUtf8 } from "../src/engine/codec.js";
import { parseJson } from "../src/engine/json.js";
import { LogReader } from "../src/log/index.js";
import { startRun } from "../src/recorder/app-run.js";
import { replay } from "../src/replayer/replay.js";
import { benchArgs, formatBytes, formatCount, formatMs, formatRate, header, printTable } from "./lib.js";

const dir = join(".bench", "audit");

interface CaseResult {
  rows: number;
  ms: number;
  /** CPU time (user + system) of the export: the machine may be shared. */
  cpuMs: number;
  rssPeak: number;
  heapPeak: number;
  bytes: number;
  verifyMs: number;
  verifyRssPeak: number;
}

/** Peak memory tracker: sampled explicitly and by a timer. */
class Peak {
  rss = 0;
  heap = 0;
  private readonly timer = setInterval(() => this.sample(), 20);
  sample(): void {
    const m = process.memoryUsage();
    if (m.rss > this.rss) this.rss = m.rss;
    if (m.heapUsed > this.heap) this.heap = m.heapUsed;
  }
  stop(): void {
    clearInterval(this.timer);
    this.sample();
  }
}

async function verifyCase(out: string): Promise<{ ms: number; rss: number }> {
  const peak = new Peak();
  const t = performance.now();
  const v = await verifyAudit(out);
  const ms = performance.now() - t;
  peak.stop();
  if (!v.ok) throw new Error(`benchmark export does not verify: ${v.problems[0]?.message}`);
  return { ms, rss: peak.rss };
}

/** Child: one case, prints one JSON line. */
async function child(kind: string, format: AuditFormat, n: number): Promise<void> {
  const out = join(dir, `${kind}-${n}.${format}`);
  rmSync(out, { force: true });
  rmSync(`${out}.manifest.json`, { force: true });
  const peak = new Peak();
  const t = performance.now();
  const c0 = process.cpuUsage();
  let rows: number;
  let bytes: number;
  if (kind === "synthetic") {
    const w = new AuditExportWriter(SYNTHETIC_IDENTITY, { out, format });
    let i = 0;
    for (const row of syntheticRows(n)) {
      w.add(row);
      if (++i % 5000 === 0) peak.sample();
    }
    const r = w.finish();
    rows = r.rows;
    bytes = r.bytes;
  } else {
    const reader = LogReader.open(join(dir, `market-spread-${n}`));
    if (kind === "replay") {
      const res = await replay(reader, marketSpread, {
        compareOutputs: true,
        onProgress: () => peak.sample(),
      });
      if (res.divergence) throw new Error(res.divergence.message);
      rows = res.outputs;
      bytes = 0;
    } else {
      const r = await exportRecordingAudit(reader, marketSpread, {
        out,
        format,
        onProgress: () => peak.sample(),
      });
      rows = r.rows;
      bytes = r.bytes;
    }
    reader.close();
  }
  const ms = performance.now() - t;
  const c = process.cpuUsage(c0);
  peak.stop();
  const v = bytes > 0 ? await verifyCase(out) : { ms: 0, rss: 0 };
  const res: CaseResult = {
    rows,
    ms,
    cpuMs: (c.user + c.system) / 1000,
    rssPeak: peak.rss,
    heapPeak: peak.heap,
    bytes,
    verifyMs: v.ms,
    verifyRssPeak: v.rss,
  };
  process.stdout.write(`${JSON.stringify(res)}\n`);
  rmSync(out, { force: true });
  rmSync(`${out}.manifest.json`, { force: true });
}

function runChild(kind: string, format: string, n: number): CaseResult {
  const r = spawnSync(
    process.execPath,
    ["--import", "tsx", process.argv[1]!, "--child", kind, format, String(n)],
    {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
      maxBuffer: 1 << 20,
    },
  );
  if (r.status !== 0) throw new Error(`benchmark case ${kind} ${format} ${n} failed (exit ${r.status})`);
  return JSON.parse(r.stdout.trim().split("\n").pop()!) as CaseResult;
}

async function record(events: number): Promise<string | undefined> {
  const rec = join(dir, `market-spread-${events}`);
  if (existsSync(join(rec, "manifest.json"))) return undefined;
  rmSync(rec, { recursive: true, force: true });
  const r = await startRun(marketSpread, { out: rec });
  for (const l of marketSpreadLines({
    seed: 1,
    quotes: Math.round(events * 0.8),
    orders: Math.round(events * 0.2),
  })) {
    const ts = BigInt((parseJson(l.line) as { ts: bigint | number }).ts);
    const p = r.push(l.stream === "quotes" ? 0 : 1, encodeUtf8(l.line), ts);
    if (p !== undefined) await p;
  }
  await r.stop();
  return rec;
}

if (process.argv[2] === "--child") {
  await child(process.argv[3]!, process.argv[4] as AuditFormat, Number(process.argv[5]));
} else {
  const args = benchArgs({
    small: 250_000,
    large: 1_000_000,
    events: 1_000_000,
    only: "",
    formats: "jsonl,csv,parquet",
  });
  const formats = args.formats
    .split(",")
    .filter((f): f is AuditFormat => (AUDIT_FORMATS as readonly string[]).includes(f));
  header("hindsight bench: audit export");
  mkdirSync(dir, { recursive: true });
  const mb = (n: number) => formatBytes(n);

  if (args.only !== "recording") {
    console.log("synthetic market-spread-like rows, one process per case:\n");
    const synth: (string | number)[][] = [];
    for (const format of formats) {
      const small = runChild("synthetic", format, args.small);
      const large = runChild("synthetic", format, args.large);
      for (const [n, r] of [
        [args.small, small],
        [args.large, large],
      ] as const) {
        synth.push([
          format,
          formatCount(n),
          formatRate(r.rows, r.ms, " rows/s"),
          formatMs(r.ms),
          formatMs(r.cpuMs),
          mb(r.rssPeak),
          mb(r.heapPeak),
          mb(r.bytes),
          formatRate(r.rows, r.verifyMs, " rows/s"),
          mb(r.verifyRssPeak),
        ]);
      }
      synth.push([
        "",
        `${(args.large / args.small).toFixed(0)}× rows`,
        "",
        "",
        "",
        `${(large.rssPeak / small.rssPeak).toFixed(2)}× RSS`,
        `${(large.heapPeak / small.heapPeak).toFixed(2)}× heap`,
        "",
        "",
        `${(large.verifyRssPeak / small.verifyRssPeak).toFixed(2)}× RSS`,
      ]);
    }
    printTable(
      [
        "format",
        "rows",
        "export",
        "time",
        "cpu",
        "peak RSS",
        "peak heap",
        "file",
        "verify",
        "verify peak RSS",
      ],
      synth,
    );
  }
  if (args.only !== "synthetic") {
    const t0 = performance.now();
    const made = await record(args.events);
    console.log(
      `\nmarket-spread recording: ${formatCount(args.events)} input events (80% quotes, 20% orders), ` +
        (made ? `recorded in ${formatMs(performance.now() - t0)}` : "recorded by an earlier run") +
        ` (kept in ${dir})\n`,
    );
    const base = runChild("replay", "jsonl", args.events);
    const ms: (string | number)[][] = [
      [
        "replay (verify) only",
        formatCount(base.rows),
        formatRate(args.events, base.ms, " events/s"),
        formatMs(base.ms),
        formatMs(base.cpuMs),
        mb(base.rssPeak),
        mb(base.heapPeak),
        "",
        "baseline",
      ],
    ];
    for (const format of formats) {
      const r = runChild("recording", format, args.events);
      ms.push([
        `audit export ${format}`,
        formatCount(r.rows),
        formatRate(args.events, r.ms, " events/s"),
        formatMs(r.ms),
        formatMs(r.cpuMs),
        mb(r.rssPeak),
        mb(r.heapPeak),
        mb(r.bytes),
        `${(r.cpuMs / base.cpuMs).toFixed(2)}× replay cpu; ${formatRate(r.rows, r.ms, " rows/s")}; verify ${formatRate(r.rows, r.verifyMs, " rows/s")}`,
      ]);
    }
    printTable(["", "rows", "rate", "time", "cpu", "peak RSS", "peak heap", "file", "vs replay"], ms);
  }
}
