/**
 * The hot path of the log: Record messages (proto/hindsight/v1/log.proto) encoded and
 * decoded by hand, length-delimited, straight into and out of block buffers. The output is
 * canonical proto3 (fields in number order, defaults omitted), so the generated protobufjs
 * code and any stock protobuf library decode it; a property test checks both directions
 * against the generated code. Written by hand because encoding was most of the recorder's
 * cost with generic code (docs/DECISIONS.md).
 */
import { HindsightError } from "../errors.js";
import { DEFAULT_MAX_RECORD_SIZE, MAX_TIME_NS } from "../format/constants.js";
import type {
  DecisionKind,
  DecisionRecord,
  LogRecord,
  MarkerKind,
  SeqRecord,
  StateReadRef,
} from "../format/records.js";

const EMPTY: Uint8Array = new Uint8Array(0);

export function varintSize(v: number): number {
  if (v < 0x80) return 1;
  if (v < 0x4000) return 2;
  if (v < 0x200000) return 3;
  if (v < 0x10000000) return 4;
  let n = 4;
  v = Math.floor(v / 0x10000000);
  while (v > 0) {
    n++;
    v = Math.floor(v / 128);
  }
  return n;
}

/** Writes `v` (an unsigned safe integer) as a varint at `p`; returns the position after it. */
function putVarint(b: Uint8Array, p: number, v: number): number {
  while (v > 0x7f) {
    b[p++] = (v & 0x7f) | 0x80;
    v = v >= 0x80000000 ? Math.floor(v / 128) : v >>> 7;
  }
  b[p++] = v;
  return p;
}

/** A uint field (tag, varint) at `p` unless `v` is 0; returns the position after it. */
function putUint(b: Uint8Array, p: number, tag: number, v: number): number {
  if (v === 0) return p;
  b[p] = tag;
  return putVarint(b, p + 1, v);
}

/** A bytes field (tag, length, bytes) at `p` unless `v` is empty; returns the position after it. */
function putBytes(b: Uint8Array, p: number, tag: number, v: Uint8Array): number {
  const n = v.length;
  if (n === 0) return p;
  b[p] = tag;
  p = putVarint(b, p + 1, n);
  b.set(v, p);
  return p + n;
}

const uintSize = (v: number): number => (v === 0 ? 0 : 1 + varintSize(v));
const bytesSize = (n: number): number => (n === 0 ? 0 : 1 + varintSize(n) + n);

const isUint = (v: number): boolean => Number.isSafeInteger(v) && v >= 0;

function checkUints(a: number, b: number, c: number, d = 0): void {
  for (const v of [a, b, c, d])
    if (!isUint(v)) throw new HindsightError("BAD_INPUT", `field value ${v} is not an unsigned safe integer`);
}

function checkTime(t: bigint): void {
  if (t < 0n || t > MAX_TIME_NS) throw new HindsightError("BAD_INPUT", `time ${t} is outside 0..2^64-1`);
}

/** Appends length-delimited Record messages to a growable buffer. */
export class RecordEncoder {
  buf: Buffer;
  pos = 0;

  private view: DataView;

  constructor(initialCapacity = 128 * 1024) {
    this.buf = Buffer.allocUnsafeSlow(initialCapacity);
    this.view = new DataView(this.buf.buffer, this.buf.byteOffset, this.buf.byteLength);
  }

  reset(): void {
    this.pos = 0;
  }

  /** The encoded bytes so far (a view). */
  bytes(): Buffer {
    return this.buf.subarray(0, this.pos);
  }

  /**
   * Hands over the encoded bytes (a view of 0..pos of a buffer the caller now owns and may
   * transfer) and starts again on a fresh buffer of the same capacity.
   */
  take(): Uint8Array {
    const out = this.buf.subarray(0, this.pos);
    const fresh = Buffer.allocUnsafeSlow(this.buf.length);
    this.buf = fresh;
    this.view = new DataView(fresh.buffer, fresh.byteOffset, fresh.byteLength);
    this.pos = 0;
    return out;
  }

