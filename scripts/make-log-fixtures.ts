/**
 * Makes the golden log fixtures in recordings/v1/log/ once: a small valid recording and
 * damaged variants, each with the error code it must produce (expected.json). Fixtures are
 * never regenerated in place: this script refuses to write over an existing directory.
 *
 *   npx tsx scripts/make-log-fixtures.ts
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { encodeBlockHeader, parseBlockHeader } from "../src/format/block-header.js";
import { BLOCK_HEADER_SIZE, SEGMENT_HEADER_SIZE } from "../src/format/constants.js";
import { crc32c } from "../src/format/crc32c.js";
import { LogReader } from "../src/log/reader.js";
import { captureInputs } from "../src/recorder/capture.js";

const root = join(import.meta.dirname, "../recordings/v1/log");
if (existsSync(join(root, "expected.json"))) {
  console.error(`${root} already holds fixtures; golden fixtures are never regenerated in place`);
  process.exit(1);
}
mkdirSync(join(root, "inputs"), { recursive: true });

// Inputs: a few hundred quotes and orders with exact nanosecond times beyond 2^53.
const T0 = 1_794_061_800_000_000_000n; // 2026-11-07T14:30:00Z
const quotes: string[] = [];
const orders: string[] = [];
for (let i = 0; i < 240; i++) {
  const sym = ["AAPL", "MSFT", "NVDA", "AMZN", "GOOG", "META"][i % 6]!;
  const bid = 100 + ((i * 37) % 500) / 100;
  quotes.push(
    `{"ts":${T0 + BigInt(i) * 1_000_003n},"symbol":"${sym}","bid":${bid.toFixed(2)},"offer":${(bid + 0.02 + (i % 13 === 0 ? 0.07 : 0)).toFixed(2)},"bidSize":${100 + i},"offerSize":${200 + i}}`,
  );
  if (i % 3 === 0)
    orders.push(
      `{"ts":${T0 + BigInt(i) * 1_000_003n + 17n},"orderId":"o${i}","clientId":"c${i % 7}","symbol":"${sym}","side":"${i % 2 ? "buy" : "sell"}","qty":${(i % 9) * 100 + 100},"price":${bid.toFixed(2)}}`,
    );
}
writeFileSync(join(root, "inputs/quotes.jsonl"), `${quotes.join("\n")}\n`);
writeFileSync(join(root, "inputs/orders.jsonl"), `${orders.join("\n")}\n`);

const valid = join(root, "valid");
await captureInputs({
  inputs: [
    { stream: "quotes", path: join(root, "inputs/quotes.jsonl") },
    { stream: "orders", path: join(root, "inputs/orders.jsonl") },
  ],
  out: valid,
  timeField: "ts",
  writer: { blockSize: 1024, segmentSize: 8 * 1024, fsync: "never" },
  labels: { fixture: "recordings/v1/log/valid" },
});
// Relative sources, so the manifest does not name this machine's paths.
const mf = JSON.parse(readFileSync(join(valid, "manifest.json"), "utf8"));
mf.streams = mf.streams.map((s: { source: string }) => ({
  ...s,
  source: s.source.slice(s.source.lastIndexOf("/") + 1),
}));
writeFileSync(join(valid, "manifest.json"), `${JSON.stringify(mf, null, 2)}\n`);

const r = LogReader.open(valid);
const blocks = Array.from({ length: r.blockCount }, (_, i) => r.blockInfo(i));
const records = r.endSeq;
r.close();
const seg1 = "segment-000001.hsl";
const b1 = blocks.filter((b) => b.segment === seg1);
if (b1.length < 3 || blocks.at(-1)!.segment === seg1)
  throw new Error("fixture needs several blocks and segments");
const last = blocks.at(-1)!;

type Expect = {
  description: string;
  fsckExit: number;
  readCode: string | null;
  readExit: number;
  fsckCode?: string;
};
const expected: Record<string, Expect> = {
  valid: {
    description: "a valid recording of inputs/quotes.jsonl and inputs/orders.jsonl interleaved by ts",
    fsckExit: 0,
    readCode: null,
    readExit: 0,
  },
};

function variant(name: string, e: Expect, mutate: (dir: string) => void): void {
  const d = join(root, name);
  cpSync(valid, d, { recursive: true });
  mutate(d);
  expected[name] = e;
}
const patch = (d: string, file: string, f: (b: Buffer) => Buffer) =>
  writeFileSync(join(d, file), f(readFileSync(join(d, file))));
const rewriteHeader = (
  b: Buffer,
  off: number,
  change: (h: ReturnType<typeof parseBlockHeader> & { ok: true }) => Parameters<typeof encodeBlockHeader>[0],
) => {
  const p = parseBlockHeader(b.subarray(off, off + BLOCK_HEADER_SIZE));
  if (!p.ok) throw new Error("bad fixture header");
  encodeBlockHeader(change(p), b.subarray(off, off + BLOCK_HEADER_SIZE));
  return b;
};
const lastSeg = last.segment;
const lastEnd = last.offset + BLOCK_HEADER_SIZE + last.storedLength;

variant(
  "torn-tail",
  {
    description: "last block cut short mid-payload (interrupted append)",
    fsckExit: 4,
    fsckCode: "TORN_TAIL",
    readCode: null,
    readExit: 0,
  },
  (d) => {
    patch(d, lastSeg, (b) => b.subarray(0, lastEnd - 9));
    // A crash leaves no index for the segment it was writing (the writer writes it on closing).
    rmSync(join(d, lastSeg.replace(/\.hsl$/, ".hsi")));
  },
);
variant(
  "cut-after-close",
  {
    description:
      "the last segment cut at a block boundary after the recording was closed (its index names the full size)",
    fsckExit: 4,
    fsckCode: "CUT_SHORT",
    readCode: "CORRUPT_SEGMENT",
    readExit: 4,
  },
  (d) => patch(d, lastSeg, (b) => b.subarray(0, last.offset)),
);
variant(
  "torn-header",
  {
    description: "a partial block header after the last block",
    fsckExit: 4,
    fsckCode: "TORN_TAIL",
    readCode: null,
    readExit: 0,
  },
  (d) => patch(d, lastSeg, (b) => Buffer.concat([b, Buffer.from([0x48, 0x53, 0x42, 0x4b, 1, 2, 3])])),
);
variant(
  "zero-tail",
  {
    description: "4 KiB of zeros after the last block (power loss)",
    fsckExit: 4,
    fsckCode: "TORN_TAIL",
    readCode: null,
    readExit: 0,
  },
  (d) => patch(d, lastSeg, (b) => Buffer.concat([b, Buffer.alloc(4096)])),
);
variant(
  "bitflip-payload",
  {
    description: "one bit flipped in the second block's payload",
    fsckExit: 4,
    fsckCode: "CORRUPT_BLOCK",
    readCode: "CORRUPT_BLOCK",
    readExit: 4,
  },
  (d) =>
    patch(d, seg1, (b) => {
      b[b1[1]!.offset + BLOCK_HEADER_SIZE + 10]! ^= 0x04;
      return b;
    }),
);
variant(
  "bitflip-header",
  {
    description: "one bit flipped in the second block's header",
    fsckExit: 4,
    fsckCode: "CORRUPT_HEADER",
    readCode: "CORRUPT_HEADER",
    readExit: 4,
  },
  (d) =>
    patch(d, seg1, (b) => {
      b[b1[1]!.offset + 21]! ^= 0x01;
      return b;
    }),
);
variant(
  "unknown-codec",
  {
    description: "a block header (valid checksum) naming codec 9",
    fsckExit: 4,
    fsckCode: "UNKNOWN_CODEC",
    readCode: "UNKNOWN_CODEC",
    readExit: 4,
  },
  (d) => patch(d, seg1, (b) => rewriteHeader(b, b1[1]!.offset, (p) => ({ ...p.header, codec: 9 }))),
);
variant(
  "block-too-large",
  {
    description: "a block header (valid checksum) claiming a 1 GiB payload",
    fsckExit: 4,
    fsckCode: "BLOCK_TOO_LARGE",
    readCode: "BLOCK_TOO_LARGE",
    readExit: 4,
  },
  (d) =>
    patch(d, seg1, (b) => rewriteHeader(b, b1[1]!.offset, (p) => ({ ...p.header, storedLength: 1 << 30 }))),
);
variant(
  "sequence-gap",
  {
    description: "second block's first sequence number moved by 5 (valid checksum)",
    fsckExit: 4,
    fsckCode: "SEQUENCE_GAP",
    readCode: "SEQUENCE_GAP",
    readExit: 4,
  },
  (d) =>
    patch(d, seg1, (b) =>
      rewriteHeader(b, b1[1]!.offset, (p) => ({ ...p.header, firstSeq: p.header.firstSeq + 5 })),
    ),
);
variant(
  "record-too-large",
  {
    description: "a well-formed block whose record claims 32 MiB",
    fsckExit: 4,
    fsckCode: "RECORD_TOO_LARGE",
    readCode: "RECORD_TOO_LARGE",
    readExit: 4,
  },
  (d) =>
    patch(d, seg1, (b) => {
      // Replace block 2 with an uncompressed block: varint(32 MiB) followed by filler, same length.
      const e = b1[1]!;
      const payload = Buffer.alloc(e.storedLength, 0x41);
      payload.set([0x80, 0x80, 0x80, 0x10], 0);
      payload.copy(b, e.offset + BLOCK_HEADER_SIZE);
      return rewriteHeader(b, e.offset, (p) => ({
        ...p.header,
        codec: 0,
        uncompressedLength: e.storedLength,
        payloadCrc: crc32c(payload),
      }));
    }),
);
variant(
  "unsupported-version",
  { description: "manifest formatVersion 2", fsckExit: 4, readCode: "UNSUPPORTED_VERSION", readExit: 4 },
  (d) =>
    patch(d, "manifest.json", (b) =>
      Buffer.from(b.toString().replace('"formatVersion": 1', '"formatVersion": 2')),
    ),
);
variant(
  "unknown-feature",
  {
    description: 'manifest names the feature "zstd-blocks"',
    fsckExit: 4,
    readCode: "UNKNOWN_FEATURE",
    readExit: 4,
  },
  (d) =>
    patch(d, "manifest.json", (b) =>
      Buffer.from(b.toString().replace('"features": []', '"features": ["zstd-blocks"]')),
    ),
);
variant(
  "unknown-feature-bit",
  {
    description: "segment 1's header sets feature bit 31 (valid checksum)",
    fsckExit: 4,
    readCode: "UNKNOWN_FEATURE",
    readExit: 4,
  },
  (d) =>
    patch(d, seg1, (b) => {
      b.writeUInt32LE(0x8000_0000, 12);
      b.writeUInt32LE(crc32c(b.subarray(0, 28)), 28);
      return b;
    }),
);
variant(
  "foreign-segment",
  {
    description: "segment 1 replaced by a file that is not a segment",
    fsckExit: 4,
    readCode: "CORRUPT_SEGMENT",
    readExit: 4,
  },
  (d) =>
    patch(d, seg1, () =>
      Buffer.concat([Buffer.from("\x89PNG\r\n\x1a\n"), Buffer.alloc(SEGMENT_HEADER_SIZE + 64, 7)]),
    ),
);
variant(
  "missing-segment",
  { description: "segment 2 deleted", fsckExit: 4, readCode: "CORRUPT_SEGMENT", readExit: 4 },
  (d) => {
    rmSync(join(d, "segment-000002.hsl"));
    rmSync(join(d, "segment-000002.hsi"), { force: true });
  },
);
variant(
  "bad-manifest",
  { description: "manifest.json is not JSON", fsckExit: 4, readCode: "CORRUPT_MANIFEST", readExit: 4 },
  (d) => patch(d, "manifest.json", (b) => b.subarray(0, 40)),
);
mkdirSync(join(root, "not-a-recording"));
writeFileSync(join(root, "not-a-recording/notes.txt"), "this directory holds no recording\n");
expected["not-a-recording"] = {
  description: "a directory without manifest.json",
  fsckExit: 2,
  readCode: "NOT_A_RECORDING",
  readExit: 2,
};

writeFileSync(join(root, "expected.json"), `${JSON.stringify({ records, expected }, null, 2)}\n`);
console.log(`wrote ${Object.keys(expected).length} fixtures (${records} records in valid) to ${root}`);
