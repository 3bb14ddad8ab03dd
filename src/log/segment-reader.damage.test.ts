/**
 * A torn tail is an interrupted append: every proper prefix of a valid segment must read as
 * a prefix of its records plus a truncation report. Corruption is never data: every single
 * bit flip in a segment must end the read with a corruption error, after only records that
 * are exactly the originals.
 */

import { spawnSync } from "node:child_process";
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HindsightError } from "../errors.js";
import { encodeBlockHeader, parseBlockHeader } from "../format/block-header.js";
import { BLOCK_HEADER_SIZE, SEGMENT_HEADER_SIZE } from "../format/constants.js";
import { MarkerKind, rec as rec_, type SeqRecord } from "../format/records.js";
import { fsck } from "./fsck.js";
import { LogReader } from "./reader.js";
import { describeRepair, readRepairs } from "./repairs.js";
import { encodeIndex } from "./segment-files.js";
import { recordAt, T0, TEST_SINKS, TEST_STREAMS, tempDir } from "./test-helpers.js";
import { LogWriter, WRITER_LOCK } from "./writer.js";

const STREAMS = TEST_STREAMS;
let root: { dir: string; cleanup: () => void };
let original: Buffer;
/** The index file the writer wrote when it closed the segment. */
let originalIndex: Buffer;
let originalRecords: string[];
let blockEnds: number[];
const seg = "segment-000001.hsl";

const key = (r: SeqRecord) =>
  JSON.stringify(r, (_k, v) =>
    typeof v === "bigint" ? v.toString() : v instanceof Uint8Array ? Buffer.from(v).toString("hex") : v,
  );

beforeAll(() => {
  root = tempDir();
  const src = join(root.dir, "src");
  const w = LogWriter.create(
    src,
    { streams: STREAMS, sinks: TEST_SINKS },
    { blockSize: 256, fsync: "never", flushIntervalMs: 0 },
  );
  for (let i = 0; i < 14; i++) w.append(recordAt(i));
  w.close();
  original = readFileSync(join(src, seg));
  originalIndex = readFileSync(join(src, "segment-000001.hsi"));
  const r = LogReader.open(src);
  originalRecords = [...r.records()].map(key);
  blockEnds = Array.from({ length: r.blockCount }, (_, i) => {
    const b = r.blockInfo(i);
    return b.offset + BLOCK_HEADER_SIZE + b.storedLength;
  });
  r.close();
  mkdirSync(join(root.dir, "case"));
  copyFileSync(join(src, "manifest.json"), join(root.dir, "case", "manifest.json"));
});
afterAll(() => root.cleanup());

function readAll(
  bytes: Uint8Array,
  withIndex = false,
): { records: string[]; error?: HindsightError; torn: boolean } {
  const d = join(root.dir, "case");
  writeFileSync(join(d, seg), bytes);
  if (withIndex) writeFileSync(join(d, "segment-000001.hsi"), originalIndex);
  else rmSync(join(d, "segment-000001.hsi"), { force: true });
  const records: string[] = [];
  let reader: LogReader | undefined;
  try {
    reader = LogReader.open(d);
    for (const r of reader.records()) records.push(key(r));
    return { records, torn: reader.tornTail !== undefined };
  } catch (e) {
    if (!(e instanceof HindsightError)) throw e;
    return { records, error: e, torn: false };
  } finally {
    reader?.close();
  }
}

describe("torn tails", () => {
  it("the test segment has several blocks", () => {
    expect(blockEnds.length).toBeGreaterThanOrEqual(4);
    expect(blockEnds[blockEnds.length - 1]).toBe(original.length);
  });

  it("every proper prefix reads as a prefix of the records with a truncation report", () => {
    for (let len = 0; len < original.length; len++) {
      const res = readAll(original.subarray(0, len));
      expect(res.error, `prefix ${len}: ${res.error?.message}`).toBeUndefined();
      const whole = blockEnds.filter((e) => e <= len).length;
      const expected = originalRecords.slice(0, blockEnds.slice(0, whole).length ? countUpTo(whole) : 0);
      expect(res.records, `prefix ${len}`).toEqual(expected);
      const atBoundary = len === SEGMENT_HEADER_SIZE || blockEnds.includes(len);
      expect(res.torn, `prefix ${len}`).toBe(!atBoundary);
    }
  });

  it("a zero-filled tail after the last block is torn, not corrupt", () => {
    const res = readAll(Buffer.concat([original, Buffer.alloc(3000)]));
    expect(res.error).toBeUndefined();
    expect(res.torn).toBe(true);
    expect(res.records).toEqual(originalRecords);
  });

  it("fsck reports exactly what a torn tail drops, and --repair truncates it", () => {
    const cut = blockEnds[2]! + 20;
    readAll(original.subarray(0, cut));
    const d = join(root.dir, "case");
    const before = fsck(d);
    expect(before.ok).toBe(false);
    expect(before.tornTail).toMatchObject({
      offset: blockEnds[2],
      droppedBytes: 20,
      lastGoodSeq: countUpTo(3) - 1,
      repaired: false,
    });
    const after = fsck(d, { repair: true });
    expect(after.ok).toBe(true);
    expect(after.tornTail?.repaired).toBe(true);
    expect(readFileSync(join(d, seg)).length).toBe(blockEnds[2]);
    expect(fsck(d).ok).toBe(true);
    expect(fsck(d).tornTail).toBeUndefined();
  });

  it("reopening a torn log for append truncates the tail and reports it", () => {
    readAll(original.subarray(0, blockEnds[1]! + 7));
    const d = join(root.dir, "case");
    const { writer, recovery } = LogWriter.openAppend(d, { fsync: "never" });
    expect(recovery.truncated).toMatchObject({ droppedBytes: 7, lastGoodSeq: countUpTo(2) - 1 });
    expect(recovery.nextSeq).toBe(countUpTo(2));
    writer.append(recordAt(countUpTo(2)));
    writer.close();
    const r = LogReader.open(d);
    expect([...r.records()].map(key)).toEqual(originalRecords.slice(0, countUpTo(2) + 1));
    r.close();
  });
});