  private ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    let cap = this.buf.length * 2;
    while (cap < this.pos + n) cap *= 2;
    const next = Buffer.allocUnsafeSlow(cap);
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
    this.view = new DataView(next.buffer, next.byteOffset, next.byteLength);
  }

  private varint(v: number): void {
    const b = this.buf;
    let p = this.pos;
    while (v > 0x7f) {
      b[p++] = (v & 0x7f) | 0x80;
      v = v >= 0x80000000 ? Math.floor(v / 128) : v >>> 7;
    }
    b[p++] = v;
    this.pos = p;
  }

  private uintField(tag: number, v: number): void {
    if (v === 0) return;
    if (!Number.isSafeInteger(v) || v < 0)
      throw new HindsightError("BAD_INPUT", `field value ${v} is not an unsigned safe integer`);
    this.ensure(11);
    this.buf[this.pos++] = tag;
    this.varint(v);
  }

  private bytesField(tag: number, v: Uint8Array): void {
    const n = v.length;
    if (n === 0) return;
    this.ensure(n + 6);
    this.buf[this.pos++] = tag;
    this.varint(n);
    this.buf.set(v, this.pos);
    this.pos += n;
  }

  private stringField(tag: number, s: string): void {
    if (s.length === 0) return;
    const max = s.length * 3;
    this.ensure(max + 6);
    this.buf[this.pos++] = tag;
    // Reserve the length's bytes for the worst case, then move the string if it was shorter.
    const lenPos = this.pos;
    const reserve = varintSize(max);
    const written = this.buf.write(s, lenPos + reserve, "utf8");
    const need = varintSize(written);
    if (need !== reserve) this.buf.copyWithin(lenPos + need, lenPos + reserve, lenPos + reserve + written);
    this.pos = lenPos;
    this.varint(written);
    this.pos += written;
  }

  /** Writes a length-delimited field's tag and opens its body (see open). */
  private openField(tag: number): number {
    this.ensure(2);
    this.buf[this.pos++] = tag;
    return this.open();
  }

  /** Starts a length-delimited region: reserves one length byte, returns the body start. */
  private open(): number {
    this.pos += 1;
    return this.pos;
  }

  /** Ends a region opened at `start`, shifting the body when the length needs more than one byte. */
  private close(start: number): void {
    const len = this.pos - start;
    if (len < 0x80) {
      this.buf[start - 1] = len;
      return;
    }
    const extra = varintSize(len) - 1;
    this.ensure(extra);
    this.buf.copyWithin(start + extra, start, this.pos);
    const end = this.pos + extra;
    this.pos = start - 1;
    this.varint(len);
    this.pos = end;
  }

  /**
   * Input events are most of a log: their sizes are known up front, so lengths are written
   * directly (no reserve-and-shift) with one capacity check. The field-by-field form (no
   * record object) is what the log writer's appendInput calls once per event.
   */
  input(t: bigint, stream: number, streamSeq: number, key: Uint8Array, payload: Uint8Array): number {
    if (!isUint(stream) || !isUint(streamSeq))
      throw new HindsightError(
        "BAD_INPUT",
        `stream ${stream} / position ${streamSeq} is not an unsigned safe integer`,
      );
    const kn = key.length;
    const pn = payload.length;
    const body = uintSize(stream) + uintSize(streamSeq) + bytesSize(kn) + bytesSize(pn);
    const begin = this.pos;
    let p = this.start(0x12, body, t);
    const b = this.buf;
    p = putUint(b, p, 0x08, stream);
    p = putUint(b, p, 0x10, streamSeq);
    p = putBytes(b, p, 0x1a, key);
    p = putBytes(b, p, 0x22, payload);
    this.pos = p;
    return p - begin;
  }

  /** UTF-8 bytes of short strings seen before (decision names, step names): no per-record encoding. */
  private readonly strings = new Map<string, Uint8Array>();

  private utf8(s: string): Uint8Array {
    let b = this.strings.get(s);
    if (b === undefined) {
      b = Buffer.from(s, "utf8");
      if (s.length <= 64 && this.strings.size < 4096) this.strings.set(s, b);
    }
    return b;
  }

  /**
   * Starts a record at `pos` (checking its time): makes room for it, writes its length prefix,
   * time field, and the body's tag and length. Returns where the body starts (`pos` unmoved).
   * The hot encoders (input, decision, output) then write the body with the position in a local.
   */
  private start(tag: number, body: number, t: bigint): number {
    checkTime(t);
    const size = (t !== 0n ? 9 : 0) + 1 + varintSize(body) + body;
    this.ensure(size + 10);
    const b = this.buf;
    const p = this.putTime(putVarint(b, this.pos, size), t);
    b[p] = tag;
    return putVarint(b, p + 1, body);
  }

  /** The Record's time field (fixed64, field 1) at `p`, omitted when 0; returns the position after it. */
  private putTime(p: number, t: bigint): number {
    if (t === 0n) return p;
    this.buf[p] = 0x09;
    // One native call, no intermediate bigints.
    this.view.setBigUint64(p + 1, t, true);
    return p + 9;
  }

  /** Decisions follow every clock read, draw and look-up: sizes up front, names from a cache. */
  private encodeDecision(r: DecisionRecord): number {
    return this.decision(
      r.timeNs,
      r.kind,
      r.name,
      r.eventSeq,
      r.index,
      r.value,
      r.key,
      r.contentHash,
      r.step,
      r.settledAtOnce === true,
    );
  }

  /** Appends a Decision record given field by field (the recorder: once per clock read, draw...). */
  decision(
    t: bigint,
    kind: DecisionKind,
    nameText: string,
    eventSeq: number,
    index: number,
    value: Uint8Array,
    key: Uint8Array,
    contentHash: Uint8Array,
    stepText: string,
    settledAtOnce = false,
  ): number {
    if (!isUint(kind) || !isUint(eventSeq) || !isUint(index)) checkUints(kind, eventSeq, index);
    const name = this.utf8(nameText);
    const step = this.utf8(stepText);
    const body =
      uintSize(kind) +
      bytesSize(name.length) +
      uintSize(eventSeq) +
      uintSize(index) +
      bytesSize(value.length) +
      bytesSize(key.length) +
      bytesSize(contentHash.length) +
      bytesSize(step.length) +
      (settledAtOnce ? 2 : 0);
    const begin = this.pos;
    let p = this.start(0x1a, body, t);
    const b = this.buf;
    p = putUint(b, p, 0x08, kind);
    p = putBytes(b, p, 0x12, name);
    p = putUint(b, p, 0x18, eventSeq);
    p = putUint(b, p, 0x20, index);
    p = putBytes(b, p, 0x2a, value);
    p = putBytes(b, p, 0x32, key);
    p = putBytes(b, p, 0x3a, contentHash);
    p = putBytes(b, p, 0x42, step);
    if (settledAtOnce) {
      b[p++] = 0x48;
      b[p++] = 1;
    }
    this.pos = p;
    return p - begin;
  }

  /** Appends an Output record field by field (one per output). */
  output(
    t: bigint,
    sink: number,
    eventSeq: number,
    index: number,
    sinkSeq: number,
    digest: Uint8Array,
    data: Uint8Array,
  ): number {
    if (!isUint(sink) || !isUint(eventSeq) || !isUint(index) || !isUint(sinkSeq))
      checkUints(sink, eventSeq, index, sinkSeq);
    const body =
      uintSize(sink) +
      uintSize(eventSeq) +
      uintSize(index) +
      uintSize(sinkSeq) +
      bytesSize(digest.length) +
      bytesSize(data.length);
    const begin = this.pos;
    let p = this.start(0x22, body, t);
    const b = this.buf;
    p = putUint(b, p, 0x08, sink);
    p = putUint(b, p, 0x10, eventSeq);
    p = putUint(b, p, 0x18, index);
    p = putUint(b, p, 0x20, sinkSeq);
    p = putBytes(b, p, 0x2a, digest);
    p = putBytes(b, p, 0x32, data);
    this.pos = p;
    return p - begin;
  }

  /**
   * Appends one record as varint length + Record bytes. Returns the record's encoded size.
   * A record that does not encode (BAD_INPUT) throws and leaves no bytes behind: `pos` is
   * where it was. (input, output and encodeDecision check every field before writing any.)
   */
  encode(r: LogRecord): number {
    if (r.type === "input") return this.input(r.timeNs, r.stream, r.streamSeq, r.key, r.payload);
    if (r.type === "decision") return this.encodeDecision(r);
    if (r.type === "output")
      return this.output(r.timeNs, r.sink, r.eventSeq, r.index, r.sinkSeq, r.digest, r.data);
    const begin = this.pos;
    try {
      return this.encodeOther(r);
    } catch (e) {
      this.pos = begin;
      throw e;
    }
  }

  /** Checkpoints, markers, blobs and lineage: rare, written with reserve-and-shift lengths. */
  private encodeOther(r: Exclude<LogRecord, { type: "input" | "decision" | "output" }>): number {
    checkTime(r.timeNs);
    const begin = this.pos;
    this.ensure(64);
    const recStart = this.open();
    this.pos = this.putTime(this.pos, r.timeNs); // room for 9 bytes is ensured above
    switch (r.type) {
      case "checkpoint": {
        const s = this.openField(0x2a);
        this.uintField(0x08, r.eventSeq);
        this.bytesField(0x12, r.stateDigest);
        this.stringField(0x1a, r.location);
        this.uintField(0x20, r.eventsHandled);
        this.close(s);
        break;
      }
      case "marker": {
        const s = this.openField(0x32);
        this.uintField(0x08, r.kind);
        this.stringField(0x12, r.appName);
        this.stringField(0x1a, r.appBuild);
        this.stringField(0x22, r.seed);
        this.stringField(0x2a, r.configJson);
        this.uintField(0x30, r.events);
        this.stringField(0x3a, r.status);
        this.close(s);
        break;
      }
      case "blob": {
        const s = this.openField(0x3a);
        this.bytesField(0x0a, r.hash);
        this.bytesField(0x12, r.data);
        this.close(s);
        break;
      }
      case "lineage": {
        const s = this.openField(0x42);
        this.uintField(0x08, r.sink);
        this.uintField(0x10, r.sinkSeq);
        this.uintField(0x18, r.eventSeq);
        for (const step of r.path) {
          if (step.length === 0) {
            this.ensure(2);
            this.buf[this.pos++] = 0x22;
            this.buf[this.pos++] = 0;
          } else this.stringField(0x22, step);
        }
        for (const rd of r.reads) {
          const m = this.openField(0x2a);
          this.stringField(0x0a, rd.step);
          this.stringField(0x12, rd.key);
          if (rd.writerSeq >= 0) {
            this.uintField(0x18, rd.writerSeq);
            this.uintField(0x20, 1);
          }
          this.close(m);
        }
        if (r.decisions.length) {
          const d = this.openField(0x32);
          for (const i of r.decisions) {
            if (!Number.isSafeInteger(i) || i < 0)
              throw new HindsightError("BAD_INPUT", `decision index ${i} is not an unsigned integer`);
            this.ensure(11);
            this.varint(i);
          }
          this.close(d);
        }
        this.close(s);
        break;
      }
      default:
        throw new HindsightError("INTERNAL", `unknown record type ${(r as { type: string }).type}`);
    }
    this.close(recStart);
    return this.pos - begin;
  }
}

