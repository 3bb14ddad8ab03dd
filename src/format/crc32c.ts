/**
 * CRC-32C (Castagnoli), the checksum of block payloads and headers. @node-rs/crc32 is a
 * prebuilt SIMD implementation (docs/DECISIONS.md); this is the only place that imports it.
 */
import { crc32c as nativeCrc32c } from "@node-rs/crc32";

export function crc32c(bytes: Uint8Array): number {
  // The native function takes a Buffer; a view over the same memory costs no copy.
  const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return nativeCrc32c(buf) >>> 0;
}
