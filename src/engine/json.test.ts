import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeUtf8 } from "./codec.js";
import {
  canonicalJson,
  encodeJson,
  exactParse,
  parseCanonicalJson,
  parseJson,
  parseStateJson,
  stateJson,
  stringifyJson,
} from "./json.js";

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
    for (const bad of ["", "{", '{"a":}', "[1,]", "01", "-", "-01", "1.", '"\u0001"', "1 2", '{"a":1}x'])
      for (const parse of [parseJson, exactParse]) expect(() => parse(bad), bad).toThrow();
    // A key read before with an escaped quote does not make a bare quote in a key acceptable.
    expect(parseJson('{"a\\"b":12345678901234567890}')).toEqual({ 'a"b': 12345678901234567890n });
    expect(() => parseJson('{"a"b":12345678901234567890}')).toThrow();
  });

  it("the hand-written parser reads any JSON as JSON.parse does, and keeps long integers exact (property)", () => {
    const big = fc.bigInt({ min: -(10n ** 22n), max: 10n ** 22n }).map((b) => ({ big: b }));
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), big), fc.string(), (v, s) => {
        const text = stringifyJson({ v, s, t: 1793629800000061008n });
        // -0 reads back as 0 (JSON has no negative zero worth keeping); nothing else changes.
        expect(stringifyJson(parseJson(text))).toBe(
          stringifyJson({ v: noNegZero(v), s, t: 1793629800000061008n }),
        );
        // JSON.parse's value, but for the long integers it rounds (keys in the same order, -0 kept).
        const plain = JSON.stringify({ v: toNumbers(v), s });
        expect(toNumbers(exactParse(plain))).toEqual(JSON.parse(plain));
      }),
      { numRuns: 500 },
    );
  });

  it("tells integer literals from digits in strings, fractions and exponents (property)", () => {
    const digits = (min: number, max: number) =>
      fc.stringMatching(new RegExp(`^[1-9][0-9]{${min - 1},${max - 1}}$`));
    // Pieces that look like long integers but are not, and long integers that are.
    const token = fc.oneof(
      digits(16, 22).map((d) => ({ text: d, value: exactValue(d) })),
      digits(16, 22).map((d) => ({ text: `-${d}`, value: exactValue(`-${d}`) })),
      digits(16, 22).map((d) => ({ text: `0.${d}`, value: Number(`0.${d}`) })),
      digits(16, 22).map((d) => ({ text: `${d}.5`, value: Number(`${d}.5`) })),
      digits(16, 22).map((d) => ({ text: `1e-${d}`, value: 0 })),
      // Decimals of up to 15 digits are read without Number(): the same value, -0 included.
      fc
        .tuple(fc.constantFrom("", "-"), fc.nat({ max: 10 ** 9 }), fc.stringMatching(/^[0-9]{1,9}$/))
        .map(([sign, int, frac]) => ({
          text: `${sign}${int}.${frac}`,
          value: Number(`${sign}${int}.${frac}`),
        })),
      // ±2^53 are just outside the safe range: bigint.
      fc
        .integer({ min: -(2 ** 53), max: 2 ** 53 })
        .map((n) => ({ text: String(n), value: exactValue(String(n)) })),
      digits(16, 20).map((d) => ({ text: `${d}e2`, value: Number(`${d}e2`) })),
      fc
        .tuple(fc.constantFrom("", "\\\\", '\\"', "x\\\\\\\\", "\\u0041"), digits(16, 22))
        .map(([pre, d]) => ({ text: `"${pre}${d}"`, value: JSON.parse(`"${pre}${d}"`) as string })),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom("k", "ts", "1", 'a"b'), token), { maxLength: 8 }),
        (pairs) => {
          const arr = `[${pairs.map(([, t]) => t.text).join(",")}]`;
          // The same values under keys (repeated keys: the last wins, as in JSON.parse).
          const obj = `{${pairs.map(([k, t]) => `${JSON.stringify(k)}:${t.text}`).join(",")}}`;
          const want: Record<string, unknown> = {};
          for (const [k, t] of pairs) want[k] = t.value;
          // parseJson takes JSON.parse for text without a long digit run: exactParse is checked too.
          for (const parse of [parseJson, exactParse]) {
            expect(parse(arr)).toEqual(pairs.map(([, t]) => t.value));
            expect(parse(obj)).toEqual(want);
            expect(Object.keys(parse(obj) as object)).toEqual(Object.keys(JSON.parse(obj)));
          }
        },
      ),
      { numRuns: 1000 },
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