/** Thrown inside decoding; converted to a HindsightError naming the block by the caller. */
class DecodeError extends Error {}

/** Names longer than this are decoded each time (name()). */
const NAME_MAX_BYTES = 64;
/** The recent names name() remembers: a direct-mapped cache of the bytes and their string. */
const NAME_SLOTS = 256;
const nameBytes: (Uint8Array | undefined)[] = new Array(NAME_SLOTS).fill(undefined);
const nameStrings: (string | undefined)[] = new Array(NAME_SLOTS).fill(undefined);

/** Reads Record messages from one decompressed block payload. */
class Cursor {
  p: number;
  constructor(
    readonly b: Buffer,
    start: number,
  ) {
    this.p = start;
  }

  varint(end: number): number {
    const b = this.b;
    let p = this.p;
    let result = 0;
    let mul = 1;
    for (let i = 0; i < 10; i++) {
      if (p >= end) throw new DecodeError("varint runs past the end of its message");
      const byte = b[p++]!;
      result += (byte & 0x7f) * mul;
      if (byte < 0x80) {
        this.p = p;
        if (result > Number.MAX_SAFE_INTEGER) throw new DecodeError(`integer ${result} exceeds 2^53`);
        return result;
      }
      mul *= 128;
    }
    throw new DecodeError("varint longer than 10 bytes");
  }

