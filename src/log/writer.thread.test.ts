/**
 * The block-writer thread: a log written with blocks compressed (and output digests computed)
 * on the thread is byte for byte the log written on the appending thread; "auto" hands over
 * only once a log grows; failures on the thread surface as one clear error on the next call.
 */
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { sha256 } from "../engine/bytes.js";
import type { OutputRecord } from "../format/records.js";
import { LogReader } from "./reader.js";
import { recordAt, T0, TEST_SINKS, TEST_STREAMS, tempDir } from "./test-helpers.js";
import { LogWriter, type Offload, type WriterOptions } from "./writer.js";

const root = tempDir("hindsight-thread-");
afterAll(() => root.cleanup());

const init = {
  recordingId: "00000000-0000-4000-8000-000000000000",
  streams: TEST_STREAMS,
  sinks: TEST_SINKS,
};
const FIXED_TIME = new Date("2026-11-22T00:00:00Z");

/** Output bytes of output number `k` (some long enough to need a 2-byte length). */
const outputBytes = (k: number): Uint8Array =>
  new TextEncoder().encode(
    `{"order":${k},"decision":"${k % 3 ? "accept" : "reject"}"${",".repeat(k % 150)}}`,
  );

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Writes `n` mixed records plus an output after every 4th, and one side file; returns the
 * writer. With `awaitThread`, waits after the first 2000 records until a starting block-writer
 * thread is ready ("auto" hands over at the next block once it is).
 */
async function writeLog(
  dir: string,
  n: number,
  opts: Partial<WriterOptions>,
  full = false,
  awaitThread = false,
): Promise<LogWriter> {
  const w = LogWriter.create(dir, init, { flushIntervalMs: 0, ...opts }, FIXED_TIME);
  let k = 0;
  for (let i = 0; i < n; i++) {
    if (awaitThread && i === 2000) {
      expect(w.offloadState).not.toBe("appending-thread");
      for (let t = 0; t < 3000 && w.offloadState === "starting"; t++) await sleep(10);
    }
    w.append(recordAt(i));
    if (i % 4 === 0) {
      w.appendOutput(T0 + BigInt(i), 1, i, 0, k, outputBytes(k), full);
      k++;
    }
    if (i === Math.floor(n / 2))
      w.writeSideFile("checkpoints/mid.state", new TextEncoder().encode(`state ${i}`));
  }
  w.close();
  return w;
}

/** Every file of a recording, by name, as bytes (the manifest's creation time is fixed above). */
function files(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string, rel: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }))
      if (e.isDirectory()) walk(join(d, e.name), `${rel}${e.name}/`);
      else out.set(`${rel}${e.name}`, readFileSync(join(d, e.name)));
  };
  walk(dir, "");
  return out;
}

