import { describe, expect, it } from "vitest";
import { HindsightError } from "./errors.js";

describe("HindsightError.oneLine", () => {
  it("is one line even when a part quotes text with line breaks", () => {
    const e = new HindsightError("BAD_INPUT", 'Unexpected token, "not json\nat all\r\n" is not valid JSON', {
      where: "file\nx",
      hint: "fix it",
    });
    expect(e.oneLine()).toBe(
      'Unexpected token, "not json\\nat all\\r\\n" is not valid JSON (file\\nx); fix it',
    );
    // A lone CR (which would send a terminal's cursor back) and an escape sequence too.
    const cr = new HindsightError("BAD_INPUT", "a\rEVIL \u001b[2J b\tc");
    expect(cr.oneLine()).toBe("a\\rEVIL \\x1b[2J b\tc");
    expect(e.oneLine() + cr.oneLine()).not.toMatch(/[\x00-\x08\x0a-\x1f\x7f]/);
  });
});
