import { describe, expect, it } from "vitest";
import { clipLine, clipLines } from "./text.js";

describe("clipLine", () => {
  it("keeps short lines and cuts long ones, counting what it left out", () => {
    expect(clipLine("abc", 3)).toBe("abc");
    expect(clipLine("abcdef", 3)).toBe("abc… (3 more characters)");
    expect(clipLine("x".repeat(5000))).toBe(`${"x".repeat(1000)}… (4,000 more characters)`);
    expect(clipLines("ab\nabcdef", 3)).toBe("ab\nabc… (3 more characters)");
  });
});
