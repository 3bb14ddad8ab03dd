/**
 * Reads a recording: sequential scans (sync and async), seek by sequence number and by
 * time through the sparse index (binary search over block entries, O(log n)), filters by
 * stream and record type.
 *
 * Two kinds of failure are kept apart:
 *   - a torn tail (an interrupted append) ends the readable log early; it is reported in
 *     `reader.tornTail` and is not an error for readers (fsck reports it, `fsck --repair`
 *     or reopening for append truncates it);
 *   - corruption (a checksum or structure failure anywhere) is never returned as data: the
 *     scan that reaches it throws a HindsightError (CORRUPT_BLOCK, CORRUPT_HEADER, ...)
 *     naming the segment, offset and sequence range.
 */
import { closeSync, openSync, readSync } from "node:fs";
import { type FileHandle, open as openAsync } from "node:fs/promises";
import { decompressBlock } from "../codec/compression.js";
import { decodeRecords } from "../codec/record-codec.js";
import { HindsightError, unreadable } from "../errors.js";
import { parseBlockHeader } from "../format/block-header.js";
import {
  BLOCK_HEADER_SIZE,
  DEFAULT_MAX_BLOCK_SIZE,
  DEFAULT_MAX_RECORD_SIZE,
  FORMAT_VERSION,
  featureBits,
  KNOWN_FEATURE_BITS,
  NO_MAX_TIME,
  NO_MIN_TIME,
  SEGMENT_HEADER_SIZE,
} from "../format/constants.js";
import { crc32c } from "../format/crc32c.js";
import type { RecordType, SeqRecord } from "../format/records.js";
import { parseSegmentHeader, recordingTag } from "../format/segment-header.js";
import { type Manifest, readManifest } from "./manifest.js";
import { type Corruption, type ScanProblem, scanSegment, type TornTail } from "./scan.js";
import {
  cutShortReason,
  fileSize,
  type IndexEntry,
  listSegmentsOrLost,
  liveWriter,
  lostLaterSegments,
  missingAfterReason,
  readFully,
  readIndexOf,
  segmentDataEnd,
  segmentFileName,
  segmentPath,
} from "./segment-files.js";
import { readSideFile } from "./side-files.js";

export interface ReaderOptions {
  /** Refuse blocks claiming more bytes than this. Defaults to 64 MiB. */
  maxBlockSize: number;
  /** Refuse records longer than this. Defaults to 16 MiB. */
  maxRecordSize: number;
}

export interface ScanFilter {
  /** First sequence number (inclusive). */
  fromSeq?: number;
  /** Last sequence number (inclusive). */
  toSeq?: number;
  /** Only records with time >= fromTime (records without a time are skipped when a time bound is set). */
  fromTime?: bigint;
  /** Only records with time <= toTime. */
  toTime?: bigint;
  /** Only input records of these stream indices (records of other types are not affected). */
  streams?: readonly number[];
  /** Only records of these types. */
  types?: readonly RecordType[];
}

interface Segment {
  readonly number: number;
  readonly path: string;
  readonly size: number;
  fd: number;
}

interface BlockRef {
  readonly seg: Segment;
  readonly e: IndexEntry;
}

/** A block's index entry and the segment file holding it. */
export type BlockInfo = IndexEntry & { readonly segment: string };

export class LogReader {
  readonly dir: string;
  readonly manifest: Manifest;
  readonly options: ReaderOptions;
  /** The torn tail found at the end of the last segment, if any (records before it are readable). */
  readonly tornTail: TornTail | undefined;
  /**
   * The writer that had the recording open when it was opened (its lock names a process that
   * runs): the reader sees a prefix, and a torn tail is the block being written, not damage.
   */
  readonly writer: { readonly pid: number; readonly host?: string } | undefined;
  /** Corruption found while indexing; scans stop with an error when they reach it. */
  readonly corruption: Corruption | undefined;
  /** The segments read; `indexed` when their block list came from the index file, not a walk. */
  readonly segments: readonly {
    number: number;
    path: string;
    size: number;
    blocks: number;
    indexed: boolean;
  }[];
  private readonly segs: Segment[];
  private readonly blocks: BlockRef[];
  private readonly prefixMaxTime: bigint[];
  private cacheIndex = -1;
  private cacheRecords: SeqRecord[] = [];
  private closed = false;

