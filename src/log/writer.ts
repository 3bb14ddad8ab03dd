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
 *
 * Blocks may be compressed and written on a block-writer thread (option `offload`, see
 * Offload and block-worker.ts): a process crash can then also lose the blocks handed to the
 * thread and not yet written (at most MAX_JOBS_IN_FLIGHT); flush(), sync() and close() wait
 * for the thread. The bytes on disk are the same either way.
 */
import {
  closeSync,
  existsSync,
  fsyncSync,
  ftruncateSync,
  openSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { hostname } from "node:os";
import { dirname, join, normalize, sep } from "node:path";
import { RecordEncoder, varintSize } from "../codec/record-codec.js";
import { sha256 } from "../engine/bytes.js";
import { fsReason, HindsightError } from "../errors.js";
import {
  DEFAULT_MAX_RECORD_SIZE,
  FORMAT_VERSION,
  featureBits,
  NO_MAX_TIME,
  NO_MIN_TIME,
  SEGMENT_HEADER_SIZE,
} from "../format/constants.js";
import type { DecisionKind, LogRecord } from "../format/records.js";
import { encodeSegmentHeader, recordingTag } from "../format/segment-header.js";
import { BlockThread } from "./block-thread.js";
import { ByteRuns } from "./byte-runs.js";
import {
  completeManifest,
  MANIFEST_FILE,
  type Manifest,
  type ManifestInit,
  manifestToJson,
  readManifest,
} from "./manifest.js";
import { checkSegmentHeader } from "./reader.js";
import { scanSegment, type TornTail } from "./scan.js";
import {
  fileSize,
  type IndexEntry,
  indexPath,
  listSegments,
  liveWriter,
  lostLaterSegments,
  makeDirs,
  missingAfterReason,
  notRegularFile,
  readFully,
  readIndex,
  readIndexFile,
  segmentPath,
  WRITER_LOCK,
  withFd,
} from "./segment-files.js";
import {
  type BlockMeta,
  type DeferredDigests,
  type FsyncPolicy,
  monotonicNow,
  SegmentStore,
  type StoreOptions,
  type StoreState,
  writeFileAtomic,
} from "./segment-store.js";

export { type FsyncPolicy, writeFileAtomic } from "./segment-store.js";

export const FSYNC_POLICIES: readonly FsyncPolicy[] = ["always", "interval", "never"];

/**
 * Where blocks are compressed and written:
 *   - "thread": on a block-writer thread from the first block;
 *   - "none":   on the appending thread;
 *   - "auto":   on the appending thread for the first blocks, then on a block-writer thread
 *               once the log has grown past a few blocks (small logs never start a thread);
 *               always on the appending thread with fsync "always".
 */
export type Offload = "auto" | "thread" | "none";
export const OFFLOAD_MODES: readonly Offload[] = ["auto", "thread", "none"];

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
  /** Where blocks are compressed and written (see Offload). Defaults to "auto". */
  offload: Offload;
}

export const DEFAULT_WRITER_OPTIONS: Readonly<WriterOptions> = Object.freeze({
  blockSize: 64 * 1024,
  flushIntervalMs: 200,
  fsync: "interval",
  fsyncIntervalMs: 1000,
  segmentSize: 128 * 1024 * 1024,
  maxRecordSize: DEFAULT_MAX_RECORD_SIZE,
  compression: "lz4",
  offload: "auto",
});

