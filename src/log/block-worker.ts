/**
 * The block-writer thread: runs a SegmentStore for a LogWriter, so that digests of outputs,
 * LZ4 compression, CRCs, writes and fsyncs happen off the thread that appends records.
 *
 * Protocol (all state the appending thread waits on is in shared memory, so it can wait
 * with Atomics.wait while its own event loop is blocked):
 *   ctrl[DONE]   jobs finished (every message is one job), Atomics.notify'd after each
 *   ctrl[READY]  1 once this module has loaded and listens
 *   ctrl[FAILED] 1 once a job failed; the error, as JSON, is in `err` (ctrl[ERR_LEN] bytes)
 *   ctrl[MISMATCH] 1 once a "check" job found an output whose SHA-256 is not the expected one
 *   stats        Float64Array: blocks written, bytes written, raw bytes
 * After a failure every later job is skipped (and counted done): the appending side throws.
 */
import { parentPort, workerData } from "node:worker_threads";
import { sha256 } from "../engine/bytes.js";
import { HindsightError } from "../errors.js";
import { forEachRun, type Runs } from "./byte-runs.js";
import {
  type BlockMeta,
  type DeferredDigests,
  SegmentStore,
  type StoreOptions,
  type StoreState,
  writeFileAtomic,
} from "./segment-store.js";

export const DONE = 0;
export const READY = 1;
export const FAILED = 2;
export const ERR_LEN = 3;
export const MISMATCH = 4;
export const CTRL_SLOTS = 5;
export const ERR_BYTES = 4096;

export type Job =
  | { op: "init"; dir: string; options: StoreOptions; features: number; state: StoreState }
  | { op: "block"; raw: Uint8Array; meta: BlockMeta; digests?: DeferredDigests }
  | { op: "side"; path: string; data: Uint8Array; sync: boolean | "background" }
  | { op: "sync" }
  /** Replay: does each output (run i) hash to `digests[32i .. 32i+32]`? */
  | { op: "check"; runs: Runs; digests: Uint8Array }
  | { op: "close" };

export interface SharedState {
  readonly ctrl: SharedArrayBuffer;
  readonly stats: SharedArrayBuffer;
  readonly err: SharedArrayBuffer;
}

/** The error a failed job left, as the appending thread rebuilds it. */
export interface WorkerError {
  readonly code: string;
  readonly message: string;
  readonly where?: string;
  readonly hint?: string;
}

function main(port: NonNullable<typeof parentPort>, shared: SharedState): void {
  const ctrl = new Int32Array(shared.ctrl);
  const stats = new Float64Array(shared.stats);
  const err = new Uint8Array(shared.err);
  let store: SegmentStore | null = null;
  let timer: NodeJS.Timeout | undefined;

  const fail = (e: unknown): void => {
    const h = e instanceof HindsightError ? e : null;
    const info: WorkerError = {
      code: h ? h.code : "IO",
      message: e instanceof Error ? e.message : String(e),
      ...(h?.where ? { where: h.where } : {}),
      ...(h?.hint ? { hint: h.hint } : {}),
    };
    const bytes = Buffer.from(JSON.stringify(info), "utf8").subarray(0, ERR_BYTES);
    err.set(bytes);
    Atomics.store(ctrl, ERR_LEN, bytes.length);
    Atomics.store(ctrl, FAILED, 1);
  };

  const run = (job: Job): void => {
    switch (job.op) {
      case "init":
        store = new SegmentStore(job.dir, job.options, job.features, job.state);
        if (job.options.fsync === "interval") {
          timer = setInterval(
            () => {
              if (Atomics.load(ctrl, FAILED) === 0)
                try {
                  store?.maybeSync();
                } catch (e) {
                  fail(e);
                }
            },
            Math.max(1, Math.min(job.options.fsyncIntervalMs, 1000)),
          );
          timer.unref();
        }
        return;
      case "check":
        forEachRun(job.runs, (run, i) => {
          const same = Buffer.from(sha256(run)).equals(job.digests.subarray(32 * i, 32 * i + 32));
          if (!same) Atomics.store(ctrl, MISMATCH, 1);
          return same;
        });
        return;
      case "block":
        store!.writeBlock(job.raw, job.meta, job.digests);
        break;
      case "side":
        writeFileAtomic(job.path, job.data, job.sync);
        break;
      case "sync":
        store!.sync();
        break;
      case "close":
        if (timer) clearInterval(timer);
        store!.close();
        break;
    }
    if (store!.failure) throw store!.failure;
    stats[0] = store!.stats.blocksWritten;
    stats[1] = store!.stats.bytesWritten;
    stats[2] = store!.stats.rawBytes;
  };

  // Nothing should escape the handlers below; if something does, the waiting side must hear
  // of it rather than wait for a job that will never be done.
  const fatal = (e: unknown): void => {
    if (Atomics.load(ctrl, FAILED) === 0) fail(e);
    Atomics.add(ctrl, DONE, 1 << 20);
    Atomics.notify(ctrl, DONE);
  };
  process.on("uncaughtException", fatal);
  process.on("unhandledRejection", fatal);
  port.on("message", (job: Job) => {
    if (Atomics.load(ctrl, FAILED) === 0)
      try {
        run(job);
      } catch (e) {
        fail(e);
      }
    Atomics.add(ctrl, DONE, 1);
    Atomics.notify(ctrl, DONE);
  });
  Atomics.store(ctrl, READY, 1);
  Atomics.notify(ctrl, READY);
}

if (parentPort && (workerData as { hindsightBlockWriter?: SharedState } | null)?.hindsightBlockWriter)
  main(parentPort, (workerData as { hindsightBlockWriter: SharedState }).hindsightBlockWriter);
