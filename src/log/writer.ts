/**
 * Appends records to a recording: records are encoded into an open block; a block is
 * written (one writev of header + payload) when it reaches `blockSize` bytes, when it has
 * been open `flushIntervalMs`, or on flush(); segments roll over at `segmentSize`.
 *
 * Durability (docs/FORMAT.md "Durability"): a record is on disk when its block has been
 * written and, depending on `fsync`, synced:
 *   - "always":   every block write is followed by fsync (one fsync covers the whole block:
 *                 group commit). A crash loses at most the open, unwritten block.
 *   - "interval": blocks are written as they fill; an fsync is started in the background at
 *                 most every `fsyncIntervalMs`. A process crash loses the open block; a power
 *                 loss or kernel crash can also lose what was written in the last interval.
 *   - "never":    the OS decides when to write back. A process crash loses the open block; a
 *                 power loss can lose anything not yet written back by the OS.
 * In every mode flush() writes the open block and sync() forces it to disk.
 */
import {
  closeSync,
  existsSync,
  fsync,
  fsyncSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  writeSync,
  writevSync,
} from "node:fs";
import { dirname, join, normalize, sep } from "node:path";
import { performance } from "node:perf_hooks";
import { compressBlock } from "../codec/compression.js";
import { RecordEncoder } from "../codec/record-codec.js";
import { HindsightError } from "../errors.js";
import { encodeBlockHeader } from "../format/block-header.js";
import {
  BLOCK_HEADER_SIZE,
  Codec,
  DEFAULT_MAX_RECORD_SIZE,
  FORMAT_VERSION,
  featureBits,
  NO_MAX_TIME,
  NO_MIN_TIME,
  SEGMENT_HEADER_SIZE,
} from "../format/constants.js";
import { crc32c } from "../format/crc32c.js";
import type { LogRecord } from "../format/records.js";
import { encodeSegmentHeader, parseSegmentHeader } from "../format/segment-header.js";
import {
  completeManifest,
  MANIFEST_FILE,
  type Manifest,
  type ManifestInit,
  manifestToJson,
  readManifest,
} from "./manifest.js";
import { scanSegment, type TornTail } from "./scan.js";
import {
  encodeIndex,
  fileSize,
  type IndexEntry,
  indexPath,
  listSegments,
  readFully,
  readIndex,
  segmentPath,
  withFd,
} from "./segment-files.js";

/**
 * The writer's own clock for block age and fsync intervals, taken once at load: appends may
 * run inside an app step, where strict mode replaces `performance.now` with a trap.
 */
const monotonicNow: () => number = performance.now.bind(performance);

export type FsyncPolicy = "always" | "interval" | "never";
export const FSYNC_POLICIES: readonly FsyncPolicy[] = ["always", "interval", "never"];

export interface WriterOptions {
  /** Target uncompressed size of a block, in bytes. Defaults to 65536. */
  blockSize: number;
  /** Longest time a non-empty block stays open before it is written, in ms; 0 = only by size. Defaults to 200. */
  flushIntervalMs: number;
  /** When written blocks are forced to disk. Defaults to "interval". */
  fsync: FsyncPolicy;
  /** With fsync "interval": the most time between fsyncs, in ms. Defaults to 1000. */
  fsyncIntervalMs: number;
  /** A segment is closed and a new one started when it would grow past this many bytes. Defaults to 128 MiB. */
  segmentSize: number;
  /** Largest encoded record accepted, in bytes. Defaults to 16 MiB. */
  maxRecordSize: number;
  /** Block compression; "none" stores every block uncompressed. Defaults to "lz4". */
  compression: "lz4" | "none";
}

export const DEFAULT_WRITER_OPTIONS: Readonly<WriterOptions> = Object.freeze({
  blockSize: 64 * 1024,
  flushIntervalMs: 200,
  fsync: "interval",
  fsyncIntervalMs: 1000,
  segmentSize: 128 * 1024 * 1024,
  maxRecordSize: DEFAULT_MAX_RECORD_SIZE,
  compression: "lz4",
});

