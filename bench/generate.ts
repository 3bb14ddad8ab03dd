/**
 * Input generators: lines/s of market-spread and double-halve, in memory and to files.
 *
 *   npm run bench -- generate [--events 1000000] [--runs 3]
 *
 * Baseline, in the same run: the market-spread generator with each line additionally taken
 * through JSON.parse + JSON.stringify, i.e. roughly what building each record as an object and
 * serializing it would add (and that path would round `ts` to a double). Files go to
 * .bench/generate/ and are removed afterwards.
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import { DoubleHalveSim, writeDoubleHalve } from "../examples/double-halve/generate.js";
import { MarketSpreadSim, splitEvents, writeMarketSpread } from "../examples/market-spread/generate.js";
import { benchArgs, diskBytes, formatBytes, header, printRates, timeCases } from "./lib.js";

const args = benchArgs({ events: 1_000_000, runs: 3 });
header("hindsight bench: input generators");

const dir = join(".bench", "generate");
const split = splitEvents(args.events);
let sink = 0;

/** The naive way: objects + JSON.stringify, per line. */
function naiveMarket(): void {
  const sim = new MarketSpreadSim({ seed: 1, ...split });
  for (let s = sim.next(); s !== undefined; s = sim.next()) {
    const o = JSON.parse(sim.line) as Record<string, unknown>;
    sink += JSON.stringify(o).length;
  }
}

const cases: [string, () => void][] = [
  [
    "market-spread, in memory",
    () => {
      const sim = new MarketSpreadSim({ seed: 1, ...split });
      for (let s = sim.next(); s !== undefined; s = sim.next()) sink += sim.line.length;
    },
  ],
  ["market-spread, to files", () => void writeMarketSpread(join(dir, "ms"), { seed: 1, ...split })],
  [
    "double-halve, in memory",
    () => {
      const sim = new DoubleHalveSim({ seed: 1, count: args.events });
      while (sim.next()) sink += sim.line.length;
    },
  ],
  ["double-halve, to file", () => void writeDoubleHalve(join(dir, "dh"), { seed: 1, count: args.events })],
  ["baseline: market-spread + JSON round trip per line", naiveMarket],
];

const results = await timeCases(cases, args.runs);
const msBytes = diskBytes(join(dir, "ms"));
const dhBytes = diskBytes(join(dir, "dh"));
rmSync(dir, { recursive: true, force: true });
printRates(results, args.events, "lines", results[0]!);
process.stdout.write(
  `\n${args.events.toLocaleString("en-US")} lines per case, medians of ${args.runs} runs after 1 warm-up ` +
    `(CPU: user + system time of this process, GC threads included); ` +
    `market-spread files ${formatBytes(msBytes)}, double-halve file ${formatBytes(dhBytes)}` +
    `${sink < 0 ? "" : ""}\n`,
);
