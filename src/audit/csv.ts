/**
 * CSV per RFC 4180: records end with CRLF; a field containing a comma, a double quote, CR
 * or LF is enclosed in double quotes, and a double quote inside it is doubled. hindsight
 * also quotes the empty string (`""`), so that an empty unquoted field can stand for null
 * (RFC 4180 has no null; docs/AUDIT.md "CSV").
 *
 * Pure: no I/O.
 */

/** One parsed field: its text and whether it was enclosed in quotes. */
export interface CsvField {
  readonly value: string;
  readonly quoted: boolean;
}

const NEEDS_QUOTES = /[",\r\n]/;

/** Encodes one field; `null` is the empty unquoted field. */
export function csvField(v: string | number | null): string {
  if (v === null) return "";
  if (typeof v === "number") return String(v);
  if (v === "" || NEEDS_QUOTES.test(v)) return `"${v.replaceAll('"', '""')}"`;
  return v;
}

/** Encodes one record, CRLF included. */
export function csvRecord(values: readonly (string | number | null)[]): string {
  let s = "";
  for (let i = 0; i < values.length; i++) {
    if (i > 0) s += ",";
    s += csvField(values[i] ?? null);
  }
  return s + "\r\n";
}

/** Result of scanning for one record in a buffer of text. */
export type CsvScan =
  | { readonly done: false }
  | {
      readonly done: true;
      readonly fields: CsvField[];
      /** Index just past the record (past its line end). */
      readonly end: number;
      /** A problem with the record's syntax (a stray quote...), if any. */
      readonly problem?: string;
    };

/**
 * Scans one record of `text` starting at `start`. A record ends at CRLF (or, leniently, a
 * bare LF, so that a damaged line end is reported as a changed record rather than merging
 * two records) outside quotes. When `eof` is false and the buffer ends inside the record,
 * returns `{done:false}`: more text is needed. At `eof`, the rest of the text is the record.
 */
export function scanCsvRecord(text: string, start: number, eof: boolean): CsvScan {
  const fields: CsvField[] = [];
  let i = start;
  let problem: string | undefined;
  const n = text.length;
  for (;;) {
    // One field.
    if (i < n && text.charCodeAt(i) === 34 /* " */) {
      let value = "";
      let j = i + 1;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0) {
          if (!eof) return { done: false };
          value += text.slice(j);
          problem ??= "an opening quote is never closed";
          j = n;
          break;
        }
        value += text.slice(j, q);
        if (q + 1 < n && text.charCodeAt(q + 1) === 34) {
          value += '"';
          j = q + 2;
          continue;
        }
        if (q + 1 >= n && !eof) return { done: false };
        j = q + 1;
        break;
      }
      // After the closing quote: a separator, a line end, or the end of the text.
      let k = j;
      while (k < n) {
        const c = text.charCodeAt(k);
        if (c === 44 || c === 13 || c === 10) break;
        k++;
      }
      if (k > j) {
        problem ??= "text follows a closing quote";
        value += text.slice(j, k);
      }
      fields.push({ value, quoted: true });
      i = k;
    } else {
      let k = i;
      while (k < n) {
        const c = text.charCodeAt(k);
        if (c === 44 || c === 13 || c === 10) break;
        if (c === 34) problem ??= "a quote inside an unquoted field";
        k++;
      }
      fields.push({ value: text.slice(i, k), quoted: false });
      i = k;
    }
    // Separator or record end.
    if (i >= n) {
      if (!eof) return { done: false };
      problem ??= "the last record does not end with CRLF";
      return { done: true, fields, end: n, problem };
    }
    const c = text.charCodeAt(i);
    if (c === 44) {
      i++;
      continue;
    }
    if (c === 13) {
      if (i + 1 >= n && !eof) return { done: false };
      if (i + 1 < n && text.charCodeAt(i + 1) === 10) {
        return problem === undefined
          ? { done: true, fields, end: i + 2 }
          : { done: true, fields, end: i + 2, problem };
      }
      problem ??= "a bare CR ends a record";
      return { done: true, fields, end: i + 1, problem };
    }
    // c === 10
    problem ??= "a record ends with LF instead of CRLF";
    return { done: true, fields, end: i + 1, problem };
  }
}
