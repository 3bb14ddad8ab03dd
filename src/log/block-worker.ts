/**
 * The block-writer thread: runs a SegmentStore for a LogWriter, so that digests of outputs,
 * LZ4 compression, CRCs, writes and fsyncs happen off the thread that appends records.
 *
 * Protocol (all state the appending thread waits on is in shared memory, so it can wait
 * with Atomics.wait while its own event loop is blocked):
 *   ctrl[PUBLISHED] jobs handed over; job j is described by desc[j % DESC_SLOTS]: a slot of
 *                the ring (>= 0: a block whose bytes, meta and output runs are in that slot),
 *                or MESSAGE (-1: the next message on the job port, pulled with
 *                receiveMessageOnPort, so that jobs of both kinds run in the order handed over)
 *   ctrl[DONE]   jobs finished, Atomics.notify'd after each
 *   ctrl[READY]  1 once this module has loaded and waits for jobs
 *   ctrl[SLEEPING] 1 while the thread sleeps until notified: a job published then needs an
 *                Atomics.notify on ctrl[PUBLISHED] (otherwise the thread looks every ms or so)
 *   ctrl[FAILED] 1 once a job failed; the error, as JSON, is in `err` (ctrl[ERR_LEN] bytes)
 *   ctrl[MISMATCH] 1 once a "check" job found an output whose SHA-256 is not the expected one
 *   stats        Float64Array: blocks written, bytes written, raw bytes
 * The ring spares the appending thread a message, a fresh buffer and a transfer per block:
 * it copies the block into a slot and publishes it (a few µs). See loop() for how the thread
 * waits for jobs.
 * After a failure every later job is skipped (and counted done): the appending side throws.
 */
