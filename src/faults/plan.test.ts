import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HindsightError } from "../errors.js";
import { DecisionKind } from "../format/records.js";
import { decodeFrame, encodeData, FrameSplitter } from "../net/frame.js";
import {
  type Fault,
  faultDecision,
  faultFromRecord,
  formatFaultSpec,
  parseFaultSpec,
  RecordedFaults,
  SeededFaults,
} from "./plan.js";
import { fastUnitDraw, parseSeed, seed32, splitmix64, unitDraw } from "./prng.js";

describe("splitmix64", () => {
  it("matches the reference outputs", () => {
    // Reference values of Vigna's splitmix64.c.
    expect(splitmix64(0n, 0)).toBe(0xe220a8397b1dcdafn);
    expect(splitmix64(0n, 1)).toBe(0x6e789e6aa1b965f4n);
    expect(splitmix64(1234567n, 0)).toBe(6457827717110365317n);
    expect(splitmix64(1234567n, 1)).toBe(3203168211198807973n);
  });

  it("draws in [0, 1)", () => {
    for (let i = 0; i < 1000; i++) {
      const u = unitDraw(42n, i);
      expect(u).toBeGreaterThanOrEqual(0);
      expect(u).toBeLessThan(1);
    }
  });

  it("draws the same values without BigInt", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }),
        fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER - 1 }),
        (seed, i) => {
          expect(fastUnitDraw(seed32(seed), i)).toBe(unitDraw(seed, i));
        },
      ),
      { numRuns: 2000 },
    );
    for (const i of [0, 1, 2 ** 32 - 1, 2 ** 32, 2 ** 53 - 2])
      expect(fastUnitDraw(seed32(2n ** 64n - 1n), i)).toBe(unitDraw(2n ** 64n - 1n, i));
  });

  it("parses seeds", () => {
    expect(parseSeed("17")).toBe(17n);
    expect(parseSeed("0xff")).toBe(255n);
    expect(parseSeed("-1")).toBeUndefined();
    expect(parseSeed(`${2n ** 64n}`)).toBeUndefined();
  });
});

function planOf(src: SeededFaults | RecordedFaults, n: number): Fault[] {
  const out: Fault[] = [];
  for (let i = 0; i < n; i++) {
    const f = src.decide(i, i);
    if (f) out.push(f);
  }
  return out;
}

describe("seeded fault plans", () => {
  const opts = { drop: 0.05, delay: 0.1, dup: 0.1 };

  it("are a function of the seed", () => {
    expect(planOf(new SeededFaults(7n, opts), 2000)).toEqual(planOf(new SeededFaults(7n, opts), 2000));
    expect(planOf(new SeededFaults(7n, opts), 2000)).not.toEqual(planOf(new SeededFaults(8n, opts), 2000));
    expect(planOf(new SeededFaults(7n, opts, 1), 2000)).not.toEqual(
      planOf(new SeededFaults(7n, opts, 0), 2000),
    );
  });

  it("hit roughly the asked rates and keep the gap between drops", () => {
    const plan = planOf(new SeededFaults(3n, { ...opts, minDropGap: 10 }), 20000);
    const count = (k: string) => plan.filter((f) => f.kind === k).length;
    expect(count("delay")).toBeGreaterThan(1600);
    expect(count("delay")).toBeLessThan(2400);
    expect(count("dup")).toBeGreaterThan(1600);
    expect(count("dup")).toBeLessThan(2400);
    const drops = plan.filter((f) => f.kind === "drop").map((f) => f.msg);
    expect(drops.length).toBeGreaterThan(200);
    for (let i = 1; i < drops.length; i++) expect(drops[i]! - drops[i - 1]!).toBeGreaterThanOrEqual(10);
    for (const f of plan) if (f.kind === "delay") expect(f.ms).toBeGreaterThanOrEqual(1);
    for (const f of plan) if (f.kind === "delay") expect(f.ms).toBeLessThanOrEqual(5);
  });

  it("do not depend on how the byte stream was segmented", () => {
    const frames = Array.from({ length: 300 }, (_, i) => encodeData(i, new TextEncoder().encode(`${i * 7}`)));
    const bytes = Buffer.concat(frames);
    const planFor = (cuts: number[]): Fault[] => {
      const sp = new FrameSplitter();
      const src = new SeededFaults(99n, opts);
      const out: Fault[] = [];
      let msg = 0;
      let prev = 0;
      for (const p of [...cuts, bytes.length]) {
        for (const raw of sp.push(bytes.subarray(prev, p))) {
          const f = decodeFrame(raw);
          if (f.type !== "data") continue;
          const fault = src.decide(msg++, f.seq);
          if (fault) out.push(fault);
        }
        prev = p;
      }
      expect(msg).toBe(300);
      return out;
    };
    const whole = planFor([]);
    expect(whole.length).toBeGreaterThan(20);
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 200 }),
        (cuts) => {
          expect(planFor(cuts.sort((a, b) => a - b))).toEqual(whole);
        },
      ),
      { numRuns: 50 },
    );
    // Byte by byte, the most extreme segmentation.
    expect(planFor(Array.from({ length: bytes.length - 1 }, (_, i) => i + 1))).toEqual(whole);
  });

  it("round-trip through FAULT decision records and replay from them", () => {
    const plan = planOf(new SeededFaults(5n, opts), 500);
    const records = plan.map((f) => faultDecision("a->b", f));
    for (const r of records) expect(r.kind).toBe(DecisionKind.fault);
    const back = records.map((r) => faultFromRecord(r));
    expect(back.map((b) => b?.link)).toEqual(records.map(() => "a->b"));
    const replayed = planOf(new RecordedFaults(back.map((b) => b!.fault)), 500);
    expect(replayed).toEqual(plan);
  });

  it("refuse a recorded plan that no longer matches the link", () => {
    const src = new RecordedFaults([{ kind: "dup", msg: 2, seq: 2 }]);
    src.decide(0, 0);
    src.decide(1, 1);
    expect(() => src.decide(2, 1)).toThrow(HindsightError);
  });
});

describe("--faults", () => {
  it("parses and formats", () => {
    const o = parseFaultSpec("drop=0.01,delay=0.05,dup=0.02");
    expect(o).toMatchObject({ drop: 0.01, delay: 0.05, dup: 0.02, minDropGap: 10, maxDelayMs: 5 });
    expect(formatFaultSpec(o)).toBe("drop=0.01,delay=0.05,dup=0.02");
    expect(formatFaultSpec(parseFaultSpec("dup=0.5,gap=3,maxdelay=2"))).toBe(
      "drop=0,delay=0,dup=0.5,gap=3,maxdelay=2",
    );
    expect(parseFaultSpec("none")).toMatchObject({ drop: 0, delay: 0, dup: 0 });
  });

  it.each([
    ["drop=2", /not a probability/],
    ["drop=0.6,dup=0.6", /more than 1/],
    ["jitter=0.1", /unknown fault kind "jitter"/],
    ["drop", /cannot read fault setting/],
    ["gap=1", /below 2/],
  ])("refuses %s with one usage line", (spec, msg) => {
    try {
      parseFaultSpec(spec);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(HindsightError);
      expect((e as HindsightError).code).toBe("USAGE");
      expect((e as HindsightError).oneLine()).toMatch(msg);
    }
  });
});
