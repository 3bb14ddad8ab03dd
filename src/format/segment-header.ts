/**
 * Segment header: 32 bytes, little-endian (docs/FORMAT.md "Segment header").
 *
 *  off size field
 *    0   8  magic "HSLOGSEG"
 *    8   2  format version
 *   10   2  header size (32)
 *   12   4  feature flags (bit set, see FEATURES)
 *   16   8  segment number (1, 2, ...; equals the number in the file name)
 *   24   4  reserved (0)
 *   28   4  CRC-32C of bytes 0..27
 */
import { SEGMENT_HEADER_SIZE, SEGMENT_MAGIC } from "./constants.js";
import { crc32c } from "./crc32c.js";

export interface SegmentHeader {
  readonly formatVersion: number;
  readonly features: number;
  readonly segmentNumber: number;
}

export function encodeSegmentHeader(h: SegmentHeader): Uint8Array {
  const out = new Uint8Array(SEGMENT_HEADER_SIZE);
  out.set(SEGMENT_MAGIC, 0);
  const v = new DataView(out.buffer);
  v.setUint16(8, h.formatVersion, true);
  v.setUint16(10, SEGMENT_HEADER_SIZE, true);
  v.setUint32(12, h.features, true);
  v.setBigUint64(16, BigInt(h.segmentNumber), true);
  v.setUint32(24, 0, true);
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
    },
  };
}
