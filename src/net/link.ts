/**
 * One reliable, exactly-once, in-order link over TCP on 127.0.0.1 (frames: ./frame.ts).
 *
 * The receiver listens; the sender connects, and reconnects whenever the connection ends.
 * On every connection the receiver first sends HELLO with the sequence number it expects
 * next; the sender then resends every frame it still holds from that number on, and goes on
 * with new ones. The receiver acknowledges cumulatively and drops any frame below the
 * sequence number it expects, so each message is delivered once, in order, however often
 * the connection is dropped or a frame duplicated.
 *
 * A fault injector (a FaultSource) can sit in the receiver, between the bytes and the
 * protocol: it decides per whole frame (never per TCP read) whether to drop the connection
 * before the frame, hold it (and everything behind it) back, or deliver it twice.
 *
 * `unsafe` modes break the protocol on purpose, so a harness can prove it catches bugs:
 * "no-dedupe" (receiver delivers frames it has already delivered) and "no-resend" (sender
 * never writes a frame twice, so what a dropped connection swallowed is lost).
 */
import { once } from "node:events";
import net from "node:net";
import { HindsightError } from "../errors.js";
import type { Fault, FaultSource } from "../faults/plan.js";
import {
  DEFAULT_MAX_FRAME_SIZE,
  decodeFrame,
  encodeAck,
  encodeBye,
  encodeData,
  encodeHello,
  FrameSplitter,
} from "./frame.js";

/** The only address links use. */
export const LOOPBACK = "127.0.0.1";

export type UnsafeMode = "no-dedupe" | "no-resend";

export interface ReceiverStats {
  /** Messages handed to `deliver` (the end-of-stream frame not counted). */
  delivered: number;
  /** Frames dropped because they were already delivered. */
  duplicates: number;
  /** Frames refused because frames before them were missing (only a broken sender causes this). */
  gaps: number;
  /** Connections accepted. */
  connections: number;
  /** DATA messages seen by the injector (its message index). */
  messages: number;
  drops: number;
  delays: number;
  dups: number;
  /**
   * For each dropped connection: ms from the drop to the next message delivered (at most the
   * last 10000). Statistics only (benchmarks); nothing timed is ever recorded.
   */
  recoveryMs: number[];
}

export interface ReceiverOptions {
  /** The link's name, for errors and fault records (e.g. "double->halve"). */
  name: string;
  /** Port on 127.0.0.1 to listen on. Defaults to 0 (an ephemeral port). */
  port?: number;
  /**
   * Receives each message once, in order. Return false to stop delivery until `resume()`
   * (back-pressure: the socket is paused meanwhile). A throw stops the link (see `failed`).
   */
  deliver: (seq: number, payload: Uint8Array) => boolean | undefined;
  /** Called once, when the end-of-stream frame is delivered. */
  onEnd?: () => void;
  /** Decides the faults to inject, per message. Defaults to none. */
  faults?: FaultSource;
  /** Called for every fault applied, before it takes effect (record it here). */
  onFault?: (fault: Fault) => void;
  /** Deliberately broken behaviour, for testing the harness. */
  unsafe?: UnsafeMode;
  /** Largest frame accepted. Defaults to 16 MiB. */
  maxFrameSize?: number;
  /** Timer used for delays (tests may pass a fake). Defaults to setTimeout. */
  setTimer?: (fn: () => void, ms: number) => void;
  /** Monotonic ms clock for `stats.recoveryMs`. Defaults to performance.now. */
  now?: () => number;
}

/** Frames a receiver handles before it yields to the event loop. */
const PUMP_BATCH = 256;

/** The receiving end of a link: listens on 127.0.0.1, delivers exactly once, in order. */
export class LinkReceiver {
  readonly stats: ReceiverStats = {
    delivered: 0,
    duplicates: 0,
    gaps: 0,
    connections: 0,
    messages: 0,
    drops: 0,
    delays: 0,
    dups: 0,
    recoveryMs: [],
  };
  /** Sequence number of the next message to deliver. */
  expected = 0;
  /** True once the end-of-stream frame was delivered. */
  ended = false;
  /** Resolves when the sender said BYE after the end of the stream; rejects if the link failed. */
  readonly finished: Promise<void>;

  private server: net.Server | undefined;
  private conn: net.Socket | undefined;
  private splitter: FrameSplitter;
  private queue: Uint8Array[] = [];
  private headDecided = false;
  private headFault: Fault | undefined;
  private holding = false;
  private paused = false;
  /** A pump is scheduled (it yielded to let I/O through after a batch of frames). */
  private pumpScheduled = false;
  private lastAck = -1;
  private done = false;
  private resolveFinished!: () => void;
  private rejectFinished!: (e: unknown) => void;
  private readonly setTimer: (fn: () => void, ms: number) => void;
  private readonly now: () => number;
  /** When the last drop happened, until the next delivery. */
  private droppedAt: number | undefined;

