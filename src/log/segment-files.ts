/** Segment and index file names, listing, and the sparse per-segment index file. */
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  statSync,
} from "node:fs";
import { hostname } from "node:os";
import { basename, dirname, join } from "node:path";
import { HindsightError } from "../errors.js";
import { parseBlockHeader } from "../format/block-header.js";
import {
  BLOCK_HEADER_SIZE,
  INDEX_ENTRY_SIZE,
  INDEX_HEADER_SIZE,
  INDEX_MAGIC,
  SEGMENT_HEADER_SIZE,
} from "../format/constants.js";
import { crc32c } from "../format/crc32c.js";

export interface IndexEntry {
  /** Offset of the block header in its segment file. */
  readonly offset: number;
  readonly firstSeq: number;
  readonly recordCount: number;
  readonly storedLength: number;
  readonly uncompressedLength: number;
  readonly codec: number;
  readonly minTime: bigint;
  readonly maxTime: bigint;
}

const SEGMENT_RE = /^segment-(\d{6,})\.hsl$/;

export function segmentFileName(n: number): string {
  return `segment-${String(n).padStart(6, "0")}.hsl`;
}
export function indexFileName(n: number): string {
  return `segment-${String(n).padStart(6, "0")}.hsi`;
}

/** Segment numbers present in `dir`, ascending. Throws CORRUPT_SEGMENT when numbering has a gap. */
export function listSegments(dir: string): number[] {
  const nums: number[] = [];
  for (const f of readdirSync(dir)) {
    const m = SEGMENT_RE.exec(f);
    if (m === null) continue;
    const n = Number(m[1]);
    // segment-000000.hsl, segment-0000015.hsl: no writer makes such a name; saying that a
    // segment is missing (or naming another file) would send the user after the wrong file.
    if (n === 0 || segmentFileName(n) !== f)
      throw new HindsightError("CORRUPT_SEGMENT", `${f} is not a segment file name a writer makes`, {
        where: dir,
        hint: `segments are named ${segmentFileName(1)}, ${segmentFileName(2)}, …: move the stray file out of the recording (keep a copy)`,
      });
    nums.push(n);
  }
  nums.sort((a, b) => a - b);
  for (let i = 0; i < nums.length; i++)
    if (nums[i] !== i + 1)
      throw new HindsightError("CORRUPT_SEGMENT", `segment ${segmentFileName(i + 1)} is missing`, {
        where: dir,
        hint: "segments are numbered from 1 without gaps; restore the missing file",
      });
  return nums;
}

/**
 * Whether segment `n`, the last one listed in `dir`, lost the segments after it: its index,
 * intact (it names the segment's size), says another segment followed it, and that one is not
 * there now (a live writer may have started it after the listing: a reader then reads a prefix).
 */
export function lostLaterSegments(
  dir: string,
  n: number,
  index: { size: number; followed: boolean } | undefined,
  size: number,
): boolean {
  return index?.followed === true && index.size === size && !existsSync(segmentPath(dir, n + 1));
}

/** Why a recording whose last segment's index says another follows it is corrupt. */
export function missingAfterReason(n: number): string {
  return `the recording ends at ${segmentFileName(n)}, whose index says another segment followed it: its later segments are missing`;
}

/**
 * Index file (.hsi), written when a segment is sealed; little-endian:
 *   header (32 bytes): magic "HSLOGIDX" | u16 version=1 | u16 reserved | u32 entry count |
 *                      u64 size of the segment file it describes | u32 reserved | u32 CRC-32C of bytes 0..27
 *   entries (48 bytes each): u64 offset | u64 first seq | u32 record count | u32 stored length |
 *                      u32 uncompressed length | u8 codec | 3 reserved | u64 min time | u64 max time
 *   trailer: u32 CRC-32C of all entry bytes
 * It is a cache of the block headers: when it is missing, damaged or describes a smaller file
 * (one appended to since), readers rebuild it from the headers. One describing a larger file
 * says the segment was cut short after it was closed (indexedSize).
 */
