/**
 * Makes the golden recordings of the reference apps in recordings/v1/ (run once, by hand):
 *
 *   npx tsx scripts/make-golden.ts [--force]
 *
 * Golden recordings are never regenerated in place by tests: they pin the behaviour of
 * format version 1 and of the apps as recorded, and `npm test` verifies the current build
 * against them. Without --force an existing recording is left alone.
 *
 * - market-spread: 20 000 events (seed 11; 16 000 quotes, 4 000 orders on 600 symbols),
 *   full output bytes, a checkpoint every 2 500 input events.
 * - double-halve: 5 000 events (seed 12), full output bytes, a checkpoint every 1 000 events.
 * Event time is the `ts` field; the clock behind ctx.now() is the wall clock of the run (recorded).
 */
import { existsSync, rmSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { doubleHalveLines } from "../examples/double-halve/generate.js";
import { marketSpreadLines } from "../examples/market-spread/generate.js";
import { encodeUtf8 } from "../src/engine/codec.js";
import { parseJson } from "../src/engine/json.js";
import { loadApp } from "../src/recorder/app-load.js";
import { startRun } from "../src/recorder/app-run.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const force = process.argv.includes("--force");

async function make(
  name: string,
  lines: Iterable<{ stream: string; line: string }>,
  checkpointEvery: number,
  sources: Record<string, string>,
): Promise<void> {
  const out = join(root, "recordings", "v1", name);
  if (existsSync(out)) {
    if (!force) {
      process.stdout.write(`${relative(root, out)} exists: left alone (use --force to remake it)\n`);
      return;
    }
    rmSync(out, { recursive: true });
  }
  const modulePath = `examples/${name}/app.ts`;
  const loaded = await loadApp(modulePath, root);
  const run = await startRun(loaded.app, {
    out,
    seed: "0",
    checkpointEvery,
    outputs: "full",
    build: { id: loaded.buildId, module: modulePath },
    sources,
    clockSource: "input:ts",
    config: { timeField: "ts" },
    writer: { fsync: "never", flushIntervalMs: 0 },
    labels: { "hindsight.golden": "v1", "hindsight.command": "scripts/make-golden.ts" },
  });
  for (const { stream, line } of lines) {
    const ts = (parseJson(line) as { ts: bigint | number }).ts;
    const r = run.push(stream, encodeUtf8(line), BigInt(ts));
    if (r) await r;
  }
  const s = await run.stop();
  process.stdout.write(
    `${relative(root, out)}: ${s.events} events, ${s.decisions} decisions, ${s.outputs} outputs, ${s.checkpoints} checkpoints\n`,
  );
}

await make("market-spread", marketSpreadLines({ seed: 11, quotes: 16_000, orders: 4_000 }), 2_500, {
  quotes: "generate.ts --seed 11 (quotes)",
  orders: "generate.ts --seed 11 (orders)",
});
await make(
  "double-halve",
  (function* () {
    for (const line of doubleHalveLines({ seed: 12, count: 5_000 })) yield { stream: "numbers", line };
  })(),
  1_000,
  { numbers: "generate.ts --seed 12" },
);
