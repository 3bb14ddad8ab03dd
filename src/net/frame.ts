/**
 * The link protocol's frames: pure bytes ↔ structures, no sockets.
 *
 * A frame is `u32 length (big-endian, of what follows) | u8 type | body`:
 * - HELLO (1): `u64 next` — sent by the receiver on every (re)connect: the link sequence
 *   number it expects next. The sender resends everything it holds from `next` on.
 * - DATA  (2): `u64 seq | u8 flags | payload` — one message. `flags & 1` marks the end of
 *   the stream (the last DATA frame; its payload is empty).
 * - ACK   (3): `u64 next` — cumulative: every seq < next was delivered.
 * - BYE   (4): empty — the sender holds an ACK for its end-of-stream frame and leaves.
 *
 * Sequence numbers are dense per link, from 0, and below 2^53 (JavaScript numbers).
 */
import { HindsightError } from "../errors.js";

export const FrameType = { hello: 1, data: 2, ack: 3, bye: 4 } as const;
export type FrameType = (typeof FrameType)[keyof typeof FrameType];

export const DATA_FLAG_END = 1;
/** Bytes before a DATA frame's payload: length, type, seq, flags. */
export const DATA_HEADER_SIZE = 4 + 1 + 8 + 1;
/** Default limit on one frame's length, checked before buffering. */
export const DEFAULT_MAX_FRAME_SIZE = 16 * 1024 * 1024;

export type Frame =
  | { readonly type: "hello"; readonly next: number }
  | { readonly type: "data"; readonly seq: number; readonly end: boolean; readonly payload: Uint8Array }
  | { readonly type: "ack"; readonly next: number }
  | { readonly type: "bye" };

function putU64(b: Uint8Array, off: number, n: number): void {
  const hi = Math.floor(n / 0x1_0000_0000);
  const lo = n >>> 0;
  b[off] = hi >>> 24;
  b[off + 1] = (hi >>> 16) & 0xff;
  b[off + 2] = (hi >>> 8) & 0xff;
  b[off + 3] = hi & 0xff;
  b[off + 4] = lo >>> 24;
  b[off + 5] = (lo >>> 16) & 0xff;
  b[off + 6] = (lo >>> 8) & 0xff;
  b[off + 7] = lo & 0xff;
}

function getU32(b: Uint8Array, off: number): number {
  return ((b[off]! << 24) >>> 0) + ((b[off + 1]! << 16) | (b[off + 2]! << 8) | b[off + 3]!);
}

function getU64(b: Uint8Array, off: number): number {
  return getU32(b, off) * 0x1_0000_0000 + getU32(b, off + 4);
}

/** A frame of `bodyLength` body bytes with its length and type filled in. */
function header(type: FrameType, bodyLength: number): Uint8Array {
  const bytes = new Uint8Array(5 + bodyLength);
  const len = 1 + bodyLength;
  bytes[0] = len >>> 24;
  bytes[1] = (len >>> 16) & 0xff;
  bytes[2] = (len >>> 8) & 0xff;
  bytes[3] = len & 0xff;
  bytes[4] = type;
  return bytes;
}

export function encodeHello(next: number): Uint8Array {
  const bytes = header(FrameType.hello, 8);
  putU64(bytes, 5, next);
  return bytes;
}

export function encodeAck(next: number): Uint8Array {
  const bytes = header(FrameType.ack, 8);
  putU64(bytes, 5, next);
  return bytes;
}

export function encodeBye(): Uint8Array {
  return header(FrameType.bye, 0);
}

export function encodeData(seq: number, payload: Uint8Array, end = false): Uint8Array {
  const bytes = header(FrameType.data, 9 + payload.length);
  putU64(bytes, 5, seq);
  bytes[13] = end ? DATA_FLAG_END : 0;
  bytes.set(payload, DATA_HEADER_SIZE);
  return bytes;
}

export function encodeFrame(f: Frame): Uint8Array {
  switch (f.type) {
    case "hello":
      return encodeHello(f.next);
    case "ack":
      return encodeAck(f.next);
    case "bye":
      return encodeBye();
    case "data":
      return encodeData(f.seq, f.payload, f.end);
  }
}

function badFrame(what: string, where: string): HindsightError {
  return new HindsightError("CORRUPT_RECORD", `bad link frame: ${what}`, {
    where,
    hint: "the peer is not speaking the hindsight link protocol, or the stream is corrupt",
  });
}

/** A whole frame's bytes (length prefix included) → the frame. Throws CORRUPT_RECORD on a bad frame. */
export function decodeFrame(bytes: Uint8Array, where = "link"): Frame {
  const bad = badFrame;
  if (bytes.length < 5) throw bad("shorter than its header", where);
  const type = bytes[4]!;
  const body = bytes.length - 5;
  switch (type) {
    case FrameType.hello:
    case FrameType.ack: {
      if (body !== 8)
        throw bad(`${type === FrameType.hello ? "HELLO" : "ACK"} body of ${body} bytes, expected 8`, where);
      const next = getU64(bytes, 5);
      return type === FrameType.hello ? { type: "hello", next } : { type: "ack", next };
    }
    case FrameType.data: {
      if (body < 9) throw bad(`DATA body of ${body} bytes, expected at least 9`, where);
      const flags = bytes[13]!;
      if ((flags & ~DATA_FLAG_END) !== 0) throw bad(`unknown DATA flags 0x${flags.toString(16)}`, where);
      return {
        type: "data",
        seq: getU64(bytes, 5),
        end: (flags & DATA_FLAG_END) !== 0,
        payload: bytes.subarray(DATA_HEADER_SIZE),
      };
    }
    case FrameType.bye:
      if (body !== 0) throw bad(`BYE body of ${body} bytes, expected 0`, where);
      return { type: "bye" };
    default:
      throw bad(`unknown frame type ${type}`, where);
  }
}

/**
 * Splits a byte stream into whole frames, however the stream was segmented. `push` returns
 * the frames completed by the chunk (each as its own bytes, length prefix included); a
 * partial frame waits for more bytes. A length above `maxFrameSize` is refused before any of
 * the frame is buffered.
 */
export class FrameSplitter {
  private pending: Uint8Array = new Uint8Array(0);

  constructor(
    private readonly maxFrameSize = DEFAULT_MAX_FRAME_SIZE,
    private readonly where = "link",
  ) {}

  /** Bytes held for a frame not yet complete. */
  get buffered(): number {
    return this.pending.length;
  }

  push(chunk: Uint8Array): Uint8Array[] {
    let buf: Uint8Array;
    if (this.pending.length === 0) buf = chunk;
    else {
      buf = new Uint8Array(this.pending.length + chunk.length);
      buf.set(this.pending, 0);
      buf.set(chunk, this.pending.length);
    }
    const frames: Uint8Array[] = [];
    let off = 0;
    while (buf.length - off >= 4) {
      const len = ((buf[off]! << 24) >>> 0) + ((buf[off + 1]! << 16) | (buf[off + 2]! << 8) | buf[off + 3]!);
      if (len < 1 || len > this.maxFrameSize)
        throw new HindsightError(
          "CORRUPT_RECORD",
          `bad link frame: length ${len} outside 1..${this.maxFrameSize}`,
          {
            where: this.where,
            hint: "the peer is not speaking the hindsight link protocol, or the stream is corrupt",
          },
        );
      if (buf.length - off < 4 + len) break;
      frames.push(buf.subarray(off, off + 4 + len));
      off += 4 + len;
    }
    // Copy the tail so a large chunk is not kept alive by a small partial frame.
    this.pending = off === buf.length ? new Uint8Array(0) : buf.slice(off);
    return frames;
  }
}
