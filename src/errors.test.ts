import { describe, expect, it } from "vitest";
import { HindsightError, unreadable } from "./errors.js";

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

describe("unreadable", () => {
  const sys = (code: string, syscall: string, path: string) =>
    Object.assign(new Error(`${code}: ${syscall} '${path}'`), { code, syscall, path });

  it("names the file and why a system error kept hindsight from reading it (IO, exit 1)", () => {
    const e = unreadable(sys("EACCES", "open", "/rec/segment-000008.hsl")) as HindsightError;
    expect(e).toBeInstanceOf(HindsightError);
    expect(e.code).toBe("IO");
    expect(e.exitCode).toBe(1);
    expect(e.message).toBe("cannot read /rec/segment-000008.hsl: permission denied");
    expect(e.hint).toMatch(/permissions/);
    expect((unreadable(sys("EACCES", "scandir", "/rec")) as HindsightError).message).toBe(
      "cannot list /rec: permission denied",
    );
    expect((unreadable(sys("EIO", "read", "/rec/x"), "/rec/y") as HindsightError).message).toMatch(
      /^cannot read \/rec\/y: EIO/,
    );
  });

  it("leaves hindsight's own errors and errors that are not the system's as they are", () => {
    const h = new HindsightError("CORRUPT_BLOCK", "x");
    expect(unreadable(h)).toBe(h);
    const t = new TypeError("not a system error");
    expect(unreadable(t)).toBe(t);
    expect(unreadable(Object.assign(new Error("x"), { code: "ERR_INVALID_ARG_TYPE" }))).toBeInstanceOf(Error);
    expect(unreadable(Object.assign(new Error("x"), { code: "ERR_INVALID_ARG_TYPE" }))).not.toBeInstanceOf(
      HindsightError,
    );
  });
});
