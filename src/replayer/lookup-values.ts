/**
 * Look-up values by content hash, for showing the look-up decisions of a recording (`cat`,
 * `replay`'s last decisions): the blob records the caller passes on the way (keep), and, for a
 * decision whose blob it did not pass (filtered out, or before where it started reading), the
 * blobs between the checkpoint before that decision and it (readBefore): a look-up's value is
 * stored again at its first use after each checkpoint. Each stretch is read once.
 */
import type { LogReader } from "../log/index.js";
import { listCheckpoints } from "./replay.js";

/** Look-up values kept at most (bytes): past it, those kept are dropped and found again. */
const MAX_KEPT_BYTES = 64 * 1024 * 1024;

const key = (hash: Uint8Array): string => Buffer.from(hash).toString("hex");

export class LookupValues {
  private readonly kept = new Map<string, Uint8Array>();
  private bytes = 0;
  /** Checkpoint positions (from the checkpoint files), ascending; read when first needed. */
  private checkpoints: number[] | null = null;
  /** Blobs were read from `scannedFrom` up to `scannedTo`. */
  private scannedFrom = -1;
  private scannedTo = -1;

  /** `known`: values the caller has already (a replay's), asked first. */
  constructor(
    private readonly reader: LogReader,
    private readonly known?: (hash: Uint8Array) => Uint8Array | undefined,
  ) {}

  keep(hash: Uint8Array, data: Uint8Array): void {
    if (this.bytes + data.length > MAX_KEPT_BYTES) {
      this.kept.clear();
      this.bytes = 0;
    }
    this.kept.set(key(hash), data);
    this.bytes += data.length;
  }

  /** The value a look-up decision naming `hash` got, when known or kept. */
  readonly of = (hash: Uint8Array): Uint8Array | undefined => this.known?.(hash) ?? this.kept.get(key(hash));

  /** Makes sure the blobs a look-up decision at seq `at` may name have been read. */
  readBefore(at: number): void {
    this.checkpoints ??= listCheckpoints(this.reader.dir)
      .map((c) => c.refSeq)
      .sort((a, b) => a - b);
    const from = Math.max(this.reader.firstSeq, ...this.checkpoints.filter((c) => c < at));
    const start = from === this.scannedFrom && this.scannedTo >= from ? this.scannedTo + 1 : from;
    if (start > at) return;
    try {
      for (const rec of this.reader.records({ fromSeq: start, toSeq: at, types: ["blob"] }))
        if (rec.type === "blob") this.keep(rec.hash, rec.data);
    } catch {
      // A damaged block on the way: that value is not shown (the caller reports the damage where
      // it reads it).
    }
    this.scannedFrom = from;
    this.scannedTo = at;
  }
}
