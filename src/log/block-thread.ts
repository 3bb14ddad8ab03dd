/**
 * The calling side of a block-writer thread: starts it, hands it jobs, and waits for them
 * synchronously (Atomics.wait on shared memory, so the caller's event loop may be blocked).
 * Used by LogWriter (blocks) and by replay (output digest checks).
 */
import { Worker } from "node:worker_threads";
import { type ErrorCode, HindsightError } from "../errors.js";
import {
  CTRL_SLOTS,
  DONE,
  ERR_BYTES,
  ERR_LEN,
  FAILED,
  type Job,
  MISMATCH,
  READY,
  type SharedState,
  type WorkerError,
} from "./block-worker.js";
import { monotonicNow } from "./segment-store.js";

/** Jobs handed over and not yet done, at most; run() waits beyond this. */
export const MAX_JOBS_IN_FLIGHT = 4;

/** How long startReady() waits for a thread to start. */
const START_TIMEOUT_MS = 30_000;

/** The calling side of a block-writer thread (see block-worker.ts for the protocol). */
export class BlockThread {
  private sent = 0;
  private readonly ctrl: Int32Array;
  private readonly err: Uint8Array;
  private readonly shared: Float64Array;
  /** Stats of the blocks written before the hand-over, added to the thread's. */
  private base = [0, 0, 0];
  private stopped = false;

  private constructor(
    private readonly worker: Worker,
    shared: SharedState,
  ) {
    this.ctrl = new Int32Array(shared.ctrl);
    this.err = new Uint8Array(shared.err);
    this.shared = new Float64Array(shared.stats);
  }

  static start(): BlockThread {
    const shared: SharedState = {
      ctrl: new SharedArrayBuffer(CTRL_SLOTS * 4),
      stats: new SharedArrayBuffer(3 * 8),
      err: new SharedArrayBuffer(ERR_BYTES),
    };
    // From TypeScript sources (tests, benchmarks) a small bootstrap loads the thread through tsx.
    const fromSource = import.meta.url.endsWith(".ts");
    const url = new URL(fromSource ? "./block-worker-source.mjs" : "./block-worker.js", import.meta.url);
    const worker = new Worker(url, {
      workerData: { hindsightBlockWriter: shared },
      stdout: false,
      stderr: false,
    });
    worker.unref();
    // A thread that fails to load never becomes ready; "auto" then keeps writing here.
    worker.on("error", () => undefined);
    return new BlockThread(worker, shared);
  }

  /**
   * Starts a thread and waits until it is ready. When it does not start in time, stops it and
   * throws IO naming the thread (`what`) with `hint`.
   */
  static startReady(what: string, hint: string): BlockThread {
    const t = BlockThread.start();
    if (!t.waitReady(START_TIMEOUT_MS)) {
      t.stop();
      throw new HindsightError("IO", `the ${what} thread did not start`, { hint });
    }
    return t;
  }

  /** Blocks written, bytes written, raw bytes: before the hand-over plus on the thread. */
  get stats(): readonly number[] {
    const s = this.shared;
    return [this.base[0]! + s[0]!, this.base[1]! + s[1]!, this.base[2]! + s[2]!];
  }

  inherit(base: readonly number[]): void {
    this.base = [...base];
  }

  ready(): boolean {
    return Atomics.load(this.ctrl, READY) === 1;
  }

  waitReady(timeoutMs: number): boolean {
    const until = monotonicNow() + timeoutMs;
    while (!this.ready()) {
      const left = until - monotonicNow();
      if (left <= 0) return false;
      Atomics.wait(this.ctrl, READY, 0, Math.min(left, 100));
    }
    return true;
  }

  /** Sends a job; waits for it (and all before it) when `wait`, else only while too many are in flight. */
  run(job: Job, wait: boolean, transfer?: ArrayBuffer[]): void {
    this.check();
    this.worker.postMessage(job, transfer ?? []);
    this.sent++;
    this.waitUntil(wait ? this.sent : this.sent - MAX_JOBS_IN_FLIGHT);
  }

  /** Waits until every job sent is done. */
  drain(): void {
    this.waitUntil(this.sent);
  }

  private waitUntil(target: number): void {
    for (;;) {
      const done = Atomics.load(this.ctrl, DONE);
      if (done >= target) break;
      Atomics.wait(this.ctrl, DONE, done, 1000);
    }
    this.check();
  }

  private check(): void {
    if (Atomics.load(this.ctrl, FAILED) === 0) return;
    const n = Atomics.load(this.ctrl, ERR_LEN);
    const info = JSON.parse(Buffer.from(this.err.slice(0, n)).toString("utf8")) as WorkerError;
    throw new HindsightError(info.code as ErrorCode, info.message, {
      ...(info.where ? { where: info.where } : {}),
      ...(info.hint ? { hint: info.hint } : {}),
    });
  }

  /** Whether a "check" job found a digest that differs (complete after drain()). */
  get mismatch(): boolean {
    return Atomics.load(this.ctrl, MISMATCH) === 1;
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    void this.worker.terminate();
  }
}