  private constructor(dir: string, manifest: Manifest, options: ReaderOptions) {
    this.dir = dir;
    this.manifest = manifest;
    this.options = options;
    this.segs = [];
    this.blocks = [];
    let seq = 0;
    let problem: ScanProblem | undefined;
    const numbers = listSegmentsOrLost(dir);
    const features = featureBits(manifest.features);
    const tag = recordingTag(manifest.recordingId);
    const infos: { number: number; path: string; size: number; blocks: number; indexed: boolean }[] = [];
    for (const n of numbers) {
      const path = segmentPath(dir, n);
      const size = fileSize(path);
      const last = n === numbers[numbers.length - 1];
      const fd = openSync(path, "r");
      const seg: Segment = { number: n, path, size, fd };
      this.segs.push(seg);
      const hb = Buffer.alloc(SEGMENT_HEADER_SIZE);
      const got = readFully(fd, hb, 0);
      // The index (read once) names the size the segment was closed at: a larger one than it has
      // says its end was cut off after that, which no crash does (FORMAT.md section 6).
      const index = readIndexOf(dir, n, fd, size);
      const cut = index !== undefined && index.size > size ? index.size : undefined;
      const cutShort = (offset: number, afterSeq: number): Corruption => ({
        kind: "corrupt",
        code: "CORRUPT_SEGMENT",
        segment: segmentFileName(n),
        offset,
        reason: cutShortReason(size, cut as number),
        afterSeq,
      });
      if (got < SEGMENT_HEADER_SIZE && last) {
        problem =
          cut !== undefined
            ? cutShort(0, seq - 1)
            : {
                kind: "torn",
                segment: segmentFileName(n),
                offset: 0,
                droppedBytes: size,
                reason: "partial segment header",
              };
        infos.push({ number: n, path, size, blocks: 0, indexed: false });
        break;
      }
      try {
        if (got < SEGMENT_HEADER_SIZE)
          throw new HindsightError("CORRUPT_SEGMENT", "segment header is cut short", { where: path });
        checkSegmentHeader(hb, path, n, features, tag);
      } catch (e) {
        // A damaged header (or a segment of another recording) is damage where it is: the records
        // before it stay readable, as before a damaged block. A version or feature this build does
        // not know is refused at once (section 8).
        if (!(e instanceof HindsightError) || e.code !== "CORRUPT_SEGMENT") throw e;
        problem = {
          kind: "corrupt",
          code: "CORRUPT_SEGMENT",
          segment: segmentFileName(n),
          offset: 0,
          reason: e.message,
          afterSeq: seq - 1,
        };
        infos.push({ number: n, path, size, blocks: 0, indexed: false });
        break;
      }
      // The index describes the segment at the size it was written for (it says which): the last
      // segment's too once its writer closed it. A segment that grew since (a live recording,
      // one reopened to append) or was cut short has another size, and is walked.
      let entries = index?.size === size ? index.entries : undefined;
      if (entries && (entries.length === 0 || entries[0]!.firstSeq !== seq)) entries = undefined;
      const indexed = entries !== undefined;
      let segProblem: ScanProblem | undefined;
      if (!entries) {
        const s = scanSegment(fd, {
          segmentNumber: n,
          size,
          expectedSeq: seq,
          verifyPayload: false,
          maxBlockSize: options.maxBlockSize,
        });
        entries = s.entries;
        segProblem = s.problem;
        if (segProblem?.kind === "torn" && !last)
          segProblem = {
            kind: "corrupt",
            code: "CORRUPT_SEGMENT",
            segment: segProblem.segment,
            offset: segProblem.offset,
            reason: `sealed segment ends mid-block (${segProblem.reason})`,
            afterSeq: seq + entries.reduce((a, e) => a + e.recordCount, 0) - 1,
          };
        // A torn block at the cut is part of it: the readable part ends at the last whole block.
        if (cut !== undefined)
          segProblem = cutShort(
            segmentDataEnd(entries),
            seq + entries.reduce((a, e) => a + e.recordCount, 0) - 1,
          );
      }
      for (const e of entries) this.blocks.push({ seg, e });
      seq += entries.reduce((a, e) => a + e.recordCount, 0);
      infos.push({ number: n, path, size, blocks: entries.length, indexed });
      // The last segment present was sealed when another was started after it (its intact index
      // says so): the segments after it were lost, which no crash does.
      if (!segProblem && last && lostLaterSegments(dir, n, index, size))
        segProblem = {
          kind: "corrupt",
          code: "CORRUPT_SEGMENT",
          segment: segmentFileName(n),
          offset: size,
          reason: missingAfterReason(n),
          afterSeq: seq - 1,
        };
      if (segProblem) {
        problem = segProblem;
        break;
      }
    }
    this.segments = infos;
    this.tornTail = problem?.kind === "torn" ? problem : undefined;
    this.writer = liveWriter(dir);
    this.corruption = problem?.kind === "corrupt" ? problem : undefined;
    this.prefixMaxTime = new Array(this.blocks.length);
    let m = 0n;
    for (let i = 0; i < this.blocks.length; i++) {
      const t = this.blocks[i]!.e.maxTime;
      if (t > m) m = t;
      this.prefixMaxTime[i] = m;
    }
  }