  len(end: number): number {
    const n = this.varint(end);
    if (this.p + n > end) throw new DecodeError("length-delimited field runs past the end of its message");
    return n;
  }

  bytes(end: number): Uint8Array {
    const n = this.len(end);
    // A plain Uint8Array view: much cheaper to create than a Buffer slice.
    const v = new Uint8Array(this.b.buffer, this.b.byteOffset + this.p, n);
    this.p += n;
    return v;
  }

  string(end: number): string {
    const n = this.len(end);
    const s = this.b.toString("utf8", this.p, this.p + n);
    this.p += n;
    return s;
  }

  /**
   * A string that recurs from record to record (a decision's name and step, a lineage path's
   * step names): one a recent record had is not decoded again. The same as string() otherwise.
   */
  name(end: number): string {
    const n = this.len(end);
    if (n === 0) return "";
    const b = this.b;
    const p = this.p;
    if (n > NAME_MAX_BYTES) {
      this.p = p + n;
      return b.toString("utf8", p, p + n);
    }
    let h = n;
    for (let i = 0; i < n; i++) h = (Math.imul(h, 31) + b[p + i]!) | 0;
    const slot = h & (NAME_SLOTS - 1);
    const known = nameBytes[slot];
    this.p = p + n;
    if (known !== undefined && known.length === n) {
      let i = 0;
      while (i < n && known[i] === b[p + i]) i++;
      if (i === n) return nameStrings[slot] as string;
    }
    const s = b.toString("utf8", p, p + n);
    nameBytes[slot] = Uint8Array.prototype.slice.call(b, p, p + n);
    nameStrings[slot] = s;
    return s;
  }

