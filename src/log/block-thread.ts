/**
 * The calling side of a block-writer thread: starts it, hands it jobs, and waits for them
 * synchronously (Atomics.wait on shared memory, so the caller's event loop may be blocked).
 * Used by LogWriter (blocks) and by replay (output digest checks).
 */
import { MessageChannel, type MessagePort, Worker } from "node:worker_threads";
import { type ErrorCode, HindsightError } from "../errors.js";
import {
  CTRL_SLOTS,
  DESC_SLOTS,
  DONE,
  ERR_BYTES,
  ERR_LEN,
  FAILED,
  type Job,
  MESSAGE,
  META_FIELDS,
  MISMATCH,
  PUBLISHED,
  READY,
  type Ring,
  type SharedState,
  SLEEPING,
  type WorkerError,
} from "./block-worker.js";
import type { ByteRuns } from "./byte-runs.js";
import { type BlockMeta, monotonicNow } from "./segment-store.js";

/** Jobs handed over and not yet done, at most; run() waits beyond this. */
export const MAX_JOBS_IN_FLIGHT = 4;

/** How long startReady() waits for a thread to start. */
const START_TIMEOUT_MS = 30_000;

/** Ring slots: one more than can be in flight, so the next slot is always free already. */
const RING_SLOTS = MAX_JOBS_IN_FLIGHT + 2;

/** Largest raw block a ring slot holds; larger blocks go as messages. */
const MAX_SLOT_BYTES = 1024 * 1024;

/** The shared memory of a ring whose slots hold blocks of up to `slotBytes` bytes. */
function makeRing(slotBytes: number): Ring {
  // An output record holds its 32-byte digest: a block of slotBytes has fewer outputs than this.
  const maxRuns = Math.ceil(slotBytes / 32);
  return {
    slots: RING_SLOTS,
    slotBytes,
    maxRuns,
    data: new SharedArrayBuffer(RING_SLOTS * slotBytes),
    runData: new SharedArrayBuffer(RING_SLOTS * slotBytes),
    runIdx: new SharedArrayBuffer(RING_SLOTS * 2 * maxRuns * 4),
    meta: new SharedArrayBuffer(RING_SLOTS * META_FIELDS * 8),
    times: new SharedArrayBuffer(RING_SLOTS * 16),
  };
}

/** The appending side's views of a ring. */
class RingViews {
  readonly data: Uint8Array;
  readonly runData: Uint8Array;
  readonly runIdx: Uint32Array;
  readonly meta: Float64Array;
  readonly times: BigUint64Array;
  /** Job that last used each slot (-1: none). */
  readonly usedBy: number[];
  /** Slot the next block goes into. */
  next = 0;

  constructor(readonly ring: Ring) {
    this.data = new Uint8Array(ring.data);
    this.runData = new Uint8Array(ring.runData);
    this.runIdx = new Uint32Array(ring.runIdx);
    this.meta = new Float64Array(ring.meta);
    this.times = new BigUint64Array(ring.times);
    this.usedBy = new Array<number>(ring.slots).fill(-1);
  }
}

/** The calling side of a block-writer thread (see block-worker.ts for the protocol). */
export class BlockThread {
  private sent = 0;
  private readonly ctrl: Int32Array;
  private readonly desc: Int32Array;
  private readonly ring: RingViews | null;
  private readonly err: Uint8Array;
  private readonly shared: Float64Array;
  /** Stats of the blocks written before the hand-over, added to the thread's. */
  private base = [0, 0, 0];
  private stopped = false;

  private constructor(
    private readonly worker: Worker,
    private readonly port: MessagePort,
    shared: SharedState,
  ) {
    this.ctrl = new Int32Array(shared.ctrl);
    this.desc = new Int32Array(shared.desc);
    this.ring = shared.ring ? new RingViews(shared.ring) : null;
    this.err = new Uint8Array(shared.err);
    this.shared = new Float64Array(shared.stats);
  }