export function encodeIndex(
  entries: readonly IndexEntry[],
  segmentSize: number,
  followed = false,
): Uint8Array {
  const out = new Uint8Array(INDEX_HEADER_SIZE + entries.length * INDEX_ENTRY_SIZE + 4);
  const v = new DataView(out.buffer);
  out.set(INDEX_MAGIC, 0);
  v.setUint16(8, 1, true);
  // Flags: bit 0, another segment follows this one (it was sealed when the next was started).
  v.setUint16(10, followed ? 1 : 0, true);
  v.setUint32(12, entries.length, true);
  v.setBigUint64(16, BigInt(segmentSize), true);
  v.setUint32(28, crc32c(out.subarray(0, 28)), true);
  let p = INDEX_HEADER_SIZE;
  for (const e of entries) {
    v.setBigUint64(p, BigInt(e.offset), true);
    v.setBigUint64(p + 8, BigInt(e.firstSeq), true);
    v.setUint32(p + 16, e.recordCount, true);
    v.setUint32(p + 20, e.storedLength, true);
    v.setUint32(p + 24, e.uncompressedLength, true);
    v.setUint8(p + 28, e.codec);
    v.setBigUint64(p + 32, e.minTime, true);
    v.setBigUint64(p + 40, e.maxTime, true);
    p += INDEX_ENTRY_SIZE;
  }
  v.setUint32(p, crc32c(out.subarray(INDEX_HEADER_SIZE, p)), true);
  return out;
}

/** Larger than any index a writer makes (48 bytes per block of a 128 MiB segment of 256-byte blocks). */
const MAX_INDEX_BYTES = 64 * 1024 * 1024;

/**
 * An index file, read once: the segment size it was written for (`size`, from its header,
 * checked by the header CRC) and its entries (undefined when the rest is damaged). Undefined when
 * the file is absent or its header is damaged. An index is written when its segment is closed and
 * segments only grow, so one naming a larger size than the segment has says the segment lost its
 * end after it was written; one naming a smaller size was written before an append.
 */
export function readIndexFile(
  path: string,
): { size: number; followed: boolean; entries: IndexEntry[] | undefined } | undefined {
  // Absent, or not a regular file: damaged, as a bad header is.
  const b = readSmallFile(path, MAX_INDEX_BYTES);
  if (b === undefined) return undefined;
  if (b.length < INDEX_HEADER_SIZE) return undefined;
  for (let i = 0; i < 8; i++) if (b[i] !== INDEX_MAGIC[i]) return undefined;
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (v.getUint32(28, true) !== crc32c(b.subarray(0, 28)) || v.getUint16(8, true) !== 1) return undefined;
  const size = Number(v.getBigUint64(16, true));
  const followed = (v.getUint16(10, true) & 1) === 1;
  const n = v.getUint32(12, true);
  const end = INDEX_HEADER_SIZE + n * INDEX_ENTRY_SIZE;
  if (b.length !== end + 4 || v.getUint32(end, true) !== crc32c(b.subarray(INDEX_HEADER_SIZE, end)))
    return { size, followed, entries: undefined };
  const entries: IndexEntry[] = new Array(n);
  for (let i = 0, p = INDEX_HEADER_SIZE; i < n; i++, p += INDEX_ENTRY_SIZE)
    entries[i] = {
      offset: Number(v.getBigUint64(p, true)),
      firstSeq: Number(v.getBigUint64(p + 8, true)),
      recordCount: v.getUint32(p + 16, true),
      storedLength: v.getUint32(p + 20, true),
      uncompressedLength: v.getUint32(p + 24, true),
      codec: v.getUint8(p + 28),
      minTime: v.getBigUint64(p + 32, true),
      maxTime: v.getBigUint64(p + 40, true),
    };
  return { size, followed, entries };
}

/**
 * The index file of segment `n` as readIndexFile reads it, when it is that segment's: its first
 * block, where the open segment `fd` (`size` bytes) still holds it whole, is the block the index
 * names first. An index copied from another segment is evidence of nothing (not of a cut).
 */
export function readIndexOf(
  dir: string,
  n: number,
  fd: number,
  size: number,
): ReturnType<typeof readIndexFile> {
  const index = readIndexFile(indexPath(dir, n));
  const e = index?.entries?.[0];
  if (index === undefined || e === undefined || e.offset + BLOCK_HEADER_SIZE > size) return index;
  const hdr = Buffer.alloc(BLOCK_HEADER_SIZE);
  if (readSync(fd, hdr, 0, BLOCK_HEADER_SIZE, e.offset) < BLOCK_HEADER_SIZE) return index;
  const p = parseBlockHeader(hdr);
  // A damaged header is the scan's to report; the index may still be this segment's.
  if (!p.ok) return index;
  const h = p.header;
  return h.firstSeq === e.firstSeq && h.recordCount === e.recordCount && h.storedLength === e.storedLength
    ? index
    : undefined;
}

