/** Small fixed encodings of decision values (proto/hindsight/v1/log.proto, DecisionKind). Pure. */
import { hash } from "node:crypto";

// Decision values are 8 bytes, made and read once per clock read or draw. They go through one
// scratch view: reading `.buffer` of a small Uint8Array (kept inside the JS heap) would move its
// bytes out of the heap first, which costs more than the rest of the call.
const scratch = new Uint8Array(8);
const scratchView = new DataView(scratch.buffer);

export function u64le(v: bigint): Uint8Array {
  scratchView.setBigUint64(0, BigInt.asUintN(64, v), true);
  return scratch.slice();
}

export function readU64le(b: Uint8Array): bigint {
  if (b.length !== 8) throw new RangeError(`expected 8 bytes, got ${b.length}`);
  scratch.set(b);
  return scratchView.getBigUint64(0, true);
}

export function f64le(v: number): Uint8Array {
  scratchView.setFloat64(0, v, true);
  return scratch.slice();
}

export function readF64le(b: Uint8Array): number {
  if (b.length !== 8) throw new RangeError(`expected 8 bytes, got ${b.length}`);
  scratch.set(b);
  return scratchView.getFloat64(0, true);
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