export function writerOptions(partial: Partial<WriterOptions> = {}): WriterOptions {
  const o: WriterOptions = { ...DEFAULT_WRITER_OPTIONS };
  for (const [k, v] of Object.entries(partial))
    if (v !== undefined) (o as unknown as Record<string, unknown>)[k] = v;
  if (!FSYNC_POLICIES.includes(o.fsync))
    throw new HindsightError("USAGE", `unknown fsync policy "${o.fsync}"`, {
      hint: `use one of ${FSYNC_POLICIES.join(", ")}`,
    });
  if (!Number.isInteger(o.blockSize) || o.blockSize < 256 || o.blockSize > 16 * 1024 * 1024)
    throw new HindsightError("USAGE", `block size ${o.blockSize} is out of range`, {
      hint: "use 256 bytes to 16 MiB",
    });
  if (!Number.isInteger(o.segmentSize) || o.segmentSize < 4096)
    throw new HindsightError("USAGE", `segment size ${o.segmentSize} is too small`, {
      hint: "use at least 4096 bytes",
    });
  return o;
}

/** What reopening a log for append found and did at its tail. */
export interface AppendRecovery {
  readonly truncated?: TornTail & { readonly lastGoodSeq: number };
  readonly nextSeq: number;
}

export class LogWriter {
  readonly dir: string;
  readonly manifest: Manifest;
  readonly options: WriterOptions;
  private readonly features: number;
  private readonly enc: RecordEncoder;
  private readonly header = new Uint8Array(BLOCK_HEADER_SIZE);
  private fd = -1;
  private segNo = 0;
  private segBytes = 0;
  private segEntries: IndexEntry[] = [];
  private seq: number;
  private blockFirstSeq: number;
  private blockCount = 0;
  private minTime = NO_MIN_TIME;
  private maxTime = NO_MAX_TIME;
  private blockOpenedAt = 0;
  private lastSync = 0;
  private syncInFlight = false;
  private readonly closeAfterSync = new Set<number>();
  private timer: NodeJS.Timeout | undefined;
  private closed = false;
  private failure: Error | undefined;
  /** Blocks and bytes written so far (for stats). */
  blocksWritten = 0;
  bytesWritten = 0;
  rawBytes = 0;

  private constructor(dir: string, manifest: Manifest, options: WriterOptions, nextSeq: number) {
    this.dir = dir;
    this.manifest = manifest;
    this.options = options;
    this.features = featureBits(manifest.features);
    this.enc = new RecordEncoder(Math.max(options.blockSize * 2, 4096));
    this.seq = nextSeq;
    this.blockFirstSeq = nextSeq;
    if (options.flushIntervalMs > 0) {
      this.timer = setInterval(() => this.onTimer(), Math.max(1, Math.min(options.flushIntervalMs, 1000)));
      this.timer.unref();
    }
  }

  /**
   * Creates a new recording in `dir` (created if missing; must be empty).
   * Throws ALREADY_EXISTS when `dir` already holds files, USAGE for bad options, IO.
   */
  static create(
    dir: string,
    init: ManifestInit,
    options: Partial<WriterOptions> = {},
    now: Date = new Date(),
  ): LogWriter {
    const o = writerOptions(options);
    if (existsSync(dir)) {
      const entries = readdirSync(dir);
      if (entries.length > 0)
        throw new HindsightError("ALREADY_EXISTS", `${dir} is not empty`, {
          hint: existsSync(join(dir, MANIFEST_FILE))
            ? "it already holds a recording; choose a new --out"
            : "choose a new or empty --out directory",
        });
    }
    mkdirSync(dir, { recursive: true });
    const manifest = completeManifest(
      init,
      {
        blockSize: o.blockSize,
        flushIntervalMs: o.flushIntervalMs,
        fsync: o.fsync,
        fsyncIntervalMs: o.fsyncIntervalMs,
        segmentSize: o.segmentSize,
        outputs: "",
        checkpointEvery: 0,
      },
      now,
    );
    writeFileAtomic(join(dir, MANIFEST_FILE), manifestToJson(manifest), o.fsync !== "never");
    const w = new LogWriter(dir, manifest, o, 0);
    w.openSegment(1);
    return w;
  }

