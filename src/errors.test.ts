import { describe, expect, it } from "vitest";
import { HindsightError } from "./errors.js";

describe("HindsightError.oneLine", () => {
  it("is one line even when a part quotes text with line breaks", () => {
    const e = new HindsightError("BAD_INPUT", 'Unexpected token, "not json\nat all\r\n" is not valid JSON', {
      where: "file\nx",
      hint: "fix it",
    });
    expect(e.oneLine()).toBe('Unexpected token, "not json\\nat all\\n" is not valid JSON (file\\nx); fix it');
    expect(e.oneLine()).not.toMatch(/[\r\n]/);
  });
});
