import { describe, expect, it } from "vitest";
import { CHECKPOINT_KEEPS, Shown, showKey, showText, toShown, UNDEFINED_PROPERTY } from "./show-value.js";

describe("state as replay shows it", () => {
  it("shows plain data as exact JSON with sorted keys, and anything else as what it is", () => {
    const cyc: Record<string, unknown> = { a: 1 };
    cyc["self"] = cyc;
    class Pos {
      constructor(readonly qty: number) {}
    }
    const found = new Set<string>();
    const v = toShown(
      {
        z: 1,
        a: [1n << 70n, -0, Number.NaN, Number.POSITIVE_INFINITY, undefined, "s\u0000"],
        m: new Map<unknown, unknown>([["k", { y: 2, x: 1 }]]),
        s: new Set([1]),
        d: new Date(Date.UTC(2026, 10, 2)),
        b: new Uint8Array([1, 255]),
        c: cyc,
        p: new Pos(3),
      },
      found,
    );
    expect(showText(v)).toBe(
      '{"a":[1180591620717411303424,-0,NaN,Infinity,undefined,"s\\u0000"],"b":Uint8Array(2) 01ff,' +
        '"c":{"a":1,"self":[Circular]},"d":Date 2026-11-02T00:00:00.000Z,"m":Map [["k",{"x":1,"y":2}]],' +
        '"p":Pos {"qty":3},"s":Set [1],"z":1}',
    );
    expect([...found].sort()).toEqual(
      ["-0", "Date", "Infinity", "Map", "NaN", "Pos", "Set", "Uint8Array", "a cycle", "undefined"].sort(),
    );
    // In JSON, such values are strings (and plain data stays as it is).
    expect(JSON.parse(JSON.stringify(toShown({ n: Number.NaN, ok: [1, "x"] })))).toEqual({
      n: "NaN",
      ok: [1, "x"],
    });
    expect(toShown({ q: 1 }, found)).not.toBeInstanceOf(Shown);
  });

  it("a property holding undefined is shown, as a checkpoint keeps it; in an array, as what a checkpoint refuses", () => {
    const found = new Set<string>();
    expect(showText(toShown({ n: 2, note: undefined, a: [undefined] }, found))).toBe(
      '{"a":[undefined],"n":2,"note":undefined}',
    );
    expect([...found].sort()).toEqual(["undefined", UNDEFINED_PROPERTY]);
    const one = new Set<string>();
    expect(showText(toShown({ n: 2, note: undefined }, one))).toBe('{"n":2,"note":undefined}');
    expect([...one]).toEqual([UNDEFINED_PROPERTY]);
    expect(CHECKPOINT_KEEPS.has(UNDEFINED_PROPERTY)).toBe(true);
    expect(CHECKPOINT_KEEPS.has("undefined")).toBe(false);
  });

  it("state nested deeper than a checkpoint may hold is cut, not a stack overflow", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = { next: deep };
    const found = new Set<string>();
    const text = showText(toShown(deep, found));
    expect(text).toMatch(/^(\{"next":){200}\[nested too deep\](\}){200}$/);
    expect(found).toEqual(new Set(["values nested too deep"]));
  });

  it("a shared object is not a cycle; a key that is not plain is quoted", () => {
    const shared = { x: 1 };
    expect(showText(toShown({ a: shared, b: shared }))).toBe('{"a":{"x":1},"b":{"x":1}}');
    expect(showKey("AAPL")).toBe("AAPL");
    expect(showKey("")).toBe('""');
    expect(showKey('"q"')).toBe('"\\"q\\""');
    expect(showKey("a\u0000b")).toBe('"a\\u0000b"');
  });
});
