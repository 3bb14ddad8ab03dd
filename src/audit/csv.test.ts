import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvField, csvRecord, scanCsvRecord } from "./csv.js";

/** Parses a whole CSV text (test helper over the streaming scanner). */
function parseAll(text: string, chunk?: number) {
  const out: { value: string; quoted: boolean }[][] = [];
  // Feed the scanner a growing prefix to exercise the "need more text" path.
  let buf = "";
  let pos = 0;
  let fed = 0;
  const step = chunk ?? text.length;
  for (;;) {
    const eof = fed >= text.length;
    if (pos >= buf.length && eof) break;
    const r = scanCsvRecord(buf, pos, eof);
    if (!r.done) {
      buf += text.slice(fed, fed + step);
      fed += step;
      continue;
    }
    expect(r.problem).toBeUndefined();
    out.push(r.fields);
    pos = r.end;
  }
  return out;
}

describe("CSV (RFC 4180)", () => {
  it("quotes fields with comma, quote, CR or LF, doubles quotes, ends records with CRLF", () => {
    expect(csvRecord(["a", "b,c", 'say "hi"', "x\ny", "x\ry", 7, null, ""])).toBe(
      'a,"b,c","say ""hi""","x\ny","x\ry",7,,""\r\n',
    );
    expect(csvField("plain text")).toBe("plain text");
  });

  it("round-trips any strings (and null) through encode and scan, fed in small pieces", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(fc.option(fc.string({ unit: "binary" }), { nil: null }), { minLength: 1, maxLength: 6 }),
          {
            minLength: 1,
            maxLength: 8,
          },
        ),
        fc.integer({ min: 1, max: 7 }),
        (records, chunk) => {
          const text = records.map(csvRecord).join("");
          const parsed = parseAll(text, chunk);
          expect(parsed.length).toBe(records.length);
          parsed.forEach((fields, i) => {
            const back = fields.map((f) => (!f.quoted && f.value === "" ? null : f.value));
            expect(back).toEqual(records[i]);
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it("reports damaged syntax instead of guessing", () => {
    expect(scanCsvRecord('a,"b\r\n', 0, true)).toMatchObject({ done: true, problem: /never closed/ });
    expect(scanCsvRecord('a,b"c\r\n', 0, true)).toMatchObject({ done: true, problem: /quote inside/ });
    expect(scanCsvRecord('"a"x,b\r\n', 0, true)).toMatchObject({
      done: true,
      problem: /follows a closing quote/,
    });
    expect(scanCsvRecord("a,b\n", 0, true)).toMatchObject({ done: true, problem: /LF instead of CRLF/ });
    expect(scanCsvRecord("a,b", 0, true)).toMatchObject({ done: true, problem: /does not end with CRLF/ });
    expect(scanCsvRecord("a,b", 0, false)).toEqual({ done: false });
  });
});
