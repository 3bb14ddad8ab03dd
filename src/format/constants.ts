/** Fixed numbers of the on-disk format (docs/FORMAT.md). Pure data: no I/O. */

/** Format version written by this build; the only one it reads. */
export const FORMAT_VERSION = 1;

/** First 8 bytes of every segment file: ASCII "HSLOGSEG". */
export const SEGMENT_MAGIC = Uint8Array.from([0x48, 0x53, 0x4c, 0x4f, 0x47, 0x53, 0x45, 0x47]);
export const SEGMENT_HEADER_SIZE = 32;

/** First 4 bytes of every block header: ASCII "HSBK" (read little-endian: 0x4b425348). */
export const BLOCK_MAGIC = 0x4b425348;
export const BLOCK_HEADER_SIZE = 56;

/** First 8 bytes of every segment index file: ASCII "HSLOGIDX". */
export const INDEX_MAGIC = Uint8Array.from([0x48, 0x53, 0x4c, 0x4f, 0x47, 0x49, 0x44, 0x58]);
export const INDEX_HEADER_SIZE = 32;
export const INDEX_ENTRY_SIZE = 48;

/** Payload codec ids (block header byte 16). */
export const Codec = { none: 0, lz4: 1 } as const;
export type CodecId = (typeof Codec)[keyof typeof Codec];

/** The latest time a record can hold (time_ns is a u64; 0 means "no time"). */
export const MAX_TIME_NS = 0xffff_ffff_ffff_ffffn;
/** "No time" sentinels for a block's min/max time when none of its records has a time. */
export const NO_MIN_TIME = MAX_TIME_NS;
export const NO_MAX_TIME = 0n;

/**
 * Limits for untrusted input. A block header claiming more than maxBlockSize (stored or
 * uncompressed), or a record longer than maxRecordSize, is refused before any buffer of
 * that size is allocated.
 */
export const DEFAULT_MAX_BLOCK_SIZE = 64 * 1024 * 1024;
export const DEFAULT_MAX_RECORD_SIZE = 16 * 1024 * 1024;

/**
 * Feature flags: behaviour a reader must understand to read a recording correctly.
 * Named in the manifest, and as bits in every segment header. A reader refuses any name
 * or bit it does not know (UNKNOWN_FEATURE).
 */
export const FEATURES = {
  /** Look-up values are stored content-addressed in Blob records (once per checkpoint interval). */
  "blob-records": 1 << 0,
  /** Checkpoint state is stored in side files named by CheckpointRef.location. */
  "checkpoint-files": 1 << 1,
  /** OutputLineage records (Record field 8) may appear: recorded with `record --lineage`. */
  "lineage-records": 1 << 2,
} as const;
export type FeatureName = keyof typeof FEATURES;
export const KNOWN_FEATURE_BITS = Object.values(FEATURES).reduce((a, b) => a | b, 0);

export function featureBits(names: readonly string[]): number {
  let bits = 0;
  for (const n of names) bits |= (FEATURES as Record<string, number>)[n] ?? 0;
  return bits;
}