  skip(wireType: number, end: number): void {
    switch (wireType) {
      case 0:
        this.varint(end);
        return;
      case 1:
        this.p += 8;
        break;
      case 2:
        this.p += this.len(end);
        return;
      case 5:
        this.p += 4;
        break;
      default:
        throw new DecodeError(`unsupported wire type ${wireType}`);
    }
    if (this.p > end) throw new DecodeError("field runs past the end of its message");
  }
}

let lastHi = -1;
let lastLo = -1;
let lastTime = 0n;
/** BigInt(lastHi) << 32n. */
let lastHiPart = 0n;
/**
 * The time whose little-endian halves are `lo` and `hi`. Consecutive records of one event share
 * a time (the last one is reused, not re-allocated), and consecutive events mostly share the
 * high half (kept as a bigint).
 */
function timeAt(lo: number, hi: number): bigint {
  if (hi !== lastHi) {
    lastHi = hi;
    lastHiPart = BigInt(hi) << 32n;
  }
  lastLo = lo;
  lastTime = lastHiPart + BigInt(lo);
  return lastTime;
}

function decodeOne(c: Cursor, end: number, seq: number): SeqRecord {
  let timeNs = 0n;
  let out: SeqRecord | undefined;
  while (c.p < end) {
    const tag = c.varint(end);
    const field = tag >>> 3;
    const wt = tag & 7;
    if (field === 1 && wt === 1) {
      if (c.p + 8 > end) throw new DecodeError("time field runs past the end of its record");
      const b = c.b;
      const p = c.p;
      const lo = (b[p]! | (b[p + 1]! << 8) | (b[p + 2]! << 16) | (b[p + 3]! << 24)) >>> 0;
      const hi = (b[p + 4]! | (b[p + 5]! << 8) | (b[p + 6]! << 16) | (b[p + 7]! << 24)) >>> 0;
      timeNs = lo === lastLo && hi === lastHi ? lastTime : timeAt(lo, hi);
      c.p += 8;
      continue;
    }
    if (wt !== 2 || field < 2 || field > 8) {
      c.skip(wt, end);
      continue;
    }
    const n = c.len(end);
    const e = c.p + n;
    switch (field) {
      case 2: {
        let stream = 0;
        let streamSeq = 0;
        let key = EMPTY;
        let payload = EMPTY;
        while (c.p < e) {
          const t = c.varint(e);
          switch (t) {
            case 0x08:
              stream = c.varint(e);
              break;
            case 0x10:
              streamSeq = c.varint(e);
              break;
            case 0x1a:
              key = c.bytes(e);
              break;
            case 0x22:
              payload = c.bytes(e);
              break;
            default:
              c.skip(t & 7, e);
          }
        }
        out = { type: "input", seq, timeNs, stream, streamSeq, key, payload };
        break;
      }
      case 3: {
        let kind = 0;
        let name = "";
        let eventSeq = 0;
        let index = 0;
        let value = EMPTY;
        let key = EMPTY;
        let contentHash = EMPTY;
        let step = "";
        let settledAtOnce = false;
        while (c.p < e) {
          const t = c.varint(e);
          switch (t) {
            case 0x08:
              kind = c.varint(e);
              break;
            case 0x12:
              name = c.name(e);
              break;
            case 0x18:
              eventSeq = c.varint(e);
              break;
            case 0x20:
              index = c.varint(e);
              break;
            case 0x2a:
              value = c.bytes(e);
              break;
            case 0x32:
              key = c.bytes(e);
              break;
            case 0x3a:
              contentHash = c.bytes(e);
              break;
            case 0x42:
              step = c.name(e);
              break;
            case 0x48:
              settledAtOnce = c.varint(e) !== 0;
              break;
            default:
              c.skip(t & 7, e);
          }
        }
        out = {
          type: "decision",
          seq,
          timeNs,
          kind: kind as DecisionKind,
          name,
          eventSeq,
          index,
          value,
          key,
          contentHash,
          step,
          ...(settledAtOnce ? { settledAtOnce } : {}),
        };
        break;
      }
      case 4: {
        let sink = 0;
        let eventSeq = 0;
        let index = 0;
        let sinkSeq = 0;
        let digest = EMPTY;
        let data = EMPTY;
        while (c.p < e) {
          const t = c.varint(e);
          switch (t) {
            case 0x08:
              sink = c.varint(e);
              break;
            case 0x10:
              eventSeq = c.varint(e);
              break;
            case 0x18:
              index = c.varint(e);
              break;
            case 0x20:
              sinkSeq = c.varint(e);
              break;
            case 0x2a:
              digest = c.bytes(e);
              break;
            case 0x32:
              data = c.bytes(e);
              break;
            default:
              c.skip(t & 7, e);
          }
        }
        out = { type: "output", seq, timeNs, sink, eventSeq, index, sinkSeq, digest, data };
        break;
      }
      case 5: {
        let eventSeq = 0;
        let stateDigest = EMPTY;
        let location = "";
        let eventsHandled = 0;
        while (c.p < e) {
          const t = c.varint(e);
          switch (t) {
            case 0x08:
              eventSeq = c.varint(e);
              break;
            case 0x12:
              stateDigest = c.bytes(e);
              break;
            case 0x1a:
              location = c.string(e);
              break;
            case 0x20:
              eventsHandled = c.varint(e);
              break;
            default:
              c.skip(t & 7, e);
          }
        }
        out = { type: "checkpoint", seq, timeNs, eventSeq, stateDigest, location, eventsHandled };
        break;
      }
      case 6: {
        let kind = 0;
        let appName = "";
        let appBuild = "";
        let seed = "";
        let configJson = "";
        let events = 0;
        let status = "";
        while (c.p < e) {
          const t = c.varint(e);
          switch (t) {
            case 0x08:
              kind = c.varint(e);
              break;
            case 0x12:
              appName = c.string(e);
              break;
            case 0x1a:
              appBuild = c.string(e);
              break;
            case 0x22:
              seed = c.string(e);
              break;
            case 0x2a:
              configJson = c.string(e);
              break;
            case 0x30:
              events = c.varint(e);
              break;
            case 0x3a:
              status = c.string(e);
              break;
            default:
              c.skip(t & 7, e);
          }
        }
        out = {
          type: "marker",
          seq,
          timeNs,
          kind: kind as MarkerKind,
          appName,
          appBuild,
          seed,
          configJson,
          events,
          status,
        };
        break;
      }
      case 7: {
        let hash = EMPTY;
        let data = EMPTY;
        while (c.p < e) {
          const t = c.varint(e);
          switch (t) {
            case 0x0a:
              hash = c.bytes(e);
              break;
            case 0x12:
              data = c.bytes(e);
              break;
            default:
              c.skip(t & 7, e);
          }
        }
        out = { type: "blob", seq, timeNs, hash, data };
        break;
      }
      case 8: {
        let sink = 0;
        let sinkSeq = 0;
        let eventSeq = 0;
        const path: string[] = [];
        const reads: StateReadRef[] = [];
        const decisions: number[] = [];
        while (c.p < e) {
          const t = c.varint(e);
          switch (t) {
            case 0x08:
              sink = c.varint(e);
              break;
            case 0x10:
              sinkSeq = c.varint(e);
              break;
            case 0x18:
              eventSeq = c.varint(e);
              break;
            case 0x22:
              path.push(c.name(e));
              break;
            case 0x2a: {
              const ml = c.len(e);
              const me = c.p + ml;
              let step = "";
              let key = "";
              let writerSeq = 0;
              let hasWriter = false;
              while (c.p < me) {
                const u = c.varint(me);
                if (u === 0x0a) step = c.name(me);
                else if (u === 0x12) key = c.string(me);
                else if (u === 0x18) writerSeq = c.varint(me);
                else if (u === 0x20) hasWriter = c.varint(me) !== 0;
                else c.skip(u & 7, me);
              }
              reads.push({ step, key, writerSeq: hasWriter ? writerSeq : -1 });
              break;
            }
            case 0x32: {
              // packed (proto3 default) ...
              const dl = c.len(e);
              const de = c.p + dl;
              while (c.p < de) decisions.push(c.varint(de));
              break;
            }
            case 0x30:
              // ... or not packed: both are valid encodings of a repeated scalar.
              decisions.push(c.varint(e));
              break;
            default:
              c.skip(t & 7, e);
          }
        }
        out = { type: "lineage", seq, timeNs, sink, sinkSeq, eventSeq, path, reads, decisions };
        break;
      }
    }
    if (c.p !== e) throw new DecodeError("sub-message length does not match its fields");
  }
  if (out === undefined) throw new DecodeError("record has no body");
  // time_ns may follow the body in a non-canonical encoder's output; apply it.
  if (out.timeNs !== timeNs) out = { ...out, timeNs };
  return out;
}