  /**
   * Opens a recording directory. Throws NOT_FOUND, NOT_A_RECORDING, CORRUPT_MANIFEST,
   * UNSUPPORTED_VERSION, UNKNOWN_FEATURE, CORRUPT_SEGMENT (segment numbering; a damaged segment
   * header is `corruption`, met when reading reaches it), IO.
   */
  static open(dir: string, options: Partial<ReaderOptions> = {}): LogReader {
    try {
      const manifest = readManifest(dir);
      return new LogReader(dir, manifest, {
        maxBlockSize: options.maxBlockSize ?? DEFAULT_MAX_BLOCK_SIZE,
        maxRecordSize: options.maxRecordSize ?? DEFAULT_MAX_RECORD_SIZE,
      });
    } catch (e) {
      // A file or directory the system will not let us read (permission denied...): IO, named.
      throw unreadable(e);
    }
  }

  get firstSeq(): number {
    return this.blocks.length ? this.blocks[0]!.e.firstSeq : 0;
  }

  /** One past the last readable sequence number. */
  get endSeq(): number {
    const b = this.blocks[this.blocks.length - 1];
    return b ? b.e.firstSeq + b.e.recordCount : 0;
  }

  get blockCount(): number {
    return this.blocks.length;
  }

  blockInfo(i: number): BlockInfo {
    const b = this.blocks[i];
    if (!b) throw new RangeError(`no block ${i}`);
    return { segment: segmentFileName(b.seg.number), ...b.e };
  }

  /** Sequential scan; stops with a HindsightError at corruption. Records' byte fields are views into their block (each block is read into a buffer of its own). */
  *records(filter: ScanFilter = {}): Generator<SeqRecord> {
    const from = this.startBlock(filter);
    for (let i = from; i < this.blocks.length; i++) {
      const b = this.blocks[i]!;
      if (filter.toSeq !== undefined && b.e.firstSeq > filter.toSeq) return;
      if (skipBlock(b.e, filter)) continue;
      const recs = this.readBlock(i);
      for (const r of recs) {
        if (filter.toSeq !== undefined && r.seq > filter.toSeq) return;
        if (keep(r, filter)) yield r;
      }
    }
    this.throwIfCorruptAfter(filter);
  }

  /**
   * The sequential scan of records() for a range of sequence numbers, a block's records at a
   * time: an array per block, trimmed to the range. Looping over arrays costs the caller far
   * less per record than resuming a generator per record. The arrays, and the records' byte
   * views, stay valid after the next block is read.
   */
  *recordBlocks(filter: { fromSeq?: number; toSeq?: number } = {}): Generator<readonly SeqRecord[]> {
    const { fromSeq, toSeq } = filter;
    for (let i = this.startBlock(filter); i < this.blocks.length; i++) {
      const e = this.blocks[i]!.e;
      if (toSeq !== undefined && e.firstSeq > toSeq) return;
      let recs = this.readBlock(i);
      const last = e.firstSeq + e.recordCount - 1;
      if ((fromSeq !== undefined && fromSeq > e.firstSeq) || (toSeq !== undefined && toSeq < last))
        recs = recs.filter(
          (r) => (fromSeq === undefined || r.seq >= fromSeq) && (toSeq === undefined || r.seq <= toSeq),
        );
      if (recs.length) yield recs;
      if (toSeq !== undefined && toSeq <= last) return;
    }
    this.throwIfCorruptAfter(filter);
  }