describe("block-writer thread", () => {
  const shapes: { name: string; opts: Partial<WriterOptions>; full: boolean }[] = [
    { name: "digests", opts: { blockSize: 4096 }, full: false },
    { name: "full outputs", opts: { blockSize: 4096 }, full: true },
    { name: "segment rollover", opts: { blockSize: 2048, segmentSize: 64 * 1024 }, full: false },
  ];
  for (const { name, opts, full } of shapes)
    it(`writes the same bytes as the appending thread (${name})`, async () => {
      const logs: { offload: Offload; dir: string; w: LogWriter }[] = [];
      for (const offload of ["none", "thread", "auto"] as Offload[]) {
        const dir = join(root.dir, `${name}-${offload}`);
        const w = await writeLog(dir, 6000, { ...opts, offload }, full, offload === "auto");
        logs.push({ offload, dir, w });
      }
      expect(logs.map((l) => l.w.offloaded)).toEqual([false, true, true]);
      const want = files(logs[0]!.dir);
      expect(want.size).toBeGreaterThan(3);
      for (const l of logs.slice(1)) {
        const got = files(l.dir);
        expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
        for (const [f, b] of want) expect(got.get(f)?.equals(b), `${l.offload}: ${f}`).toBe(true);
        expect([l.w.blocksWritten, l.w.bytesWritten, l.w.rawBytes]).toEqual([
          logs[0]!.w.blocksWritten,
          logs[0]!.w.bytesWritten,
          logs[0]!.w.rawBytes,
        ]);
      }
      // And the digests are the SHA-256 of each output's bytes (sink 1: appendOutput's).
      const r = LogReader.open(logs[1]!.dir);
      let k = 0;
      for (const rec of r.records({ types: ["output"] })) {
        const o = rec as OutputRecord;
        if (o.sink !== 1) continue; // recordAt's own outputs
        expect(Buffer.from(o.digest).equals(Buffer.from(sha256(outputBytes(k))))).toBe(true);
        expect(o.data.length).toBe(full ? outputBytes(k).length : 0);
        k++;
      }
      r.close();
      expect(k).toBe(1500);
    });

  for (const full of [true, false])
    it(`writes records larger than the block buffer the same way (${full ? "full outputs" : "digests"})`, () => {
      // blockSize 1024: the encoder's buffer and a ring slot hold 4 KiB. Full: each 10 KB
      // output makes the buffer grow, and that block goes to the thread as a message, not
      // through the ring. Digests: the 10 KB awaiting its digest do not fit the slot's 4 KiB
      // of output runs, so that block goes as a message too.
      const big = (k: number) => new Uint8Array(10_000 + k).fill(k % 251);
      const dirs: string[] = [];
      for (const offload of ["none", "thread"] as Offload[]) {
        const dir = join(root.dir, `big-${full}-${offload}`);
        const w = LogWriter.create(dir, init, { blockSize: 1024, flushIntervalMs: 0, offload }, FIXED_TIME);
        for (let i = 0; i < 3000; i++) {
          w.append(recordAt(i));
          if (i % 50 === 7) w.appendOutput(T0 + BigInt(i), 1, i, 0, i, big(i), full);
        }
        w.close();
        expect(w.offloaded).toBe(offload === "thread");
        dirs.push(dir);
      }
      const want = files(dirs[0]!);
      const got = files(dirs[1]!);
      expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
      for (const [f, b] of want) expect(got.get(f)?.equals(b), f).toBe(true);
      const r = LogReader.open(dirs[1]!);
      const outs = [...r.records()].filter((x) => x.type === "output" && x.sink === 1) as OutputRecord[];
      r.close();
      expect(outs).toHaveLength(60);
      for (const o of outs) {
        expect(o.data.length).toBe(full ? big(o.eventSeq).length : 0);
        if (full) expect(Buffer.from(o.data).equals(Buffer.from(big(o.eventSeq)))).toBe(true);
        expect(Buffer.from(o.digest).equals(Buffer.from(sha256(big(o.eventSeq))))).toBe(true);
      }
    });

  it("the thread takes blocks handed over without being woken, and after it fell asleep", async () => {
    // Blocks go through the ring with no notify while the thread naps between looks; after
    // ~20 ms without a job it sleeps until notified. Nothing here waits for the thread (no
    // flush) until each check: the blocks must be written all the same.
    const dir = join(root.dir, "naps");
    const w = LogWriter.create(dir, init, { blockSize: 1024, flushIntervalMs: 0, offload: "thread" });
    /** Blocks written once the count stops moving for 100 ms (at most 5 s). */
    const settled = async (): Promise<number> => {
      let last = -1;
      for (let t = 0; t < 50 && w.blocksWritten !== last; t++) {
        last = w.blocksWritten;
        await sleep(100);
      }
      return w.blocksWritten;
    };
    let i = 0;
    for (const round of [1, 2]) {
      const before = w.blocksWritten;
      for (const end = i + 400; i < end; i++) w.append(recordAt(i));
      const written = await settled();
      // All but the open block, which only flush() writes.
      expect(written - before, `round ${round}`).toBeGreaterThan(10);
      w.flush();
      expect(w.blocksWritten - written, `round ${round}`).toBeLessThanOrEqual(1);
      await sleep(200); // the thread falls asleep
    }
    w.close();
    const r = LogReader.open(dir);
    expect(r.endSeq).toBe(800);
    r.close();
  });

  it('"auto" leaves a small log on the appending thread', async () => {
    const w = await writeLog(join(root.dir, "small-auto"), 50, {});
    expect(w.offloaded).toBe(false);
    expect(w.blocksWritten).toBe(1);
  });

  it("stays on the appending thread with fsync=always", async () => {
    const w = await writeLog(join(root.dir, "always-auto"), 3000, { blockSize: 1024, fsync: "always" });
    expect(w.offloaded).toBe(false);
    expect(w.offloadState).toBe("appending-thread");
  });

  it("flush() returns once the thread has written the block", () => {
    const dir = join(root.dir, "flush");
    const w = LogWriter.create(dir, init, { offload: "thread", flushIntervalMs: 0 });
    for (let i = 0; i < 100; i++) w.append(recordAt(i));
    w.flush();
    const r = LogReader.open(dir);
    expect(r.endSeq).toBe(100);
    r.close();
    w.close();
  });

  it("a failure on the thread is thrown by the next call that looks, clearly, and by every call after", () => {
    const dir = join(root.dir, "fail");
    const w = LogWriter.create(dir, init, { offload: "thread", flushIntervalMs: 0 });
    for (let i = 0; i < 10; i++) w.append(recordAt(i));
    // The side file's temporary name is taken by a directory: the thread cannot open it.
    mkdirSync(join(dir, "checkpoints", "x.state.tmp"), { recursive: true });
    // The job is handed over without waiting for it, so its failure is thrown by the first
    // call that looks after the thread fails: writeSideFile itself (when the thread was that
    // quick) or flush. Either way, exactly one of the two throws it first.
    let err: unknown;
    for (const call of [
      () => w.writeSideFile("checkpoints/x.state", new Uint8Array([1, 2, 3])),
      () => w.flush(),
    ]) {
      try {
        call();
      } catch (e) {
        err = e;
        break;
      }
    }
    expect(err).toMatchObject({ code: "IO", message: expect.stringMatching(/EISDIR/) });
    expect(() => w.append(recordAt(10))).toThrow(/EISDIR/);
    expect(() => w.close()).toThrow(/EISDIR/);
    // Closed all the same: no thread left behind, nothing more accepted.
    expect(() => w.append(recordAt(11))).toThrow(/closed/);
  });

  it("a record too large leaves no deferred digest behind", () => {
    const dir = join(root.dir, "too-large");
    const w = LogWriter.create(dir, init, { offload: "thread", flushIntervalMs: 0, maxRecordSize: 1000 });
    w.appendOutput(T0, 0, 0, 0, 0, outputBytes(1), false);
    expect(() => w.appendOutput(T0, 0, 1, 0, 1, new Uint8Array(5000).fill(7), true)).toThrow(
      /exceeds the limit/,
    );
    w.appendOutput(T0, 0, 2, 0, 1, outputBytes(2), false);
    w.close();
    const r = LogReader.open(dir);
    const outs = [...r.records()] as OutputRecord[];
    r.close();
    expect(outs.map((o) => Buffer.from(o.digest).toString("hex"))).toEqual(
      [outputBytes(1), outputBytes(2)].map((b) => Buffer.from(sha256(b)).toString("hex")),
    );
  });
});
