/**
 * Streaming writers for the three export formats. Each holds at most one chunk (text) or
 * one row group (Parquet) in memory, and hashes the bytes as they go to disk, so the
 * export's SHA-256 is known at close without reading the file back.
 */
import { createHash, type Hash } from "node:crypto";
import { closeSync, fsyncSync, openSync, writeSync } from "node:fs";
import { ByteWriter, ParquetWriter } from "hyparquet-writer";
import { HindsightError } from "../errors.js";
import { VERSION } from "../version.js";
import { csvRecord } from "./csv.js";
import { AUDIT_COLUMNS, type AuditRecord, COLUMN_NAMES } from "./row.js";

export const AUDIT_FORMATS = ["jsonl", "csv", "parquet"] as const;
export type AuditFormat = (typeof AUDIT_FORMATS)[number];

export interface WrittenFile {
  readonly bytes: number;
  readonly sha256: string;
}

export interface RecordWriter {
  write(r: AuditRecord): void;
  /** Writes what is buffered, fsyncs and closes the file. */
  close(): WrittenFile;
  /** Closes the file without finishing it (after an error). */
  abort(): void;
}

export interface WriterTuning {
  /** Text formats: bytes buffered before a write(2). Defaults to 1 MiB. */
  readonly chunkBytes: number;
  /** Parquet: rows per row group. Defaults to 10 000 (a decoded group of ~1 KiB rows is ~20 MiB). */
  readonly rowGroupRows: number;
}
export const DEFAULT_TUNING: WriterTuning = Object.freeze({ chunkBytes: 1 << 20, rowGroupRows: 10_000 });

/** An fd that counts and hashes every byte written to it. */
class HashedFile {
  private readonly hash: Hash = createHash("sha256");
  bytes = 0;
  private fd: number | undefined;
  constructor(readonly path: string) {
    try {
      this.fd = openSync(path, "wx");
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "EEXIST") {
        throw new HindsightError("ALREADY_EXISTS", `${path} already exists`, {
          hint: "choose another --out or remove the old export and its manifest",
        });
      }
      throw new HindsightError("IO", `cannot create ${path}: ${(e as Error).message}`, { cause: e });
    }
  }
  write(data: Uint8Array): void {
    if (this.fd === undefined) throw new HindsightError("CLOSED", `${this.path} is closed`);
    let off = 0;
    while (off < data.length) off += writeSync(this.fd, data, off, data.length - off);
    this.hash.update(data);
    this.bytes += data.length;
  }
  close(): WrittenFile {
    if (this.fd !== undefined) {
      fsyncSync(this.fd);
      closeSync(this.fd);
      this.fd = undefined;
    }
    return { bytes: this.bytes, sha256: this.hash.digest("hex") };
  }
  abort(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}

/** Buffers text and writes it in chunks. */
class TextWriter {
  private parts: string[] = [];
  private pending = 0;
  constructor(
    private readonly file: HashedFile,
    private readonly chunkBytes: number,
  ) {}
  push(s: string): void {
    this.parts.push(s);
    this.pending += s.length;
    if (this.pending >= this.chunkBytes) this.flush();
  }
  flush(): void {
    if (this.parts.length === 0) return;
    this.file.write(Buffer.from(this.parts.join(""), "utf8"));
    this.parts = [];
    this.pending = 0;
  }
}

/**
 * JSONL: each line is one JSON object with the columns in AUDIT_COLUMNS order, no
 * whitespace, then LF. (The row hash is over the RFC 8785 form, which sorts the keys; the
 * line keeps column order so `row`, `prev_hash` and `row_hash` come first for a reader.)
 */
export function jsonlLine(r: AuditRecord): string {
  let s = "{";
  for (let i = 0; i < COLUMN_NAMES.length; i++) {
    const k = COLUMN_NAMES[i]!;
    if (i > 0) s += ",";
    s += `${JSON.stringify(k)}:${JSON.stringify(r[k])}`;
  }
  return s + "}\n";
}

/** CSV: the header record, then one record per row, in AUDIT_COLUMNS order. */
export const CSV_HEADER = csvRecord(COLUMN_NAMES);
export function csvLine(r: AuditRecord): string {
  return csvRecord(COLUMN_NAMES.map((c) => r[c]));
}

function textWriter(path: string, tuning: WriterTuning, header: string, line: (r: AuditRecord) => string) {
  const file = new HashedFile(path);
  const text = new TextWriter(file, tuning.chunkBytes);
  if (header) text.push(header);
  return {
    write(r: AuditRecord) {
      text.push(line(r));
    },
    close() {
      text.flush();
      return file.close();
    },
    abort() {
      file.abort();
    },
  } satisfies RecordWriter;
}

/** The Parquet schema of an audit export: strings are UTF8 byte arrays, ints INT64. */
export function parquetSchema() {
  return [
    { name: "root", num_children: AUDIT_COLUMNS.length },
    ...AUDIT_COLUMNS.map((c) => ({
      name: c.name,
      type: c.type === "int" ? ("INT64" as const) : ("BYTE_ARRAY" as const),
      ...(c.type === "string" ? { converted_type: "UTF8" as const } : {}),
      repetition_type: c.nullable ? ("OPTIONAL" as const) : ("REQUIRED" as const),
    })),
  ];
}

/** A hyparquet-writer sink that streams each finished row group to the hashed file. */
class FileSink extends ByteWriter {
  constructor(private readonly file: HashedFile) {
    super(1 << 16);
  }
  flush(): void {
    if (this.index > 0) {
      this.file.write(new Uint8Array(this.buffer, 0, this.index));
      this.index = 0;
    }
  }
  override finish(): void {
    this.flush();
  }
}

function parquetWriter(path: string, tuning: WriterTuning): RecordWriter {
  const file = new HashedFile(path);
  const sink = new FileSink(file);
  const pq = new ParquetWriter({
    writer: sink,
    schema: parquetSchema(),
    codec: "SNAPPY",
    createdBy: `hindsight ${VERSION}`,
    kvMetadata: [{ key: "hindsight.audit.version", value: "1" }],
  });
  let columns: (string | bigint | null)[][] = AUDIT_COLUMNS.map(() => []);
  let n = 0;
  const flushGroup = () => {
    if (n === 0) return;
    pq.write({
      columnData: AUDIT_COLUMNS.map((c, i) => ({ name: c.name, data: columns[i]! })),
      rowGroupSize: n,
    });
    sink.flush();
    columns = AUDIT_COLUMNS.map(() => []);
    n = 0;
  };
  return {
    write(r) {
      for (let i = 0; i < AUDIT_COLUMNS.length; i++) {
        const c = AUDIT_COLUMNS[i]!;
        const v = r[c.name];
        columns[i]!.push(v === null ? null : typeof v === "number" ? BigInt(v) : v);
      }
      n++;
      if (n >= tuning.rowGroupRows) flushGroup();
    },
    close() {
      flushGroup();
      pq.finish();
      return file.close();
    },
    abort() {
      file.abort();
    },
  };
}

export function openWriter(
  format: AuditFormat,
  path: string,
  tuning: Partial<WriterTuning> = {},
): RecordWriter {
  const t = { ...DEFAULT_TUNING, ...tuning };
  switch (format) {
    case "jsonl":
      return textWriter(path, t, "", jsonlLine);
    case "csv":
      return textWriter(path, t, CSV_HEADER, csvLine);
    case "parquet":
      return parquetWriter(path, t);
  }
}