  /** The same scan with asynchronous reads (does not block the event loop on I/O). */
  async *recordsAsync(filter: ScanFilter = {}): AsyncGenerator<SeqRecord> {
    const from = this.startBlock(filter);
    const handles = new Map<number, FileHandle>();
    try {
      for (let i = from; i < this.blocks.length; i++) {
        const b = this.blocks[i]!;
        if (filter.toSeq !== undefined && b.e.firstSeq > filter.toSeq) return;
        if (skipBlock(b.e, filter)) continue;
        let h = handles.get(b.seg.number);
        if (!h) {
          h = await openAsync(b.seg.path, "r");
          handles.set(b.seg.number, h);
        }
        const buf = Buffer.allocUnsafe(BLOCK_HEADER_SIZE + b.e.storedLength);
        const { bytesRead } = await h.read(buf, 0, buf.length, b.e.offset);
        const recs = this.decodeBlock(b, buf, bytesRead);
        for (const r of recs) {
          if (filter.toSeq !== undefined && r.seq > filter.toSeq) return;
          if (keep(r, filter)) yield r;
        }
      }
      this.throwIfCorruptAfter(filter);
    } finally {
      for (const h of handles.values()) await h.close();
    }
  }

  /** The record with sequence number `seq`. Throws NOT_FOUND when out of range, corruption errors. */
  get(seq: number): SeqRecord {
    const i = this.blockOfSeq(seq);
    if (i < 0) {
      if (this.corruption && seq >= this.endSeq) throw this.corruptionError();
      throw new HindsightError("NOT_FOUND", `no record with sequence number ${seq}`, {
        where: this.dir,
        hint: `the recording holds ${this.firstSeq}..${this.endSeq - 1}`,
      });
    }
    return this.readBlock(i)[seq - this.blocks[i]!.e.firstSeq]!;
  }

  /** Earliest and latest record time, from the block index; undefined when no record has a time. */
  get timeRange(): readonly [bigint, bigint] | undefined {
    let lo = NO_MIN_TIME;
    let hi = NO_MAX_TIME;
    for (const { e } of this.blocks) {
      if (e.minTime < lo) lo = e.minTime;
      if (e.maxTime > hi) hi = e.maxTime;
    }
    return hi === NO_MAX_TIME ? undefined : [lo, hi];
  }

  /** Sequence number of the first record (in log order) whose time is >= `t`, or undefined. */
  seqAtTime(t: bigint): number | undefined {
    let lo = 0;
    let hi = this.blocks.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.prefixMaxTime[mid]! >= t) hi = mid;
      else lo = mid + 1;
    }
    for (let i = lo; i < this.blocks.length; i++) {
      for (const r of this.readBlock(i)) if (r.timeNs !== 0n && r.timeNs >= t) return r.seq;
    }
    return undefined;
  }

  /**
   * The first record after `seq` (in log order) whose time is at or before `t`, or undefined: a
   * recording whose times go back in places (out-of-order input) has such records. Blocks whose
   * earliest time is after `t` are skipped by the index.
   */
  seqAfterAtOrBefore(seq: number, t: bigint): number | undefined {
    for (let i = 0; i < this.blocks.length; i++) {
      const { e } = this.blocks[i]!;
      if (e.firstSeq + e.recordCount - 1 <= seq || e.minTime > t) continue;
      for (const r of this.readBlock(i)) if (r.seq > seq && r.timeNs !== 0n && r.timeNs <= t) return r.seq;
    }
    return undefined;
  }

  /**
   * A checkpoint side file's bytes. Throws NOT_FOUND when it is missing, CORRUPT_RECORD when the
   * log names something no writer makes (outside the recording, say) or it is not a regular file.
   */
  readSideFile(name: string): Uint8Array {
    const f = readSideFile(this.dir, name);
    if ("bytes" in f) return f.bytes;
    throw f.missing
      ? new HindsightError("NOT_FOUND", `recording file ${name} is missing`, { where: this.dir })
      : new HindsightError("CORRUPT_RECORD", `recording file ${name} is not read: ${f.problem}`, {
          where: this.dir,
        });
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const s of this.segs) if (s.fd >= 0) closeSync(s.fd);
  }

  /** Index of the block holding `seq`, or -1. */
  private blockOfSeq(seq: number): number {
    let lo = 0;
    let hi = this.blocks.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const e = this.blocks[mid]!.e;
      if (seq < e.firstSeq) hi = mid - 1;
      else if (seq >= e.firstSeq + e.recordCount) lo = mid + 1;
      else return mid;
    }
    return -1;
  }

  private startBlock(f: ScanFilter): number {
    let i = 0;
    if (f.fromSeq !== undefined && f.fromSeq > this.firstSeq) {
      const b = this.blockOfSeq(f.fromSeq);
      i = b < 0 ? this.blocks.length : b;
    }
    if (f.fromTime !== undefined) {
      let lo = 0;
      let hi = this.blocks.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (this.prefixMaxTime[mid]! >= f.fromTime) hi = mid;
        else lo = mid + 1;
      }
      i = Math.max(i, lo);
    }
    return i;
  }

  private throwIfCorruptAfter(f: ScanFilter): void {
    if (!this.corruption) return;
    if (f.toSeq !== undefined && f.toSeq < this.endSeq) return;
    throw this.corruptionError();
  }

  private corruptionError(): HindsightError {
    const c = this.corruption!;
    const range = c.seqRange
      ? `seq ${c.seqRange[0]}..${c.seqRange[1]}`
      : c.afterSeq < 0
        ? "before any record"
        : `after seq ${c.afterSeq}`;
    return new HindsightError(c.code, c.reason, {
      where: `${c.segment} offset ${c.offset}, ${range}`,
      hint: "the recording is damaged there; run `hindsight fsck` for a full report",
      details: {
        segment: c.segment,
        offset: c.offset,
        afterSeq: c.afterSeq,
        ...(c.seqRange ? { seqRange: c.seqRange } : {}),
      },
    });
  }

  private readBlock(i: number): SeqRecord[] {
    if (i === this.cacheIndex) return this.cacheRecords;
    if (this.closed) throw new HindsightError("CLOSED", "read from a closed log reader");
    const b = this.blocks[i]!;
    const n = BLOCK_HEADER_SIZE + b.e.storedLength;
    // Decoded records are views into the buffer: a fresh one per block keeps earlier views valid.
    const buf = Buffer.allocUnsafe(n);
    const got = readSync(b.seg.fd, buf, 0, n, b.e.offset);
    const recs = this.decodeBlock(b, buf, got);
    this.cacheIndex = i;
    this.cacheRecords = recs;
    return recs;
  }

  private decodeBlock(b: BlockRef, buf: Buffer, got: number): SeqRecord[] {
    return decodeBlockBuffer(
      segmentFileName(b.seg.number),
      b.e,
      buf,
      got,
      this.options.maxRecordSize,
      this.options.maxBlockSize,
    );
  }
}

