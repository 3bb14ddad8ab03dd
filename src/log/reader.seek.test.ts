import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LogReader } from "./reader.js";
import { recordAt, T0, TEST_SINKS, TEST_STREAMS, tempDir } from "./test-helpers.js";
import { LogWriter } from "./writer.js";

const root = tempDir();
const dir = join(root.dir, "rec");
const N = 5000;
const MS = 1_000_000n;
let r: LogReader;
let boundaries: number[];

beforeAll(() => {
  const w = LogWriter.create(
    dir,
    { streams: TEST_STREAMS, sinks: TEST_SINKS },
    { blockSize: 2048, segmentSize: 64 * 1024, fsync: "never" },
  );
  for (let i = 0; i < N; i++) w.append(recordAt(i));
  w.close();
  r = LogReader.open(dir);
  boundaries = Array.from({ length: r.blockCount }, (_, i) => r.blockInfo(i).firstSeq);
});
afterAll(() => {
  r.close();
  root.cleanup();
});

describe("seek", () => {
  it("has many blocks over several segments", () => {
    expect(r.blockCount).toBeGreaterThan(50);
    expect(r.segments.length).toBeGreaterThan(2);
  });

  it("by sequence: the first and last record of every block", () => {
    for (const b of boundaries) {
      for (const s of [b - 1, b, b + 1]) {
        if (s < 0 || s >= N) continue;
        expect(r.get(s).seq).toBe(s);
        expect(r.get(s).timeNs).toBe(T0 + BigInt(s) * MS);
        const [first] = r.records({ fromSeq: s, toSeq: s });
        expect(first?.seq).toBe(s);
      }
    }
  });

  it("by sequence: a scan from any block boundary starts exactly there", () => {
    for (const b of boundaries.slice(0, 20)) {
      const got = [...r.records({ fromSeq: b, toSeq: b + 2 })].map((x) => x.seq);
      expect(got).toEqual([b, b + 1, b + 2].filter((s) => s < N));
    }
  });

  it("recordBlocks yields what records() yields, a block at a time, for any range", () => {
    const seqs = (blocks: Iterable<readonly { seq: number }[]>) => [...blocks].flat().map((x) => x.seq);
    const ranges: { fromSeq?: number; toSeq?: number }[] = [
      {},
      { fromSeq: 0 },
      { toSeq: N - 1 },
      { fromSeq: N + 10 },
    ];
    for (const b of boundaries.slice(1, 12))
      ranges.push(
        { fromSeq: b },
        { fromSeq: b + 1 },
        { fromSeq: b - 1, toSeq: b },
        { toSeq: b - 1 },
        { fromSeq: 7, toSeq: b + 3 },
      );
    for (const f of ranges)
      expect(seqs(r.recordBlocks(f)), JSON.stringify(f)).toEqual([...r.records(f)].map((x) => x.seq));
    // One array per block, none empty; byte views of an earlier block still read right later.
    const arrays = [...r.recordBlocks({ fromSeq: boundaries[3]! + 1 })];
    expect(arrays.length).toBe(r.blockCount - 3);
    expect(arrays.every((a) => a.length > 0)).toBe(true);
    const firstAgain = [...r.records({ fromSeq: boundaries[3]! + 1, toSeq: boundaries[3]! + 1 })][0]!;
    expect(arrays[0]![0]).toEqual(firstAgain);
  });

  it("by sequence: out of range is a clear NOT_FOUND", () => {
    expect(() => r.get(N)).toThrow(expect.objectContaining({ code: "NOT_FOUND" }));
    expect(() => r.get(-1)).toThrow(expect.objectContaining({ code: "NOT_FOUND" }));
    expect([...r.records({ fromSeq: N + 10 })]).toEqual([]);
  });

  it("by time: exact times, times between records, before the first and after the last", () => {
    for (const b of boundaries) {
      expect(r.seqAtTime(T0 + BigInt(b) * MS)).toBe(b);
      if (b > 0) expect(r.seqAtTime(T0 + BigInt(b - 1) * MS + 1n)).toBe(b);
    }
    expect(r.seqAtTime(0n)).toBe(0);
    expect(r.seqAtTime(T0 + BigInt(N) * MS)).toBeUndefined();
    const [x] = r.records({ fromTime: T0 + 1234n * MS + 5n });
    expect(x?.seq).toBe(1235);
  });

  it("seeks after a reader rebuilt the index from block headers (index files removed)", async () => {
    const { rmSync, readdirSync } = await import("node:fs");
    for (const f of readdirSync(dir)) if (f.endsWith(".hsi")) rmSync(join(dir, f));
    const r2 = LogReader.open(dir);
    expect(r2.blockCount).toBe(r.blockCount);
    for (const b of boundaries) expect(r2.get(b).seq).toBe(b);
    r2.close();
  });
});
