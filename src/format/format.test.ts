/** The byte layouts of docs/FORMAT.md, pinned at their documented offsets. */
import { describe, expect, it } from "vitest";
import { encodeBlockHeader, parseBlockHeader } from "./block-header.js";
import { BLOCK_HEADER_SIZE, BLOCK_MAGIC } from "./constants.js";
import { crc32c } from "./crc32c.js";
import { encodeSegmentHeader } from "./segment-header.js";
import { formatTime, parseTime, whyNotIsoTime } from "./time.js";

describe("format", () => {
  it("uses CRC-32C (Castagnoli)", () => {
    expect(crc32c(new TextEncoder().encode("123456789"))).toBe(0xe3069283);
  });

  it("lays out the block header as documented", () => {
    const h = encodeBlockHeader({
      storedLength: 0x11223344,
      uncompressedLength: 0x55667788,
      payloadCrc: 0x99aabbcc,
      codec: 1,
      flags: 0,
      recordCount: 1000,
      firstSeq: 123456789012,
      minTime: 1_794_061_800_000_000_001n,
      maxTime: 1_794_061_800_999_999_999n,
    });
    expect(h.length).toBe(BLOCK_HEADER_SIZE);
    const v = new DataView(h.buffer);
    expect(Buffer.from(h.subarray(0, 4)).toString("latin1")).toBe("HSBK");
    expect(v.getUint32(0, true)).toBe(BLOCK_MAGIC);
    expect(v.getUint32(4, true)).toBe(0x11223344);
    expect(v.getUint32(8, true)).toBe(0x55667788);
    expect(v.getUint32(12, true)).toBe(0x99aabbcc);
    expect(v.getUint8(16)).toBe(1);
    expect(v.getUint32(20, true)).toBe(1000);
    expect(v.getBigUint64(24, true)).toBe(123456789012n);
    expect(v.getBigUint64(32, true)).toBe(1_794_061_800_000_000_001n);
    expect(v.getBigUint64(40, true)).toBe(1_794_061_800_999_999_999n);
    expect(v.getUint32(48, true)).toBe(0);
    expect(v.getUint32(52, true)).toBe(crc32c(h.subarray(0, 52)));
    expect(parseBlockHeader(h)).toMatchObject({
      ok: true,
      header: { firstSeq: 123456789012, recordCount: 1000 },
    });
  });

  it("lays out the segment header as documented", () => {
    const h = encodeSegmentHeader({ formatVersion: 1, features: 3, segmentNumber: 7, tag: 0xa1b2c3d4 });
    const v = new DataView(h.buffer);
    expect(Buffer.from(h.subarray(0, 8)).toString("latin1")).toBe("HSLOGSEG");
    expect(v.getUint16(8, true)).toBe(1);
    expect(v.getUint16(10, true)).toBe(32);
    expect(v.getUint32(12, true)).toBe(3);
    expect(v.getBigUint64(16, true)).toBe(7n);
    expect(v.getUint32(24, true)).toBe(0xa1b2c3d4);
    expect(v.getUint32(28, true)).toBe(crc32c(h.subarray(0, 28)));
  });

  it("parses and prints exact nanosecond times", () => {
    expect(parseTime("1794061800123456789")).toBe(1_794_061_800_123_456_789n);
    expect(parseTime("2026-11-07T14:30:00.123456789Z")).toBe(1_794_061_800_123_456_789n);
    expect(parseTime("2026-11-07T15:30:00.5+01:00")).toBe(1_794_061_800_500_000_000n);
    expect(parseTime("yesterday")).toBeUndefined();
    // RFC 3339 allows lower-case "t" and "z"; a time without its zone is refused, not guessed.
    expect(parseTime("2026-11-07t14:30:00.123456789z")).toBe(1_794_061_800_123_456_789n);
    expect(parseTime("2026-11-07T14:30:00")).toBeUndefined();
    expect(formatTime(1_794_061_800_123_456_789n)).toBe("2026-11-07T14:30:00.123456789Z");
  });

  it("refuses days the calendar does not have (no rolling over), and says why a time is refused", () => {
    expect(parseTime("2028-02-29T00:00:00Z")).toBe(1_835_395_200_000_000_000n);
    const why: [string, string][] = [
      ["2026-02-29T00:00:00Z", "2026-02-29 is not a day of the calendar"],
      ["2026-11-31T00:00:00Z", "2026-11-31 is not a day of the calendar"],
      ["2026-11-02T14:30:00.0001309500Z", "at most 9 fractional digits (nanoseconds), not 10"],
      ["2026-11-02T14:30:00.5", "give its zone: Z, or an offset such as +01:00"],
      ["2026-11-02T14:30Z", "give the seconds (hh:mm:ss)"],
      ["2026-11-02T14:30:00+0100", "write the offset as +01:00"],
      ["2026-11-02T24:30:00Z", "24:30:00 is not a time of day"],
      // RFC 3339 has no hour 24 (Date.parse would read it as the next day's midnight).
      ["2026-11-02T24:00:00Z", "24:00:00 is not a time of day"],
      // The latest time a recording holds is 2^64-1 ns, as for a time given in nanoseconds.
      [
        "2554-07-21T23:34:33.709551616Z",
        "after 2554-07-21T23:34:33.709551615Z, the latest time a recording holds (2^64-1 ns since the epoch)",
      ],
      [
        "9999-12-31T23:59:59Z",
        "after 2554-07-21T23:34:33.709551615Z, the latest time a recording holds (2^64-1 ns since the epoch)",
      ],
      ["2026-11-02", "a day alone: give a time and its zone"],
      ["yesterday", "not a date and time (YYYY-MM-DDThh:mm:ss[.fraction] and a zone)"],
      ["1969-12-31T23:59:59Z", "before 1970-01-01T00:00:00Z (times are nanoseconds since the epoch)"],
      // Year 0 was a leap year (not read as 1900, which was not).
      ["0000-02-29T00:00:00Z", "before 1970-01-01T00:00:00Z (times are nanoseconds since the epoch)"],
      ["2026-11-02T14:30:00,5Z", "write the fraction of a second after a point, not a comma"],
    ];
    for (const [s, reason] of why) {
      expect(parseTime(s), s).toBeUndefined();
      expect(whyNotIsoTime(s), s).toBe(reason);
    }
    expect(whyNotIsoTime("2026-11-02T14:30:00Z")).toBeUndefined();
    expect(parseTime("2554-07-21T23:34:33.709551615Z")).toBe(2n ** 64n - 1n);
  });
});