describe("a closed segment cut short afterwards", () => {
  // The writer wrote the index when it closed the segment: a segment shorter than its index
  // says lost its end after the fact (a bad copy, a full disk, a truncate), not in a crash.
  it("every proper prefix, with the closed segment's index, reads its whole blocks then fails as cut short", () => {
    for (const len of [
      0,
      20,
      SEGMENT_HEADER_SIZE,
      ...blockEnds.slice(0, -1),
      blockEnds[1]! + 9,
      original.length - 1,
    ]) {
      const res = readAll(original.subarray(0, len), true);
      const whole = blockEnds.filter((e) => e <= len).length;
      expect(res.records, `prefix ${len}`).toEqual(originalRecords.slice(0, countUpTo(whole)));
      expect(res.error?.code, `prefix ${len}`).toBe("CORRUPT_SEGMENT");
      expect(res.error?.message).toContain(`segment is cut short: it holds ${len} bytes`);
      expect(res.error?.message).toContain(`says ${original.length}`);
    }
  });

  it("fsck reports it as cut short, not as a torn tail; --repair keeps the records before the cut", () => {
    const cut = blockEnds[2]! + 20;
    readAll(original.subarray(0, cut), true);
    const d = join(root.dir, "case");
    const before = fsck(d);
    expect(before.ok).toBe(false);
    expect(before.tornTail).toBeUndefined();
    expect(before.corrupt).toEqual([]);
    expect(before.cutShort).toMatchObject({
      size: cut,
      indexedSize: original.length,
      offset: blockEnds[2],
      lastGoodSeq: countUpTo(3) - 1,
      repaired: false,
    });
    expect(before.cutShort?.reason).toContain("cut short");
    const after = fsck(d, { repair: true });
    expect(after.ok).toBe(true);
    expect(after.cutShort?.repaired).toBe(true);
    expect(readFileSync(join(d, seg)).length).toBe(blockEnds[2]);
    // repairs.json tells what was lost after the close apart from the partial block cut here.
    const entry = readRepairs(d).at(-1);
    expect(entry?.cutShort).toEqual({
      segment: seg,
      offset: blockEnds[2],
      lostBytes: original.length - cut,
      truncatedBytes: 20,
      lastGoodSeq: countUpTo(3) - 1,
    });
    expect(describeRepair(entry!)).toContain(
      `it had lost ${original.length - cut} bytes after it was closed, and the repair removed the 20 bytes of the partial block left before them`,
    );
    // What is left reads cleanly: the records before the cut, nothing reported.
    const r = LogReader.open(d);
    expect([...r.records()].map(key)).toEqual(originalRecords.slice(0, countUpTo(3)));
    r.close();
    expect(fsck(d)).toMatchObject({ ok: true, corrupt: [] });
    expect(fsck(d).cutShort).toBeUndefined();
  });

  it("cut inside its header, it is cut short too, and --repair leaves it a fresh header", () => {
    readAll(original.subarray(0, 20), true);
    const d = join(root.dir, "case");
    const before = fsck(d);
    expect(before).toMatchObject({ ok: false, corrupt: [] });
    expect(before.tornTail).toBeUndefined();
    expect(before.cutShort).toMatchObject({
      size: 20,
      indexedSize: original.length,
      offset: 0,
      repaired: false,
    });
    expect(fsck(d, { repair: true }).cutShort?.repaired).toBe(true);
    // Its header is replaced, not a block removed: all it lost, it lost after the close.
    expect(readRepairs(d).at(-1)?.cutShort).toMatchObject({
      lostBytes: original.length - 20,
      truncatedBytes: 0,
    });
    // The segment a writer starts with: a header and no blocks (a segment before it, sealed saying
    // that another followed, stays consistent); its index is gone.
    expect(readFileSync(join(d, seg)).subarray(0, 8).toString()).toBe("HSLOGSEG");
    expect(readFileSync(join(d, seg)).length).toBe(SEGMENT_HEADER_SIZE);
    expect(existsSync(join(d, "segment-000001.hsi"))).toBe(false);
    expect(fsck(d)).toMatchObject({ ok: true, corrupt: [] });
    expect(readAll(readFileSync(join(d, seg))).records).toEqual([]);
  });

  it("with a live writer's lock, an incomplete last block is the one being written: no torn tail, no damage", () => {
    readAll(original.subarray(0, (blockEnds[1] as number) + 10), false);
    const d = join(root.dir, "case");
    writeFileSync(join(d, WRITER_LOCK), JSON.stringify({ pid: process.pid, host: hostname() }));
    try {
      const r = fsck(d);
      expect(r).toMatchObject({ ok: true, beingWritten: { pid: process.pid } });
      expect(r.tornTail).toBeUndefined();
      const reader = LogReader.open(d);
      expect(reader.writer).toEqual({ pid: process.pid });
      reader.close();
    } finally {
      rmSync(join(d, WRITER_LOCK));
    }
    // Its writer gone (no lock), the same bytes are a crash's torn tail.
    expect(fsck(d).tornTail).toMatchObject({ offset: blockEnds[1] });
  });

  it("a closed segment (its index names its size) whose end was zeroed is corrupt, not a torn tail", () => {
    const zeroed = Buffer.from(original);
    zeroed.fill(0, blockEnds.at(-2) as number);
    readAll(zeroed, true);
    const d = join(root.dir, "case");
    const r = fsck(d);
    expect(r.tornTail).toBeUndefined();
    expect(r.corrupt[0]).toMatchObject({
      code: "CORRUPT_SEGMENT",
      offset: blockEnds.at(-2),
      reason: expect.stringMatching(/^closed segment ends in damage \(zero-filled/),
    });
    expect(fsck(d, { repair: true }).tornTail).toBeUndefined();
    expect(readFileSync(join(d, seg)).length).toBe(original.length); // nothing cut
    // Without the index, the same bytes are what a power loss leaves: a torn tail.
    readAll(zeroed, false);
    expect(fsck(d).tornTail).toMatchObject({ offset: blockEnds.at(-2) });
  });

  it("fsck checks the closed last segment's index: a damaged one is reported and rewritten by --repair", () => {
    readAll(original, true);
    const d = join(root.dir, "case");
    const bad = Buffer.from(originalIndex);
    bad[40] = (bad[40] as number) ^ 0xff; // an entry byte: the trailer CRC fails
    writeFileSync(join(d, "segment-000001.hsi"), bad);
    expect(fsck(d).staleIndexes).toEqual([{ file: "segment-000001.hsi", rewritten: false }]);
    expect(fsck(d, { repair: true }).staleIndexes).toEqual([{ file: "segment-000001.hsi", rewritten: true }]);
    expect(readFileSync(join(d, "segment-000001.hsi")).equals(originalIndex)).toBe(true);
    expect(fsck(d)).toMatchObject({ ok: true, staleIndexes: [] });
  });

  it("a segment longer than its index says (appended to since) is read, not reported", () => {
    const d = join(root.dir, "case");
    writeFileSync(join(d, seg), original);
    // The index an earlier close wrote, when the segment ended after its second block.
    const r0 = LogReader.open(join(root.dir, "src"));
    const two = [0, 1].map((i) => {
      const { segment: _s, ...e } = r0.blockInfo(i);
      return e;
    });
    r0.close();
    writeFileSync(join(d, "segment-000001.hsi"), encodeIndex(two, blockEnds[1]!));
    const r = LogReader.open(d);
    expect([...r.records()].map(key)).toEqual(originalRecords);
    expect(r.corruption).toBeUndefined();
    r.close();
    expect(fsck(d).corrupt).toEqual([]);
  });
});

function countUpTo(blocks: number): number {
  const r = LogReader.open(join(root.dir, "src"));
  let n = 0;
  for (let i = 0; i < blocks; i++) n += r.blockInfo(i).recordCount;
  r.close();
  return n;
}

describe("corruption", () => {
  it.each([
    ["walking the block headers", false],
    ["read through the index the writer left at close", true],
  ])(
    "every single-bit flip is detected as corruption, after only original records (%s)",
    (_how, withIndex) => {
      const codes = new Set<string>();
      for (let byte = 0; byte < original.length; byte++) {
        for (let bit = 0; bit < 8; bit++) {
          const b = Buffer.from(original);
          b[byte]! ^= 1 << bit;
          const res = readAll(b, withIndex);
          expect(res.error, `flip byte ${byte} bit ${bit}`).toBeDefined();
          expect(res.error!.exitCode, `flip byte ${byte} bit ${bit}`).toBe(4);
          codes.add(res.error!.code);
          expect(originalRecords.slice(0, res.records.length)).toEqual(res.records);
        }
      }
      expect([...codes].sort()).toEqual(
        expect.arrayContaining(["CORRUPT_BLOCK", "CORRUPT_HEADER", "CORRUPT_SEGMENT"]),
      );
    },
  );

  it("fsck checks the index of a closed last segment, and --repair rewrites a wrong one", () => {
    const d = join(root.dir, "case");
    readAll(original, true);
    expect(fsck(d).staleIndexes).toEqual([]);
    // The right size, a valid checksum, a wrong block offset.
    const entries = LogReader.open(join(root.dir, "src"));
    const list = Array.from({ length: entries.blockCount }, (_, i) => entries.blockInfo(i));
    entries.close();
    list[1] = { ...list[1]!, offset: list[1]!.offset + 1 };
    writeFileSync(join(d, "segment-000001.hsi"), encodeIndex(list, original.length));
    expect(fsck(d).staleIndexes).toEqual([{ file: "segment-000001.hsi", rewritten: false }]);
    expect(fsck(d, { repair: true }).staleIndexes).toEqual([{ file: "segment-000001.hsi", rewritten: true }]);
    expect(readFileSync(join(d, "segment-000001.hsi")).equals(originalIndex)).toBe(true);
    expect(readAll(original, true).records).toEqual(originalRecords);
  });

  it("the corruption error names segment, offset and sequence range", () => {
    const b = Buffer.from(original);
    const target = blockEnds[1]! + BLOCK_HEADER_SIZE + 3; // inside block 2's payload
    b[target]! ^= 0x10;
    const res = readAll(b);
    expect(res.error?.code).toBe("CORRUPT_BLOCK");
    expect(res.error?.where).toContain(seg);
    expect(res.error?.where).toContain(`offset ${blockEnds[1]}`);
    expect(res.error?.where).toMatch(/seq \d+\.\.\d+/);
    expect(res.records).toEqual(originalRecords.slice(0, countUpTo(2)));
    const report = fsck(join(root.dir, "case"));
    expect(report.ok).toBe(false);
    expect(report.corrupt).toHaveLength(1);
    expect(report.corrupt[0]).toMatchObject({ code: "CORRUPT_BLOCK", offset: blockEnds[1] });
  });
});

describe("a segment whose feature bits are not its recording's", () => {
  it("is corrupt for readers and fsck (a segment of another recording)", () => {
    const d = join(root.dir, "other-features");
    mkdirSync(d);
    const m = JSON.parse(readFileSync(join(root.dir, "src", "manifest.json"), "utf8")) as {
      features: string[];
    };
    expect(m.features).toEqual([]);
    writeFileSync(join(d, "manifest.json"), JSON.stringify({ ...m, features: ["blob-records"] }));
    writeFileSync(join(d, seg), original);
    // Reading reaches it at once (it is the first segment) and stops there.
    let err: unknown;
    const r = LogReader.open(d);
    try {
      for (const _ of r.records());
    } catch (e) {
      err = e;
    } finally {
      r.close();
    }
    expect(err).toBeInstanceOf(HindsightError);
    expect((err as HindsightError).code).toBe("CORRUPT_SEGMENT");
    expect((err as HindsightError).message).toMatch(
      /feature bits 0x0 are not the recording's \(manifest features: 0x1\)/,
    );
    const report = fsck(d);
    expect(report.ok).toBe(false);
    expect(report.corrupt[0]).toMatchObject({ code: "CORRUPT_SEGMENT", segment: seg, offset: 0 });
    // Nor is it appended to (which would leave a recording nothing reads).
    expect(() => LogWriter.openAppend(d)).toThrow(
      expect.objectContaining({ code: "CORRUPT_SEGMENT", message: expect.stringMatching(/feature bits/) }),
    );
  });
});

describe("a log naming checkpoint files no writer makes", () => {
  it("fsck and readers never open, hash or remove anything but checkpoints/ckpt-N.state files in the recording", () => {
    const t = tempDir();
    try {
      const victim = join(t.dir, "victim.txt");
      writeFileSync(victim, "not the recording's");
      const rec = join(t.dir, "rec");
      const w = LogWriter.create(
        rec,
        { streams: [{ name: "a", codec: "json", source: "" }] },
        { fsync: "never" },
      );
      const locations = [
        "../victim.txt",
        "/etc/hostname",
        "checkpoints/../../victim.txt",
        "checkpoints/ckpt-000000000009.state",
      ];
      for (const [i, location] of locations.entries())
        w.append({
          type: "checkpoint",
          timeNs: 1n,
          eventSeq: i,
          stateDigest: new Uint8Array(32),
          location,
          eventsHandled: i,
        });
      w.close();
      // The one well-named file is a directory: not a regular file, not read.
      mkdirSync(join(rec, "checkpoints", "ckpt-000000000009.state"), { recursive: true });
      const r = fsck(rec, { repair: true });
      expect(r.ok).toBe(false);
      expect(r.checkpoints.damaged.map((d) => [d.file, d.reason, d.removed])).toEqual([
        ["../victim.txt", '"../victim.txt" is not a checkpoint file name', false],
        ["/etc/hostname", '"/etc/hostname" is not a checkpoint file name', false],
        [
          "checkpoints/../../victim.txt",
          '"checkpoints/../../victim.txt" is not a checkpoint file name',
          false,
        ],
        ["checkpoints/ckpt-000000000009.state", "it is not a regular file", false],
      ]);
      expect(readFileSync(victim, "utf8")).toBe("not the recording's");
      const reader = LogReader.open(rec);
      expect(() => reader.readSideFile("../victim.txt")).toThrow(
        expect.objectContaining({ code: "CORRUPT_RECORD" }),
      );
      reader.close();
    } finally {
      t.cleanup();
    }
  });
});

describe("a recording that lost its last segments after it was closed", () => {
  it("is corrupt for readers, fsck and appends: the last segment left was sealed with another after it", () => {
    const t = tempDir();
    try {
      const rec = segmentedLog(join(t.dir, "rec"), 400, 4096);
      const whole = LogReader.open(rec);
      const segments = whole.segments.length;
      whole.close();
      expect(segments).toBeGreaterThan(2);
      expect(fsck(rec).ok).toBe(true);
      // The last segment and its index gone, as an incomplete copy leaves it.
      const last = String(segments).padStart(6, "0");
      rmSync(join(rec, `segment-${last}.hsl`));
      rmSync(join(rec, `segment-${last}.hsi`));
      const r = LogReader.open(rec);
      expect(r.corruption?.reason).toMatch(
        /whose index says another segment followed it: its later segments are missing/,
      );
      expect(() => [...r.records()]).toThrow(expect.objectContaining({ code: "CORRUPT_SEGMENT" }));
      r.close();
      const f = fsck(rec);
      expect(f.ok).toBe(false);
      expect(f.corrupt.map((c) => c.reason)).toContainEqual(
        expect.stringMatching(/its later segments are missing/),
      );
      expect(() => LogWriter.openAppend(rec)).toThrow(/cannot append: the recording ends at segment-/);
    } finally {
      t.cleanup();
    }
  });
});

describe("one writer at a time", () => {
  it("openAppend refuses a recording another live writer has open, and takes over a lock a dead one left", () => {
    const t = tempDir();
    try {
      const rec = join(t.dir, "rec");
      const a = LogWriter.create(rec, { streams: TEST_STREAMS, sinks: TEST_SINKS }, { fsync: "never" });
      for (let i = 0; i < 10; i++) a.append(recordAt(i));
      a.flush();
      // The second writer would have written its blocks over the first's.
      expect(() => LogWriter.openAppend(rec)).toThrow(
        expect.objectContaining({
          code: "BUSY",
          message: `another writer has the recording open (pid ${process.pid})`,
        }),
      );
      a.close();
      expect(existsSync(join(rec, WRITER_LOCK))).toBe(false);
      const b = LogWriter.openAppend(rec).writer;
      b.append(recordAt(10));
      b.close();
      // A lock left by a process that is gone (a crash) is taken over.
      const gone = spawnSync(process.execPath, ["-e", ""]).pid as number;
      writeFileSync(join(rec, WRITER_LOCK), JSON.stringify({ pid: gone, host: hostname() }));
      const c = LogWriter.openAppend(rec).writer;
      expect(c.nextSeq).toBe(11);
      c.close();
      expect(existsSync(join(rec, WRITER_LOCK))).toBe(false);
    } finally {
      t.cleanup();
    }
  });
});

describe("fsck across segments", () => {
  it("lists damage in later segments after a segment whose later blocks are out of reach", () => {
    const t = tempDir();
    try {
      const rec = segmentedLog(join(t.dir, "rec"), 1000, 8192);
      const r = LogReader.open(rec);
      const blocks = Array.from({ length: r.blockCount }, (_, i) => r.blockInfo(i));
      r.close();
      const bySegment = (n: number) => blocks.filter((b) => b.segment === `segment-00000${n}.hsl`);
      expect(new Set(blocks.map((b) => b.segment)).size).toBeGreaterThanOrEqual(4);
      // Segment 1: the second block's header (the blocks after it cannot be found).
      const s1 = join(rec, "segment-000001.hsl");
      const b1 = readFileSync(s1);
      const at1 = (bySegment(1)[1] as { offset: number }).offset;
      b1[at1] = (b1[at1] as number) ^ 0xff;
      writeFileSync(s1, b1);
      // Segment 3: a payload byte of its first block (the header, and the blocks after, intact).
      const s3 = join(rec, "segment-000003.hsl");
      const b3 = readFileSync(s3);
      const first3 = bySegment(3)[0] as { offset: number; firstSeq: number; recordCount: number };
      const at3 = first3.offset + BLOCK_HEADER_SIZE + 3;
      b3[at3] = (b3[at3] as number) ^ 0xff;
      writeFileSync(s3, b3);
      const report = fsck(rec);
      expect(report.ok).toBe(false);
      expect(report.corrupt.map((c) => [c.segment, c.code])).toEqual([
        ["segment-000001.hsl", "CORRUPT_HEADER"],
        ["segment-000003.hsl", "CORRUPT_BLOCK"],
      ]);
      expect(report.corrupt[1]).toMatchObject({
        seqRange: [first3.firstSeq, first3.firstSeq + first3.recordCount - 1],
      });
      // With corruption found, --repair changes nothing, not even a torn last segment after it.
      const lastSeg = `segment-${String(new Set(blocks.map((b) => b.segment)).size).padStart(6, "0")}`;
      writeFileSync(join(rec, `${lastSeg}.hsl`), readFileSync(join(rec, `${lastSeg}.hsl`)).subarray(0, 10));
      rmSync(join(rec, `${lastSeg}.hsi`));
      expect(fsck(rec, { repair: true }).tornTail).toMatchObject({ repaired: false });
      expect(readFileSync(join(rec, `${lastSeg}.hsl`)).length).toBe(10);
      // Segments 2 and 4 are read whole, from their own first sequence numbers.
      const s2 = report.segments.find((s) => s.file === "segment-000002.hsl");
      expect(s2).toMatchObject({ firstSeq: (bySegment(2)[0] as { firstSeq: number }).firstSeq });
      expect(s2?.blocks).toBe(bySegment(2).length);
    } finally {
      t.cleanup();
    }
  });
});

/** A closed test log of `n` records (recordAt) in 256-byte blocks and segments of `segmentSize`. */
function segmentedLog(dir: string, n: number, segmentSize: number): string {
  const w = LogWriter.create(
    dir,
    { streams: TEST_STREAMS, sinks: TEST_SINKS },
    { blockSize: 256, segmentSize, fsync: "never", flushIntervalMs: 0 },
  );
  for (let i = 0; i < n; i++) w.append(recordAt(i));
  w.close();
  return dir;
}

describe("repairs and files that are not regular files", () => {
  it("a crash just after a new segment was started is repaired into a recording that reads", () => {
    const t = tempDir();
    try {
      const rec = segmentedLog(join(t.dir, "rec"), 1000, 8192);
      const r0 = LogReader.open(rec);
      const n = r0.segments.length;
      let inEarlier = 0;
      for (let i = 0; i < r0.blockCount; i++) {
        const b = r0.blockInfo(i);
        if (b.segment !== `segment-${String(n).padStart(6, "0")}.hsl`) inEarlier += b.recordCount;
      }
      r0.close();
      // The last segment as a crash right after the writer created it leaves it: empty, no index.
      const last = `segment-${String(n).padStart(6, "0")}`;
      writeFileSync(join(rec, `${last}.hsl`), "");
      rmSync(join(rec, `${last}.hsi`), { force: true });
      expect(fsck(rec).tornTail).toMatchObject({ segment: `${last}.hsl`, reason: "partial segment header" });
      expect(fsck(rec, { repair: true }).tornTail?.repaired).toBe(true);
      expect(fsck(rec)).toMatchObject({ ok: true, corrupt: [] });
      const r = LogReader.open(rec);
      expect([...r.records()].length).toBe(inEarlier);
      r.close();
    } finally {
      t.cleanup();
    }
  });

  it("fsck notes a recording that holds no records (its writer wrote no block)", () => {
    const t = tempDir();
    try {
      const dir = join(t.dir, "empty");
      LogWriter.create(dir, { streams: STREAMS, sinks: TEST_SINKS }, { fsync: "never" }).close();
      expect(fsck(dir)).toMatchObject({ ok: true, records: 0, empty: true });
      expect(fsck(join(root.dir, "src")).empty).toBeUndefined();
    } finally {
      t.cleanup();
    }
  });

  it("a closed recording whose segment files are all gone is corrupt; one a writer still holds is not", () => {
    const t = tempDir();
    try {
      const rec = segmentedLog(join(t.dir, "rec"), 50, 8192);
      for (const f of readdirSync(rec)) if (f.startsWith("segment-")) rmSync(join(rec, f));
      const why = /^the recording has no segment files, though no writer holds it/;
      expect(() => LogReader.open(rec)).toThrow(
        expect.objectContaining({ code: "CORRUPT_SEGMENT", message: expect.stringMatching(why) }),
      );
      expect(() => fsck(rec)).toThrow(why);
      // Being written (or cut by a crash before its first block): its writer's lock is there.
      writeFileSync(join(rec, WRITER_LOCK), JSON.stringify({ pid: process.pid, host: hostname() }));
      const r = LogReader.open(rec);
      expect([...r.records()]).toEqual([]);
      r.close();
      // Checkpoint files come after blocks: with them, segments were lost whatever the lock says.
      mkdirSync(join(rec, "checkpoints"));
      writeFileSync(join(rec, "checkpoints", "ckpt-000000000007.state"), "{}");
      expect(() => LogReader.open(rec)).toThrow(/has checkpoint files but no segment files/);
      rmSync(join(rec, "checkpoints"), { recursive: true });
      // So do index files (a segment's is written once it holds blocks), for fsck and its repair too.
      const again = segmentedLog(join(t.dir, "rec2"), 50, 8192);
      for (const f of readdirSync(again)) if (f.endsWith(".hsl")) rmSync(join(again, f));
      writeFileSync(join(again, WRITER_LOCK), JSON.stringify({ pid: 2 ** 22 + 7, host: hostname() }));
      const lost =
        /^the recording has (an index file|\d+ index files) \(segment-000001\.hsi[^)]*\) but no segment files/;
      expect(() => LogReader.open(again)).toThrow(lost);
      expect(() => fsck(again)).toThrow(lost);
      expect(() => fsck(again, { repair: true })).toThrow(lost);
      expect(existsSync(join(again, "segment-000001.hsl"))).toBe(false);
    } finally {
      t.cleanup();
    }
  });

  it("fsck notes a run with no STOP marker after it", () => {
    const t = tempDir();
    try {
      const rec = join(t.dir, "rec");
      const w = LogWriter.create(rec, { streams: TEST_STREAMS, sinks: TEST_SINKS }, { fsync: "never" });
      w.append(rec_.marker({ kind: MarkerKind.start, timeNs: T0 }));
      for (let i = 1; i < 20; i++) w.append(recordAt(i));
      w.close();
      expect(fsck(rec)).toMatchObject({ ok: true, unfinishedRun: { startSeq: 0, lastSeq: 19 } });
      const a = LogWriter.openAppend(rec, { fsync: "never" }).writer;
      a.append(rec_.marker({ kind: MarkerKind.stop, timeNs: T0, status: "ok" }));
      a.close();
      expect(fsck(rec).unfinishedRun).toBeUndefined();
    } finally {
      t.cleanup();
    }
  });

  it("--repair of a recording cut by a crash before its first block gives it segment 1; without the crashed writer's lock it is corrupt", () => {
    const t = tempDir();
    try {
      const rec = segmentedLog(join(t.dir, "rec"), 50, 8192);
      for (const f of readdirSync(rec)) if (f.startsWith("segment-")) rmSync(join(rec, f));
      expect(() => fsck(rec, { repair: true })).toThrow(/no segment files, though no writer holds it/);
      // The lock a crashed writer left (its process is gone): taken over, then released.
      const dead = spawnSync(process.execPath, ["-e", ""]).pid as number;
      writeFileSync(join(rec, WRITER_LOCK), JSON.stringify({ pid: dead, host: hostname() }));
      expect(fsck(rec, { repair: true })).toMatchObject({ ok: true, records: 0 });
      expect(existsSync(join(rec, WRITER_LOCK))).toBe(false);
      expect(fsck(rec)).toMatchObject({ ok: true, records: 0 });
      const r = LogReader.open(rec);
      expect([...r.records()]).toEqual([]);
      r.close();
    } finally {
      t.cleanup();
    }
  });

  it("--repair waits for no writer: BUSY while a live one holds the lock", () => {
    const t = tempDir();
    try {
      const rec = segmentedLog(join(t.dir, "rec"), 50, 8192);
      writeFileSync(join(rec, WRITER_LOCK), JSON.stringify({ pid: process.pid, host: hostname() }));
      expect(() => fsck(rec, { repair: true })).toThrow(expect.objectContaining({ code: "BUSY" }));
      expect(fsck(rec).ok).toBe(true); // checking alone changes nothing: no lock needed
      rmSync(join(rec, WRITER_LOCK));
      expect(fsck(rec, { repair: true }).ok).toBe(true);
      expect(existsSync(join(rec, WRITER_LOCK))).toBe(false);
    } finally {
      t.cleanup();
    }
  });

  it("a segment, index, manifest or repairs.json that is a directory or a FIFO is reported, never read or waited on", () => {
    const t = tempDir();
    try {
      const make = (name: string) => {
        const d = join(t.dir, name);
        cpSync(segmentedLog(join(t.dir, "src"), 300, 8192), d, { recursive: true });
        rmSync(join(t.dir, "src"), { recursive: true });
        return d;
      };
      const fifo = (p: string) => {
        rmSync(p, { force: true });
        expect(spawnSync("mkfifo", [p]).status).toBe(0);
      };
      const seg2 = make("seg-dir");
      rmSync(join(seg2, "segment-000002.hsl"));
      mkdirSync(join(seg2, "segment-000002.hsl"));
      for (const f of [() => LogReader.open(seg2), () => fsck(seg2)])
        expect(f).toThrow(
          expect.objectContaining({
            code: "CORRUPT_SEGMENT",
            message: "segment-000002.hsl: it is not a regular file (a directory)",
          }),
        );
      const segFifo = make("seg-fifo");
      fifo(join(segFifo, "segment-000002.hsl"));
      expect(() => fsck(segFifo)).toThrow(/segment-000002\.hsl: it is not a regular file \(a FIFO\)/);
      // An index that is a FIFO or a directory: ignored when read, reported by fsck, left alone by --repair.
      const idx = make("idx");
      fifo(join(idx, "segment-000001.hsi"));
      const r = LogReader.open(idx);
      expect([...r.records()].length).toBe(300);
      r.close();
      expect(fsck(idx).staleIndexes).toEqual([
        { file: "segment-000001.hsi", rewritten: false, problem: "it is not a regular file (a FIFO)" },
      ]);
      const idxDir = make("idx-dir");
      rmSync(join(idxDir, "segment-000001.hsi"));
      mkdirSync(join(idxDir, "segment-000001.hsi"));
      expect(fsck(idxDir, { repair: true }).staleIndexes[0]).toMatchObject({ rewritten: false });
      const man = make("manifest");
      fifo(join(man, "manifest.json"));
      expect(() => LogReader.open(man)).toThrow(
        expect.objectContaining({
          code: "CORRUPT_MANIFEST",
          message: "manifest.json: it is not a regular file (a FIFO)",
        }),
      );
      const rep = make("repairs");
      fifo(join(rep, "repairs.json"));
      expect(readRepairs(rep)).toEqual([]);
      // Entries not as fsck writes them are left out (a describer would fail on them).
      rmSync(join(rep, "repairs.json"));
      const good = {
        at: "2026-12-02T00:00:00Z",
        checkpointsRemoved: ["checkpoints/ckpt-000000000001.state"],
      };
      writeFileSync(
        join(rep, "repairs.json"),
        JSON.stringify([
          good,
          { at: "x", checkpointsRemoved: "all" },
          { at: "y", tornTail: { offset: "1" } },
          7,
        ]),
      );
      expect(readRepairs(rep)).toEqual([good]);
    } finally {
      t.cleanup();
    }
  });
});

