/** Small fixed encodings of decision values (proto/hindsight/v1/log.proto, DecisionKind). Pure. */
import { hash } from "node:crypto";

export function u64le(v: bigint): Uint8Array {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setBigUint64(0, BigInt.asUintN(64, v), true);
  return b;
}

export function readU64le(b: Uint8Array): bigint {
  if (b.length !== 8) throw new RangeError(`expected 8 bytes, got ${b.length}`);
  return new DataView(b.buffer, b.byteOffset, 8).getBigUint64(0, true);
}

export function f64le(v: number): Uint8Array {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setFloat64(0, v, true);
  return b;
}

export function readF64le(b: Uint8Array): number {
  if (b.length !== 8) throw new RangeError(`expected 8 bytes, got ${b.length}`);
  return new DataView(b.buffer, b.byteOffset, 8).getFloat64(0, true);
}

/** SHA-256 (the digest of outputs, look-up blobs and checkpoint state). */
export function sha256(data: Uint8Array): Uint8Array {
  return hash("sha256", data, "buffer");
}

export function hex(b: Uint8Array): string {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString("hex");
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  const n = a.length;
  if (n !== b.length) return false;
  if (n <= 256) {
    // Short arrays (outputs, digests): a loop beats creating two Buffer views.
    for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
    return true;
  }
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(
    Buffer.from(b.buffer, b.byteOffset, b.byteLength),
  );
}
