/**
 * Reading JSON-lines input files as `record` does: events/s of readInputBatches, merged by a
 * time field and round-robin.
 *
 *   npm run bench -- inputs [--events 1000000] [--runs 3]
 *
 * Baseline, in the same run: the straightforward way to merge two JSON-lines files by time:
 * node:readline over each file, JSON.parse of every line to read its `ts`, and a two-way merge
 * that awaits the next line of a file each time it takes one (and reads `ts` as a double, so it
 * is not even exact). Input: market-spread files from the seeded generator (80% quotes, 20%
 * orders), written to .bench/inputs/ and removed afterwards.
 */
import { createReadStream, rmSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { splitEvents, writeMarketSpread } from "../examples/market-spread/generate.js";
import { readInputBatches } from "../src/recorder/inputs.js";
import { benchArgs, diskBytes, formatBytes, header, printRates, timeCases } from "./lib.js";

const args = benchArgs({ events: 1_000_000, runs: 3 });
header("hindsight bench: reading input files");

const dir = join(".bench", "inputs");
writeMarketSpread(dir, { seed: 1, ...splitEvents(args.events) });
const specs = [
  { stream: "quotes", path: join(dir, "quotes.jsonl") },
  { stream: "orders", path: join(dir, "orders.jsonl") },
];
let sink = 0;

async function ours(timeField?: string): Promise<void> {
  let n = 0;
  for await (const batch of readInputBatches(specs, timeField ? { timeField } : {})) n += batch.length;
  if (n !== args.events) throw new Error(`read ${n} events, expected ${args.events}`);
  sink += n;
}

/** Lines of a file with each line's `ts` from JSON.parse. */
async function* parsed(path: string): AsyncGenerator<{ ts: number; line: string }> {
  const rl = createInterface({ input: createReadStream(path), crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of rl) if (line) yield { ts: (JSON.parse(line) as { ts: number }).ts, line };
}

async function baseline(): Promise<void> {
  const its = specs.map((s) => parsed(s.path));
  const heads = await Promise.all(its.map((it) => it.next()));
  let n = 0;
  for (;;) {
    let best = -1;
    for (let i = 0; i < heads.length; i++) {
      const h = heads[i]!;
      if (!h.done && (best < 0 || h.value.ts < (heads[best]!.value as { ts: number }).ts)) best = i;
    }
    if (best < 0) break;
    sink += (heads[best]!.value as { line: string }).line.length;
    n++;
    heads[best] = await its[best]!.next();
  }
  if (n !== args.events) throw new Error(`baseline read ${n} events, expected ${args.events}`);
}

const cases: [string, () => Promise<void>][] = [
  ["readInputBatches, merged by ts", () => ours("ts")],
  ["readInputBatches, round-robin", () => ours()],
  ["baseline: readline + JSON.parse + merge", baseline],
];
const results = await timeCases(cases, args.runs);
const bytes = diskBytes(dir);
rmSync(dir, { recursive: true, force: true });
printRates(results, args.events, "events", results[results.length - 1]!);
process.stdout.write(
  `\n${args.events.toLocaleString("en-US")} events (${formatBytes(bytes)} of JSON lines in 2 files) per case, ` +
    `medians of ${args.runs} runs after 1 warm-up, under tsx (CPU: user + system time of this process)` +
    `${sink < 0 ? "" : ""}\n`,
);
