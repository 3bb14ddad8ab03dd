/**
 * Segment header: 32 bytes, little-endian (docs/FORMAT.md "Segment header").
 *
 *  off size field
 *    0   8  magic "HSLOGSEG"
 *    8   2  format version
 *   10   2  header size (32)
 *   12   4  feature flags (bit set, see FEATURES)
 *   16   8  segment number (1, 2, ...; equals the number in the file name)
 *   24   4  recording tag (recordingTag of the manifest's recordingId; 0: not set)
 *   28   4  CRC-32C of bytes 0..27
 */
import { createHash } from "node:crypto";
import { SEGMENT_HEADER_SIZE, SEGMENT_MAGIC } from "./constants.js";
import { crc32c } from "./crc32c.js";

export interface SegmentHeader {
  readonly formatVersion: number;
  readonly features: number;
  readonly segmentNumber: number;
  /** The recording's tag (recordingTag); 0 in segments written before it was kept. */
  readonly tag: number;
}

/**
 * The 4 bytes a segment header holds to say which recording it belongs to: the first 4 bytes
 * of the SHA-256 of the manifest's recordingId, little-endian (never 0, which says "not set");
 * 0 for a recording without an id.
 */
export function recordingTag(recordingId: string): number {
  if (recordingId === "") return 0;
  const t = createHash("sha256").update(recordingId, "utf8").digest().readUInt32LE(0);
  return t === 0 ? 1 : t;
}

export function encodeSegmentHeader(h: SegmentHeader): Uint8Array {
  const out = new Uint8Array(SEGMENT_HEADER_SIZE);
  out.set(SEGMENT_MAGIC, 0);
  const v = new DataView(out.buffer);
  v.setUint16(8, h.formatVersion, true);
  v.setUint16(10, SEGMENT_HEADER_SIZE, true);
  v.setUint32(12, h.features, true);
  v.setBigUint64(16, BigInt(h.segmentNumber), true);
  v.setUint32(24, h.tag, true);
  v.setUint32(28, crc32c(out.subarray(0, 28)), true);
  return out;
}

export type SegmentHeaderParse =
  | { ok: true; header: SegmentHeader }
  | { ok: false; reason: "short" | "magic" | "crc" | "header-size" };

export function parseSegmentHeader(bytes: Uint8Array): SegmentHeaderParse {
  if (bytes.length < SEGMENT_HEADER_SIZE) return { ok: false, reason: "short" };
  for (let i = 0; i < SEGMENT_MAGIC.length; i++)
    if (bytes[i] !== SEGMENT_MAGIC[i]) return { ok: false, reason: "magic" };
  const v = new DataView(bytes.buffer, bytes.byteOffset, SEGMENT_HEADER_SIZE);
  if (v.getUint32(28, true) !== crc32c(bytes.subarray(0, 28))) return { ok: false, reason: "crc" };
  if (v.getUint16(10, true) !== SEGMENT_HEADER_SIZE) return { ok: false, reason: "header-size" };
  return {
    ok: true,
    header: {
      formatVersion: v.getUint16(8, true),
      features: v.getUint32(12, true),
      segmentNumber: Number(v.getBigUint64(16, true)),
      tag: v.getUint32(24, true),
    },
  };
}
