/**
 * Streaming readers of audit exports, one per format. Each yields the rows in file order
 * with, for the text formats, whether the row's bytes are exactly the bytes hindsight
 * would write for it (so a change that leaves the parsed values alone, such as added
 * whitespace, is still caught), and where the row is in the file.
 */
import { closeSync, openSync, readSync } from "node:fs";
import { type CsvField, scanCsvRecord } from "./csv.js";
import { readParquet } from "./parquet-reader.js";
import { AUDIT_COLUMNS, type AuditRecord, recordShapeProblem } from "./row.js";
import { CSV_HEADER, csvLine, jsonlLine } from "./writers.js";

export interface ReadRow {
  /** Position of the row in the file (0-based, counting rows, not header). */
  readonly position: number;
  /** Human location: "line 12" (JSONL), "record 12" (CSV), "row group 0, row 12" (Parquet). */
  readonly where: string;
  /** The parsed record, when it could be parsed into the audit columns. */
  readonly record?: AuditRecord;
  /** Why the row is not what hindsight writes (syntax, shape, non-canonical bytes). */
  readonly problem?: string;
}

/** A problem with the file as a whole (not one row): unreadable, wrong header, trailing bytes. */
export interface FileProblem {
  readonly fileProblem: string;
  readonly where: string;
}

export type ReadItem = ReadRow | FileProblem;

const CHUNK = 1 << 20;

/** Reads a file in chunks; yields Buffers. */
function* chunks(path: string): Generator<Buffer> {
  const fd = openSync(path, "r");
  try {
    for (;;) {
      const buf = Buffer.allocUnsafe(CHUNK);
      const n = readSync(fd, buf, 0, CHUNK, null);
      if (n === 0) return;
      yield buf.subarray(0, n);
    }
  } finally {
    closeSync(fd);
  }
}

const fatalUtf8 = () => new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

export function* readJsonl(path: string): Generator<ReadItem> {
  let carry: Buffer = Buffer.alloc(0);
  let position = 0;
  const decoder = fatalUtf8();
  const line = (bytes: Buffer, terminated: boolean): ReadRow => {
    const where = `line ${position + 1}`;
    const p = position++;
    let text: string;
    try {
      text = decoder.decode(bytes);
    } catch {
      return { position: p, where, problem: "is not valid UTF-8" };
    }
    let v: unknown;
    try {
      v = JSON.parse(text);
    } catch {
      return { position: p, where, problem: "is not JSON" };
    }
    if (v === null || typeof v !== "object" || Array.isArray(v))
      return { position: p, where, problem: "is not a JSON object" };
    const shape = recordShapeProblem(v as Record<string, unknown>);
    if (shape) return { position: p, where, problem: shape };
    const record = v as AuditRecord;
    const expect = jsonlLine(record);
    if (!terminated) return { position: p, where, record, problem: "does not end with a line feed" };
    if (expect !== `${text}\n`)
      return { position: p, where, record, problem: "is not in canonical form (its bytes were changed)" };
    return { position: p, where, record };
  };
  for (const chunk of chunks(path)) {
    let buf = carry.length ? Buffer.concat([carry, chunk]) : chunk;
    let start = 0;
    for (;;) {
      const nl = buf.indexOf(10, start);
      if (nl < 0) break;
      yield line(buf.subarray(start, nl), true);
      start = nl + 1;
    }
    buf = buf.subarray(start);
    carry = Buffer.from(buf);
  }
  if (carry.length > 0) yield line(carry, false);
}

function csvToRecord(fields: CsvField[]): { record?: AuditRecord; problem?: string } {
  if (fields.length !== AUDIT_COLUMNS.length) {
    return { problem: `has ${fields.length} fields, expected ${AUDIT_COLUMNS.length}` };
  }
  const r: Record<string, string | number | null> = {};
  for (let i = 0; i < AUDIT_COLUMNS.length; i++) {
    const c = AUDIT_COLUMNS[i]!;
    const f = fields[i]!;
    if (!f.quoted && f.value === "") {
      r[c.name] = null;
    } else if (c.type === "int") {
      if (f.quoted || !/^(0|[1-9][0-9]*)$/.test(f.value))
        return { problem: `column ${c.name} is not an integer` };
      r[c.name] = Number(f.value);
    } else {
      r[c.name] = f.value;
    }
  }
  const shape = recordShapeProblem(r);
  if (shape) return { problem: shape };
  return { record: r as AuditRecord };
}

export function* readCsv(path: string): Generator<ReadItem> {
  const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  let text = "";
  let position = -1; // -1: the header
  let eof = false;
  const it = chunks(path);
  let start = 0;
  for (;;) {
    if (start >= text.length && eof) return;
    const scan = scanCsvRecord(text, start, eof);
    if (!scan.done) {
      const next = it.next();
      text = text.slice(start);
      start = 0;
      try {
        if (next.done) {
          text += decoder.decode();
          eof = true;
        } else {
          text += decoder.decode(next.value, { stream: true });
        }
      } catch {
        yield {
          fileProblem: "the file is not valid UTF-8",
          where: position < 0 ? "header" : `record ${position + 1}`,
        };
        return;
      }
      continue;
    }
    const raw = text.slice(start, scan.end);
    start = scan.end;
    if (position < 0) {
      position = 0;
      if (raw !== CSV_HEADER) {
        yield { fileProblem: `the header is not ${JSON.stringify(CSV_HEADER)}`, where: "header" };
        return;
      }
      continue;
    }
    const p = position++;
    const where = `record ${p + 1} after the header`;
    if (scan.problem) {
      yield { position: p, where, problem: scan.problem };
      continue;
    }
    const { record, problem } = csvToRecord(scan.fields);
    if (!record) {
      yield { position: p, where, problem: problem ?? "cannot be read" };
      continue;
    }
    if (csvLine(record) !== raw) {
      yield { position: p, where, record, problem: "is not in canonical form (its bytes were changed)" };
      continue;
    }
    yield { position: p, where, record };
  }
}

export interface ReadOptions {
  /** Parquet: how long one row group may take to decode before the file counts as unreadable. Defaults to 30 s. */
  readonly parquetGroupTimeoutMs?: number;
  /** Parquet: the file's digest matched its manifest, so it may be decoded without isolation. */
  readonly trusted?: boolean;
}

export function readExport(
  format: "jsonl" | "csv" | "parquet",
  path: string,
  options: ReadOptions = {},
): AsyncIterable<ReadItem> | Iterable<ReadItem> {
  switch (format) {
    case "jsonl":
      return readJsonl(path);
    case "csv":
      return readCsv(path);
    case "parquet":
      return readParquet(path, {
        trusted: options.trusted ?? false,
        groupTimeoutMs: options.parquetGroupTimeoutMs ?? 30_000,
      });
  }
}