import { type MessagePort, receiveMessageOnPort, workerData } from "node:worker_threads";
import { sha256 } from "../engine/bytes.js";
import { HindsightError } from "../errors.js";
import { forEachRun, type Runs } from "./byte-runs.js";
import {
  type BlockMeta,
  type DeferredDigests,
  monotonicNow,
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
export const PUBLISHED = 5;
export const SLEEPING = 6;
export const CTRL_SLOTS = 7;
export const ERR_BYTES = 4096;
/** Descriptors of jobs handed over and not done: more than MAX_JOBS_IN_FLIGHT (block-thread.ts). */
export const DESC_SLOTS = 16;
/** desc[j]: job j is the next message on the job port. */
export const MESSAGE = -1;
/** The thread's nap between looks for a job, while jobs come (ms). */
const LIGHT_NAP_MS = 1;
/** Naps without a job after which the thread sleeps until notified. */
const IDLE_NAPS = 20;
/** The longest the thread keeps its event loop waiting (ms). */
const YIELD_MS = 50;
/** Per ring slot, in `meta` (Float64Array): first sequence number, records, raw bytes, output runs. */
export const META_FIELDS = 4;

export type Job =
  | { op: "init"; dir: string; options: StoreOptions; features: number; state: StoreState }
  | { op: "block"; raw: Uint8Array; meta: BlockMeta; digests?: DeferredDigests }
  | { op: "side"; path: string; data: Uint8Array; sync: boolean | "background" }
  | { op: "sync" }
  /** Replay: does each output (run i) hash to `digests[32i .. 32i+32]`? */
  | { op: "check"; runs: Runs; digests: Uint8Array }
  | { op: "close" };

/**
 * A ring of block slots in shared memory. Slot k: its raw block at data[k * slotBytes]; its
 * output runs (the bytes whose digests the block awaits, slotBytes at most) at
 * runData[k * slotBytes], their ends and digest positions at runIdx[k * 2 * maxRuns] (ends,
 * then positions; Uint32); its meta at meta[k * META_FIELDS] and its min/max times at
 * times[2k], times[2k+1] (BigUint64).
 */
export interface Ring {
  readonly slots: number;
  readonly slotBytes: number;
  readonly maxRuns: number;
  readonly data: SharedArrayBuffer;
  readonly runData: SharedArrayBuffer;
  readonly runIdx: SharedArrayBuffer;
  readonly meta: SharedArrayBuffer;
  readonly times: SharedArrayBuffer;
}

export interface SharedState {
  readonly ctrl: SharedArrayBuffer;
  readonly desc: SharedArrayBuffer;
  readonly stats: SharedArrayBuffer;
  readonly err: SharedArrayBuffer;
  /** Where MESSAGE jobs come from (transferred to the thread). */
  readonly port: MessagePort;
  readonly ring: Ring | null;
}

/** The error a failed job left, as the appending thread rebuilds it. */
export interface WorkerError {
  readonly code: string;
  readonly message: string;
  readonly where?: string;
  readonly hint?: string;
}

/** The block in ring slot k, as a job (views of shared memory: valid until the job is done). */
function slotJob(ring: Ring, k: number): Job {
  const meta = new Float64Array(ring.meta, k * META_FIELDS * 8, META_FIELDS);
  const times = new BigUint64Array(ring.times, k * 16, 2);
  const runs = meta[3] as number;
  const idx = new Uint32Array(ring.runIdx, k * 2 * ring.maxRuns * 4, 2 * ring.maxRuns);
  const ends = idx.subarray(0, runs);
  return {
    op: "block",
    raw: new Uint8Array(ring.data, k * ring.slotBytes, meta[2] as number),
    meta: {
      firstSeq: meta[0] as number,
      recordCount: meta[1] as number,
      minTime: times[0] as bigint,
      maxTime: times[1] as bigint,
    },
    ...(runs > 0
      ? {
          digests: {
            positions: idx.subarray(ring.maxRuns, ring.maxRuns + runs),
            ends,
            data: new Uint8Array(ring.runData, k * ring.slotBytes, ends[runs - 1] as number),
          },
        }
      : {}),
  };
}

function main(shared: SharedState): void {
  const { port, ring } = shared;
  const ctrl = new Int32Array(shared.ctrl);
  const desc = new Int32Array(shared.desc);
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

  /** Runs job j (counted done even when skipped after a failure). */
  const next = (j: number): void => {
    const d = desc[j % DESC_SLOTS] as number;
    // A message job's message is taken off the port even after a failure: the next one is next.
    const msg = d === MESSAGE ? receiveMessageOnPort(port) : undefined;
    if (Atomics.load(ctrl, FAILED) === 0)
      try {
        if (d !== MESSAGE) run(slotJob(ring as Ring, d));
        else if (msg === undefined) throw new HindsightError("INTERNAL", `job ${j} has no message`);
        else run(msg.message as Job);
      } catch (e) {
        fail(e);
      }
    Atomics.add(ctrl, DONE, 1);
    Atomics.notify(ctrl, DONE);
  };
  let taken = 0;
  /**
   * Takes jobs as they are published. Between jobs the thread naps (LIGHT_NAP_MS, unwoken: the
   * appending side publishes without a notify, a syscall that costs it more than copying a
   * block); after IDLE_NAPS naps in a row without a job it sleeps until notified (SLEEPING
   * set), and stays asleep until a job comes. It yields to its event loop at least every
   * YIELD_MS, so that background fsyncs complete.
   */
  let naps = 0;
  const loop = (): void => {
    const start = monotonicNow();
    while (monotonicNow() - start < YIELD_MS) {
      const published = Atomics.load(ctrl, PUBLISHED);
      if (taken < published) {
        while (taken < published) next(taken++);
        naps = 0;
      } else if (naps < IDLE_NAPS) {
        naps++;
        Atomics.wait(ctrl, PUBLISHED, published, LIGHT_NAP_MS);
      } else {
        Atomics.store(ctrl, SLEEPING, 1);
        Atomics.wait(ctrl, PUBLISHED, published, YIELD_MS);
        Atomics.store(ctrl, SLEEPING, 0);
      }
    }
    setImmediate(loop);
  };
  Atomics.store(ctrl, READY, 1);
  Atomics.notify(ctrl, READY);
  loop();
}

const shared = (workerData as { hindsightBlockWriter?: SharedState } | null)?.hindsightBlockWriter;
if (shared) main(shared);
