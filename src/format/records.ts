/**
 * In-memory form of the log's records (proto/hindsight/v1/log.proto, message Record).
 * `seq` is the record's log sequence number; it is implied by the block on disk.
 * Times are exact 64-bit nanoseconds since the Unix epoch as `bigint` (0n = no time).
 */

export const DecisionKind = {
  unspecified: 0,
  clock: 1,
  random: 2,
  lookup: 3,
  tick: 4,
  fault: 5,
  ambient: 6,
  schedule: 7,
} as const;
export type DecisionKind = (typeof DecisionKind)[keyof typeof DecisionKind];
export const decisionKindName = (k: number): string =>
  (Object.keys(DecisionKind) as (keyof typeof DecisionKind)[]).find((n) => DecisionKind[n] === k) ??
  `kind${k}`;

export const MarkerKind = { unspecified: 0, start: 1, stop: 2 } as const;
export type MarkerKind = (typeof MarkerKind)[keyof typeof MarkerKind];

export interface InputRecord {
  readonly type: "input";
  readonly timeNs: bigint;
  readonly stream: number;
  readonly streamSeq: number;
  readonly key: Uint8Array;
  readonly payload: Uint8Array;
}

export interface DecisionRecord {
  readonly type: "decision";
  readonly timeNs: bigint;
  readonly kind: DecisionKind;
  readonly name: string;
  readonly eventSeq: number;
  readonly index: number;
  readonly value: Uint8Array;
  readonly key: Uint8Array;
  readonly contentHash: Uint8Array;
  readonly step: string;
  /** Look-ups: the fetch settled in the turn it was asked in (Decision.settled_at_once). */
  readonly settledAtOnce?: boolean;
}

export interface BlobRecord {
  readonly type: "blob";
  readonly timeNs: bigint;
  readonly hash: Uint8Array;
  readonly data: Uint8Array;
}

export interface OutputRecord {
  readonly type: "output";
  readonly timeNs: bigint;
  readonly sink: number;
  readonly eventSeq: number;
  readonly index: number;
  readonly sinkSeq: number;
  readonly digest: Uint8Array;
  readonly data: Uint8Array;
}

export interface CheckpointRecord {
  readonly type: "checkpoint";
  readonly timeNs: bigint;
  readonly eventSeq: number;
  readonly stateDigest: Uint8Array;
  readonly location: string;
  readonly eventsHandled: number;
}

export interface MarkerRecord {
  readonly type: "marker";
  readonly timeNs: bigint;
  readonly kind: MarkerKind;
  readonly appName: string;
  readonly appBuild: string;
  readonly seed: string;
  readonly configJson: string;
  readonly events: number;
  readonly status: string;
}

export interface StateReadRef {
  readonly step: string;
  readonly key: string;
  /** Seq of the event that last wrote the value read; -1 when nothing had written it. */
  readonly writerSeq: number;
}

/** The lineage of one output, recorded at run time (feature "lineage-records"). */
export interface LineageRecord {
  readonly type: "lineage";
  readonly timeNs: bigint;
  readonly sink: number;
  readonly sinkSeq: number;
  readonly eventSeq: number;
  readonly path: readonly string[];
  readonly reads: readonly StateReadRef[];
  /** Decision.index of the decisions consumed before the output. */
  readonly decisions: readonly number[];
}

/** A record as appended (no sequence number yet). */
export type LogRecord =
  | InputRecord
  | DecisionRecord
  | BlobRecord
  | OutputRecord
  | CheckpointRecord
  | MarkerRecord
  | LineageRecord;
export type RecordType = LogRecord["type"];
export const RECORD_TYPES: readonly RecordType[] = [
  "input",
  "decision",
  "output",
  "checkpoint",
  "marker",
  "blob",
  "lineage",
];

/** A record read back from the log, with its log sequence number. */
export type SeqRecord = LogRecord & { readonly seq: number };

const EMPTY: Uint8Array = new Uint8Array(0);

/** Builders that fill defaults, so call sites name only what they set. */
export const rec = {
  input(p: Partial<Omit<InputRecord, "type">> & { stream: number; payload: Uint8Array }): InputRecord {
    return {
      type: "input",
      timeNs: p.timeNs ?? 0n,
      stream: p.stream,
      streamSeq: p.streamSeq ?? 0,
      key: p.key ?? EMPTY,
      payload: p.payload,
    };
  },
  decision(
    p: Partial<Omit<DecisionRecord, "type">> & { kind: DecisionKind; eventSeq: number },
  ): DecisionRecord {
    return {
      type: "decision",
      timeNs: p.timeNs ?? 0n,
      kind: p.kind,
      name: p.name ?? "",
      eventSeq: p.eventSeq,
      index: p.index ?? 0,
      value: p.value ?? EMPTY,
      key: p.key ?? EMPTY,
      contentHash: p.contentHash ?? EMPTY,
      step: p.step ?? "",
      ...(p.settledAtOnce ? { settledAtOnce: true } : {}),
    };
  },
  blob(p: { timeNs?: bigint; hash: Uint8Array; data: Uint8Array }): BlobRecord {
    return { type: "blob", timeNs: p.timeNs ?? 0n, hash: p.hash, data: p.data };
  },
  output(
    p: Partial<Omit<OutputRecord, "type">> & { sink: number; eventSeq: number; digest: Uint8Array },
  ): OutputRecord {
    return {
      type: "output",
      timeNs: p.timeNs ?? 0n,
      sink: p.sink,
      eventSeq: p.eventSeq,
      index: p.index ?? 0,
      sinkSeq: p.sinkSeq ?? 0,
      digest: p.digest,
      data: p.data ?? EMPTY,
    };
  },
  checkpoint(
    p: Partial<Omit<CheckpointRecord, "type">> & { eventSeq: number; stateDigest: Uint8Array },
  ): CheckpointRecord {
    return {
      type: "checkpoint",
      timeNs: p.timeNs ?? 0n,
      eventSeq: p.eventSeq,
      stateDigest: p.stateDigest,
      location: p.location ?? "",
      eventsHandled: p.eventsHandled ?? 0,
    };
  },
  lineage(
    p: Partial<Omit<LineageRecord, "type">> & { sink: number; sinkSeq: number; eventSeq: number },
  ): LineageRecord {
    return {
      type: "lineage",
      timeNs: p.timeNs ?? 0n,
      sink: p.sink,
      sinkSeq: p.sinkSeq,
      eventSeq: p.eventSeq,
      path: p.path ?? [],
      reads: p.reads ?? [],
      decisions: p.decisions ?? [],
    };
  },
  marker(p: Partial<Omit<MarkerRecord, "type">> & { kind: MarkerKind }): MarkerRecord {
    return {
      type: "marker",
      timeNs: p.timeNs ?? 0n,
      kind: p.kind,
      appName: p.appName ?? "",
      appBuild: p.appBuild ?? "",
      seed: p.seed ?? "",
      configJson: p.configJson ?? "",
      events: p.events ?? 0,
      status: p.status ?? "",
    };
  },
};