  /**
   * Reopens an existing recording to append. A torn tail in the last segment is truncated
   * to the last whole block and reported; corruption anywhere throws (run `hindsight fsck`).
   */
  static openAppend(
    dir: string,
    options: Partial<WriterOptions> = {},
  ): { writer: LogWriter; recovery: AppendRecovery } {
    const manifest = readManifest(dir);
    const o = writerOptions({ ...manifestWriterOptions(manifest), ...options });
    const segs = listSegments(dir);
    let seq = 0;
    let truncated: AppendRecovery["truncated"];
    let lastEntries: IndexEntry[] = [];
    let lastSize = SEGMENT_HEADER_SIZE;
    for (const n of segs) {
      const path = segmentPath(dir, n);
      const size = fileSize(path);
      const last = n === segs[segs.length - 1];
      const scan = withFd(path, last ? "r+" : "r", (fd) => {
        if (last && size < SEGMENT_HEADER_SIZE) {
          ftruncateSync(fd, 0);
          writeSync(
            fd,
            encodeSegmentHeader({
              formatVersion: FORMAT_VERSION,
              features: featureBits(manifest.features),
              segmentNumber: n,
            }),
            0,
            SEGMENT_HEADER_SIZE,
            0,
          );
          return {
            entries: [],
            goodEnd: SEGMENT_HEADER_SIZE,
            problem: {
              kind: "torn" as const,
              segment: path,
              offset: 0,
              droppedBytes: size,
              reason: "partial segment header",
            },
          };
        }
        const hb = Buffer.alloc(SEGMENT_HEADER_SIZE);
        readFully(fd, hb, 0);
        const sh = parseSegmentHeader(hb);
        if (!sh.ok)
          throw new HindsightError("CORRUPT_SEGMENT", `segment header is invalid (${sh.reason})`, {
            where: path,
            hint: "run `hindsight fsck`",
          });
        const cached = last ? undefined : readIndex(indexPath(dir, n), size);
        if (cached) return { entries: cached, goodEnd: size };
        const s = scanSegment(fd, { segmentNumber: n, size, expectedSeq: seq, verifyPayload: last });
        if (s.problem?.kind === "corrupt" || (s.problem && !last))
          throw new HindsightError(
            s.problem.kind === "corrupt" ? s.problem.code : "CORRUPT_SEGMENT",
            `cannot append: ${s.problem.reason}`,
            {
              where: `${path} at offset ${s.problem.offset}`,
              hint: "run `hindsight fsck` on the recording",
            },
          );
        if (s.problem?.kind === "torn") ftruncateSync(fd, s.goodEnd);
        return s;
      });
      const added = scan.entries.reduce((a, e) => a + e.recordCount, 0);
      if (scan.problem?.kind === "torn") truncated = { ...scan.problem, lastGoodSeq: seq + added - 1 };
      seq += added;
      if (last) {
        lastEntries = scan.entries;
        lastSize = scan.goodEnd;
      }
    }
    const w = new LogWriter(dir, manifest, o, seq);
    if (segs.length === 0) w.openSegment(1);
    else {
      const n = segs[segs.length - 1]!;
      w.segNo = n;
      w.fd = openSync(segmentPath(dir, n), "r+");
      w.segBytes = lastSize;
      w.segEntries = lastEntries;
      if (o.fsync !== "never") fsyncSync(w.fd);
    }
    return { writer: w, recovery: { ...(truncated ? { truncated } : {}), nextSeq: seq } };
  }

  /** Sequence number the next appended record will get. */
  get nextSeq(): number {
    return this.seq;
  }

