/** Helpers for the log's tests: temporary directories and deterministic records. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DecisionKind, type LogRecord, rec } from "../format/records.js";

export function tempDir(prefix = "hindsight-test-"): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export const T0 = 1_762_093_800_000_000_000n;

/** The streams and sinks the records of recordAt name (a writer refuses others). */
export const TEST_STREAMS = [
  { name: "quotes", codec: "json-lines", source: "q.jsonl" },
  { name: "orders", codec: "json-lines", source: "o.jsonl" },
];
export const TEST_SINKS = [
  { name: "decisions", codec: "json" },
  { name: "alerts", codec: "json" },
];

/** `r` naming one of TEST_STREAMS or TEST_SINKS (an arbitrary record may name any). */
export function inTestLog(r: LogRecord): LogRecord {
  if (r.type === "input") return { ...r, stream: r.stream % TEST_STREAMS.length };
  if (r.type === "output") return { ...r, sink: r.sink % TEST_SINKS.length };
  return r;
}

/** The record with sequence number `i` in a deterministic test log (mixed types, increasing time). */
export function recordAt(i: number): LogRecord {
  const timeNs = T0 + BigInt(i) * 1_000_000n;
  if (i % 7 === 3)
    return rec.decision({
      kind: DecisionKind.clock,
      name: "now",
      eventSeq: i - 1,
      index: 0,
      value: new Uint8Array([i & 255, 1, 2, 3]),
      timeNs,
    });
  if (i % 11 === 5)
    return rec.output({
      sink: 0,
      eventSeq: i - 1,
      sinkSeq: i,
      digest: new Uint8Array(32).fill(i & 255),
      timeNs,
    });
  const payload = new TextEncoder().encode(
    `{"ts":${timeNs},"symbol":"S${i % 500}","bid":"${100 + (i % 37)}.${String(i % 100).padStart(2, "0")}","offer":"${101 + (i % 37)}.00"}`,
  );
  return rec.input({ stream: i % 2, streamSeq: i >> 1, timeNs, payload });
}
