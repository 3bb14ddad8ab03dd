import { describe, expect, it } from "vitest";
import { isHindsightError } from "../errors.js";
import { type AppSpec, defineApp, filter, isApp, keyed, map } from "./app.js";
import { codecs } from "./codec.js";
import { stageOf } from "./stage.js";

const base: AppSpec = {
  name: "t",
  inputs: { a: codecs.json() },
  sinks: { out: codecs.json() },
  steps: { s: map({ from: "a", to: "out", fn: (v) => v }) },
};

function invalid(spec: unknown): string {
  try {
    defineApp(spec as AppSpec);
  } catch (e) {
    expect(isHindsightError(e) && e.code).toBe("APP_INVALID");
    return (e as Error).message;
  }
  throw new Error("defineApp accepted an invalid app");
}

describe("defineApp", () => {
  it("brands a valid app", () => {
    const app = defineApp(base);
    expect(isApp(app)).toBe(true);
    expect(isApp({ ...base })).toBe(false);
  });

  it("refuses invalid apps with a message naming the problem", () => {
    expect(invalid({ ...base, name: "" })).toMatch(/non-empty name/);
    expect(invalid({ ...base, inputs: {} })).toMatch(/at least one input stream/);
    expect(invalid({ ...base, steps: { s: map({ from: "nope", fn: (v) => v }) } })).toMatch(
      /step "s" reads from "nope", which is neither an input nor a step/,
    );
    expect(invalid({ ...base, steps: { s: map({ from: "a", to: "nowhere", fn: (v) => v }) } })).toMatch(
      /unknown sink "nowhere"/,
    );
    expect(
      invalid({
        ...base,
        steps: { x: map({ from: ["a", "y"], fn: (v) => v }), y: map({ from: "x", fn: (v) => v }) },
      }),
    ).toMatch(/cycle: x → y → x/);
    expect(invalid({ ...base, steps: { a: map({ from: "a", fn: (v) => v }) } })).toMatch(
      /same name as an input stream/,
    );
    expect(invalid({ ...base, sinks: { out: { name: "x" } } })).toMatch(/needs a codec/);
    expect(invalid({ ...base, steps: { s: { kind: "reduce", from: "a" } } })).toMatch(
      /map\(\), filter\(\) or keyed\(\)/,
    );
    // Named twice, a source would deliver each message twice, a sink write each output twice.
    expect(invalid({ ...base, steps: { s: map({ from: ["a", "a"], fn: (v) => v }) } })).toMatch(
      /step "s" names "a" twice in 'from'/,
    );
    expect(invalid({ ...base, steps: { s: map({ from: "a", to: ["out", "out"], fn: (v) => v }) } })).toMatch(
      /step "s" names "out" twice in 'to'/,
    );
    // A filter never gets ticks: its onTick would be dead code the author thinks runs.
    expect(
      invalid({ ...base, steps: { s: { ...filter({ from: "a", test: () => true }), onTick: () => {} } } }),
    ).toMatch(/filter step "s" has an onTick, which a filter never gets/);
    expect(invalid({ ...base, steps: { s: map({ from: "a", fn: (v) => v, onTick: 5 as never }) } })).toMatch(
      /onTick of step "s" must be a function/,
    );
    // An input and a sink may share a name (double-halve reads and writes "numbers").
    expect(() => defineApp({ ...base, sinks: { out: codecs.json(), a: codecs.json() } })).not.toThrow();
  });
});

describe("stageOf", () => {
  const app = defineApp({
    name: "p",
    inputs: { n: codecs.json() },
    sinks: { out: codecs.json() },
    steps: {
      one: map({ from: "n", codec: codecs.utf8() as never, fn: (v) => v }),
      two: keyed({ from: "one", key: () => "k", handle: (v) => v, to: "out" }),
    },
  });

  it("turns cut edges into inputs and sinks with the producing step's codec", () => {
    const s1 = stageOf(app, ["one"]);
    expect(Object.keys(s1.sinks)).toEqual(["one"]);
    expect(s1.sinks["one"]?.name).toBe("utf8");
    const s2 = stageOf(app, ["two"]);
    expect(Object.keys(s2.inputs)).toEqual(["one"]);
    expect(s2.inputs["one"]?.name).toBe("utf8");
    expect(Object.keys(s2.sinks)).toEqual(["out"]);
    expect(s2.name).toBe("p[two]");
  });

  it("refuses unknown steps (USAGE)", () => {
    try {
      stageOf(app, ["three"]);
      throw new Error("accepted");
    } catch (e) {
      expect(isHindsightError(e) && e.code).toBe("USAGE");
      expect((e as Error).message).toMatch(/stage step "three" is not a step of app p/);
    }
  });
});