export function writerOptions(partial: Partial<WriterOptions> = {}): WriterOptions {
  const o: WriterOptions = { ...DEFAULT_WRITER_OPTIONS };
  for (const [k, v] of Object.entries(partial))
    if (v !== undefined) (o as unknown as Record<string, unknown>)[k] = v;
  if (!FSYNC_POLICIES.includes(o.fsync))
    throw new HindsightError("USAGE", `unknown fsync policy "${o.fsync}"`, {
      hint: `use one of ${FSYNC_POLICIES.join(", ")}`,
    });
  if (!OFFLOAD_MODES.includes(o.offload))
    throw new HindsightError("USAGE", `unknown offload mode "${o.offload}"`, {
      hint: `use one of ${OFFLOAD_MODES.join(", ")}`,
    });
  if (!Number.isInteger(o.blockSize) || o.blockSize < 256 || o.blockSize > 16 * 1024 * 1024)
    throw new HindsightError("USAGE", `block size ${o.blockSize} is out of range`, {
      hint: "use 256 bytes to 16 MiB (--block-size, WriterOptions.blockSize)",
    });
  if (!Number.isInteger(o.segmentSize) || o.segmentSize < 4096)
    throw new HindsightError("USAGE", `segment size ${o.segmentSize} is too small`, {
      hint: "use at least 4096 bytes (--segment-size, WriterOptions.segmentSize)",
    });
  return o;
}

/** What reopening a log for append found and did at its tail. */
export interface AppendRecovery {
  readonly truncated?: TornTail & { readonly lastGoodSeq: number };
  readonly nextSeq: number;
}

export { WRITER_LOCK };

/**
 * Takes the recording's writer lock, or throws BUSY when a live writer holds it. A lock left by
 * a writer that is gone (a crash: its process no longer runs on this host) is taken over.
 */
export function takeWriterLock(dir: string): void {
  const path = join(dir, WRITER_LOCK);
  const mine = JSON.stringify({ pid: process.pid, host: hostname() });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(path, mine, { flag: "wx" });
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST")
        throw new HindsightError("IO", `cannot write ${path}: ${fsReason(e)}`, { cause: e });
    }
    const odd = notRegularFile(path);
    if (odd !== undefined)
      throw new HindsightError("IO", `${path}: ${odd}`, { hint: "remove it; only a writer makes this file" });
    // A lock whose writer is gone (or half written by a crash) is taken over below.
    const holder = liveWriter(dir);
    if (holder !== undefined)
      throw new HindsightError(
        "BUSY",
        `another writer has the recording open (pid ${holder.pid}${holder.host !== undefined ? ` on ${holder.host}` : ""})`,
        {
          where: dir,
          hint: `wait for it to close the recording; if it is gone, remove ${path}`,
        },
      );
    rmSync(path, { force: true });
  }
  throw new HindsightError("BUSY", "another writer took the recording's lock at the same time", {
    where: dir,
  });
}

export function releaseWriterLock(dir: string): void {
  try {
    rmSync(join(dir, WRITER_LOCK), { force: true });
  } catch {
    // the recording is closed either way
  }
}

/** "auto" starts the block-writer thread after this many blocks and hands over once it is ready. */
const AUTO_SPAWN_AFTER_BLOCKS = 2;

const ZERO_DIGEST = new Uint8Array(32);
const EMPTY = new Uint8Array(0);

export class LogWriter {
  readonly dir: string;
  readonly manifest: Manifest;
  readonly options: WriterOptions;
  private readonly features: number;
  /** Input and Output records may name only the manifest's streams and sinks. */
  private readonly streamCount: number;
  private readonly sinkCount: number;
  private readonly enc: RecordEncoder;
  private seq: number;
  private blockFirstSeq: number;
  private blockCount = 0;
  private minTime = NO_MIN_TIME;
  private maxTime = NO_MAX_TIME;
  private blockOpenedAt = 0;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;
  private failure: Error | undefined;
  /** The file side, while blocks are written on this thread. */
  private store: SegmentStore | null = null;
  /** The block-writer thread, once blocks are handed to it. */
  private thread: BlockThread | null = null;
  /** A block-writer thread started but not yet handed the log ("auto"). */
  private starting: BlockThread | null = null;
  /** Output digests of the open block left to the block-writer thread: where, and of what. */
  private digestPositions: number[] = [];
  private readonly digestOf = new ByteRuns();