describe("encodeJson (the JSON codec's encode)", () => {
  /** What encodeJson must give: the string encoder's text as UTF-8. */
  const viaString = (v: unknown): Buffer => Buffer.from(stringifyJson(v), "utf8");
  // Text of every kind: ASCII, escapes, controls, non-ASCII, paired and lone surrogates.
  const text = fc.oneof(
    fc.string(),
    fc.string({ unit: "binary" }),
    fc.string({
      unit: fc.constantFrom("a", '"', "\\", "\n", "\u0000", "\u007f", "é", "€", "\ud83d", "\ude00", "😀"),
    }),
  );
  const number = fc.oneof(
    fc.integer(),
    fc.integer({ min: -1e9 - 5, max: -1e9 + 5 }),
    fc.integer({ min: 1e9 - 5, max: 1e9 + 5 }),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.constantFrom(-0, 0, -1, 9, 10, 99, 100, 2 ** 31, -(2 ** 31), Number.MAX_SAFE_INTEGER, 1e21, 5e-324),
  );
  const { value } = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      text,
      number,
      fc.bigInt(),
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.oneof(tie("value"), fc.constant(undefined)), { maxLength: 5 }),
      fc.dictionary(
        text,
        fc.oneof(
          tie("value"),
          fc.constant(undefined),
          fc.constant(() => 1),
        ),
        {
          maxKeys: 5,
        },
      ),
    ),
  }));

  it("writes the same bytes as the string encoder, for any value (property)", () => {
    fc.assert(
      fc.property(value, (v) => {
        expect(Buffer.from(encodeJson(v)).equals(viaString(v))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it("matches it on market-spread's decisions, objects with toJSON and null-prototype objects", () => {
    const decision = {
      ts: 1793629800000061008n,
      orderId: "o-118",
      qty: 300,
      price: 189.25,
      decision: "reject",
      decidedAt: 1793629800000099999n,
      quote: { seq: 41, bid: "189.2", offer: "189.25", spread: "0.05" },
      skipped: undefined,
    };
    const bare = Object.assign(Object.create(null) as object, { a: [1, "é"] });
    const dated = {
      at: new Date(0),
      nested: { toJSON: () => "not called: a plain object's toJSON is a function, skipped" },
    };
    for (const v of [decision, bare, dated, [undefined, -0, 1e9, -1e9, 999_999_999]])
      expect(Buffer.from(encodeJson(v)).toString("utf8")).toBe(stringifyJson(v));
  });

  it("refuses what the string encoder refuses, with its message naming the path", () => {
    const cyclic: Record<string, unknown> = {};
    cyclic["self"] = cyclic;
    for (const bad of [
      { s: { m: new Map() } },
      { n: [Number.NaN] },
      cyclic,
      undefined,
      [Symbol("x")],
      [() => 1],
    ]) {
      let want = "";
      try {
        stringifyJson(bad);
      } catch (e) {
        want = (e as Error).message;
      }
      expect(want).not.toBe("");
      expect(() => encodeJson(bad)).toThrow(want);
    }
  });

  it("a value whose toJSON encodes another value, and values larger than the scratch buffer", () => {
    const inner = { toJSON: () => undefined };
    const outer = new (class Wrapper {
      toJSON() {
        return { inner: Buffer.from(encodeJson({ n: 1, s: "x" })).toString("utf8"), k: [inner] };
      }
    })();
    expect(Buffer.from(encodeJson(outer)).toString("utf8")).toBe(stringifyJson(outer));
    const big = { rows: Array.from({ length: 20_000 }, (_, i) => ({ i, s: `row ${i} é` })) };
    expect(Buffer.from(encodeJson(big)).equals(viaString(big))).toBe(true);
    // And the encoder is still right afterwards, on its reset scratch buffer.
    expect(Buffer.from(encodeJson({ a: 1 })).toString("utf8")).toBe('{"a":1}');
  });
});

/** A JSON integer literal's value as parseJson gives it: a bigint outside the safe range. */
function exactValue(literal: string): number | bigint {
  const b = BigInt(literal);
  return b > BigInt(Number.MAX_SAFE_INTEGER) || b < -BigInt(Number.MAX_SAFE_INTEGER) ? b : Number(b);
}

/** The value with bigints as numbers, rounded as JSON.parse rounds their literals. */
function toNumbers(v: unknown): unknown {
  if (typeof v === "bigint") return Number(v);
  if (Array.isArray(v)) return v.map(toNumbers);
  if (v !== null && typeof v === "object")
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toNumbers(x)]));
  return v;
}

/** The value with every -0 turned into 0 (keys and strings untouched). */
function noNegZero(v: unknown): unknown {
  if (Object.is(v, -0)) return 0;
  if (Array.isArray(v)) return v.map(noNegZero);
  if (v !== null && typeof v === "object")
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, noNegZero(x)]));
  return v;
}

