/**
 * How decisions are written to a log, shared by every port that records them (the recorder's
 * and the fault injector's stage processes): one Decision record per value, and look-up values
 * stored content-addressed in a Blob record before the first decision naming them (again after
 * each checkpoint: see forgetBlobs).
 */
import { hex, sha256 } from "../engine/bytes.js";
import type { DecisionRequest } from "../engine/engine.js";
import { HindsightError, thrownMessage } from "../errors.js";
import { type LogRecord, rec } from "../format/records.js";
import type { LogWriter } from "../log/writer.js";

const EMPTY = new Uint8Array(0);

/**
 * Runs a look-up's fetch and hands `outcome` what it gave: its value, or the message of its
 * failure (the outside service's, or a value that is not JSON data; hindsight's own errors, e.g.
 * a run sealed meanwhile, are not the look-up's). Settles as the fetch did.
 */
export function fetchLookup(
  fetch: () => Uint8Array | Promise<Uint8Array>,
  outcome: (o: ({ data: Uint8Array } | { error: string }) & { atOnce: boolean }) => void,
): Promise<Uint8Array> {
  // Settled in the turn it was asked in: it answered at once, not after I/O. A replay settles
  // it so too.
  const asked = thisTurn();
  return new Promise<Uint8Array>((resolve) => resolve(fetch())).then(
    (data) => {
      outcome({ data, atOnce: asked === turn });
      return data;
    },
    (e: unknown) => {
      if (!(e instanceof HindsightError)) outcome({ error: thrownMessage(e), atOnce: asked === turn });
      throw e;
    },
  );
}

/**
 * The current turn of the event loop, as a token: replaced by a tick queued at the first ask of
 * a turn, which runs once the turn's microtasks have (one tick per turn, not per look-up).
 */
let turn: object = {};
let turnEnds = false;
function thisTurn(): object {
  if (!turnEnds) {
    turnEnds = true;
    process.nextTick(endTurn);
  }
  return turn;
}
function endTurn(): void {
  turn = {};
  turnEnds = false;
}

/** What takes decisions field by field (a LogWriter): no record object per decision. */
export type DecisionWriter = Pick<LogWriter, "appendDecision">;

export class DecisionLog {
  private readonly blobs = new Set<string>();

  /**
   * `record` takes every record; `writer`, when given, the decisions, field by field. (Called
   * directly, not through a closure spreading its arguments: a decision follows every clock
   * read and draw.)
   */
  constructor(
    private readonly record: (r: LogRecord) => void,
    private readonly writer?: DecisionWriter,
  ) {}

  /**
   * Stores each look-up value again at its next use: called after a checkpoint, so that a replay
   * starting there finds every value it needs after it, without reading the log before it.
   */
  forgetBlobs(): void {
    this.blobs.clear();
  }

  /** A clock, random, tick or ambient value. */
  decision(req: DecisionRequest, eventSeq: number, index: number, timeNs: bigint, value: Uint8Array): void {
    this.write(req, eventSeq, index, timeNs, value, EMPTY);
  }

  /**
   * A look-up's outcome. A value: its Blob (the first time it is seen since the last checkpoint), then the decision naming
   * it. A failure: a lookup decision with no content hash and the error's message as its value;
   * a replay throws an Error with that message where the fetch threw, so an app that falls back
   * on a failed look-up (or fails on it) decides the same way again.
   */
  lookup(
    req: DecisionRequest,
    eventSeq: number,
    index: number,
    timeNs: bigint,
    o: ({ data: Uint8Array } | { error: string }) & { atOnce?: boolean },
  ): void {
    const atOnce = o.atOnce === true;
    if ("error" in o) {
      this.write(req, eventSeq, index, timeNs, Buffer.from(o.error, "utf8"), EMPTY, atOnce);
      return;
    }
    const h = sha256(o.data);
    const k = hex(h);
    if (!this.blobs.has(k)) {
      this.blobs.add(k);
      this.record(rec.blob({ timeNs, hash: h, data: o.data }));
    }
    this.write(req, eventSeq, index, timeNs, EMPTY, h, atOnce);
  }

  /** One decision record (a value, or a look-up's content hash). */
  private write(
    req: DecisionRequest,
    eventSeq: number,
    index: number,
    timeNs: bigint,
    value: Uint8Array,
    contentHash: Uint8Array,
    settledAtOnce = false,
  ): void {
    const w = this.writer;
    if (w !== undefined)
      w.appendDecision(
        timeNs,
        req.kind,
        req.name,
        eventSeq,
        index,
        value,
        req.key,
        contentHash,
        req.step,
        settledAtOnce,
      );
    else
      this.record(
        rec.decision({
          timeNs,
          kind: req.kind,
          name: req.name,
          eventSeq,
          index,
          value,
          key: req.key,
          contentHash,
          step: req.step,
          ...(settledAtOnce ? { settledAtOnce } : {}),
        }),
      );
  }
}