  /**
   * Appends one record and returns its sequence number. The record is durable once its
   * block is written (see the class doc). Throws RECORD_TOO_LARGE, BAD_INPUT, CLOSED, IO.
   */
  append(r: LogRecord): number {
    if (this.closed) throw new HindsightError("CLOSED", "append to a closed log writer");
    if (this.failure) throw this.failure;
    const before = this.enc.pos;
    let n: number;
    try {
      n = this.enc.encode(r);
    } catch (e) {
      // A record that fails to encode leaves no bytes behind: the block stays well-formed.
      this.enc.pos = before;
      throw e;
    }
    if (n > this.options.maxRecordSize + 10) {
      this.enc.pos = before;
      throw new HindsightError(
        "RECORD_TOO_LARGE",
        `record of ${n} bytes exceeds the limit of ${this.options.maxRecordSize}`,
        {
          hint: "raise maxRecordSize or split the payload",
        },
      );
    }
    if (this.blockCount === 0) this.blockOpenedAt = monotonicNow();
    this.blockCount++;
    const t = r.timeNs;
    if (t !== 0n) {
      if (t < this.minTime) this.minTime = t;
      if (t > this.maxTime) this.maxTime = t;
    }
    const s = this.seq++;
    if (this.enc.pos >= this.options.blockSize) this.writeBlock();
    return s;
  }

  /** Writes the open block, if any (fsync per policy). */
  flush(): void {
    if (this.closed) return;
    if (this.blockCount > 0) this.writeBlock();
  }

  /** Writes the open block and forces everything written to disk, whatever the policy. */
  sync(): void {
    this.flush();
    if (this.fd >= 0) fsyncSync(this.fd);
    this.lastSync = monotonicNow();
  }

  /** Writes a side file (e.g. checkpoint state) into the recording directory, durably. */
  writeSideFile(name: string, data: Uint8Array): void {
    const rel = normalize(name);
    if (
      rel.startsWith("..") ||
      rel.startsWith(sep) ||
      rel.includes(`..${sep}`) ||
      /^segment-|^manifest\.json$/.test(rel)
    )
      throw new HindsightError("USAGE", `invalid side file name "${name}"`);
    const path = join(this.dir, rel);
    mkdirSync(dirname(path), { recursive: true });
    writeFileAtomic(path, data, this.options.fsync !== "never");
  }

  /** Writes the open block, seals the last segment (index file, fsync) and closes. Idempotent. */
  close(): void {
    if (this.closed) return;
    if (this.timer) clearInterval(this.timer);
    this.flush();
    this.closed = true;
    this.sealSegment(this.options.fsync !== "never");
  }

  private onTimer(): void {
    if (this.closed || this.failure) return;
    try {
      if (this.blockCount > 0 && monotonicNow() - this.blockOpenedAt >= this.options.flushIntervalMs)
        this.writeBlock();
      else this.maybeSync();
    } catch (e) {
      this.failure = e instanceof Error ? e : new Error(String(e));
    }
  }

  private openSegment(n: number): void {
    this.segNo = n;
    const path = segmentPath(this.dir, n);
    this.fd = openSync(path, "wx");
    const h = encodeSegmentHeader({
      formatVersion: FORMAT_VERSION,
      features: this.features,
      segmentNumber: n,
    });
    writeSync(this.fd, h, 0, h.length, 0);
    this.segBytes = SEGMENT_HEADER_SIZE;
    this.segEntries = [];
    if (this.options.fsync !== "never") {
      fsyncSync(this.fd);
      fsyncDir(this.dir);
    }
  }

  private sealSegment(sync: boolean): void {
    if (this.fd < 0) return;
    if (sync) fsyncSync(this.fd);
    writeFileAtomic(indexPath(this.dir, this.segNo), encodeIndex(this.segEntries, this.segBytes), sync);
    const fd = this.fd;
    this.fd = -1;
    if (this.syncInFlight) this.closeAfterSync.add(fd);
    else closeSync(fd);
  }

