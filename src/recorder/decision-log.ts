/**
 * How decisions are written to a log, shared by every port that records them (the recorder's
 * and the fault injector's stage processes): one Decision record per value, and look-up values
 * stored once, content-addressed, in a Blob record before the first decision naming them.
 */
import { hex, sha256 } from "../engine/bytes.js";
import type { DecisionRequest } from "../engine/engine.js";
import { DecisionKind, type LogRecord, rec } from "../format/records.js";
import type { LogWriter } from "../log/writer.js";

/** Where a DecisionLog writes: a LogWriter, or any record callback (see recordSink). */
export type DecisionSink = Pick<LogWriter, "append" | "appendDecision">;

/** A DecisionSink that hands every record, decisions included, to `record`. */
export function recordSink(record: (r: LogRecord) => number): DecisionSink {
  return {
    append: record,
    appendDecision: (timeNs, kind, name, eventSeq, index, value, key, contentHash, step) =>
      record(rec.decision({ timeNs, kind, name, eventSeq, index, value, key, contentHash, step })),
  };
}

const EMPTY = new Uint8Array(0);

export class DecisionLog {
  private readonly blobs = new Set<string>();

  constructor(private readonly out: DecisionSink) {}

  /** A clock, random, tick or ambient value. */
  decision(req: DecisionRequest, eventSeq: number, index: number, timeNs: bigint, value: Uint8Array): void {
    this.out.appendDecision(timeNs, req.kind, req.name, eventSeq, index, value, req.key, EMPTY, req.step);
  }

  /** A look-up value: its Blob (the first time it is seen), then the decision naming it. */
  lookup(req: DecisionRequest, eventSeq: number, index: number, timeNs: bigint, data: Uint8Array): void {
    const h = sha256(data);
    const k = hex(h);
    if (!this.blobs.has(k)) {
      this.blobs.add(k);
      this.out.append(rec.blob({ timeNs, hash: h, data }));
    }
    this.out.appendDecision(
      timeNs,
      DecisionKind.lookup,
      req.name,
      eventSeq,
      index,
      EMPTY,
      req.key,
      h,
      req.step,
    );
  }
}