  private constructor(private readonly opts: ReceiverOptions) {
    this.splitter = new FrameSplitter(opts.maxFrameSize ?? DEFAULT_MAX_FRAME_SIZE, `link ${opts.name}`);
    this.finished = new Promise<void>((res, rej) => {
      this.resolveFinished = res;
      this.rejectFinished = rej;
    });
    // A caller that never awaits `finished` must not see an unhandled rejection.
    this.finished.catch(() => undefined);
    this.setTimer = opts.setTimer ?? ((fn, ms) => void setTimeout(fn, ms));
    this.now = opts.now ?? (() => performance.now());
  }

  /** Starts listening on 127.0.0.1. Throws IO when the port cannot be bound. */
  static async listen(opts: ReceiverOptions): Promise<LinkReceiver> {
    const r = new LinkReceiver(opts);
    const server = net.createServer({ noDelay: true }, (s) => r.accept(s));
    r.server = server;
    server.listen(opts.port ?? 0, LOOPBACK);
    try {
      await once(server, "listening");
    } catch (e) {
      throw new HindsightError("IO", `cannot listen on ${LOOPBACK}:${opts.port ?? 0}`, {
        where: `link ${opts.name}`,
        hint: (e as Error).message,
        cause: e,
      });
    }
    return r;
  }

  get port(): number {
    const a = this.server?.address();
    return typeof a === "object" && a ? a.port : 0;
  }

  /** Lets delivery go on after `deliver` returned false. */
  resume(): void {
    if (!this.paused) return;
    this.paused = false;
    this.conn?.resume();
    this.pump();
  }

  /** Stops listening and drops the connection. Idempotent. */
  close(): void {
    this.done = true;
    this.conn?.destroy();
    this.conn = undefined;
    this.server?.close();
    this.server = undefined;
  }

  private fail(e: unknown): void {
    if (this.done) return;
    this.close();
    this.rejectFinished(e);
  }

  private accept(s: net.Socket): void {
    if (this.done) {
      s.destroy();
      return;
    }
    // A sender has one connection at a time: a new one means the old one is dead to it.
    if (this.conn) this.dropConnection();
    this.conn = s;
    this.stats.connections++;
    this.splitter = new FrameSplitter(
      this.opts.maxFrameSize ?? DEFAULT_MAX_FRAME_SIZE,
      `link ${this.opts.name}`,
    );
    this.queue = [];
    this.headDecided = false;
    this.holding = false;
    s.on("error", () => undefined);
    s.on("close", () => {
      if (this.conn === s) {
        this.conn = undefined;
        this.queue = [];
        this.headDecided = false;
      }
    });
    s.on("data", (chunk: Buffer) => {
      if (this.conn !== s) return;
      try {
        for (const f of this.splitter.push(chunk)) this.queue.push(f);
      } catch (e) {
        this.fail(e);
        return;
      }
      this.pump();
    });
    if (this.paused) s.pause();
    s.write(encodeHello(this.expected));
    this.lastAck = this.expected;
  }

  private dropConnection(): void {
    const s = this.conn;
    this.conn = undefined;
    this.queue = [];
    this.headDecided = false;
    this.holding = false;
    s?.destroy();
  }

