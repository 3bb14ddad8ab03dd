import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { afterAll, describe, expect, it } from "vitest";
import { readManifest } from "./manifest.js";

const tmp = mkdtempSync(join(tmpdir(), "hindsight-race-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

type Reply = { id: number; ok: boolean; code?: string; message?: string };

describe("LogWriter.create", () => {
  it("of writers racing to create a recording in one empty directory, exactly one wins", async () => {
    const N = 4;
    const ROUNDS = 40;
    const barrier = new SharedArrayBuffer(4 * ROUNDS);
    const workers = Array.from(
      { length: N },
      (_, id) =>
        new Worker(new URL("../../test/fixtures/create-race-worker.mjs", import.meta.url), {
          workerData: { id, barrier, writerUrl: new URL("./writer.ts", import.meta.url).href },
        }),
    );
    const inbox: Reply[] = [];
    let wake: (() => void) | undefined;
    for (const w of workers)
      w.on("message", (m: Reply & { ready?: boolean }) => {
        inbox.push(m);
        wake?.();
      });
    const collect = async (n: number): Promise<Reply[]> => {
      while (inbox.length < n) await new Promise<void>((r) => (wake = r));
      return inbox.splice(0, n);
    };
    try {
      await collect(N); // all ready
      for (let round = 0; round < ROUNDS; round++) {
        const dir = join(tmp, `r${round}`);
        mkdirSync(dir);
        for (const w of workers) w.postMessage({ round, dir, n: N });
        const replies = await collect(N);
        const winners = replies.filter((r) => r.ok);
        expect(winners, JSON.stringify(replies)).toHaveLength(1);
        // Losers either saw the directory taken, or got past that check at the same time as the
        // winner (most rounds here) and lost the claim on the manifest file.
        for (const r of replies.filter((x) => !x.ok)) expect(r.code, r.message).toBe("ALREADY_EXISTS");
        // The manifest is the winner's, whole.
        expect(readManifest(dir).streams.map((s) => s.name)).toEqual([`s${winners[0]!.id}`]);
      }
      // How often the losers got past the emptiness check (the case the claim is for).
    } finally {
      await Promise.all(workers.map((w) => w.terminate()));
    }
  }, 60_000);

  it("a directory claimed by a writer that has not written its manifest yet is named as such", () => {
    const dir = join(tmp, "claimed");
    mkdirSync(dir);
    writeFileSync(join(dir, "manifest.json"), "");
    expect(() => readManifest(dir)).toThrow(
      expect.objectContaining({
        code: "CORRUPT_MANIFEST",
        message: expect.stringMatching(/is being created/),
      }),
    );
  });
});
