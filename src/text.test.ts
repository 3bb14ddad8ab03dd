import { describe, expect, it } from "vitest";
import { clipLine, clipLines, count } from "./text.js";

describe("clipLine", () => {
  it("keeps short lines and cuts long ones, counting what it left out", () => {
    expect(clipLine("abc", 3)).toBe("abc");
    expect(clipLine("abcdef", 3)).toBe("abc… (3 more characters)");
    expect(clipLine("x".repeat(5000))).toBe(`${"x".repeat(1000)}… (4,000 more characters)`);
    expect(clipLines("ab\nabcdef", 3)).toBe("ab\nabc… (3 more characters)");
  });
});

describe("count", () => {
  it("says one thing in the singular, and none or many in the plural, with thousands grouped", () => {
    expect(count(1, "event")).toBe("1 event");
    expect(count(0, "event")).toBe("0 events");
    expect(count(2500, "event")).toBe("2,500 events");
    expect(count(1, "entry", "entries")).toBe("1 entry");
    expect(count(3, "entry", "entries")).toBe("3 entries");
  });
});