/**
 * Validates and decodes one block read into `buf` (header + stored payload, `got` bytes
 * read). Throws CORRUPT_BLOCK / CORRUPT_HEADER / UNKNOWN_CODEC / CORRUPT_RECORD naming the
 * segment, offset and sequence range.
 */
export function decodeBlockBuffer(
  segment: string,
  e: IndexEntry,
  buf: Buffer,
  got: number,
  maxRecordSize: number,
  maxBlockSize: number = DEFAULT_MAX_BLOCK_SIZE,
): SeqRecord[] {
  const last = e.firstSeq + e.recordCount - 1;
  const where = `${segment} offset ${e.offset}, seq ${e.firstSeq}..${last}`;
  const fail = (code: "CORRUPT_BLOCK" | "CORRUPT_HEADER", why: string) =>
    new HindsightError(code, why, {
      where,
      hint: "the recording is damaged here; run `hindsight fsck` for a full report",
      details: { segment, offset: e.offset, seqRange: [e.firstSeq, last] },
    });
  if (got < buf.length) throw fail("CORRUPT_BLOCK", "block is cut short");
  const p = parseBlockHeader(buf);
  if (!p.ok) throw fail("CORRUPT_HEADER", `block header is invalid (${p.reason})`);
  const h = p.header;
  // The header is self-consistent (its CRC holds): name what is wrong with it specifically.
  if (h.storedLength > maxBlockSize || h.uncompressedLength > maxBlockSize)
    throw new HindsightError(
      "BLOCK_TOO_LARGE",
      `block claims ${Math.max(h.storedLength, h.uncompressedLength)} bytes, over the limit of ${maxBlockSize}`,
      { where, hint: "the recording is damaged here; run `hindsight fsck` for a full report" },
    );
  // As fsck's scan does: a flag this build does not know changes how the block reads.
  if (h.flags !== 0)
    throw new HindsightError("UNKNOWN_FEATURE", `block uses unknown flags 0x${h.flags.toString(16)}`, {
      where,
      hint: "upgrade hindsight to read it (or, if no newer hindsight wrote it, the header was damaged and its checksum forged)",
    });
  if (h.firstSeq !== e.firstSeq)
    throw new HindsightError("SEQUENCE_GAP", `block starts at seq ${h.firstSeq}, expected ${e.firstSeq}`, {
      where,
      hint: "the recording is damaged here; run `hindsight fsck`",
    });
  if (
    h.recordCount !== e.recordCount ||
    h.storedLength !== e.storedLength ||
    h.minTime !== e.minTime ||
    h.maxTime !== e.maxTime
  )
    throw fail("CORRUPT_HEADER", "block header does not match the segment index");
  const stored = buf.subarray(BLOCK_HEADER_SIZE);
  if (crc32c(stored) !== h.payloadCrc) throw fail("CORRUPT_BLOCK", "block payload checksum mismatch");
  const raw = decompressBlock(h.codec, buf, BLOCK_HEADER_SIZE, h.storedLength, h.uncompressedLength, where);
  return decodeRecords(raw as Buffer, h.recordCount, h.firstSeq, where, maxRecordSize);
}

