import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type LogRecord, rec } from "../format/records.js";
import { hindsight } from "../gen/hindsight.js";
import { arbRecord } from "./arbitraries.js";
import { decodeRecords, RecordEncoder } from "./record-codec.js";

/** Normalizes for comparison: byte views to plain arrays. */
function plain(r: object): unknown {
  return Object.fromEntries(
    Object.entries(r).map(([k, v]) => [
      k,
      typeof v === "bigint" ? `${v}n` : v instanceof Uint8Array ? Array.from(v) : v,
    ]),
  );
}

function encodeAll(records: readonly LogRecord[]): Buffer {
  const enc = new RecordEncoder(64);
  for (const r of records) enc.encode(r);
  return Buffer.from(enc.bytes());
}

describe("record codec", () => {
  it("round-trips arbitrary records", () => {
    fc.assert(
      fc.property(fc.array(arbRecord, { maxLength: 20 }), (records) => {
        const buf = encodeAll(records);
        const back = decodeRecords(buf, records.length, 7, "test");
        expect(back.map(plain)).toEqual(records.map((r, i) => plain({ ...r, seq: 7 + i })));
      }),
      { numRuns: 300 },
    );
  });

  it("decodes each recurring name to its own string (names remembered between records)", () => {
    // Many names, so that remembered ones are replaced; names alike but for one byte or their
    // length; long names; bytes that are not UTF-8; the same names again and again.
    const names: string[] = [
      "",
      "a",
      "b",
      "ab",
      "ba",
      "clock",
      "clocl",
      "clock ",
      "x".repeat(64),
      "x".repeat(65),
    ];
    for (let i = 0; i < 600; i++) names.push(`step-${i}`, `lookup:${i % 37}:${"é".repeat(i % 5)}`);
    const records: LogRecord[] = [];
    for (let round = 0; round < 3; round++)
      for (const [i, name] of names.entries())
        records.push(
          rec.decision({ kind: 1, eventSeq: i, name, step: names[(i * 7 + round) % names.length]! }),
        );
    const back = decodeRecords(encodeAll(records), records.length, 0, "test");
    expect(back.map((r) => (r.type === "decision" ? [r.name, r.step] : null))).toEqual(
      records.map((r) => (r.type === "decision" ? [r.name, r.step] : null)),
    );
    // Bytes that are not UTF-8 decode as string() decodes them, first time and again.
    const enc = new RecordEncoder(64);
    enc.encode(rec.decision({ kind: 1, eventSeq: 1, name: "zz", step: "s" }));
    const raw = Buffer.from(enc.bytes());
    const at = raw.indexOf("zz");
    raw[at] = 0xff;
    const twice = Buffer.concat([raw, raw]);
    const [one, two] = decodeRecords(twice, 2, 0, "test");
    expect(one).toMatchObject({ name: "\ufffdz" });
    expect(two).toMatchObject({ name: "\ufffdz" });
  });

  it("rejects a time outside 0..2^64-1 in every record type, writing nothing", () => {
    const base: LogRecord[] = [
      rec.input({ stream: 1, streamSeq: 2, payload: new Uint8Array([1, 2]) }),
      rec.decision({ kind: 1, eventSeq: 3, name: "clock", step: "s", value: new Uint8Array(8) }),
      rec.output({ sink: 0, eventSeq: 4, digest: new Uint8Array(32) }),
      rec.marker({ kind: 1, appName: "a" }),
    ];
    for (const r of base)
      for (const timeNs of [-1n, 1n << 64n]) {
        const enc = new RecordEncoder(64);
        expect(() => enc.encode({ ...r, timeNs })).toThrow(/outside 0\.\.2\^64-1/);
        expect(enc.pos).toBe(0);
      }
    // The bounds themselves are accepted and round-trip.
    const edges = base.flatMap((r) => [0n, 1n, (1n << 64n) - 1n].map((timeNs) => ({ ...r, timeNs })));
    const back = decodeRecords(encodeAll(edges), edges.length, 0, "test");
    expect(back.map((r) => r.timeNs)).toEqual(edges.map((r) => r.timeNs));
  });

  it("writes what the generated protobuf code reads, field for field", () => {
    fc.assert(
      fc.property(arbRecord, (r) => {
        const buf = encodeAll([r]);
        const reader = hindsight.v1.Record.decodeDelimited(buf);
        const obj = hindsight.v1.Record.toObject(reader, {
          longs: String,
          bytes: Array,
          defaults: true,
          oneofs: true,
        });
        expect(BigInt(obj["timeNs"] as string)).toBe(r.timeNs);
        expect(obj["body"]).toBe(r.type);
        const body = obj[r.type] as Record<string, unknown>;
        if (r.type === "input") {
          expect(body["stream"]).toBe(r.stream);
          expect(Number(body["streamSeq"])).toBe(r.streamSeq);
          expect(body["payload"]).toEqual(Array.from(r.payload));
          expect(body["key"]).toEqual(Array.from(r.key));
        } else if (r.type === "decision") {
          expect(body["name"]).toBe(r.name);
          expect(body["step"]).toBe(r.step);
          expect(Number(body["eventSeq"])).toBe(r.eventSeq);
          expect(body["value"]).toEqual(Array.from(r.value));
          expect(body["settledAtOnce"]).toBe(r.settledAtOnce === true);
        } else if (r.type === "marker") {
          expect(body["configJson"]).toBe(r.configJson);
          expect(Number(body["events"])).toBe(r.events);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("reads what the generated protobuf code writes", () => {
    fc.assert(
      fc.property(arbRecord, (r) => {
        const { type, timeNs, ...body } = r;
        // OutputLineage reads say "no writer" with has_writer, not with -1.
        const protoBody =
          r.type === "lineage"
            ? {
                ...stringifyLongs(body),
                reads: r.reads.map((x) => ({
                  step: x.step,
                  key: x.key,
                  writerSeq: String(Math.max(0, x.writerSeq)),
                  hasWriter: x.writerSeq >= 0,
                })),
              }
            : stringifyLongs(body);
        const msg = hindsight.v1.Record.fromObject({ timeNs: timeNs.toString(), [type]: protoBody });
        const buf = Buffer.from(hindsight.v1.Record.encodeDelimited(msg).finish());
        const [back] = decodeRecords(buf, 1, 0, "test");
        expect(plain(back!)).toEqual(plain({ ...r, seq: 0 }));
      }),
      { numRuns: 300 },
    );
  });

  it("rejects malformed payloads with CORRUPT_RECORD, never a wrong record", () => {
    const good = encodeAll([rec.input({ stream: 1, payload: new Uint8Array([1, 2, 3]) })]);
    expect(() => decodeRecords(good, 2, 0, "t")).toThrow(expect.objectContaining({ code: "CORRUPT_RECORD" }));
    expect(() => decodeRecords(Buffer.concat([good, Buffer.from([0])]), 1, 0, "t")).toThrow(
      expect.objectContaining({ code: "CORRUPT_RECORD" }),
    );
    expect(() => decodeRecords(good.subarray(0, good.length - 1), 1, 0, "t")).toThrow(
      expect.objectContaining({ code: "CORRUPT_RECORD" }),
    );
    // An empty record has no body.
    expect(() => decodeRecords(Buffer.from([0]), 1, 0, "t")).toThrow(
      expect.objectContaining({ code: "CORRUPT_RECORD" }),
    );
  });

  it("refuses a record longer than the limit before reading it", () => {
    const big = encodeAll([rec.input({ stream: 0, payload: new Uint8Array(5000) })]);
    expect(() => decodeRecords(big, 1, 0, "t", 1000)).toThrow(
      expect.objectContaining({ code: "RECORD_TOO_LARGE" }),
    );
  });

  it("does not let a decoded field named __proto__ pollute prototypes", () => {
    const r = rec.decision({ kind: 1, eventSeq: 1, name: "__proto__", step: "constructor" });
    const [back] = decodeRecords(encodeAll([r]), 1, 0, "t");
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    expect(back).toMatchObject({ name: "__proto__", step: "constructor" });
  });
});

function stringifyLongs(o: object): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(o).map(([k, v]) => [k, typeof v === "number" && v > 0xffffffff ? String(v) : v]),
  );
}
