/**
 * Block header: 56 bytes, little-endian (docs/FORMAT.md "Block header").
 *
 *  off size field
 *    0   4  magic 0x4b425348 ("HSBK")
 *    4   4  stored payload length (bytes after the header)
 *    8   4  uncompressed payload length
 *   12   4  CRC-32C of the stored payload
 *   16   1  codec id (0 none, 1 LZ4 block)
 *   17   1  flags (0)
 *   18   2  reserved (0)
 *   20   4  record count
 *   24   8  first sequence number
 *   32   8  min time (ns; 2^64-1 when no record has a time)
 *   40   8  max time (ns; 0 when no record has a time)
 *   48   4  reserved (0)
 *   52   4  CRC-32C of bytes 0..51
 *
 * Every byte of the header is covered by its CRC. Readers may overwrite the CRC bytes once
 * the header is validated (the LZ4 binding wants a 4-byte size just before the payload).
 */
import { BLOCK_HEADER_SIZE, BLOCK_MAGIC } from "./constants.js";
import { crc32c } from "./crc32c.js";

export interface BlockHeader {
  readonly storedLength: number;
  readonly uncompressedLength: number;
  readonly payloadCrc: number;
  readonly codec: number;
  readonly flags: number;
  readonly recordCount: number;
  readonly firstSeq: number;
  readonly minTime: bigint;
  readonly maxTime: bigint;
}

export function encodeBlockHeader(
  h: BlockHeader,
  out: Uint8Array = new Uint8Array(BLOCK_HEADER_SIZE),
): Uint8Array {
  const v = new DataView(out.buffer, out.byteOffset, BLOCK_HEADER_SIZE);
  v.setUint32(0, BLOCK_MAGIC, true);
  v.setUint32(4, h.storedLength, true);
  v.setUint32(8, h.uncompressedLength, true);
  v.setUint32(12, h.payloadCrc, true);
  v.setUint8(16, h.codec);
  v.setUint8(17, h.flags);
  v.setUint16(18, 0, true);
  v.setUint32(20, h.recordCount, true);
  v.setBigUint64(24, BigInt(h.firstSeq), true);
  v.setBigUint64(32, h.minTime, true);
  v.setBigUint64(40, h.maxTime, true);
  v.setUint32(48, 0, true);
  v.setUint32(52, crc32c(out.subarray(0, 52)), true);
  return out;
}

export type HeaderParse =
  | { ok: true; header: BlockHeader }
  | { ok: false; reason: "magic" | "crc" | "seq-range" | "reserved" };

/** Parses and validates (magic, header CRC) a header at `bytes[0..56)`. Pure. */
export function parseBlockHeader(bytes: Uint8Array): HeaderParse {
  const v = new DataView(bytes.buffer, bytes.byteOffset, BLOCK_HEADER_SIZE);
  if (v.getUint32(0, true) !== BLOCK_MAGIC) return { ok: false, reason: "magic" };
  if (v.getUint32(52, true) !== crc32c(bytes.subarray(0, 52))) return { ok: false, reason: "crc" };
  if (v.getUint16(18, true) !== 0 || v.getUint32(48, true) !== 0) return { ok: false, reason: "reserved" };
  const firstSeq = v.getBigUint64(24, true);
  if (firstSeq > BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false, reason: "seq-range" };
  return {
    ok: true,
    header: {
      storedLength: v.getUint32(4, true),
      uncompressedLength: v.getUint32(8, true),
      payloadCrc: v.getUint32(12, true),
      codec: v.getUint8(16),
      flags: v.getUint8(17),
      recordCount: v.getUint32(20, true),
      firstSeq: Number(firstSeq),
      minTime: v.getBigUint64(32, true),
      maxTime: v.getBigUint64(40, true),
    },
  };
}

export function isAllZero(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] !== 0) return false;
  return true;
}
