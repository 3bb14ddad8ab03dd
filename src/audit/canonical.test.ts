import { describe, expect, it } from "vitest";
import { canonicalJson } from "./canonical.js";

describe("canonicalJson (RFC 8785)", () => {
  it("sorts keys by UTF-16 code units and drops whitespace", () => {
    expect(canonicalJson({ b: 1, a: [true, null, "x"], A: { z: 0, y: -0 } })).toBe(
      '{"A":{"y":0,"z":0},"a":[true,null,"x"],"b":1}',
    );
    // U+20AC (€) sorts before U+1F600 (😀, surrogates D83D..) by code unit, and "\u0080" after "z".
    expect(canonicalJson({ "😀": 1, "€": 2, z: 3, "\u0080": 4 })).toBe('{"z":3,"\u0080":4,"€":2,"😀":1}');
  });

  it("writes numbers as ECMAScript does and strings with JSON escapes", () => {
    expect(canonicalJson([1e21, 1.5, 0.1, -3, 1e-7])).toBe("[1e+21,1.5,0.1,-3,1e-7]");
    expect(canonicalJson('a"b\\c\n\u0001')).toBe('"a\\"b\\\\c\\n\\u0001"');
  });

  it("writes bigint as a decimal string and bytes as hex", () => {
    expect(canonicalJson({ t: 1700000000000000001n, b: new Uint8Array([0, 255]) })).toBe(
      '{"b":"00ff","t":"1700000000000000001"}',
    );
  });

  it("refuses values JSON cannot carry", () => {
    expect(() => canonicalJson({ x: Number.NaN })).toThrow(/NaN/);
    expect(() => canonicalJson(() => 1)).toThrow(/function/);
    const cyc: Record<string, unknown> = {};
    cyc["self"] = cyc;
    expect(() => canonicalJson(cyc)).toThrow(/cyclic/);
  });

  it("gives the same text for structurally equal objects built in any key order", () => {
    expect(canonicalJson({ x: { b: 2, a: 1 }, y: 0 })).toBe(canonicalJson({ y: 0, x: { a: 1, b: 2 } }));
  });
});

describe("rowHash", () => {
  it("is SHA-256 of canonicalJson of the record without row_hash (the fast path agrees with the generic one)", async () => {
    const { createHash } = await import("node:crypto");
    const { toRecord, rowHash } = await import("./row.js");
    const { syntheticRows, SYNTHETIC_IDENTITY } = await import("./synthetic.js");
    let prev = "0".repeat(64);
    let i = 0;
    for (const row of syntheticRows(20, { awkward: true })) {
      const rec = toRecord(row, i++, prev, SYNTHETIC_IDENTITY);
      const { row_hash, ...rest } = rec;
      expect(row_hash).toBe(createHash("sha256").update(canonicalJson(rest)).digest("hex"));
      expect(rowHash(rec)).toBe(row_hash);
      prev = row_hash as string;
    }
  });
});
