/**
 * Walks a segment's blocks from their headers, telling a torn tail (an interrupted append:
 * more bytes may have been coming) from corruption (bytes that were written and changed).
 *
 * A tail is torn when, from a block's start to the end of the file, what is there is a
 * prefix of a block — fewer bytes than a header, a valid header whose payload is cut short,
 * or bytes that are zero from some point to the end (a zero-filled tail after power loss) —
 * and nothing follows it. Everything else that fails a check is corruption.
 */
import { readSync } from "node:fs";
import type { ErrorCode } from "../errors.js";
import { isAllZero, parseBlockHeader } from "../format/block-header.js";
import {
  BLOCK_HEADER_SIZE,
  Codec,
  DEFAULT_MAX_BLOCK_SIZE,
  SEGMENT_HEADER_SIZE,
} from "../format/constants.js";
import { crc32c } from "../format/crc32c.js";
import { type IndexEntry, segmentFileName, zeroTail } from "./segment-files.js";

export interface TornTail {
  readonly kind: "torn";
  readonly segment: string;
  /** Offset where the last whole block ends (the file would be truncated here). */
  readonly offset: number;
  readonly droppedBytes: number;
  readonly reason: string;
}

export interface Corruption {
  readonly kind: "corrupt";
  readonly code: ErrorCode;
  readonly segment: string;
  readonly offset: number;
  readonly reason: string;
  /** Sequence range of the damaged block when its header could be read. */
  readonly seqRange?: readonly [number, number];
  /** Last sequence number before the damage (-1 if none). */
  readonly afterSeq: number;
}

export type ScanProblem = TornTail | Corruption;

export interface SegmentScan {
  readonly entries: IndexEntry[];
  /** Offset just after the last good block. */
  readonly goodEnd: number;
  readonly problem?: ScanProblem;
}

export interface ScanOptions {
  readonly segmentNumber: number;
  readonly size: number;
  /** Sequence number the first block must start at. */
  readonly expectedSeq: number;
  /** Also read every payload and check its CRC (fsck); otherwise headers only. */
  readonly verifyPayload: boolean;
  readonly maxBlockSize?: number;
  /** Where to start (a block boundary); defaults to just after the segment header. */
  readonly startOffset?: number;
}

export function scanSegment(fd: number, o: ScanOptions): SegmentScan {
  const segment = segmentFileName(o.segmentNumber);
  const maxBlock = o.maxBlockSize ?? DEFAULT_MAX_BLOCK_SIZE;
  const entries: IndexEntry[] = [];
  const hdr = Buffer.allocUnsafe(BLOCK_HEADER_SIZE);
  let payload = Buffer.allocUnsafe(0);
  let off = o.startOffset ?? SEGMENT_HEADER_SIZE;
  let seq = o.expectedSeq;
  const torn = (reason: string): SegmentScan => ({
    entries,
    goodEnd: off,
    problem: { kind: "torn", segment, offset: off, droppedBytes: o.size - off, reason },
  });
  const corrupt = (code: ErrorCode, reason: string, seqRange?: readonly [number, number]): SegmentScan => ({
    entries,
    goodEnd: off,
    problem: {
      kind: "corrupt",
      code,
      segment,
      offset: off,
      reason,
      afterSeq: seq - 1,
      ...(seqRange ? { seqRange } : {}),
    },
  });

  while (off < o.size) {
    const avail = o.size - off;
    if (avail < BLOCK_HEADER_SIZE) {
      readSync(fd, hdr, 0, avail, off);
      return torn(isAllZero(hdr.subarray(0, avail)) ? "zero-filled tail" : "partial block header");
    }
    readSync(fd, hdr, 0, BLOCK_HEADER_SIZE, off);
    const parsed = parseBlockHeader(hdr);
    if (!parsed.ok) {
      if (zeroTail(fd, off, o.size)) return torn("zero-filled tail");
      // A header cut short and then zero-filled is still a torn append.
      const firstZeroRun = lastNonZero(hdr) + 1;
      if (firstZeroRun < BLOCK_HEADER_SIZE && zeroTail(fd, off + BLOCK_HEADER_SIZE, o.size))
        return torn("partial block header");
      return corrupt(
        "CORRUPT_HEADER",
        parsed.reason === "magic"
          ? "bad block magic"
          : parsed.reason === "crc"
            ? "block header checksum mismatch"
            : parsed.reason === "reserved"
              ? "block header is invalid (its reserved bytes are not zero)"
              : "block header is invalid (its sequence range is out of bounds)",
      );
    }
    const h = parsed.header;
    const range: [number, number] = [h.firstSeq, h.firstSeq + h.recordCount - 1];
    if (h.storedLength > maxBlock || h.uncompressedLength > maxBlock)
      return corrupt(
        "BLOCK_TOO_LARGE",
        `block claims ${Math.max(h.storedLength, h.uncompressedLength)} bytes, over the limit of ${maxBlock}`,
        range,
      );
    if (h.codec !== Codec.none && h.codec !== Codec.lz4)
      return corrupt("UNKNOWN_CODEC", `unknown codec id ${h.codec}`, range);
    if (h.flags !== 0)
      return corrupt("UNKNOWN_FEATURE", `block uses unknown flags 0x${h.flags.toString(16)}`, range);
    const end = off + BLOCK_HEADER_SIZE + h.storedLength;
    if (end > o.size) {
      // Only a tail can be cut short; the caller decides whether this segment may have one.
      return torn("partial block payload");
    }
    if (h.firstSeq !== seq)
      return corrupt("SEQUENCE_GAP", `block starts at seq ${h.firstSeq}, expected ${seq}`, range);
    if (h.recordCount === 0) return corrupt("CORRUPT_HEADER", "block holds no records", range);
    if (o.verifyPayload) {
      if (payload.length < h.storedLength)
        payload = Buffer.allocUnsafe(Math.max(h.storedLength, payload.length * 2));
      readSync(fd, payload, 0, h.storedLength, off + BLOCK_HEADER_SIZE);
      const body = payload.subarray(0, h.storedLength);
      if (crc32c(body) !== h.payloadCrc) {
        // Power loss can leave the last block's pages zero-filled: a zero run from a
        // 4 KiB-aligned file offset to the end of the file is a torn tail, not corruption.
        if (end === o.size || zeroTail(fd, end, o.size)) {
          const zeroFrom = off + BLOCK_HEADER_SIZE + lastNonZero(body) + 1;
          const aligned = Math.ceil(zeroFrom / 4096) * 4096;
          if (aligned < end && end - aligned >= 64) return torn("zero-filled block payload");
        }
        return corrupt("CORRUPT_BLOCK", "block payload checksum mismatch", range);
      }
    }
    entries.push({
      offset: off,
      firstSeq: h.firstSeq,
      recordCount: h.recordCount,
      storedLength: h.storedLength,
      uncompressedLength: h.uncompressedLength,
      codec: h.codec,
      minTime: h.minTime,
      maxTime: h.maxTime,
    });
    seq += h.recordCount;
    off = end;
  }
  return { entries, goodEnd: off };
}

function lastNonZero(b: Uint8Array): number {
  for (let i = b.length - 1; i >= 0; i--) if (b[i] !== 0) return i;
  return -1;
}