/** An index file's entries; undefined when absent, damaged, or not describing a file of `segmentSize` bytes. */
export function readIndex(path: string, segmentSize: number): IndexEntry[] | undefined {
  const f = readIndexFile(path);
  return f?.size === segmentSize ? f.entries : undefined;
}

/** Where a segment's whole blocks end (its header's end when it has none). */
export function segmentDataEnd(entries: readonly IndexEntry[]): number {
  const e = entries[entries.length - 1];
  return e ? e.offset + BLOCK_HEADER_SIZE + e.storedLength : SEGMENT_HEADER_SIZE;
}

/** The reason a segment of `size` bytes whose index says `indexed` is reported as cut short. */
export function cutShortReason(size: number, indexed: number): string {
  return `segment is cut short: it holds ${size} bytes, but its index, written when the segment was closed, says ${indexed}; the last ${indexed - size} bytes were lost after the recording was written`;
}

/**
 * Why `path` is not a regular file a reader may open (undefined when it is): a directory, a FIFO
 * (opening one would wait for a writer), a device (/dev/zero never ends), a dangling link...
 * Symbolic links to regular files are followed.
 */
export function notRegularFile(path: string): string | undefined {
  const s = regularFileSize(path);
  return typeof s === "string" ? s : undefined;
}

/** The size of the regular file `path`, or why it is not one (see notRegularFile): one stat. */
export function regularFileSize(path: string): number | string {
  let st: ReturnType<typeof statSync>;
  try {
    st = statSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === "ENOENT"
      ? "it is missing (or a link to nothing)"
      : `it cannot be read (${code ?? (e as Error).message})`;
  }
  if (st.isFile()) return st.size;
  const kind = st.isDirectory()
    ? "a directory"
    : st.isFIFO()
      ? "a FIFO"
      : st.isCharacterDevice() || st.isBlockDevice()
        ? "a device"
        : st.isSocket()
          ? "a socket"
          : "not a file";
  return `it is not a regular file (${kind})`;
}

/** A segment's size; CORRUPT_SEGMENT when its path is not a regular file (see notRegularFile). */
export function fileSize(path: string): number {
  const size = regularFileSize(path);
  if (typeof size === "string")
    throw new HindsightError("CORRUPT_SEGMENT", `${basename(path)}: ${size}`, {
      where: dirname(path),
      hint: "a segment file must be a regular file: restore it from a copy of the recording",
    });
  return size;
}

/**
 * The bytes of the side file `path` (an index, repairs.json, writer.lock), or undefined when it
 * is absent, not a regular file (a FIFO would block the read, /dev/zero never end it), larger
 * than `maxBytes` or unreadable: such a file is read as damaged.
 */