  /**
   * Processes queued frames in order until the queue is empty, delivery is paused, or a delay
   * holds the head. Yields to the event loop after every PUMP_BATCH frames so that
   * acknowledgements, reconnections and the other link of a worker are not starved (the order
   * of work does not change: only when it happens).
   */
  private pump(): void {
    const s = this.conn;
    let budget = PUMP_BATCH;
    try {
      while (this.conn === s && s && this.queue.length > 0 && !this.paused && !this.holding) {
        if (budget-- === 0) {
          if (!this.pumpScheduled) {
            this.pumpScheduled = true;
            setImmediate(() => {
              this.pumpScheduled = false;
              this.pump();
            });
          }
          return;
        }
        const f = decodeFrame(this.queue[0]!, `link ${this.opts.name}`);
        if (f.type === "bye") {
          this.queue.shift();
          if (!this.ended) throw this.protocolError("BYE before the end of the stream");
          this.done = true;
          s.end();
          this.server?.close();
          this.server = undefined;
          this.resolveFinished();
          return;
        }
        if (f.type !== "data")
          throw this.protocolError(`unexpected ${f.type.toUpperCase()} frame from the sender`);
        if (!this.headDecided) {
          this.headDecided = true;
          const msg = this.stats.messages++;
          this.headFault = this.opts.faults?.decide(msg, f.seq);
          const fault = this.headFault;
          if (fault) {
            this.opts.onFault?.(fault);
            if (fault.kind === "drop") {
              this.stats.drops++;
              this.droppedAt ??= this.now();
              this.dropConnection();
              return;
            }
            if (fault.kind === "delay") {
              this.stats.delays++;
              this.holding = true;
              this.setTimer(() => {
                if (this.conn !== s) return;
                this.holding = false;
                this.pump();
              }, fault.ms ?? 1);
              return;
            }
            this.stats.dups++;
          }
        }
        this.queue.shift();
        this.headDecided = false;
        const times = this.headFault?.kind === "dup" ? 2 : 1;
        this.headFault = undefined;
        for (let i = 0; i < times; i++) {
          if (!this.handleData(f.seq, f.end, f.payload)) return;
        }
      }
    } catch (e) {
      this.fail(e);
      return;
    } finally {
      if (this.conn === s && s && this.expected !== this.lastAck) {
        this.lastAck = this.expected;
        s.write(encodeAck(this.expected));
      }
    }
  }

  /** Returns false when the connection was dropped (a gap). */
  private handleData(seq: number, end: boolean, payload: Uint8Array): boolean {
    if (seq < this.expected) {
      if (this.opts.unsafe === "no-dedupe" && !end) {
        this.stats.delivered++;
        if (this.opts.deliver(seq, payload) === false) this.pause();
        return true;
      }
      this.stats.duplicates++;
      return true;
    }
    if (seq > this.expected) {
      // Only a sender that skipped frames gets here: refuse and make it reconnect.
      this.stats.gaps++;
      this.dropConnection();
      return false;
    }
    this.expected++;
    if (this.droppedAt !== undefined) {
      if (this.stats.recoveryMs.length >= 10_000) this.stats.recoveryMs.shift();
      this.stats.recoveryMs.push(this.now() - this.droppedAt);
      this.droppedAt = undefined;
    }
    if (end) {
      this.ended = true;
      this.opts.onEnd?.();
      return true;
    }
    this.stats.delivered++;
    if (this.opts.deliver(seq, payload) === false) this.pause();
    return true;
  }

  private pause(): void {
    this.paused = true;
    this.conn?.pause();
  }

  private protocolError(what: string): HindsightError {
    return new HindsightError("CORRUPT_RECORD", `link protocol violation: ${what}`, {
      where: `link ${this.opts.name}`,
      hint: "both ends must run the same hindsight link protocol",
    });
  }
}

export interface SenderStats {
  /** Messages sent (the end-of-stream frame not counted). */
  sent: number;
  /** Frames written again after a reconnect. */
  resent: number;
  /** Connections established (HELLO received). */
  connections: number;
}

export interface SenderOptions {
  name: string;
  /** Port of the receiver on 127.0.0.1. */
  port: number;
  /** Most frames held unacknowledged before `send` reports the window full. Defaults to 1024. */
  window?: number;
  /** First reconnect delay in ms, doubled per failed attempt up to `reconnectMaxMs`. Defaults to 1. */
  reconnectMinMs?: number;
  /** Defaults to 50. */
  reconnectMaxMs?: number;
  unsafe?: UnsafeMode;
}

/** The sending end of a link: holds every frame until it is acknowledged and resends on reconnect. */
export class LinkSender {
  readonly stats: SenderStats = { sent: 0, resent: 0, connections: 0 };
  /** Sequence number the next message gets. */
  nextSeq = 0;
  /** Every seq below this was acknowledged. */
  acked = 0;

  private held: Uint8Array[] = [];
  private heldHead = 0;
  /** Every seq below this was written to some connection at least once. */
  private written = 0;
  private sock: net.Socket | undefined;
  private ready = false;
  private out: Uint8Array[] = [];
  private flushScheduled = false;
  private endSeq = -1;
  private closed = false;
  private backoff: number;
  private waiters: (() => void)[] = [];
  private resolveEnd: (() => void) | undefined;
  private readonly window: number;

  constructor(private readonly opts: SenderOptions) {
    this.window = opts.window ?? 1024;
    this.backoff = opts.reconnectMinMs ?? 1;
    this.connect();
  }

  /** True while fewer than `window` frames are unacknowledged. */
  get writable(): boolean {
    return this.nextSeq - this.acked < this.window;
  }

