import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { HindsightError } from "../errors.js";
import {
  decodeFrame,
  encodeAck,
  encodeBye,
  encodeData,
  encodeFrame,
  encodeHello,
  type Frame,
  FrameSplitter,
} from "./frame.js";

const frameArb: fc.Arbitrary<Frame> = fc.oneof(
  fc.record({ type: fc.constant("hello" as const), next: fc.maxSafeNat() }),
  fc.record({ type: fc.constant("ack" as const), next: fc.maxSafeNat() }),
  fc.constant({ type: "bye" as const }),
  fc.record({
    type: fc.constant("data" as const),
    seq: fc.maxSafeNat(),
    end: fc.boolean(),
    payload: fc.uint8Array({ maxLength: 64 }),
  }),
);

function norm(f: Frame): unknown {
  return f.type === "data" ? { ...f, payload: [...f.payload] } : f;
}

describe("link frames", () => {
  it("round-trip every frame type", () => {
    fc.assert(
      fc.property(frameArb, (f) => {
        expect(norm(decodeFrame(encodeFrame(f)))).toEqual(norm(f));
      }),
    );
  });

  it("split into the same frames whatever the segmentation", () => {
    fc.assert(
      fc.property(
        fc.array(frameArb, { maxLength: 30 }),
        fc.array(fc.nat(), { maxLength: 20 }),
        (frames, cuts) => {
          const bytes = Buffer.concat(frames.map(encodeFrame));
          const points = [...new Set(cuts.map((c) => (bytes.length === 0 ? 0 : c % bytes.length)))].sort(
            (a, b) => a - b,
          );
          const sp = new FrameSplitter();
          const got: Frame[] = [];
          let prev = 0;
          for (const p of [...points, bytes.length]) {
            for (const raw of sp.push(bytes.subarray(prev, p))) got.push(decodeFrame(raw));
            prev = p;
          }
          expect(sp.buffered).toBe(0);
          expect(got.map(norm)).toEqual(frames.map(norm));
        },
      ),
    );
  });

  it("refuse an oversized length before buffering the frame", () => {
    const sp = new FrameSplitter(100, "test link");
    const head = new Uint8Array([0, 0, 1, 0]); // 256 > 100
    expect(() => sp.push(head)).toThrow(/length 256 outside 1\.\.100/);
    try {
      new FrameSplitter(100).push(head);
    } catch (e) {
      expect((e as HindsightError).code).toBe("CORRUPT_RECORD");
    }
  });

  it("refuse unknown types, bad bodies and unknown flags", () => {
    const bad = encodeHello(1).slice();
    bad[4] = 9;
    expect(() => decodeFrame(bad)).toThrow(/unknown frame type 9/);
    const ack = encodeAck(3);
    expect(() => decodeFrame(ack.subarray(0, 10))).toThrow(/ACK body/);
    const d = encodeData(1, new Uint8Array([1]));
    d[13] = 0x80;
    expect(() => decodeFrame(d)).toThrow(/unknown DATA flags/);
    expect(decodeFrame(encodeBye())).toEqual({ type: "bye" });
  });

  it("carry sequence numbers up to 2^53 exactly", () => {
    const f = decodeFrame(encodeData(Number.MAX_SAFE_INTEGER, new Uint8Array(0), true));
    expect(f).toMatchObject({ type: "data", seq: Number.MAX_SAFE_INTEGER, end: true });
  });
});
