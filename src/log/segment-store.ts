/**
 * The file side of a log writer: turns raw blocks (encoded records) into stored blocks —
 * fills in deferred output digests, compresses, CRCs, writes header + payload with one
 * writev — and manages segment files (rollover, `.hsi` index on seal) and fsync.
 *
 * LogWriter drives it directly on the calling thread, or through the block-writer thread
 * (block-worker.ts), which runs this same class so both paths write identical bytes.
 */
import {
  close,
  closeSync,
  fsync,
  fsyncSync,
  open,
  openSync,
  renameSync,
  writeSync,
  writevSync,
} from "node:fs";
import { dirname } from "node:path";
import { performance } from "node:perf_hooks";
import { compressBlock } from "../codec/compression.js";
import { sha256 } from "../engine/bytes.js";
import { HindsightError } from "../errors.js";
import { encodeBlockHeader } from "../format/block-header.js";
import { BLOCK_HEADER_SIZE, Codec, FORMAT_VERSION, SEGMENT_HEADER_SIZE } from "../format/constants.js";
import { crc32c } from "../format/crc32c.js";
import { encodeSegmentHeader } from "../format/segment-header.js";
import { forEachRun, type Runs } from "./byte-runs.js";
import { encodeIndex, type IndexEntry, indexPath, segmentPath } from "./segment-files.js";

/**
 * The log's own clock (block age, fsync intervals, waiting for the block-writer thread), taken
 * once at load: records may be appended inside an app step, where strict mode replaces
 * `performance.now` with a trap.
 */
export const monotonicNow: () => number = performance.now.bind(performance);

export type FsyncPolicy = "always" | "interval" | "never";

/** What the store needs of the writer options (plain data: it crosses to the writer thread). */
export interface StoreOptions {
  /** The recording's tag, written in each segment header it starts (recordingTag). */
  readonly tag: number;
  readonly fsync: FsyncPolicy;
  readonly fsyncIntervalMs: number;
  readonly segmentSize: number;
  readonly compression: "lz4" | "none";
}

/** Where the store starts: a fresh segment, or the open tail of an existing one. */
export interface StoreState {
  readonly segNo: number;
  /** An open descriptor of segment segNo; -1 to create segment segNo; -2 to open it for append. */
  readonly fd: number;
  readonly segBytes: number;
  readonly segEntries: readonly IndexEntry[];
}

/** The block's place in the log, known to the writer before the block is stored. */
export interface BlockMeta {
  readonly firstSeq: number;
  readonly recordCount: number;
  readonly minTime: bigint;
  readonly maxTime: bigint;
}

/** Output digests still to compute: SHA-256 of run i goes into the raw block at `positions[i]` (32 bytes). */
export interface DeferredDigests extends Runs {
  readonly positions: Uint32Array;
}

export interface StoreStats {
  blocksWritten: number;
  bytesWritten: number;
  rawBytes: number;
}

export class SegmentStore {
  private readonly header = new Uint8Array(BLOCK_HEADER_SIZE);
  private fd: number;
  private segNo: number;
  private segBytes: number;
  private segEntries: IndexEntry[];
  private lastSync = 0;
  private syncInFlight = false;
  private readonly closeAfterSync = new Set<number>();
  /** An fsync error from the background: thrown by the next call. */
  failure: Error | undefined;
  readonly stats: StoreStats = { blocksWritten: 0, bytesWritten: 0, rawBytes: 0 };

  constructor(
    private readonly dir: string,
    private readonly options: StoreOptions,
    private readonly features: number,
    state: StoreState,
  ) {
    this.segNo = state.segNo;
    this.fd = state.fd;
    this.segBytes = state.segBytes;
    this.segEntries = [...state.segEntries];
    if (this.fd === -2) this.fd = openSync(segmentPath(dir, state.segNo), "r+");
    else if (this.fd < 0) this.openSegment(state.segNo);
  }

  /**
   * Stops using the open segment and returns the state another store (on the block-writer
   * thread) continues from; that store opens the segment itself (a thread closes only the
   * descriptors it opened). This store must not be used afterwards.
   */
  handOver(): StoreState {
    const state = { segNo: this.segNo, fd: -2, segBytes: this.segBytes, segEntries: this.segEntries };
    if (this.fd >= 0) {
      if (this.syncInFlight) this.closeAfterSync.add(this.fd);
      else closeSync(this.fd);
    }
    this.fd = -1;
    return state;
  }

