/**
 * Block payload compression. The only module that imports an LZ4 implementation.
 *
 * Blocks use the LZ4 *block* format (not the frame format): the stored payload is exactly
 * what LZ4_compress_default produces, and the block header carries the uncompressed length
 * that LZ4_decompress_safe needs. lz4-napi (lz4_flex) is the implementation; it prepends a
 * 4-byte little-endian size to its output and expects it on input, which we strip on write
 * and supply on read (docs/DECISIONS.md).
 */
import { compressSync, uncompressSync } from "lz4-napi";
import { HindsightError } from "../errors.js";
import { Codec, type CodecId } from "../format/constants.js";

export interface Compressed {
  readonly codec: CodecId;
  /** The stored payload (a view; valid until the next call). */
  readonly bytes: Uint8Array;
}

/**
 * Compresses `raw` with LZ4 and keeps the result only when it is smaller; otherwise the
 * block is stored uncompressed (random data grows slightly under LZ4).
 */
export function compressBlock(raw: Uint8Array, codec: CodecId = Codec.lz4): Compressed {
  if (codec === Codec.none || raw.length === 0) return { codec: Codec.none, bytes: raw };
  const input = Buffer.isBuffer(raw) ? raw : Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  const out = compressSync(input);
  const body = out.subarray(4);
  if (body.length >= raw.length) return { codec: Codec.none, bytes: raw };
  return { codec: Codec.lz4, bytes: body };
}

/**
 * Decompresses a stored payload. `withRoom` must be a buffer whose 4 bytes just before
 * `payloadOffset` may be overwritten (the already-validated block header's CRC), so no copy is
 * needed to hand lz4-napi its size prefix.
 *
 * Throws HindsightError UNKNOWN_CODEC for a codec id this build does not know, and
 * CORRUPT_BLOCK when the payload does not decode to exactly `uncompressedLength` bytes.
 */
export function decompressBlock(
  codec: number,
  withRoom: Buffer,
  payloadOffset: number,
  storedLength: number,
  uncompressedLength: number,
  where: string,
): Uint8Array {
  const stored = withRoom.subarray(payloadOffset, payloadOffset + storedLength);
  if (codec === Codec.none) {
    if (storedLength !== uncompressedLength)
      throw new HindsightError("CORRUPT_BLOCK", "stored block length differs from its uncompressed length", {
        where,
      });
    return stored;
  }
  if (codec !== Codec.lz4)
    throw new HindsightError("UNKNOWN_CODEC", `unknown block codec id ${codec}`, {
      where,
      hint: "the recording was written by a newer hindsight, or is damaged",
    });
  if (payloadOffset < 4)
    throw new HindsightError("INTERNAL", "decompressBlock needs 4 bytes of room before the payload");
  withRoom.writeUInt32LE(uncompressedLength, payloadOffset - 4);
  let out: Buffer;
  try {
    out = uncompressSync(withRoom.subarray(payloadOffset - 4, payloadOffset + storedLength));
  } catch (e) {
    throw new HindsightError("CORRUPT_BLOCK", `LZ4 payload does not decode: ${(e as Error).message}`, {
      where,
      cause: e,
    });
  }
  if (out.length !== uncompressedLength)
    throw new HindsightError(
      "CORRUPT_BLOCK",
      `LZ4 payload decodes to ${out.length} bytes, header says ${uncompressedLength}`,
      { where },
    );
  return out;
}