/**
 * Decodes exactly `count` length-delimited records filling `payload`, numbering them from
 * `firstSeq`. Byte arrays in the result are views into `payload`.
 *
 * Throws HindsightError CORRUPT_RECORD (malformed protobuf, count mismatch, trailing bytes)
 * or RECORD_TOO_LARGE, with `where` in the message.
 */
export function decodeRecords(
  payload: Buffer,
  count: number,
  firstSeq: number,
  where: string,
  maxRecordSize: number = DEFAULT_MAX_RECORD_SIZE,
): SeqRecord[] {
  const out: SeqRecord[] = new Array(count);
  const c = new Cursor(payload, 0);
  const end = payload.length;
  let i = 0;
  try {
    for (; i < count; i++) {
      if (c.p >= end) throw new DecodeError(`block holds ${i} records, header says ${count}`);
      const n = c.varint(end);
      if (n > maxRecordSize)
        throw new HindsightError(
          "RECORD_TOO_LARGE",
          `record of ${n} bytes exceeds the limit of ${maxRecordSize}`,
          {
            where: `${where}, seq ${firstSeq + i}`,
          },
        );
      if (c.p + n > end) throw new DecodeError("record runs past the end of its block");
      const recEnd = c.p + n;
      out[i] = decodeOne(c, recEnd, firstSeq + i);
      c.p = recEnd;
    }
    if (c.p !== end) throw new DecodeError(`block has ${end - c.p} bytes after its ${count} records`);
  } catch (e) {
    if (e instanceof DecodeError)
      throw new HindsightError("CORRUPT_RECORD", `malformed record: ${e.message}`, {
        where: `${where}, seq ${firstSeq + i}`,
        hint: "the block passed its checksum, so it was written this way; the writer is faulty or the format version is wrong",
      });
    throw e;
  }
  return out;
}