  private writeBlock(): void {
    const raw = this.enc.bytes();
    const c = compressBlock(raw, this.options.compression === "none" ? Codec.none : Codec.lz4);
    const stored = c.bytes;
    const total = BLOCK_HEADER_SIZE + stored.length;
    if (this.segBytes > SEGMENT_HEADER_SIZE && this.segBytes + total > this.options.segmentSize) {
      this.sealSegment(this.options.fsync !== "never");
      this.openSegment(this.segNo + 1);
    }
    encodeBlockHeader(
      {
        storedLength: stored.length,
        uncompressedLength: raw.length,
        payloadCrc: crc32c(stored),
        codec: c.codec,
        flags: 0,
        recordCount: this.blockCount,
        firstSeq: this.blockFirstSeq,
        minTime: this.minTime,
        maxTime: this.maxTime,
      },
      this.header,
    );
    const offset = this.segBytes;
    const written = writevSync(this.fd, [this.header, stored], offset);
    if (written !== total)
      throw new HindsightError("IO", `short write (${written} of ${total} bytes)`, {
        where: segmentPath(this.dir, this.segNo),
      });
    this.segEntries.push({
      offset,
      firstSeq: this.blockFirstSeq,
      recordCount: this.blockCount,
      storedLength: stored.length,
      uncompressedLength: raw.length,
      codec: c.codec,
      minTime: this.minTime,
      maxTime: this.maxTime,
    });
    this.segBytes += total;
    this.blocksWritten++;
    this.bytesWritten += total;
    this.rawBytes += raw.length;
    this.enc.reset();
    this.blockFirstSeq = this.seq;
    this.blockCount = 0;
    this.minTime = NO_MIN_TIME;
    this.maxTime = NO_MAX_TIME;
    if (this.options.fsync === "always") {
      fsyncSync(this.fd);
      this.lastSync = monotonicNow();
    } else this.maybeSync();
  }

  private maybeSync(): void {
    if (this.options.fsync !== "interval" || this.syncInFlight || this.fd < 0) return;
    const now = monotonicNow();
    if (now - this.lastSync < this.options.fsyncIntervalMs) return;
    this.lastSync = now;
    this.syncInFlight = true;
    const fd = this.fd;
    fsync(fd, (e) => {
      this.syncInFlight = false;
      if (e && !this.failure)
        this.failure = new HindsightError("IO", `fsync failed: ${e.message}`, { cause: e });
      for (const f of this.closeAfterSync) closeSync(f);
      this.closeAfterSync.clear();
    });
  }
}

export function manifestWriterOptions(m: Manifest): Partial<WriterOptions> {
  const w = m.writer;
  const o: Partial<WriterOptions> = {};
  if (w.blockSize) o.blockSize = w.blockSize;
  if (w.flushIntervalMs) o.flushIntervalMs = w.flushIntervalMs;
  if (FSYNC_POLICIES.includes(w.fsync as FsyncPolicy)) o.fsync = w.fsync as FsyncPolicy;
  if (w.fsyncIntervalMs) o.fsyncIntervalMs = w.fsyncIntervalMs;
  if (w.segmentSize) o.segmentSize = w.segmentSize;
  return o;
}

/** Write-to-temp, fsync, rename, fsync the directory: the file is either old or new after a crash. */
export function writeFileAtomic(path: string, data: string | Uint8Array, sync: boolean): void {
  const tmp = `${path}.tmp`;
  const fd = openSync(tmp, "w");
  try {
    if (typeof data === "string") writeSync(fd, data);
    else writeSync(fd, data, 0, data.length);
    if (sync) fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
  if (sync) fsyncDir(dirname(path));
}

function fsyncDir(dir: string): void {
  try {
    const fd = openSync(dir, "r");
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Some filesystems refuse fsync on a directory; the data files are synced regardless.
  }
}