  private constructor(
    dir: string,
    manifest: Manifest,
    options: WriterOptions,
    nextSeq: number,
    state: StoreState,
  ) {
    this.dir = dir;
    this.manifest = manifest;
    this.options = options;
    this.features = featureBits(manifest.features);
    this.streamCount = manifest.streams.length;
    this.sinkCount = manifest.sinks.length;
    this.enc = new RecordEncoder(this.slotBytes());
    this.seq = nextSeq;
    this.blockFirstSeq = nextSeq;
    this.store = new SegmentStore(dir, storeOptions(options, manifest), this.features, state);
    if (options.offload === "thread") {
      try {
        this.starting = BlockThread.startReady(
          "block-writer",
          'use offload "none" to write blocks on the appending thread',
          this.slotBytes(),
        );
      } catch (e) {
        this.closed = true;
        this.store.close();
        throw e;
      }
      this.handOver();
    }
    if (options.flushIntervalMs > 0 || options.fsync === "interval") {
      const every = options.flushIntervalMs > 0 ? options.flushIntervalMs : options.fsyncIntervalMs;
      this.timer = setInterval(() => this.onTimer(), Math.max(1, Math.min(every, 1000)));
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
      if (!statSync(dir).isDirectory())
        throw new HindsightError("ALREADY_EXISTS", `${dir} is a file, not a directory`, {
          hint: "choose a new or empty --out directory",
        });
      const entries = readdirSync(dir);
      if (entries.length > 0)
        throw new HindsightError("ALREADY_EXISTS", `${dir} is not empty`, {
          hint: existsSync(join(dir, MANIFEST_FILE))
            ? statSync(join(dir, MANIFEST_FILE)).size === 0 && liveWriter(dir) === undefined
              ? "it holds a recording whose creation was cut short before anything was recorded: remove the directory, or choose a new --out"
              : "it already holds a recording; choose a new --out"
            : "choose a new or empty --out directory",
        });
    }
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
    // Claim the directory before writing anything in it: of two writers creating a recording in
    // the same empty directory at once, one creates the manifest file and the other stops here,
    // rather than replacing the first one's manifest.
    try {
      makeDirs(dir);
      closeSync(openSync(join(dir, MANIFEST_FILE), "wx"));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "EEXIST")
        throw new HindsightError(
          "ALREADY_EXISTS",
          `${dir} is not empty: another recording was started in it at the same time`,
          { hint: "choose a new --out" },
        );
      throw new HindsightError("IO", `cannot create the recording directory ${dir}: ${fsReason(e)}`, {
        hint: "choose a directory in a writable place",
        cause: e,
      });
    }
    // The lock before the manifest: a reader never sees a whole manifest, no segment and no lock
    // (a closed recording whose segments were lost; FORMAT.md section 7).
    takeWriterLock(dir);
    try {
      writeFileAtomic(join(dir, MANIFEST_FILE), manifestToJson(manifest), o.fsync !== "never");
    } catch (e) {
      releaseWriterLock(dir);
      throw e;
    }
    return new LogWriter(dir, manifest, o, 0, { segNo: 1, fd: -1, segBytes: 0, segEntries: [] });
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
    // One writer at a time: two would write their blocks over each other's.
    takeWriterLock(dir);
    try {
      return LogWriter.openAppendLocked(dir, manifest, o);
    } catch (e) {
      releaseWriterLock(dir);
      throw e;
    }
  }

  private static openAppendLocked(
    dir: string,
    manifest: Manifest,
    o: WriterOptions,
  ): { writer: LogWriter; recovery: AppendRecovery } {
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
              tag: recordingTag(manifest.recordingId),
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
        // As readers and fsck check it: version, feature bits (the manifest's), number.
        checkSegmentHeader(hb, path, n, featureBits(manifest.features), recordingTag(manifest.recordingId));
        if (last) {
          // Appending after segments that were lost would number records as if they never were.
          if (lostLaterSegments(dir, n, readIndexFile(indexPath(dir, n)), size))
            throw new HindsightError("CORRUPT_SEGMENT", `cannot append: ${missingAfterReason(n)}`, {
              where: dir,
              hint: "run `hindsight fsck` on the recording",
            });
        }
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
    let state: StoreState = { segNo: 1, fd: -1, segBytes: 0, segEntries: [] };
    if (segs.length > 0) {
      const n = segs[segs.length - 1]!;
      const fd = openSync(segmentPath(dir, n), "r+");
      if (o.fsync !== "never") fsyncSync(fd);
      state = { segNo: n, fd, segBytes: lastSize, segEntries: lastEntries };
    }
    const w = new LogWriter(dir, manifest, o, seq, state);
    return { writer: w, recovery: { ...(truncated ? { truncated } : {}), nextSeq: seq } };
  }

  /** Sequence number the next appended record will get. */
  get nextSeq(): number {
    return this.seq;
  }

  /** Whether blocks are being compressed and written on the block-writer thread. */
  get offloaded(): boolean {
    return this.thread !== null;
  }

  /** Blocks written so far (for stats; complete after flush() or close()). */
  get blocksWritten(): number {
    return (this.store?.stats.blocksWritten ?? 0) + (this.thread?.stats[0] ?? 0);
  }

  /** Bytes of blocks written so far, headers included (complete after flush() or close()). */
  get bytesWritten(): number {
    return (this.store?.stats.bytesWritten ?? 0) + (this.thread?.stats[1] ?? 0);
  }

  /** Uncompressed bytes of the blocks written so far (complete after flush() or close()). */
  get rawBytes(): number {
    return (this.store?.stats.rawBytes ?? 0) + (this.thread?.stats[2] ?? 0);
  }

  /**
   * Appends one record and returns its sequence number. The record is durable once its
   * block is written (see the class doc). Throws BAD_INPUT (a field out of range, a record over
   * maxRecordSize), CLOSED, IO.
   */
  append(r: LogRecord): number {
    this.checkOpen();
    if (r.type === "input") this.checkListed("input", r.stream);
    else if (r.type === "output") this.checkListed("output", r.sink);
    const before = this.enc.pos;
    // A record that fails to encode throws with no bytes written: the block stays well-formed.
    this.enc.encode(r);
    return this.appended(before, r.timeNs);
  }

  /**
   * Appends an Input record given field by field, as append(rec.input(...)) would but with no
   * record object: the recorder calls this once per event. Returns its sequence number.
   */
  appendInput(
    timeNs: bigint,
    stream: number,
    streamSeq: number,
    key: Uint8Array,
    payload: Uint8Array,
  ): number {
    this.checkOpen();
    if (!(stream < this.streamCount)) this.checkListed("input", stream);
    const before = this.enc.pos;
    this.enc.input(timeNs, stream, streamSeq, key, payload);
    return this.appended(before, timeNs);
  }

  /**
   * Appends a Decision record given field by field, as append(rec.decision(...)) would but with
   * no record object: the recorder calls this for every clock read, draw and tick. Returns its
   * sequence number.
   */
  appendDecision(
    timeNs: bigint,
    kind: DecisionKind,
    name: string,
    eventSeq: number,
    index: number,
    value: Uint8Array,
    key: Uint8Array,
    contentHash: Uint8Array,
    step: string,
    settledAtOnce = false,
  ): number {
    this.checkOpen();
    const before = this.enc.pos;
    this.enc.decision(timeNs, kind, name, eventSeq, index, value, key, contentHash, step, settledAtOnce);
    return this.appended(before, timeNs);
  }

  /**
   * Appends an Output record whose digest is the SHA-256 of `bytes` (and whose data is
   * `bytes` too when `full`). The digest is computed with the block: on the block-writer
   * thread when there is one. Returns the record's sequence number.
   */
  appendOutput(
    timeNs: bigint,
    sink: number,
    eventSeq: number,
    index: number,
    sinkSeq: number,
    bytes: Uint8Array,
    full: boolean,
  ): number {
    this.checkOpen();
    if (!(sink < this.sinkCount)) this.checkListed("output", sink);
    const deferred = this.thread !== null;
    const before = this.enc.pos;
    this.enc.output(
      timeNs,
      sink,
      eventSeq,
      index,
      sinkSeq,
      deferred ? ZERO_DIGEST : sha256(bytes),
      full ? bytes : EMPTY,
    );
    if (deferred) {
      // The digest is the 32 bytes just before the data field, which ends the record.
      const n = bytes.length;
      const dataField = full && n > 0 ? 1 + varintSize(n) + n : 0;
      this.digestPositions.push(this.enc.pos - dataField - 32);
      this.digestOf.push(bytes);
    }
    return this.appended(before, timeNs);
  }

  /** A reader could not tell what an input of a stream (or an output of a sink) the manifest does not list is: refused. */
  private checkListed(what: "input" | "output", i: number): void {
    const [noun, count] = what === "input" ? ["stream", this.streamCount] : ["sink", this.sinkCount];
    if (i < count) return;
    throw new HindsightError(
      "BAD_INPUT",
      `${what} names ${noun} #${i}, but the recording's manifest lists ${count} ${noun}(s)`,
      {
        hint: `list every ${what === "input" ? "input stream" : "sink"} when the recording is created (manifest ${noun}s)`,
      },
    );
  }

  private checkOpen(): void {
    if (this.closed) throw new HindsightError("CLOSED", "append to a closed log writer");
    if (this.failure) throw this.failure;
  }

  /** Books a record just encoded at `before`; writes the block when it is full. */
  private appended(before: number, t: bigint): number {
    const n = this.enc.pos - before;
    if (n > this.options.maxRecordSize + 10) {
      this.enc.pos = before;
      if (this.digestPositions.length > 0 && (this.digestPositions.at(-1) as number) >= before) {
        this.digestPositions.pop();
        this.digestOf.pop();
      }
      // BAD_INPUT, not RECORD_TOO_LARGE: that one (exit 4) means a recording claims such a record.
      throw new HindsightError(
        "BAD_INPUT",
        `record of ${n} bytes exceeds the limit of ${this.options.maxRecordSize} bytes`,
        {
          hint: "raise maxRecordSize or split the payload",
        },
      );
    }
    if (this.blockCount === 0) this.blockOpenedAt = monotonicNow();
    this.blockCount++;
    // Times mostly rise: one comparison for the common case (NO_MAX_TIME is 0).
    if (t > this.maxTime) {
      this.maxTime = t;
      if (t < this.minTime) this.minTime = t;
    } else if (t !== 0n && t < this.minTime) this.minTime = t;
    const s = this.seq++;
    if (this.enc.pos >= this.options.blockSize) this.writeBlock();
    return s;
  }

  /** Writes the open block, if any (fsync per policy); returns once it is written. */
  flush(): void {
    if (this.closed) return;
    if (this.failure) throw this.failure;
    if (this.blockCount > 0) this.writeBlock();
    this.guard(() => this.thread?.drain());
  }

  /** Writes the open block and forces everything written to disk, whatever the policy. */
  sync(): void {
    this.flush();
    this.guard(() => {
      if (this.thread) this.thread.run({ op: "sync" }, true);
      else this.store?.sync();
    });
  }

  /** Runs `f`; an error it throws fails the writer: every later call throws it too. */
  private guard<T>(f: () => T): T {
    try {
      return f();
    } catch (e) {
      this.failure ??= e instanceof Error ? e : new Error(String(e));
      throw e;
    }
  }

  /**
   * Where blocks are written: "appending-thread", "starting" (a block-writer thread is
   * starting), "ready" (it will take over at the next block) or "thread".
   */
  get offloadState(): "appending-thread" | "starting" | "ready" | "thread" {
    if (this.thread) return "thread";
    if (this.starting) return this.starting.ready() ? "ready" : "starting";
    return "appending-thread";
  }

  /**
   * Writes a side file (e.g. checkpoint state) into the recording directory, atomically and
   * (unless fsync is "never") durably; with a block-writer thread, before any later block.
   */
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
    makeDirs(dirname(path));
    const f = this.options.fsync;
    const sync = f === "always" ? true : f === "interval" ? "background" : false;
    // On the block-writer thread, the file is written (and synced) before any block appended
    // after this call: jobs run in order. Its fsync then never stalls the appending thread.
    if (this.failure) throw this.failure;
    const thread = this.thread;
    if (thread) {
      const copy = new Uint8Array(data);
      this.guard(() =>
        thread.run({ op: "side", path, data: copy, sync }, false, [copy.buffer as ArrayBuffer]),
      );
    } else writeFileAtomic(path, data, sync);
  }

  /** Writes the open block, seals the last segment (index file, fsync) and closes. Idempotent. */
  close(): void {
    if (this.closed) return;
    if (this.timer) clearInterval(this.timer);
    try {
      this.flush();
      this.closed = true;
      this.guard(() => {
        if (this.thread) this.thread.run({ op: "close" }, true);
        else this.store?.close();
      });
    } finally {
      this.closed = true;
      this.thread?.stop();
      this.starting?.stop();
      this.starting = null;
      releaseWriterLock(this.dir);
    }
  }

  private onTimer(): void {
    if (this.closed || this.failure) return;
    try {
      if (
        this.blockCount > 0 &&
        this.options.flushIntervalMs > 0 &&
        monotonicNow() - this.blockOpenedAt >= this.options.flushIntervalMs
      )
        this.writeBlock();
      else this.store?.maybeSync();
    } catch (e) {
      this.failure = e instanceof Error ? e : new Error(String(e));
    }
  }

  private writeBlock(): void {
    const meta: BlockMeta = {
      firstSeq: this.blockFirstSeq,
      recordCount: this.blockCount,
      minTime: this.minTime,
      maxTime: this.maxTime,
    };
    const thread = this.thread;
    this.guard(() => {
      if (!thread) return this.store!.writeBlock(this.enc.bytes(), meta);
      if (thread.runBlock(this.enc.bytes(), meta, this.digestOf, this.digestPositions)) {
        this.digestPositions.length = 0;
        return;
      }
      const raw = this.enc.take();
      const digests: DeferredDigests | undefined =
        this.digestPositions.length > 0
          ? { positions: Uint32Array.from(this.digestPositions), ...this.digestOf.take() }
          : undefined;
      this.digestPositions = [];
      const transfer = [raw.buffer as ArrayBuffer];
      if (digests) transfer.push(digests.data.buffer as ArrayBuffer);
      thread.run({ op: "block", raw, meta, ...(digests ? { digests } : {}) }, false, transfer);
    });
    this.enc.reset();
    this.blockFirstSeq = this.seq;
    this.blockCount = 0;
    this.minTime = NO_MIN_TIME;
    this.maxTime = NO_MAX_TIME;
    if (this.store && this.options.offload !== "none" && this.options.fsync !== "always")
      this.maybeHandOver();
  }

  /**
   * The encoder's buffer, and a ring slot: blocks are written once they reach blockSize, so
   * twice that holds all but huge records.
   */
  private slotBytes(): number {
    return Math.max(this.options.blockSize * 2, 4096);
  }

  /** "auto": starts the block-writer thread after a few blocks, and hands over once it is ready. */
  private maybeHandOver(): void {
    if (this.starting === null) {
      if (this.options.offload === "auto" && this.store!.stats.blocksWritten >= AUTO_SPAWN_AFTER_BLOCKS)
        this.starting = BlockThread.start(this.slotBytes());
      return;
    }
    if (this.starting.ready()) this.handOver();
  }

  /** Moves the file side to the block-writer thread `starting`, which is ready. */
  private handOver(): void {
    const t = this.starting!;
    const store = this.store!;
    const state = store.handOver();
    this.starting = null;
    this.thread = t;
    this.store = null;
    t.inherit([store.stats.blocksWritten, store.stats.bytesWritten, store.stats.rawBytes]);
    t.run(
      {
        op: "init",
        dir: this.dir,
        options: storeOptions(this.options, this.manifest),
        features: this.features,
        state,
      },
      false,
    );
  }
}

function storeOptions(o: WriterOptions, m: Manifest): StoreOptions {
  return {
    tag: recordingTag(m.recordingId),
    fsync: o.fsync,
    fsyncIntervalMs: o.fsyncIntervalMs,
    segmentSize: o.segmentSize,
    compression: o.compression,
  };
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