export function readSmallFile(path: string, maxBytes: number): Buffer | undefined {
  const size = regularFileSize(path);
  if (typeof size === "string" || size > maxBytes) return undefined;
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/** True when bytes [from, size) of the open file are all zero (a zero-filled tail). */
export function zeroTail(fd: number, from: number, size: number): boolean {
  const chunk = Buffer.allocUnsafe(64 * 1024);
  for (let off = from; off < size; ) {
    const n = readSync(fd, chunk, 0, Math.min(chunk.length, size - off), off);
    if (n <= 0) return true;
    for (let i = 0; i < n; i++) if (chunk[i] !== 0) return false;
    off += n;
  }
  return true;
}

export function withFd<T>(path: string, flags: string, f: (fd: number) => T): T {
  const fd = openSync(path, flags);
  try {
    return f(fd);
  } finally {
    closeSync(fd);
  }
}

export function segmentPath(dir: string, n: number): string {
  return join(dir, segmentFileName(n));
}
export function indexPath(dir: string, n: number): string {
  return join(dir, indexFileName(n));
}

/** Reads buf.length bytes at `pos`; returns how many were read (less only at end of file). */
export function readFully(fd: number, buf: Uint8Array, pos: number): number {
  let done = 0;
  while (done < buf.length) {
    const n = readSync(fd, buf, done, buf.length - done, pos + done);
    if (n <= 0) break;
    done += n;
  }
  return done;
}

/**
 * Creates `dir` and any missing parents (mkdir -p). Unlike `mkdirSync(dir, { recursive: true })`
 * it fails instead of spinning forever where a parent exists but refuses children with ENOENT
 * (under /proc, or on a stale mount: Node retries the parent on every ENOENT).
 */
export function makeDirs(dir: string): void {
  const first = tryMkdir(dir);
  if (first === null) return;
  if (first.code !== "ENOENT") throw first;
  const parent = dirname(dir);
  if (parent === dir) throw first;
  makeDirs(parent);
  const again = tryMkdir(dir);
  // The parent exists now: a second ENOENT is final.
  if (again !== null) throw again;
}

/** mkdir one level; null when `dir` is now a directory, else the error. */
function tryMkdir(dir: string): NodeJS.ErrnoException | null {
  try {
    mkdirSync(dir);
    return null;
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === "EEXIST" && statSync(dir, { throwIfNoEntry: false })?.isDirectory()) return null;
    return err;
  }
}

/** The file that says a writer has the recording open: its pid and host (FORMAT.md section 1). */
export const WRITER_LOCK = "writer.lock";

/**
 * Why a recording with no segment files cannot be one still being written or cut short by a
 * crash before its first block (undefined when it may be): every writer writes segment 1 by the
 * time it closes, and holds writer.lock until then; checkpoint files come after blocks.
 */
function noSegmentsReason(dir: string, locked: boolean): string | undefined {
  const checkpoints = join(dir, "checkpoints");
  const hasCheckpoints =
    existsSync(checkpoints) && readdirSync(checkpoints).some((f) => f.endsWith(".state"));
  if (hasCheckpoints)
    return "the recording has checkpoint files but no segment files: its segments were lost or removed";
  // An index is written for a segment that holds blocks (sealed, or closed): evidence, as in §6.
  const indexes = readdirSync(dir).filter((f) => /^segment-\d{6}\.hsi$/.test(f));
  if (indexes.length > 0)
    return `the recording has ${indexes.length === 1 ? "an index file" : `${indexes.length} index files`} (${indexes[0]}${indexes.length > 1 ? ", …" : ""}) but no segment files: its segments were lost or removed`;
  if (!locked)
    return "the recording has no segment files, though no writer holds it (a closed recording has at least one): they were lost or removed";
  return undefined;
}

/**
 * The segments of `dir` (listSegments); CORRUPT_SEGMENT when there are none and noSegmentsReason
 * says they were lost. `locked`: whether a writer's lock is there (defaults to looking).
 */
export function listSegmentsOrLost(dir: string, locked = existsSync(join(dir, WRITER_LOCK))): number[] {
  const numbers = listSegments(dir);
  const why = numbers.length === 0 ? noSegmentsReason(dir, locked) : undefined;
  if (why !== undefined)
    throw new HindsightError("CORRUPT_SEGMENT", why, {
      where: dir,
      hint: "restore the segment files from a copy of the recording",
    });
  return numbers;
}

/** Whether process `pid` runs on this host (EPERM: it does, under another user). */
export function processRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * The writer that has the recording open, when its writer.lock names a process that runs (or
 * one on another host, which cannot be told from here); undefined when there is no lock or its
 * writer is gone (a crash). A reader then sees a prefix of what is being written.
 */
export function liveWriter(dir: string): { readonly pid: number; readonly host?: string } | undefined {
  const b = readSmallFile(join(dir, WRITER_LOCK), 4096);
  if (b === undefined) return undefined;
  let holder: { pid?: unknown; host?: unknown };
  try {
    holder = JSON.parse(b.toString("utf8")) as typeof holder;
  } catch {
    return undefined; // half written by a crash
  }
  const pid = typeof holder.pid === "number" ? holder.pid : undefined;
  if (pid === undefined) return undefined;
  const host = typeof holder.host === "string" ? holder.host : undefined;
  if (host !== undefined && host !== hostname()) return { pid, host };
  return pid === process.pid || processRuns(pid) ? { pid } : undefined;
}