describe("decodeUtf8", () => {
  it("decodes any bytes as Buffer#toString does (malformed sequences, a BOM, a view at an offset) (property)", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), fc.nat({ max: 8 }), (bytes, at) => {
        const padded = new Uint8Array(bytes.length + at + 3);
        padded.set([0xef, 0xbb, 0xbf], at);
        padded.set(bytes, at + 3);
        const view = padded.subarray(at);
        expect(decodeUtf8(view)).toBe(Buffer.from(view).toString("utf8"));
      }),
      { numRuns: 500 },
    );
  });
});

/** Same value, same types (Object.is for primitives: -0 is not 0), same key order. */
function same(a: unknown, b: unknown, path = "$"): void {
  if (typeof a !== "object" || a === null || typeof b !== "object" || b === null) {
    expect(Object.is(a, b), `${path}: ${String(a)} vs ${String(b)}`).toBe(true);
    return;
  }
  expect(Array.isArray(a), path).toBe(Array.isArray(b));
  expect(Object.getPrototypeOf(a) === null, `${path} prototype`).toBe(Object.getPrototypeOf(b) === null);
  const ka = Object.keys(a);
  expect(Object.keys(b), `${path} keys`).toEqual(ka);
  for (const k of ka)
    same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
}

describe("stateJson (checkpointed state, formats 2 and 3)", () => {
  const key = fc.oneof(
    fc.string({ maxLength: 6 }),
    fc.constantFrom("$bigint", "$object", "$undefined", "$nullproto", "__proto__", "1", "ts", "a b"),
  );
  const scalar = fc.oneof(
    fc.string(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.constantFrom(2 ** 60, -(2 ** 70), 2 ** 53, -0, Number.MAX_VALUE),
    fc.bigInt(),
    fc.boolean(),
    fc.constant(null),
  );
  /**
   * Plain data; `format3`: object properties may hold undefined, and objects may have no
   * prototype (format 3 keeps both).
   */
  const plain = (format3: boolean) =>
    fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: "small" }, scalar, tie("array"), tie("object")),
      array: fc.array(tie("value"), { maxLength: 4 }),
      object: fc
        .array(fc.tuple(key, format3 ? fc.oneof(tie("value"), fc.constant(undefined)) : tie("value")), {
          maxLength: 4,
        })
        .chain((entries) => fc.tuple(fc.constant(entries), format3 ? fc.boolean() : fc.constant(false)))
        .map(([entries, bare]) => {
          const o: Record<string, unknown> = bare ? Object.create(null) : {};
          for (const [k, v] of entries)
            Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
          return o;
        }),
    })).value;

  it("format 3 restores every plain-data value exactly: types, -0, doubles beyond 2^53, key order, tag-like objects, properties holding undefined", () => {
    fc.assert(
      fc.property(plain(true), (v) => {
        const text = stateJson(v);
        const back = parseStateJson(text);
        same(back, v);
        expect(stateJson(back)).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });

  it("format 2 (older recordings) restores the same values but for properties holding undefined, which it leaves out", () => {
    fc.assert(
      fc.property(plain(false), (v) => {
        const text = stateJson(v, 2);
        const back = parseStateJson(text, 2);
        same(back, v);
        expect(stateJson(back, 2)).toBe(text);
      }),
      { numRuns: 1000 },
    );
    // A literal `$undefined` object is no tag in format 2: not wrapped, read back as itself.
    expect(stateJson({ a: { $undefined: true } }, 2)).toBe('{"a":{"$undefined":true}}');
    same(parseStateJson('{"a":{"$undefined":true}}', 2), { a: { $undefined: true } });
    expect(stateJson({ a: 1, u: undefined }, 2)).toBe('{"a":1}');
  });

  it("format 3 keeps an object with no prototype, refuses an array with a named property, and names odd keys in paths", () => {
    const dict = Object.assign(Object.create(null) as Record<string, unknown>, {
      constructor: 1,
      $bigint: "2",
    });
    const text = stateJson({ d: dict, n: { $nullproto: {} } });
    expect(text).toBe(
      '{"d":{"$nullproto":{"constructor":1,"$bigint":"2"}},"n":{"$object":{"$nullproto":{}}}}',
    );
    const back = parseStateJson(text) as { d: Record<string, unknown>; n: unknown };
    expect(Object.getPrototypeOf(back.d)).toBeNull();
    expect(back.d["constructor"]).toBe(1);
    expect(back.d["toString"]).toBeUndefined();
    same(back, { d: dict, n: { $nullproto: {} } });
    // Format 2 (older recordings) writes it as an ordinary object.
    expect(stateJson({ d: dict }, 2)).toBe('{"d":{"constructor":1,"$bigint":"2"}}');
    const arr = Object.assign([1, 2], { cursor: 3 });
    expect(() => stateJson({ a: arr })).toThrow(
      'array at $.a has a named property "cursor": not plain data (use an object holding the array)',
    );
    expect(stateJson({ a: arr }, 2)).toBe('{"a":[1,2]}');
    expect(() => stateJson({ "weird key": { f: () => 1 } })).toThrow(
      'function at $["weird key"].f is not plain data',
    );
  });

  it("format 3 keeps a property holding undefined as a tag, and wraps an object shaped like it", () => {
    expect(stateJson({ a: 1, u: undefined })).toBe('{"a":1,"u":{"$undefined":true}}');
    const back = parseStateJson('{"a":1,"u":{"$undefined":true}}') as Record<string, unknown>;
    expect("u" in back).toBe(true);
    expect(back["u"]).toBeUndefined();
    expect(stateJson({ a: { $undefined: true } })).toBe('{"a":{"$object":{"$undefined":true}}}');
    same(parseStateJson(stateJson({ a: { $undefined: true } })), { a: { $undefined: true } });
    // Bytes stateJson never writes: the tag inside an array, or as the whole value.
    expect(() => parseStateJson('[{"$undefined":true}]')).toThrow(
      "a $undefined tag inside an array, at index 0",
    );
    expect(() => parseStateJson('{"$undefined":true}')).toThrow("a $undefined tag as the whole value");
  });

  it("cases the canonical form (format 1) gets wrong", () => {
    const v = {
      z: 1,
      a: [2 ** 60, -0],
      tag: { $bigint: "1" },
      wrap: { $object: { x: 1n } },
      t: 1794061800000000001n,
    };
    same(parseStateJson(stateJson(v)), v);
    const canonical = parseCanonicalJson(canonicalJson(v)) as Record<string, unknown>;
    expect(Object.keys(canonical)).toEqual(["a", "t", "tag", "wrap", "z"]);
    expect(typeof (canonical["a"] as unknown[])[0]).toBe("bigint");
    expect(canonical["tag"]).toBe(1n);
  });

  it("refuses what it cannot restore, naming the path", () => {
    expect(() => stateJson({ a: [1, undefined] })).toThrow(
      "undefined at $.a[1] is not plain data (use null)",
    );
    expect(() => stateJson({ m: new Map() })).toThrow("Map at $.m is not plain data");
    expect(() => stateJson({ n: Number.NaN })).toThrow("non-finite number NaN at $.n");
    expect(() => stateJson({ f: () => 1 })).toThrow("function at $.f is not plain data");
    expect(() => stateJson({ a: [1, undefined] }, 2)).toThrow("undefined at $.a[1] is not plain data");
  });
});

describe("cycles and deep values", () => {
  it("an error names the cycle in a short line, from every encoder", () => {
    const cyc: Record<string, unknown> = { a: 1 };
    cyc["self"] = cyc;
    const v = { x: [0, { cyc }] };
    const why = "cyclic value: $.x[1].cyc.self refers back to $.x[1].cyc";
    expect(() => stringifyJson(v)).toThrow(why);
    expect(() => encodeJson(v)).toThrow(why);
    expect(() => stateJson(v)).toThrow(why);
    expect(() => canonicalJson(v)).toThrow(why);
    let deep: unknown = 1;
    for (let i = 0; i < 300; i++) deep = [deep];
    const e = (() => {
      try {
        stateJson({ deep });
      } catch (err) {
        return err as Error;
      }
      return undefined;
    })();
    expect(e?.message).toMatch(/^value nested over 200 levels deep, at \$\.deep\[0\]\[0\]/);
    expect(e?.message.length).toBeLessThan(200);
    // Long or odd keys: clipped, and quoted (escaped) as JSON.
    const odd: Record<string, unknown> = {};
    odd[`${"k".repeat(5000)}\ny`] = odd;
    const m = (() => {
      try {
        stringifyJson({ odd });
      } catch (err) {
        return (err as Error).message;
      }
      return "";
    })();
    expect(m.length).toBeLessThan(300);
    expect(m).toMatch(/^cyclic value: \$\.odd\["kkk/);
    expect(m).not.toContain("\n");
  });
});
