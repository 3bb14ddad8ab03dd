/** A stage that throws: the harness reports the crashed worker, replaces it, and the report repeats. */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WorkerPool } from "./pipeline.js";
import { parseFaultSpec } from "./plan.js";
import { formatSeedResult, torture } from "./torture.js";

const cwd = join(import.meta.dirname, "..", "..");
let pool: WorkerPool;

beforeAll(() => {
  pool = new WorkerPool(cwd);
});

afterAll(async () => {
  await pool.close();
  expect(pool.alive).toBe(0);
});

describe("torture reports a crashed worker", () => {
  it("names the failing step and the first missing output, the same on every run", async () => {
    const run = async () =>
      (
        await torture({
          app: "src/faults/fixtures/boom-app.ts",
          seeds: { from: 5n, to: 5n },
          faults: parseFaultSpec("drop=0.02,delay=0.03,dup=0.03,gap=5,maxdelay=3"),
          events: 120,
          cwd,
          pool,
          timeoutMs: 30_000,
          stallMs: 5_000,
        })
      ).seeds[0]!;
    const a = await run();
    expect(a.ok).toBe(false);
    expect(a.outcome).toBe("crashed");
    expect(a.problem).toMatch(/^halve: .*boom at event 50 \(app boom\[halve\]\)$/);
    // No CLI hint in a torture report (a stage's app is not a module to replay).
    expect(a.problem).not.toContain("replay --until");
    // What the crashed stage sent on before it failed still reached the sink.
    expect(a.failure).toMatchObject({ kind: "missing", index: 50 });
    expect(a.outputs).toBe(50);
    // The failing stage sealed its log: message 50 came in and nothing went out.
    expect(a.path).toMatch(
      /^path of message 50: source seq 51 → double seq \d+ \(out \d+\) → halve seq \d+ \(no output\) → sink \(not received\)$/,
    );
    // The crashed worker was replaced: the same seed again gives the same report.
    const b = await run();
    expect(formatSeedResult(b)).toEqual(formatSeedResult(a));
  });
});
