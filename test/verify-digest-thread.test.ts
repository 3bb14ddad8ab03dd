/**
 * verify with output digests hashed on a worker thread reports exactly what verify with
 * digests hashed in place reports: the same counts when identical, and the same first
 * divergence (found by the replay that runs again in place) when not.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import marketSpread from "../examples/market-spread/app.js";
import { marketSpreadLines } from "../examples/market-spread/generate.js";
import type { App } from "../src/engine/app.js";
import { encodeUtf8 } from "../src/engine/codec.js";
import { parseJson } from "../src/engine/json.js";
import { LogReader } from "../src/log/index.js";
import { loadApp } from "../src/recorder/app-load.js";
import { startRun } from "../src/recorder/app-run.js";
import { type ReplayResult, replay } from "../src/replayer/replay.js";
import { marketSpreadMutant } from "./mutant.js";

const _root = join(import.meta.dirname, "..");
const tmp = mkdtempSync(join(tmpdir(), "hindsight-digest-thread-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
/** A market-spread recording with output digests only (the golden ones keep full outputs). */
const rec = join(tmp, "rec");

beforeAll(async () => {
  const run = await startRun(marketSpread, { out: rec, outputs: "digest", checkpointEvery: 5000 });
  for (const l of marketSpreadLines({ seed: 7, quotes: 16_000, orders: 4000 })) {
    const ts = BigInt((parseJson(l.line) as { ts: bigint | number }).ts);
    await run.push(l.stream, encodeUtf8(l.line), ts);
  }
  await run.stop();
});

/** What a verify reports, without the engine object. */
function report(r: ReplayResult): Record<string, unknown> {
  const { engine: _engine, ...rest } = r;
  return JSON.parse(JSON.stringify(rest, (_k, v) => (typeof v === "bigint" ? `${v}n` : v)));
}

async function both(app: App): Promise<[Record<string, unknown>, Record<string, unknown>]> {
  const reader = LogReader.open(rec);
  try {
    const inline = await replay(reader, app, { compareOutputs: true, digestCheck: "inline" });
    const threaded = await replay(reader, app, { compareOutputs: true, digestCheck: "thread" });
    return [report(inline), report(threaded)];
  } finally {
    reader.close();
  }
}

describe("verify with output digests checked on a thread", () => {
  it("an identical app: same counts, no divergence", async () => {
    const [inline, threaded] = await both(marketSpread);
    expect(inline["divergence"]).toBeNull();
    expect(inline["outputs"]).toBeGreaterThan(1000);
    expect(threaded).toEqual(inline);
  });

  it("a mutated app: the same first divergence", async () => {
    const path = marketSpreadMutant(
      tmp,
      "threshold",
      'const MAX_SPREAD = "0.05";',
      'const MAX_SPREAD = "0.06";',
    );
    const { app } = await loadApp(path);
    const [inline, threaded] = await both(app);
    expect(inline["divergence"]).toMatchObject({ kind: "output-mismatch" });
    // The thread found it, and the replay ran again in place.
    expect(threaded["notes"]).toContain(
      "an output digest differed on the digest-check thread; replayed again comparing each output in place",
    );
    expect({ ...threaded, notes: inline["notes"] }).toEqual(inline);
  });
});
