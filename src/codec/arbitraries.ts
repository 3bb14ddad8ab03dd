/** fast-check arbitraries of log records, shared by the codec and log property tests. */
import fc from "fast-check";
import { type LogRecord, rec } from "../format/records.js";

const u53 = fc.maxSafeNat();
const u32 = fc.nat({ max: 0xffffffff });
const bytes = fc.uint8Array({ maxLength: 300 });
const str = fc.string({ unit: "grapheme", maxLength: 40 });
const time = fc.bigInt({ min: 0n, max: 0xffff_ffff_ffff_ffffn });

export const arbRecord: fc.Arbitrary<LogRecord> = fc.oneof(
  fc
    .record({ timeNs: time, stream: u32, streamSeq: u53, key: bytes, payload: bytes })
    .map((p) => rec.input(p)),
  fc
    .record({
      timeNs: time,
      kind: fc.integer({ min: 0, max: 7 }),
      name: str,
      eventSeq: u53,
      index: u32,
      value: bytes,
      key: bytes,
      contentHash: bytes,
      step: str,
      settledAtOnce: fc.boolean(),
    })
    .map((p) => rec.decision(p as Parameters<typeof rec.decision>[0])),
  fc
    .record({ timeNs: time, sink: u32, eventSeq: u53, index: u32, sinkSeq: u53, digest: bytes, data: bytes })
    .map((p) => rec.output(p)),
  fc
    .record({ timeNs: time, eventSeq: u53, stateDigest: bytes, location: str, eventsHandled: u53 })
    .map((p) => rec.checkpoint(p)),
  fc
    .record({
      timeNs: time,
      kind: fc.integer({ min: 0, max: 2 }),
      appName: str,
      appBuild: str,
      seed: str,
      configJson: str,
      events: u53,
      status: str,
    })
    .map((p) => rec.marker(p as Parameters<typeof rec.marker>[0])),
  fc.record({ timeNs: time, hash: bytes, data: bytes }).map((p) => rec.blob(p)),
  fc
    .record({
      timeNs: time,
      sink: u32,
      sinkSeq: u53,
      eventSeq: u53,
      path: fc.array(str, { maxLength: 4 }),
      reads: fc.array(fc.record({ step: str, key: str, writerSeq: fc.oneof(fc.constant(-1), u53) }), {
        maxLength: 4,
      }),
      decisions: fc.array(u32, { maxLength: 5 }),
    })
    .map((p) => rec.lineage(p)),
);