/**
 * Checks segment `n`'s header: format version, feature bits (known ones, and those of the
 * recording's manifest, `features`: a segment of another recording, or a damaged header, says
 * otherwise), segment number.
 */
export function checkSegmentHeader(
  hb: Buffer,
  path: string,
  n: number,
  features: number,
  /** The recording's tag (recordingTag): a segment with another one is of another recording. */
  tag = 0,
): void {
  const sh = parseSegmentHeader(hb);
  if (!sh.ok)
    throw new HindsightError("CORRUPT_SEGMENT", `segment header is invalid (${sh.reason})`, {
      where: path,
      hint: "the file is not a hindsight segment or is damaged",
    });
  const h = sh.header;
  if (h.formatVersion !== FORMAT_VERSION)
    throw new HindsightError(
      "UNSUPPORTED_VERSION",
      `segment format version ${h.formatVersion} is not supported (this build reads ${FORMAT_VERSION})`,
      {
        where: path,
        // As the manifest's version says it.
        hint:
          h.formatVersion > FORMAT_VERSION
            ? "upgrade hindsight to read it"
            : "use the hindsight release that wrote it",
      },
    );
  if ((h.features & ~KNOWN_FEATURE_BITS) !== 0)
    throw new HindsightError(
      "UNKNOWN_FEATURE",
      `segment uses unknown feature bits 0x${((h.features & ~KNOWN_FEATURE_BITS) >>> 0).toString(16)}`,
      {
        where: path,
        hint: "upgrade hindsight to read it",
      },
    );
  if (h.features !== features)
    throw new HindsightError(
      "CORRUPT_SEGMENT",
      `segment header's feature bits 0x${h.features.toString(16)} are not the recording's (manifest features: 0x${features.toString(16)}): a segment of another recording, or a damaged header`,
      {
        where: path,
        hint: "run `hindsight fsck`; a segment copied from another recording does not belong here",
      },
    );
  // (0 on either side: written before segments said whose they are; nothing to compare.)
  if (h.tag !== 0 && tag !== 0 && h.tag !== tag)
    throw new HindsightError(
      "CORRUPT_SEGMENT",
      `segment of another recording: its header's recording tag 0x${h.tag.toString(16)} is not this recording's (0x${tag.toString(16)}, from its manifest's recordingId)`,
      {
        where: path,
        hint: "a segment copied from another recording does not belong here: restore this recording's own segment",
      },
    );
  if (h.segmentNumber !== n)
    throw new HindsightError(
      "CORRUPT_SEGMENT",
      `segment header says number ${h.segmentNumber}, file name says ${n}`,
      { where: path },
    );
}

function skipBlock(e: IndexEntry, f: ScanFilter): boolean {
  if (f.fromTime !== undefined && e.maxTime < f.fromTime) return true;
  if (f.toTime !== undefined && e.minTime > f.toTime) return true;
  return false;
}

function keep(r: SeqRecord, f: ScanFilter): boolean {
  if (f.fromSeq !== undefined && r.seq < f.fromSeq) return false;
  if (f.types !== undefined && !f.types.includes(r.type)) return false;
  if (f.streams !== undefined && r.type === "input" && !f.streams.includes(r.stream)) return false;
  if (f.fromTime !== undefined && (r.timeNs === 0n || r.timeNs < f.fromTime)) return false;
  if (f.toTime !== undefined && (r.timeNs === 0n || r.timeNs > f.toTime)) return false;
  return true;
}
