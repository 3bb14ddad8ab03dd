import {
  closeSync,
  existsSync,
  fsyncSync,
  ftruncateSync,
  openSync,
  readSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import { join } from "node:path";
import { HindsightError, unreadable } from "../errors.js";
import { parseBlockHeader } from "../format/block-header.js";
import { BLOCK_HEADER_SIZE, FORMAT_VERSION, featureBits, SEGMENT_HEADER_SIZE } from "../format/constants.js";
import { MarkerKind } from "../format/records.js";
import { encodeSegmentHeader, recordingTag } from "../format/segment-header.js";
import { readManifest } from "./manifest.js";
import { checkSegmentHeader, decodeBlockBuffer } from "./reader.js";
import { appendRepair, repairsProblem } from "./repairs.js";
import { type Corruption, scanSegment } from "./scan.js";
import {
  cutShortReason,
  encodeIndex,
  fileSize,
  type IndexEntry,
  indexFileName,
  indexPath,
  listSegmentsOrLost,
  liveWriter,
  lostLaterSegments,
  missingAfterReason,
  notRegularFile,
  readIndexOf,
  segmentDataEnd,
  segmentFileName,
  segmentPath,
  WRITER_LOCK,
} from "./segment-files.js";
import { checkSideFile } from "./side-files.js";
import { releaseWriterLock, takeWriterLock, writeFileAtomic } from "./writer.js";

export interface FsckSegment {
  readonly file: string;
  readonly bytes: number;
  readonly blocks: number;
  readonly records: number;
  readonly firstSeq: number | null;
  readonly lastSeq: number | null;
}

export type FsckCorruption = Omit<Corruption, "kind">;

export interface FsckReport {
  readonly dir: string;
  /**
   * Nothing wrong left: no corruption, no torn tail, no segment cut short and not repaired, no
   * damaged checkpoint file still in place.
   */
  readonly ok: boolean;
  readonly segments: FsckSegment[];
  readonly blocks: number;
  /** Records read and checked (not those of a damaged block, or of a segment out of reach). */
  readonly records: number;
  readonly tornTail?: {
    readonly segment: string;
    readonly offset: number;
    readonly droppedBytes: number;
    readonly reason: string;
    readonly lastGoodSeq: number;
    readonly repaired: boolean;
  };
  /**
   * The last segment is shorter than the index written when it was closed says: its end was lost
   * after the recording was written (a bad copy, a full disk, a power loss after the close).
   * Readers fail there (exit 4); --repair keeps the records before the cut (truncating a partial
   * block there) and removes the index. A sealed (non-last) segment cut short is corruption.
   */
  readonly cutShort?: {
    readonly segment: string;
    /** Bytes the segment holds, and bytes its index says it held. */
    readonly size: number;
    readonly indexedSize: number;
    /** End of the last whole block (where --repair truncates). */
    readonly offset: number;
    readonly lastGoodSeq: number;
    readonly reason: string;
    readonly repaired: boolean;
  };
  readonly corrupt: FsckCorruption[];
  /**
   * Index files that were missing or disagreed with the block headers (rewritten with repair;
   * `problem`: not a regular file, so never replaced).
   */
  readonly staleIndexes: { file: string; rewritten: boolean; problem?: string }[];
  /**
   * Checkpoint files named by the log's CheckpointRef records: how many were checked, and those
   * whose SHA-256 is not the digest the log holds (damage: exit 4; --repair removes them, and a
   * replay then goes past them) or that are missing (a note: a replay goes past them).
   */
  readonly checkpoints: {
    readonly checked: number;
    /** `removable`: a file --repair removes (one it read, whose digest differs); else left to the user. */
    readonly damaged: { file: string; seq: number; reason: string; removed: boolean; removable: boolean }[];
    readonly missing: { file: string; seq: number }[];
  };
  /**
   * The last run (START marker at `startSeq`) has no STOP marker after it, though the blocks
   * read whole: the run did not end cleanly (a crash), or the end of the recording was lost
   * with the index that would tell. A note: not an error by itself.
   */
  readonly unfinishedRun?: { readonly startSeq: number; readonly lastSeq: number };
  /**
   * The recording holds no records and no writer has it open: its writer ended before it wrote
   * a block (a crash just after it began). A note: nothing was recorded, nothing is damaged.
   */
  readonly empty?: true;
  /**
   * A writer had the recording open (its lock names a process that runs): what was checked is
   * a prefix, and an incomplete last block is the one being written (not a torn tail).
   */
  readonly beingWritten?: { readonly pid: number; readonly host?: string };
  /**
   * Why repairs.json cannot be read, when it cannot: the repairs made before are unknown (a
   * recording cut back after it was closed then reads as a crash's). Not damage to the data.
   */
  readonly repairsUnreadable?: string;
}

export interface FsckOptions {
  readonly repair?: boolean;
  readonly maxBlockSize?: number;
  readonly maxRecordSize?: number;
  readonly onProgress?: (bytesDone: number, bytesTotal: number) => void;
  /** Clock for the repair log's `at` (tests). */
  readonly now?: () => Date;
}

/** Throws only for problems that prevent checking at all (NOT_FOUND, NOT_A_RECORDING, manifest errors). */
export function fsck(dir: string, o: FsckOptions = {}): FsckReport {
  try {
    // Read before a repair may keep the file aside.
    const repairsUnreadable = existsSync(dir) ? repairsProblem(dir) : undefined;
    const r = fsckRun(dir, o);
    return repairsUnreadable === undefined ? r : { ...r, repairsUnreadable };
  } catch (e) {
    // A file or directory the system will not let us read (permission denied...): IO, named.
    throw unreadable(e);
  }
}

function fsckRun(dir: string, o: FsckOptions): FsckReport {
  if (!o.repair) return check(dir, o, existsSync(join(dir, WRITER_LOCK)));
  readManifest(dir);
  // Whether a writer's lock was there before the repair's own (see noSegmentsReason).
  const locked = existsSync(join(dir, WRITER_LOCK));
  // A repair changes files: not while a writer has the recording open (BUSY, as openAppend).
  takeWriterLock(dir);
  try {
    return check(dir, o, locked);
  } finally {
    releaseWriterLock(dir);
  }
}

/** `locked`: a writer's lock was there (a live writer's, or a crashed one's the repair took over). */
function check(dir: string, o: FsckOptions, locked: boolean): FsckReport {
  const manifest = readManifest(dir);
  const features = featureBits(manifest.features);
  const tag = recordingTag(manifest.recordingId);
  // (A repair holds the lock itself: a live writer made it BUSY already.)
  const live = o.repair ? undefined : liveWriter(dir);
  /** Replaces the open segment `n`'s content with a fresh header (no blocks). */
  const freshHeader = (fd: number, n: number): void => {
    const h = encodeSegmentHeader({
      formatVersion: FORMAT_VERSION,
      features,
      segmentNumber: n,
      tag,
    });
    ftruncateSync(fd, 0);
    writeSync(fd, h, 0, h.length, 0);
    fsyncSync(fd);
  };
  let numbers = listSegmentsOrLost(dir, locked);
  if (numbers.length === 0 && o.repair) {
    // Cut by a crash before its first block: segment 1 as the writer starts it, so that the
    // recording, its writer's lock gone, reads as the closed (empty) one it now is.
    const fd = openSync(segmentPath(dir, 1), "wx");
    try {
      freshHeader(fd, 1);
    } finally {
      closeSync(fd);
    }
    numbers = [1];
  }
  const segments: FsckSegment[] = [];
  const corrupt: FsckCorruption[] = [];
  const staleIndexes: { file: string; rewritten: boolean; problem?: string }[] = [];
  let torn: FsckReport["tornTail"];
  let cutShort: FsckReport["cutShort"];
  let seq = 0;
  let blocks = 0;
  const refs: { location: string; digest: Uint8Array; seq: number }[] = [];
  const total = numbers.reduce((a, n) => a + fileSize(segmentPath(dir, n)), 0);
  let done = 0;
  /**
   * Set after damage that leaves a segment's later blocks out of reach: the next segment is
   * checked from its own first block's sequence number, so every damage is listed.
   */
  let resync = false;
  /** The START marker of a run with no STOP marker yet, and the last record read. */
  let runOpen: number | null = null;
  let lastRecordSeq = -1;
  let recordsRead = 0;
  for (const n of numbers) {
    const path = segmentPath(dir, n);
    const size = fileSize(path);
    const last = n === numbers[numbers.length - 1];
    const file = segmentFileName(n);
    const fd = openSync(path, o.repair && last ? "r+" : "r");
    try {
      // The index, read once: its size says whether the segment was cut short after it was closed.
      const index = readIndexOf(dir, n, fd, size);
      const claimedAtStart = index?.size;
      /**
       * The last segment, cut short after it was closed (see FsckReport.cutShort): reported, and
       * with --repair cut back to `end`, its last whole block (a fresh header when that is its start).
       */
      const reportCut = (indexed: number, end: number): boolean => {
        let repaired = false;
        if (o.repair && corrupt.length === 0) {
          if (end < SEGMENT_HEADER_SIZE) freshHeader(fd, n);
          else if (end < size) {
            ftruncateSync(fd, end);
            fsyncSync(fd);
          }
          unlinkSync(indexPath(dir, n));
          repaired = true;
        }
        cutShort = {
          segment: file,
          size,
          indexedSize: indexed,
          offset: end,
          lastGoodSeq: seq - 1,
          reason: cutShortReason(size, indexed),
          repaired,
        };
        return repaired;
      };
      if (size < SEGMENT_HEADER_SIZE && last && claimedAtStart !== undefined && claimedAtStart > size) {
        // Not a crash's partial header: the segment was closed longer.
        const repaired = reportCut(claimedAtStart, 0);
        segments.push({
          file,
          bytes: repaired ? SEGMENT_HEADER_SIZE : size,
          blocks: 0,
          records: 0,
          firstSeq: null,
          lastSeq: null,
        });
        continue;
      }
      if (size < SEGMENT_HEADER_SIZE) {
        if (last) {
          torn = {
            segment: file,
            offset: 0,
            droppedBytes: size,
            reason: "partial segment header",
            lastGoodSeq: seq - 1,
            repaired: false,
          };
          if (o.repair && corrupt.length === 0) {
            // A header of its own, as the writer starts a segment with: the segment before it
            // was sealed saying another followed, and one does (an empty one).
            freshHeader(fd, n);
            torn = { ...torn, repaired: true };
            segments.push({
              file,
              bytes: SEGMENT_HEADER_SIZE,
              blocks: 0,
              records: 0,
              firstSeq: null,
              lastSeq: null,
            });
            continue;
          }
        } else
          corrupt.push({
            code: "CORRUPT_SEGMENT",
            segment: file,
            offset: 0,
            reason: "segment header is cut short",
            afterSeq: seq - 1,
          });
        resync = true;
        segments.push({ file, bytes: size, blocks: 0, records: 0, firstSeq: null, lastSeq: null });
        continue;
      }
      const hb = Buffer.alloc(SEGMENT_HEADER_SIZE);
      readSync(fd, hb, 0, SEGMENT_HEADER_SIZE, 0);
      try {
        checkSegmentHeader(hb, path, n, features, tag);
      } catch (e) {
        if (!(e instanceof HindsightError)) throw e;
        corrupt.push({ code: e.code, segment: file, offset: 0, reason: e.message, afterSeq: seq - 1 });
        segments.push({ file, bytes: size, blocks: 0, records: 0, firstSeq: null, lastSeq: null });
        resync = true;
        continue;
      }
      if (resync) {
        seq = firstSeqOf(fd, size) ?? seq;
        resync = false;
      }
      // An index naming a larger size: the segment lost its end after it was closed (a crash
      // leaves no index for the segment it was writing). See FsckReport.cutShort.
      const cut = claimedAtStart !== undefined && claimedAtStart > size ? claimedAtStart : undefined;
      const entries: IndexEntry[] = [];
      let offset = SEGMENT_HEADER_SIZE;
      let stop = false;
      const segFirst = seq;
      for (;;) {
        const s = scanSegment(fd, {
          segmentNumber: n,
          size,
          expectedSeq: seq,
          verifyPayload: true,
          startOffset: offset,
          ...(o.maxBlockSize ? { maxBlockSize: o.maxBlockSize } : {}),
        });
        for (const e of s.entries) {
          const buf = Buffer.allocUnsafe(BLOCK_HEADER_SIZE + e.storedLength);
          const got = readSync(fd, buf, 0, buf.length, e.offset);
          try {
            for (const r of decodeBlockBuffer(file, e, buf, got, o.maxRecordSize ?? 16 * 1024 * 1024)) {
              if (r.type === "checkpoint")
                refs.push({ location: r.location, digest: r.stateDigest, seq: r.seq });
              else if (r.type === "marker" && r.kind === MarkerKind.start) runOpen = r.seq;
              else if (r.type === "marker" && r.kind === MarkerKind.stop) runOpen = null;
              // As replay refuses them: a record naming a stream or sink the manifest lacks.
              else if (r.type === "input" && r.stream >= manifest.streams.length)
                throw new HindsightError(
                  "CORRUPT_RECORD",
                  `input at seq ${r.seq} names stream #${r.stream}, which the manifest does not list`,
                );
              else if (r.type === "output" && r.sink >= manifest.sinks.length)
                throw new HindsightError(
                  "CORRUPT_RECORD",
                  `output at seq ${r.seq} names sink #${r.sink}, which the manifest does not list`,
                );
              lastRecordSeq = r.seq;
              recordsRead++;
            }
          } catch (err) {
            if (!(err instanceof HindsightError)) throw err;
            corrupt.push({
              code: err.code,
              segment: file,
              offset: e.offset,
              reason: err.message,
              seqRange: [e.firstSeq, e.firstSeq + e.recordCount - 1],
              afterSeq: e.firstSeq - 1,
            });
          }
          entries.push(e);
          seq += e.recordCount;
          blocks++;
        }
        done += s.goodEnd - offset;
        o.onProgress?.(done, total);
        const p = s.problem;
        if (!p) break;
        if (p.kind === "torn") {
          // A last segment whose intact index names its very size was closed: no crash tore it
          // afterwards (zeros where blocks were are damage), as readers using the index say too.
          if (last && claimedAtStart !== size) {
            torn = {
              segment: file,
              offset: p.offset,
              droppedBytes: p.droppedBytes,
              reason: p.reason,
              lastGoodSeq: seq - 1,
              repaired: false,
            };
            if (o.repair && corrupt.length === 0) {
              ftruncateSync(fd, p.offset);
              fsyncSync(fd);
              torn = { ...torn, repaired: true };
            }
          } else {
            corrupt.push({
              code: "CORRUPT_SEGMENT",
              segment: file,
              offset: p.offset,
              reason: last
                ? `closed segment ends in damage (${p.reason}), though its index, written when it was closed, names its size (after a power loss with --fsync never, removing that index lets --repair cut it back)`
                : `sealed segment ends mid-block (${p.reason})`,
              afterSeq: seq - 1,
            });
            stop = true;
          }
          break;
        }
        corrupt.push({
          code: p.code,
          segment: file,
          offset: p.offset,
          reason: p.reason,
          ...(p.seqRange ? { seqRange: p.seqRange } : {}),
          afterSeq: p.afterSeq,
        });
        // A payload checksum failure leaves the header (and so the next block's place) intact: keep checking.
        if (p.code === "CORRUPT_BLOCK" && p.seqRange) {
          const hdr = Buffer.allocUnsafe(8);
          readSync(fd, hdr, 0, 8, p.offset);
          offset = p.offset + BLOCK_HEADER_SIZE + hdr.readUInt32LE(4);
          seq = p.seqRange[1] + 1;
          continue;
        }
        stop = true;
        break;
      }
      const records = seq - segFirst;
      if (cut !== undefined) {
        const end = segmentDataEnd(entries);
        if (!last || stop)
          corrupt.push({
            code: "CORRUPT_SEGMENT",
            segment: file,
            offset: end,
            reason: cutShortReason(size, cut),
            afterSeq: seq - 1,
          });
        else {
          // A torn block at the cut is part of it, not a crash's tail.
          torn = undefined;
          reportCut(cut, end);
        }
      }
      segments.push({
        file,
        bytes: size,
        blocks: entries.length,
        records,
        firstSeq: records ? segFirst : null,
        lastSeq: records ? seq - 1 : null,
      });
      // The last segment's index is used by readers only while it names the segment's current
      // size (a closed recording): check it then; otherwise it is ignored, as a reader does.
      const idx = !stop && corrupt.length === 0 && !torn && index?.size === size ? index.entries : undefined;
      // The last segment's index file, when there is one naming this size or with a damaged
      // header, is checked too (one naming a smaller size was written before an append).
      const damagedLast =
        last &&
        cut === undefined &&
        existsSync(indexPath(dir, n)) &&
        (index === undefined || index.size === size);
      if (!stop && corrupt.length === 0 && !torn && (!last || idx !== undefined || damagedLast)) {
        if (!idx || !sameEntries(idx, entries)) {
          // One that is not a regular file (a directory...) is not replaced: fsck removes no directory.
          const odd = existsSync(indexPath(dir, n)) ? notRegularFile(indexPath(dir, n)) : undefined;
          const rewrite = Boolean(o.repair) && odd === undefined;
          if (rewrite) writeFileAtomic(indexPath(dir, n), encodeIndex(entries, size, !last), true);
          staleIndexes.push({ file: indexFileName(n), rewritten: rewrite, ...(odd ? { problem: odd } : {}) });
        }
      }
      if (last && torn?.repaired && existsSync(indexPath(dir, n))) {
        // An index naming the very size the tail was cut back to, with these blocks, was written
        // when the segment was closed (the bytes cut were added after): it stays, so that a later
        // cut of the segment still shows. Any other (a smaller size, written before an append) goes.
        const closed =
          index?.entries !== undefined && index.size === torn.offset && sameEntries(index.entries, entries);
        if (!closed) unlinkSync(indexPath(dir, n));
      }
      // Sealed when another segment was started after it, and yet the last: later segments lost.
      if (last && !stop && cut === undefined && lostLaterSegments(dir, n, index, size))
        corrupt.push({
          code: "CORRUPT_SEGMENT",
          segment: file,
          offset: size,
          reason: missingAfterReason(n),
          afterSeq: seq - 1,
        });
      if (stop) resync = true;
    } finally {
      try {
        closeSync(fd);
      } catch {
        // already closed (deleted partial segment)
      }
    }
  }
  // Being written: the last block may be incomplete yet. That is no torn tail.
  if (live !== undefined && torn !== undefined && !torn.repaired) torn = undefined;
  const checkpoints = checkCheckpointFiles(dir, refs, Boolean(o.repair) && corrupt.length === 0);
  // What --repair took out of the recording is kept beside it: replay and verify then say so
  // (a recording cut back to its last whole block otherwise reads as a crash's).
  const removed = checkpoints.damaged.filter((d) => d.removed).map((d) => d.file);
  if (torn?.repaired || cutShort?.repaired || removed.length)
    appendRepair(dir, {
      at: (o.now ?? (() => new Date()))().toISOString(),
      ...(torn?.repaired
        ? {
            tornTail: {
              segment: torn.segment,
              offset: torn.offset,
              droppedBytes: torn.droppedBytes,
              lastGoodSeq: torn.lastGoodSeq,
            },
          }
        : {}),
      ...(cutShort?.repaired
        ? {
            cutShort: {
              segment: cutShort.segment,
              offset: cutShort.offset,
              lostBytes: cutShort.indexedSize - cutShort.size,
              // (Cut inside its header, the segment gets a fresh one: no block was removed.)
              truncatedBytes: Math.max(0, cutShort.size - Math.max(cutShort.offset, SEGMENT_HEADER_SIZE)),
              lastGoodSeq: cutShort.lastGoodSeq,
            },
          }
        : {}),
      ...(removed.length ? { checkpointsRemoved: removed } : {}),
    });
  return {
    dir,
    ok:
      corrupt.length === 0 &&
      (torn === undefined || torn.repaired) &&
      (cutShort?.repaired ?? true) &&
      checkpoints.damaged.every((d) => d.removed),
    segments,
    blocks,
    records: recordsRead,
    ...(torn ? { tornTail: torn } : {}),
    ...(cutShort ? { cutShort } : {}),
    corrupt,
    staleIndexes,
    checkpoints,
    ...(live ? { beingWritten: live } : {}),
    // (Not while a writer holds the recording: its run is still going.)
    ...(runOpen !== null && corrupt.length === 0 && live === undefined
      ? { unfinishedRun: { startSeq: runOpen, lastSeq: lastRecordSeq } }
      : {}),
    ...(seq === 0 &&
    corrupt.length === 0 &&
    live === undefined &&
    (torn === undefined || torn.repaired) &&
    cutShort === undefined
      ? { empty: true as const }
      : {}),
  };
}

/** Checks each checkpoint file against the digest its CheckpointRef holds (see FsckReport.checkpoints). */
function checkCheckpointFiles(
  dir: string,
  refs: readonly { location: string; digest: Uint8Array; seq: number }[],
  repair: boolean,
): FsckReport["checkpoints"] {
  const damaged: FsckReport["checkpoints"]["damaged"] = [];
  const missing: FsckReport["checkpoints"]["missing"] = [];
  for (const r of refs) {
    const f = checkSideFile(dir, r.location, r.digest);
    if (f === undefined) continue;
    if ("problem" in f) {
      if (f.missing) missing.push({ file: r.location, seq: r.seq });
      // A name no writer makes (outside the recording, say) is never opened, and never removed.
      else
        damaged.push({ file: r.location, seq: r.seq, reason: f.problem, removed: false, removable: false });
      continue;
    }
    if (repair) unlinkSync(join(dir, r.location));
    damaged.push({
      file: r.location,
      seq: r.seq,
      reason: `its SHA-256 ${f.sha256.slice(0, 16)}… is not the digest ${Buffer.from(r.digest).toString("hex").slice(0, 16)}… the log holds (record ${r.seq})`,
      removed: repair,
      removable: true,
    });
  }
  return { checked: refs.length, damaged, missing };
}

function sameEntries(a: readonly IndexEntry[], b: readonly IndexEntry[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (
      x.offset !== y.offset ||
      x.firstSeq !== y.firstSeq ||
      x.recordCount !== y.recordCount ||
      x.storedLength !== y.storedLength ||
      x.minTime !== y.minTime ||
      x.maxTime !== y.maxTime ||
      x.codec !== y.codec ||
      x.uncompressedLength !== y.uncompressedLength
    )
      return false;
  }
  return true;
}

/** The first sequence number of a segment's first block, when its header is intact. */
function firstSeqOf(fd: number, size: number): number | undefined {
  if (size < SEGMENT_HEADER_SIZE + BLOCK_HEADER_SIZE) return undefined;
  const hdr = Buffer.allocUnsafe(BLOCK_HEADER_SIZE);
  readSync(fd, hdr, 0, BLOCK_HEADER_SIZE, SEGMENT_HEADER_SIZE);
  const parsed = parseBlockHeader(hdr);
  return parsed.ok ? parsed.header.firstSeq : undefined;
}
