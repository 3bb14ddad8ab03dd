import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson, exactParse, parseCanonicalJson, parseJson, stringifyJson } from "./json.js";

describe("exact JSON", () => {
  it("keeps integers beyond 2^53 exact as bigint, and safe integers as numbers", () => {
    const v = parseJson(
      '{"ts":1793629800000061008,"n":-9007199254740993,"s":9007199254740991,"f":1.5,"e":1e21}',
    ) as Record<string, unknown>;
    expect(v["ts"]).toBe(1793629800000061008n);
    expect(v["n"]).toBe(-9007199254740993n);
    expect(v["s"]).toBe(9007199254740991);
    expect(v["f"]).toBe(1.5);
    expect(v["e"]).toBe(1e21);
    expect(stringifyJson(v)).toBe(
      '{"ts":1793629800000061008,"n":-9007199254740993,"s":9007199254740991,"f":1.5,"e":1e+21}',
    );
  });

  it("does not touch digits inside strings, escaped quotes included", () => {
    const text = '{"a":"x\\"12345678901234567890","b":"\\\\","c":[12345678901234567890]}';
    expect(parseJson(text)).toEqual({ a: 'x"12345678901234567890', b: "\\", c: [12345678901234567890n] });
  });

  it("treats __proto__ as an ordinary key (no prototype pollution)", () => {
    for (const parse of [parseJson, exactParse]) {
      const v = parse('{"__proto__":{"polluted":1},"ts":12345678901234567890}') as Record<string, unknown>;
      expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
      expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
      expect(Object.keys(v)).toEqual(["__proto__", "ts"]);
    }
  });

  it("rejects malformed text", () => {
    for (const bad of ["", "{", '{"a":}', "[1,]", "01", '"\u0001"', "1 2", '{"a":1}x'])
      for (const parse of [parseJson, exactParse]) expect(() => parse(bad), bad).toThrow();
  });

  it("the fast path and the exact parser agree on any JSON (property)", () => {
    const big = fc.bigInt({ min: -(10n ** 22n), max: 10n ** 22n }).map((b) => ({ big: b }));
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), big), fc.string(), (v, s) => {
        const text = stringifyJson({ v, s, t: 1793629800000061008n });
        expect(stringifyJson(parseJson(text))).toBe(stringifyJson(exactParse(text)));
        // -0 reads back as 0 (JSON has no negative zero worth keeping); nothing else changes.
        expect(stringifyJson(parseJson(text))).toBe(
          stringifyJson({ v: noNegZero(v), s, t: 1793629800000061008n }),
        );
      }),
      { numRuns: 500 },
    );
  });

  it("canonical form: sorted keys, tagged bigint, round trip; refuses non-plain data naming the path", () => {
    const v = { b: [1, { z: 2n, a: null }], a: "x" };
    const c = canonicalJson(v);
    expect(c).toBe('{"a":"x","b":[1,{"a":null,"z":{"$bigint":"2"}}]}');
    expect(parseCanonicalJson(c)).toEqual({ a: "x", b: [1, { a: null, z: 2n }] });
    expect(() => canonicalJson({ s: { m: new Map() } })).toThrow(/Map at \$\.s\.m is not plain data/);
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(/non-finite number NaN at \$\.n/);
  });
});

/** The value with every -0 turned into 0 (keys and strings untouched). */
function noNegZero(v: unknown): unknown {
  if (Object.is(v, -0)) return 0;
  if (Array.isArray(v)) return v.map(noNegZero);
  if (v !== null && typeof v === "object")
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, noNegZero(x)]));
  return v;
}