  /** Resolves when `writable`. */
  whenWritable(): Promise<void> {
    if (this.writable || this.closed) return Promise.resolve();
    return new Promise((res) => this.waiters.push(res));
  }

  /** Queues one message; returns `writable`. Throws CLOSED after `end()` or `close()`. */
  send(payload: Uint8Array): boolean {
    if (this.endSeq >= 0 || this.closed)
      throw new HindsightError("CLOSED", "send on a finished link", { where: `link ${this.opts.name}` });
    this.push(encodeData(this.nextSeq, payload));
    this.stats.sent++;
    return this.writable;
  }

  /** Sends the end of the stream; resolves once the receiver acknowledged everything and was told BYE. */
  end(): Promise<void> {
    if (this.endSeq < 0) {
      this.endSeq = this.nextSeq;
      this.push(encodeData(this.nextSeq, new Uint8Array(0), true));
    }
    return new Promise((res) => {
      this.resolveEnd = res;
      this.checkEnd();
    });
  }

  /** Drops the connection and stops reconnecting. Idempotent. */
  close(): void {
    this.closed = true;
    this.sock?.destroy();
    this.sock = undefined;
    for (const w of this.waiters.splice(0)) w();
  }

  private push(frame: Uint8Array): void {
    this.held.push(frame);
    this.nextSeq++;
    if (this.ready) {
      this.written = this.nextSeq;
      this.write(frame);
    }
  }

  private write(frame: Uint8Array): void {
    this.out.push(frame);
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => this.flush());
    }
  }

  private flush(): void {
    this.flushScheduled = false;
    const parts = this.out;
    this.out = [];
    if (!this.sock || !this.ready || parts.length === 0) return;
    this.sock.write(parts.length === 1 ? parts[0]! : Buffer.concat(parts));
  }

  private connect(): void {
    if (this.closed) return;
    const s = net.connect({ host: LOOPBACK, port: this.opts.port, noDelay: true });
    this.sock = s;
    this.ready = false;
    const splitter = new FrameSplitter(DEFAULT_MAX_FRAME_SIZE, `link ${this.opts.name}`);
    s.on("error", () => undefined);
    s.on("data", (chunk: Buffer) => {
      if (this.sock !== s) return;
      try {
        for (const raw of splitter.push(chunk)) {
          const f = decodeFrame(raw, `link ${this.opts.name}`);
          if (f.type === "hello") this.onHello(f.next);
          else if (f.type === "ack") this.onAck(f.next);
          else s.destroy();
        }
      } catch {
        s.destroy();
      }
    });
    s.on("close", () => {
      if (this.sock !== s) return;
      this.sock = undefined;
      this.ready = false;
      this.out = [];
      if (this.closed) return;
      const wait = this.backoff;
      this.backoff = Math.min(this.backoff * 2, this.opts.reconnectMaxMs ?? 50);
      setTimeout(() => this.connect(), wait);
    });
  }

  private onHello(next: number): void {
    if (next > this.nextSeq) {
      // The receiver expects a frame this sender never made: not our stream.
      this.sock?.destroy();
      return;
    }
    this.stats.connections++;
    this.backoff = this.opts.reconnectMinMs ?? 1;
    this.release(next);
    this.ready = true;
    const from = this.opts.unsafe === "no-resend" ? Math.max(next, this.written) : next;
    for (let seq = from; seq < this.nextSeq; seq++) {
      if (seq < this.written) this.stats.resent++;
      this.write(this.held[this.heldHead + (seq - this.acked)]!);
    }
    this.written = this.nextSeq;
    this.checkEnd();
  }

  private onAck(next: number): void {
    if (next > this.nextSeq) {
      this.sock?.destroy();
      return;
    }
    this.release(next);
    this.checkEnd();
  }

  /** Forgets frames below `next` (acknowledged). */
  private release(next: number): void {
    if (next <= this.acked) return;
    this.heldHead += next - this.acked;
    this.acked = next;
    if (this.heldHead > 1024 && this.heldHead * 2 > this.held.length) {
      this.held = this.held.slice(this.heldHead);
      this.heldHead = 0;
    }
    if (this.writable) for (const w of this.waiters.splice(0)) w();
  }

  private checkEnd(): void {
    if (this.endSeq < 0 || this.acked <= this.endSeq || !this.resolveEnd || !this.sock || !this.ready) return;
    const res = this.resolveEnd;
    this.resolveEnd = undefined;
    this.flush();
    this.closed = true;
    this.sock.end(encodeBye());
    res();
  }
}
