/**
 * How decisions are written to a log, shared by every port that records them (the recorder's
 * and the fault injector's stage processes): one Decision record per value, and look-up values
 * stored once, content-addressed, in a Blob record before the first decision naming them.
 */
import { hex, sha256 } from "../engine/bytes.js";
import type { DecisionRequest } from "../engine/engine.js";
import { DecisionKind, type LogRecord, rec } from "../format/records.js";

export class DecisionLog {
  private readonly blobs = new Set<string>();

  constructor(private readonly record: (r: LogRecord) => void) {}

  /** A clock, random, tick or ambient value. */
  decision(req: DecisionRequest, eventSeq: number, index: number, timeNs: bigint, value: Uint8Array): void {
    this.record(
      rec.decision({
        timeNs,
        kind: req.kind,
        name: req.name,
        eventSeq,
        index,
        value,
        key: req.key,
        step: req.step,
      }),
    );
  }

  /**
   * A look-up whose fetch failed: a lookup decision with no content hash, the error's message as
   * its value. A replay throws an Error with that message where the fetch threw, so an app that
   * falls back on a failed look-up (or fails on it) decides the same way again.
   */
  lookupFailed(req: DecisionRequest, eventSeq: number, index: number, timeNs: bigint, message: string): void {
    this.lookupDecision(req, eventSeq, index, timeNs, { value: Buffer.from(message, "utf8") });
  }

  /** A look-up value: its Blob (the first time it is seen), then the decision naming it. */
  lookup(req: DecisionRequest, eventSeq: number, index: number, timeNs: bigint, data: Uint8Array): void {
    const h = sha256(data);
    const k = hex(h);
    if (!this.blobs.has(k)) {
      this.blobs.add(k);
      this.record(rec.blob({ timeNs, hash: h, data }));
    }
    this.lookupDecision(req, eventSeq, index, timeNs, { contentHash: h });
  }

  private lookupDecision(
    req: DecisionRequest,
    eventSeq: number,
    index: number,
    timeNs: bigint,
    outcome: { contentHash: Uint8Array } | { value: Uint8Array },
  ): void {
    this.record(
      rec.decision({
        timeNs,
        kind: DecisionKind.lookup,
        name: req.name,
        eventSeq,
        index,
        key: req.key,
        step: req.step,
        ...outcome,
      }),
    );
  }
}
