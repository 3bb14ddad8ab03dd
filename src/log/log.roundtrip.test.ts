import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { arbRecord } from "../codec/arbitraries.js";
import { type LogRecord, rec, type SeqRecord } from "../format/records.js";
import { LogReader } from "./reader.js";
import { inTestLog, recordAt, T0, TEST_SINKS, TEST_STREAMS, tempDir } from "./test-helpers.js";
import { LogWriter } from "./writer.js";

const STREAMS = TEST_STREAMS;
let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups) c();
  cleanups = [];
});
function dir(): string {
  const t = tempDir();
  cleanups.push(t.cleanup);
  return join(t.dir, "rec");
}
const strip = (r: SeqRecord): LogRecord => {
  const { seq: _s, ...rest } = r;
  return Object.fromEntries(
    Object.entries(rest).map(([k, v]) => [k, v instanceof Uint8Array ? Array.from(v) : v]),
  ) as unknown as LogRecord;
};
const norm = (r: LogRecord) =>
  Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v instanceof Uint8Array ? Array.from(v) : v]));

describe("log round trip", () => {
  it("reads back arbitrary records in order, across blocks and segments (sync and async)", async () => {
    await fc.assert(
      fc.asyncProperty(
        // Streams and sinks as the manifest lists them (a writer refuses others).
        fc.array(arbRecord.map(inTestLog), { maxLength: 120 }),
        fc.integer({ min: 256, max: 4096 }),
        async (records, blockSize) => {
          const d = dir();
          const w = LogWriter.create(
            d,
            { streams: STREAMS, sinks: TEST_SINKS },
            { blockSize, segmentSize: 8192, fsync: "never", flushIntervalMs: 0 },
          );
          for (const [i, r] of records.entries()) expect(w.append(r)).toBe(i);
          w.close();
          const r = LogReader.open(d);
          const sync = [...r.records()].map(strip);
          const async: LogRecord[] = [];
          for await (const x of r.recordsAsync()) async.push(strip(x));
          r.close();
          expect(sync).toEqual(records.map(norm));
          expect(async).toEqual(sync);
        },
      ),
      { numRuns: 40 },
    );
  });

  it("rolls segments over, writes an index per sealed segment, and readers agree with or without it", () => {
    const d = dir();
    const w = LogWriter.create(
      d,
      { streams: STREAMS, sinks: TEST_SINKS },
      { blockSize: 1024, segmentSize: 16 * 1024, fsync: "never" },
    );
    for (let i = 0; i < 3000; i++) w.append(recordAt(i));
    w.close();
    const files = readdirSync(d).sort();
    const segs = files.filter((f) => f.endsWith(".hsl"));
    expect(segs.length).toBeGreaterThan(3);
    expect(files.filter((f) => f.endsWith(".hsi")).length).toBe(segs.length);
    for (const s of segs) expect(statSync(join(d, s)).size).toBeLessThanOrEqual(16 * 1024);
    const r = LogReader.open(d);
    expect(r.endSeq).toBe(3000);
    const all = [...r.records()];
    expect(all.map((x) => x.seq)).toEqual(Array.from({ length: 3000 }, (_, i) => i));
    expect(all.map(strip)).toEqual(Array.from({ length: 3000 }, (_, i) => norm(recordAt(i))));
    r.close();
  });

  it("filters by stream, type and time", () => {
    const d = dir();
    const w = LogWriter.create(
      d,
      { streams: STREAMS, sinks: TEST_SINKS },
      { blockSize: 512, fsync: "never" },
    );
    for (let i = 0; i < 500; i++) w.append(recordAt(i));
    w.close();
    const r = LogReader.open(d);
    const q = [...r.records({ streams: [1], types: ["input"] })];
    expect(q.length).toBeGreaterThan(100);
    expect(q.every((x) => x.type === "input" && x.stream === 1)).toBe(true);
    const dec = [...r.records({ types: ["decision"] })];
    expect(dec.every((x) => x.type === "decision")).toBe(true);
    expect(dec.length).toBe(Array.from({ length: 500 }, (_, i) => i).filter((i) => i % 7 === 3).length);
    const from = T0 + 100n * 1_000_000n;
    const to = T0 + 199n * 1_000_000n;
    const ranged = [...r.records({ fromTime: from, toTime: to })];
    expect(ranged.map((x) => x.seq)).toEqual(Array.from({ length: 100 }, (_, i) => 100 + i));
    r.close();
  });

  it("reopens for append and continues the sequence", () => {
    const d = dir();
    const w = LogWriter.create(
      d,
      { streams: STREAMS, sinks: TEST_SINKS },
      { blockSize: 1024, segmentSize: 8192, fsync: "never" },
    );
    for (let i = 0; i < 400; i++) w.append(recordAt(i));
    w.close();
    // Closed: every segment's index describes it, the last one's too.
    const closed = LogReader.open(d);
    expect(closed.segments.length).toBeGreaterThan(1);
    expect(closed.segments.every((s) => s.indexed)).toBe(true);
    closed.close();
    const { writer, recovery } = LogWriter.openAppend(d);
    expect(recovery.nextSeq).toBe(400);
    expect(recovery.truncated).toBeUndefined();
    for (let i = 400; i < 450; i++) expect(writer.append(recordAt(i))).toBe(i);
    writer.flush();
    // While it is written to, the last segment has grown past its index: it is walked, and
    // every record written so far is there.
    const live = LogReader.open(d);
    expect(live.segments.at(-1)!.indexed).toBe(false);
    expect([...live.records()].length).toBe(450);
    live.close();
    for (let i = 450; i < 900; i++) expect(writer.append(recordAt(i))).toBe(i);
    writer.close();
    const r = LogReader.open(d);
    expect(r.segments.every((s) => s.indexed)).toBe(true);
    expect([...r.records()].map(strip)).toEqual(Array.from({ length: 900 }, (_, i) => norm(recordAt(i))));
    r.close();
  });

  it("refuses to create over an existing recording", () => {
    const d = dir();
    LogWriter.create(d, { streams: STREAMS, sinks: TEST_SINKS }).close();
    expect(() => LogWriter.create(d, { streams: STREAMS, sinks: TEST_SINKS })).toThrow(
      expect.objectContaining({ code: "ALREADY_EXISTS", exitCode: 2 }),
    );
  });

  it("stores incompressible blocks uncompressed (codec 0) and still reads them", () => {
    const d = dir();
    const w = LogWriter.create(
      d,
      { streams: STREAMS, sinks: TEST_SINKS },
      { blockSize: 4096, fsync: "never" },
    );
    for (let i = 0; i < 50; i++) {
      const payload = new Uint8Array(randomBytes(5000));
      w.append({ type: "input", timeNs: T0, stream: 0, streamSeq: i, key: new Uint8Array(0), payload });
    }
    w.close();
    const r = LogReader.open(d);
    const codecs = Array.from({ length: r.blockCount }, (_, i) => r.blockInfo(i).codec);
    expect(codecs).toContain(0);
    expect([...r.records()].length).toBe(50);
    r.close();
    // The manifest is plain proto3 JSON with the format version.
    const m = JSON.parse(readFileSync(join(d, "manifest.json"), "utf8"));
    expect(m.formatVersion).toBe(1);
    expect(m.kind).toBe("hindsight.recording");
  });

  it("writes a block after flushIntervalMs even when it is not full (time bound)", async () => {
    const d = dir();
    const w = LogWriter.create(
      d,
      { streams: STREAMS, sinks: TEST_SINKS },
      { blockSize: 1 << 20, flushIntervalMs: 20, fsync: "never" },
    );
    w.append(recordAt(0));
    w.append(recordAt(1));
    const before = LogReader.open(d);
    expect(before.endSeq).toBe(0);
    before.close();
    await new Promise((r) => setTimeout(r, 120));
    const after = LogReader.open(d);
    expect(after.endSeq).toBe(2);
    expect(after.tornTail).toBeUndefined();
    after.close();
    w.close();
  });

  it("a record that fails to encode leaves the block well-formed", () => {
    const d = dir();
    const w = LogWriter.create(d, { streams: STREAMS, sinks: TEST_SINKS }, { fsync: "never" });
    w.append(recordAt(0));
    // A decision whose index is not an unsigned integer fails after some of it was encoded.
    expect(() => w.append({ ...rec.decision({ kind: 1, eventSeq: 0, name: "x" }), index: -1 })).toThrow(
      expect.objectContaining({ code: "BAD_INPUT" }),
    );
    w.append(recordAt(1));
    w.close();
    const r = LogReader.open(d);
    expect([...r.records()].map(strip)).toEqual([norm(recordAt(0)), norm(recordAt(1))]);
    r.close();
  });

  it("refuses inputs and outputs naming a stream or sink the manifest does not list, and goes on", () => {
    const d = dir();
    const w = LogWriter.create(d, { streams: STREAMS, sinks: [TEST_SINKS[0]!] }, { fsync: "never" });
    w.append(recordAt(0));
    const refused = (what: RegExp) =>
      expect.objectContaining({ code: "BAD_INPUT", message: expect.stringMatching(what) });
    expect(() => w.append(rec.input({ stream: 2, payload: new Uint8Array([1]) }))).toThrow(
      refused(/^input names stream #2, but the recording's manifest lists 2 stream\(s\)$/),
    );
    expect(() => w.appendInput(T0, 7, 0, new Uint8Array(0), new Uint8Array([1]))).toThrow(
      refused(/stream #7/),
    );
    expect(() => w.append(rec.output({ sink: 1, eventSeq: 0, digest: new Uint8Array(32) }))).toThrow(
      refused(/^output names sink #1, but the recording's manifest lists 1 sink\(s\)$/),
    );
    expect(() => w.appendOutput(T0, 3, 0, 0, 0, new Uint8Array([1]), false)).toThrow(refused(/sink #3/));
    expect(w.appendInput(T0, 1, 0, new Uint8Array(0), new Uint8Array([1]))).toBe(1);
    w.close();
    const r = LogReader.open(d);
    expect([...r.records()].map((x) => x.type)).toEqual([recordAt(0).type, "input"]);
    r.close();
  });
});