  /**
   * Starts a thread. With `slotBytes` (at most 1 MiB), blocks of up to that many raw bytes can
   * be handed over through a ring in shared memory (runBlock).
   */
  static start(slotBytes = 0): BlockThread {
    const { port1, port2 } = new MessageChannel();
    const shared: SharedState = {
      ctrl: new SharedArrayBuffer(CTRL_SLOTS * 4),
      desc: new SharedArrayBuffer(DESC_SLOTS * 4),
      stats: new SharedArrayBuffer(3 * 8),
      err: new SharedArrayBuffer(ERR_BYTES),
      port: port2,
      ring: slotBytes > 0 && slotBytes <= MAX_SLOT_BYTES ? makeRing(slotBytes) : null,
    };
    // From TypeScript sources (tests, benchmarks) a small bootstrap loads the thread through tsx.
    const fromSource = import.meta.url.endsWith(".ts");
    const url = new URL(fromSource ? "./block-worker-source.mjs" : "./block-worker.js", import.meta.url);
    const worker = new Worker(url, {
      workerData: { hindsightBlockWriter: shared },
      transferList: [port2],
      stdout: false,
      stderr: false,
    });
    worker.unref();
    // A thread that fails to load never becomes ready; "auto" then keeps writing here.
    worker.on("error", () => undefined);
    // The job port is only written to; it must not keep the process alive.
    port1.unref();
    return new BlockThread(worker, port1, shared);
  }

  /**
   * Starts a thread and waits until it is ready. When it does not start in time, stops it and
   * throws IO naming the thread (`what`) with `hint`.
   */
  static startReady(what: string, hint: string, slotBytes = 0): BlockThread {
    const t = BlockThread.start(slotBytes);
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
    this.port.postMessage(job, transfer ?? []);
    this.publish(MESSAGE);
    this.waitUntil(wait ? this.sent : this.sent - MAX_JOBS_IN_FLIGHT);
  }

  /**
   * Hands over a block through the ring: its raw bytes, meta, and the output runs whose
   * digests go at `positions` (copied; the caller may reuse all of them at once). Returns
   * false, having done nothing, when the block does not fit a slot: send it with run().
   */
  runBlock(raw: Uint8Array, meta: BlockMeta, runs: ByteRuns, positions: readonly number[]): boolean {
    const r = this.ring;
    if (r === null || raw.length > r.ring.slotBytes) return false;
    const n = runs.count;
    if (n > r.ring.maxRuns || runs.byteLength > r.ring.slotBytes) return false;
    this.check();
    const k = r.next;
    // The slot's last job is done long since (RING_SLOTS > jobs in flight); wait if not.
    this.waitUntil((r.usedBy[k] as number) + 1);
    r.data.set(raw, k * r.ring.slotBytes);
    if (n > 0) {
      runs.copyInto(r.runData, k * r.ring.slotBytes, r.runIdx, k * 2 * r.ring.maxRuns);
      const p = k * 2 * r.ring.maxRuns + r.ring.maxRuns;
      for (let i = 0; i < n; i++) r.runIdx[p + i] = positions[i] as number;
    }
    const m = k * META_FIELDS;
    r.meta[m] = meta.firstSeq;
    r.meta[m + 1] = meta.recordCount;
    r.meta[m + 2] = raw.length;
    r.meta[m + 3] = n;
    r.times[2 * k] = meta.minTime;
    r.times[2 * k + 1] = meta.maxTime;
    r.usedBy[k] = this.sent;
    r.next = (k + 1) % r.ring.slots;
    this.publish(k);
    this.waitUntil(this.sent - MAX_JOBS_IN_FLIGHT);
    return true;
  }

  /** Describes job `sent` as `d` and publishes it (the Atomics.store orders the writes before it). */
  private publish(d: number): void {
    this.waitUntil(this.sent - DESC_SLOTS + 1);
    this.desc[this.sent % DESC_SLOTS] = d;
    this.sent++;
    Atomics.store(this.ctrl, PUBLISHED, this.sent);
    // A napping thread finds the job by itself; only a sleeping one needs the (costly) notify.
    if (Atomics.load(this.ctrl, SLEEPING) === 1) Atomics.notify(this.ctrl, PUBLISHED);
  }

  /** Waits until every job sent is done. */
  drain(): void {
    this.waitUntil(this.sent);
  }

  private waitUntil(target: number): void {
    let woken = false;
    for (;;) {
      const done = Atomics.load(this.ctrl, DONE);
      if (done >= target) break;
      // Waiting here: the thread should not finish its nap first.
      if (!woken) Atomics.notify(this.ctrl, PUBLISHED);
      woken = true;
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
    this.port.close();
    void this.worker.terminate();
  }
}