describe("found by a review of the log's guarantees", () => {
  it("a block header with a flag this build does not know (its checksum valid) is refused by readers, index or not", () => {
    const b = Buffer.from(original);
    const at = blockEnds[1]!; // block 3's header
    const p = parseBlockHeader(b.subarray(at, at + BLOCK_HEADER_SIZE));
    if (!p.ok) throw new Error("test segment: block 3 header");
    b.set(encodeBlockHeader({ ...p.header, flags: 1 }), at);
    for (const withIndex of [true, false]) {
      const res = readAll(b, withIndex);
      expect(res.error?.code, `index: ${withIndex}`).toBe("UNKNOWN_FEATURE");
      expect(res.records).toEqual(originalRecords.slice(0, countUpTo(2)));
    }
  });

  it("bytes added after a closed segment: --repair cuts them and keeps its index, so a later cut still shows", () => {
    readAll(Buffer.concat([original, Buffer.alloc(40, 0x5a)]), true);
    const d = join(root.dir, "case");
    const repaired = fsck(d, { repair: true });
    expect(repaired.tornTail).toMatchObject({ offset: original.length, droppedBytes: 40, repaired: true });
    expect(readFileSync(join(d, "segment-000001.hsi")).equals(originalIndex)).toBe(true);
    // Cut at a block boundary later: the index still says the segment was longer.
    writeFileSync(join(d, seg), original.subarray(0, blockEnds[2]));
    const after = fsck(d);
    expect(after.ok).toBe(false);
    expect(after.cutShort).toBeDefined();
  });

  it("a zero run in the last block's payload is a torn tail only when 64 zero bytes follow a 4 KiB boundary", () => {
    const d = join(root.dir, "zero-run");
    const w = LogWriter.create(
      d,
      { streams: STREAMS, sinks: TEST_SINKS },
      { blockSize: 256, fsync: "never", flushIntervalMs: 0 },
    );
    for (let i = 0; i < 200; i++) w.append(recordAt(i));
    w.close();
    const r = LogReader.open(d);
    const ends = Array.from({ length: r.blockCount }, (_, i) => {
      const x = r.blockInfo(i);
      return x.offset + BLOCK_HEADER_SIZE + x.storedLength;
    });
    r.close();
    // A block ending less than 64 bytes past a 4 KiB boundary, and one ending well past one; each
    // zeroed from 60 bytes before that boundary (or its payload's start) to its end.
    const pick = (lo: number, hi: number) => {
      for (let i = 1; i < ends.length; i++) {
        const e = ends[i]!;
        const b = Math.floor((e - 1) / 4096) * 4096;
        const from = Math.max(b - 60, ends[i - 1]! + BLOCK_HEADER_SIZE);
        if (b > 0 && e - b > lo && e - b < hi && from < b) return { end: e, from };
      }
      throw new Error(`test log: block ends ${ends.join(",")}`);
    };
    const short = pick(0, 64);
    const long = pick(96, 250);
    const whole = readFileSync(join(d, seg));
    rmSync(join(d, "segment-000001.hsi"));
    const zeroed = (c: { end: number; from: number }) => {
      const b = Buffer.from(whole.subarray(0, c.end));
      b.fill(0, c.from, c.end);
      writeFileSync(join(d, seg), b);
      return fsck(d);
    };
    // Under 64 zero bytes after the boundary: the block is damaged, not torn.
    const s = zeroed(short);
    expect(s.tornTail).toBeUndefined();
    expect(s.corrupt.map((c) => c.code)).toEqual(["CORRUPT_BLOCK"]);
    const l = zeroed(long);
    expect(l.tornTail?.reason).toBe("zero-filled block payload");
    expect(l.corrupt).toEqual([]);
  });

  it("fsck refuses, as replay does, a record naming a stream the manifest does not list", () => {
    const d = join(root.dir, "fewer-streams");
    cpSync(join(root.dir, "src"), d, { recursive: true });
    const m = JSON.parse(readFileSync(join(d, "manifest.json"), "utf8")) as { streams: unknown[] };
    writeFileSync(join(d, "manifest.json"), JSON.stringify({ ...m, streams: m.streams.slice(0, 1) }));
    const report = fsck(d);
    expect(report.ok).toBe(false);
    expect(report.corrupt[0]).toMatchObject({ code: "CORRUPT_RECORD", offset: SEGMENT_HEADER_SIZE });
    expect(report.corrupt[0]?.reason).toMatch(
      /^input at seq \d+ names stream #1, which the manifest does not list$/,
    );
  });

  it("a repairs.json that cannot be read is said by fsck, and kept aside by the next repair", () => {
    readAll(Buffer.concat([original.subarray(0, blockEnds[2]! + 20)]));
    const d = join(root.dir, "case");
    writeFileSync(join(d, "repairs.json"), '[{"at":"2026-1');
    const before = fsck(d);
    expect(before.repairsUnreadable).toMatch(/^it is not JSON/);
    const after = fsck(d, { repair: true });
    expect(after.tornTail?.repaired).toBe(true);
    const aside = readdirSync(d).filter((f) => f.startsWith("repairs.json.unreadable-"));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(d, aside[0]!), "utf8")).toBe('[{"at":"2026-1');
    expect(readRepairs(d)).toHaveLength(1);
    expect(fsck(d).repairsUnreadable).toBeUndefined();
    rmSync(join(d, aside[0]!));
    rmSync(join(d, "repairs.json"));
  });

  it("a segment of another recording, alike in every other way, is refused by its recording tag", () => {
    const make = (name: string) => {
      const d = join(root.dir, name);
      const w = LogWriter.create(
        d,
        { streams: STREAMS, sinks: TEST_SINKS },
        { blockSize: 256, fsync: "never", flushIntervalMs: 0 },
      );
      for (let i = 0; i < 14; i++) w.append(recordAt(i));
      w.close();
      return d;
    };
    const a = make("tag-a");
    const b = make("tag-b");
    for (const f of [seg, "segment-000001.hsi"]) copyFileSync(join(b, f), join(a, f));
    const other =
      /^segment of another recording: its header's recording tag 0x[0-9a-f]+ is not this recording's/;
    const ra = LogReader.open(a);
    expect(ra.corruption).toMatchObject({ code: "CORRUPT_SEGMENT", segment: seg, offset: 0 });
    expect(ra.corruption?.reason).toMatch(other);
    expect(() => [...ra.records()]).toThrow(expect.objectContaining({ code: "CORRUPT_SEGMENT" }));
    ra.close();
    const report = fsck(a);
    expect(report.corrupt[0]).toMatchObject({ code: "CORRUPT_SEGMENT", segment: seg });
    expect(report.corrupt[0]?.reason).toMatch(other);
    // Its own segment reads.
    const r = LogReader.open(b);
    expect([...r.records()].map(key)).toEqual(originalRecords);
    r.close();
  });

  it("a damaged segment header leaves the records of the segments before it readable", () => {
    const t = tempDir();
    try {
      const d = segmentedLog(join(t.dir, "rec"), 400, 4096);
      const r0 = LogReader.open(d);
      const all = [...r0.records()].map(key);
      const inFirst = r0.segments[0]!.blocks;
      expect(r0.segments.length).toBeGreaterThan(2);
      r0.close();
      const path = join(d, "segment-000002.hsl");
      const b = readFileSync(path);
      b[20]! ^= 0x01; // in the segment number: the header's checksum no longer holds
      writeFileSync(path, b);
      const r = LogReader.open(d);
      expect(r.corruption).toMatchObject({
        code: "CORRUPT_SEGMENT",
        segment: "segment-000002.hsl",
        offset: 0,
      });
      const got: string[] = [];
      expect(() => {
        for (const x of r.records()) got.push(key(x));
      }).toThrow(/segment header is invalid \(crc\)/);
      expect(got.length).toBeGreaterThan(0);
      expect(got).toEqual(all.slice(0, got.length));
      expect(r.blockCount).toBe(inFirst);
      r.close();
      // fsck reads on from the segment after it, and counts only the records it read.
      const report = fsck(d);
      expect(report.corrupt.map((c) => c.segment)).toEqual(["segment-000002.hsl"]);
      expect(report.records).toBeGreaterThan(got.length);
      expect(report.records).toBeLessThan(all.length);
    } finally {
      t.cleanup();
    }
  });

  it("an index copied from another segment is no evidence of a cut: it is stale, and the segment is walked", () => {
    const t = tempDir();
    try {
      const d = segmentedLog(join(t.dir, "rec"), 400, 4096);
      const r0 = LogReader.open(d);
      const all = [...r0.records()].map(key);
      const segs = r0.segments.slice(0, -1); // sealed ones, each with its index
      r0.close();
      // Another segment's index naming a larger size (and other blocks) over one segment's.
      let pair: [number, number] | undefined;
      for (const a of segs) for (const b of segs) if (!pair && b.size > a.size) pair = [a.number, b.number];
      if (!pair) throw new Error("test log: segments all of one size");
      const name = (n: number) => `segment-${String(n).padStart(6, "0")}.hsi`;
      copyFileSync(join(d, name(pair[1])), join(d, name(pair[0])));
      const r = LogReader.open(d);
      expect(r.corruption).toBeUndefined();
      expect([...r.records()].map(key)).toEqual(all);
      r.close();
      const report = fsck(d);
      expect(report.cutShort).toBeUndefined();
      expect(report.corrupt).toEqual([]);
      expect(report.staleIndexes.map((x) => x.file)).toEqual([name(pair[0])]);
      expect(fsck(d, { repair: true }).staleIndexes[0]?.rewritten).toBe(true);
      expect(fsck(d).staleIndexes).toEqual([]);
    } finally {
      t.cleanup();
    }
  });

  it("a file named like a segment that no writer names so is named itself, not as a missing segment", () => {
    const t = tempDir();
    try {
      const d = segmentedLog(join(t.dir, "rec"), 400, 4096);
      for (const stray of ["segment-000000.hsl", "segment-0000002.hsl"]) {
        copyFileSync(join(d, seg), join(d, stray));
        const named = new RegExp(`^${stray.replace(".", "\\.")} is not a segment file name a writer makes$`);
        expect(() => LogReader.open(d)).toThrow(
          expect.objectContaining({ code: "CORRUPT_SEGMENT", message: expect.stringMatching(named) }),
        );
        expect(() => fsck(d)).toThrow(named);
        rmSync(join(d, stray));
      }
      LogReader.open(d).close();
    } finally {
      t.cleanup();
    }
  });
});