  /** Stores one block: digests filled in, compressed, written; fsync per policy. */
  writeBlock(raw: Uint8Array, meta: BlockMeta, digests?: DeferredDigests): void {
    if (this.failure) throw this.failure;
    if (digests) fillDigests(raw, digests);
    const c = compressBlock(raw, this.options.compression === "none" ? Codec.none : Codec.lz4);
    const stored = c.bytes;
    const total = BLOCK_HEADER_SIZE + stored.length;
    if (this.segBytes > SEGMENT_HEADER_SIZE && this.segBytes + total > this.options.segmentSize) {
      // The next segment exists before the sealed one's index says one follows it (a crash in
      // between must not look like a recording that lost its later segments).
      const sealed = { fd: this.fd, segNo: this.segNo, entries: this.segEntries, bytes: this.segBytes };
      this.fd = -1;
      this.openSegment(this.segNo + 1);
      this.sealSegment(this.options.fsync !== "never", sealed, true);
    }
    encodeBlockHeader(
      {
        storedLength: stored.length,
        uncompressedLength: raw.length,
        payloadCrc: crc32c(stored),
        codec: c.codec,
        flags: 0,
        recordCount: meta.recordCount,
        firstSeq: meta.firstSeq,
        minTime: meta.minTime,
        maxTime: meta.maxTime,
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
      firstSeq: meta.firstSeq,
      recordCount: meta.recordCount,
      storedLength: stored.length,
      uncompressedLength: raw.length,
      codec: c.codec,
      minTime: meta.minTime,
      maxTime: meta.maxTime,
    });
    this.segBytes += total;
    this.stats.blocksWritten++;
    this.stats.bytesWritten += total;
    this.stats.rawBytes += raw.length;
    if (this.options.fsync === "always") {
      fsyncSync(this.fd);
      this.lastSync = monotonicNow();
    } else this.maybeSync();
  }

  /** Forces everything written to disk, whatever the policy. */
  sync(): void {
    if (this.failure) throw this.failure;
    if (this.fd >= 0) fsyncSync(this.fd);
    this.lastSync = monotonicNow();
  }

  /** With fsync "interval": starts a background fsync when the interval has passed. */
  maybeSync(): void {
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

  /** Seals the last segment (index file, fsync per policy) and closes it. */
  close(): void {
    this.sealSegment(this.options.fsync !== "never");
  }

  private openSegment(n: number): void {
    this.segNo = n;
    const path = segmentPath(this.dir, n);
    this.fd = openSync(path, "wx");
    const h = encodeSegmentHeader({
      formatVersion: FORMAT_VERSION,
      features: this.features,
      segmentNumber: n,
      tag: this.options.tag,
    });
    writeSync(this.fd, h, 0, h.length, 0);
    this.segBytes = SEGMENT_HEADER_SIZE;
    this.segEntries = [];
    if (this.options.fsync !== "never") {
      fsyncSync(this.fd);
      fsyncDir(this.dir);
    }
  }

  /**
   * Writes the index of segment `s` (the open one by default) and closes it. `followed`: another
   * segment comes after it (the index says so; FORMAT.md section 6), false when the recording is
   * closed with it last.
   */
  private sealSegment(
    sync: boolean,
    s = { fd: this.fd, segNo: this.segNo, entries: this.segEntries, bytes: this.segBytes },
    followed = false,
  ): void {
    if (s.fd < 0) return;
    if (sync) fsyncSync(s.fd);
    writeFileAtomic(indexPath(this.dir, s.segNo), encodeIndex(s.entries, s.bytes, followed), sync);
    if (s.fd === this.fd) this.fd = -1;
    if (this.syncInFlight) this.closeAfterSync.add(s.fd);
    else closeSync(s.fd);
  }
}

/** Writes the deferred output digests into their places in the raw block. */
export function fillDigests(raw: Uint8Array, d: DeferredDigests): void {
  forEachRun(d, (run, i) => {
    raw.set(sha256(run), d.positions[i] as number);
    return true;
  });
}

/**
 * Write-to-temp, fsync, rename, fsync the directory: the file is either old or new after a crash.
 * `sync` "background" writes and renames now and leaves both fsyncs to the thread pool: the
 * caller does not wait for the disk (checkpoint files under fsync "interval": a checkpoint
 * lost to a power cut is only a slower replay, its digest is always checked).
 */
export function writeFileAtomic(path: string, data: string | Uint8Array, sync: boolean | "background"): void {
  const tmp = `${path}.tmp`;
  const fd = openSync(tmp, "w");
  try {
    if (typeof data === "string") writeSync(fd, data);
    else writeSync(fd, data, 0, data.length);
    if (sync === true) fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
  if (sync === true) fsyncDir(dirname(path));
  else if (sync === "background") {
    syncInBackground(path);
    syncInBackground(dirname(path));
  }
}

/** Opens, fsyncs and closes `path` on the thread pool; failures only cost durability. */
function syncInBackground(path: string): void {
  open(path, "r", (e, fd) => {
    if (e) return;
    fsync(fd, () => close(fd, () => undefined));
  });
}

export function fsyncDir(dir: string): void {
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
