/**
 * Reads a Parquet audit export row group by row group, decoding in a worker thread.
 *
 * Why a worker: the file being verified may have been tampered with, and a damaged Parquet
 * page can send a decoder into a loop or a huge allocation (hyparquet loops forever on some
 * corrupt RLE runs). The worker has a memory limit and each row group a time limit; when
 * either is hit the worker is ended and the row group is reported unreadable, naming its
 * first row. The worker decodes one row group per request, so memory stays bounded.
 */
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { Worker } from "node:worker_threads";
import { type AsyncBuffer, parquetMetadataAsync, parquetReadObjects } from "hyparquet";
import type { ReadItem } from "./readers.js";
import { AUDIT_COLUMNS, type AuditRecord, COLUMN_NAMES, recordShapeProblem } from "./row.js";
import { parquetSchema } from "./writers.js";

// Plain JS, evaluated as the worker's script: works the same from sources (tsx, vitest) and
// from the built package, with no separate file to ship.
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const fs = require("node:fs");
(async () => {
  const { parquetMetadataAsync, parquetReadObjects } = await import(workerData.hyparquet);
  const fd = fs.openSync(workerData.path, "r");
  const size = fs.fstatSync(fd).size;
  const file = {
    byteLength: size,
    slice(start, end) {
      const s = Math.max(0, Math.min(start, size));
      const e = Math.max(s, Math.min(end === undefined ? size : end, size));
      const buf = new Uint8Array(e - s);
      let off = 0;
      while (off < buf.length) {
        const n = fs.readSync(fd, buf, off, buf.length - off, s + off);
        if (n === 0) break;
        off += n;
      }
      return buf.buffer;
    },
  };
  let metadata;
  try {
    metadata = await parquetMetadataAsync(file);
  } catch (e) {
    parentPort.postMessage({ type: "error", message: String(e && e.message || e) });
    return;
  }
  const groups = metadata.row_groups.map((g) => Number(g.num_rows));
  const schema = metadata.schema.map((e) => ({
    name: e.name, type: e.type, repetition_type: e.repetition_type,
    converted_type: e.converted_type, num_children: e.num_children,
  }));
  parentPort.postMessage({ type: "meta", groups, schema });
  let rowStart = 0;
  let g = 0;
  parentPort.on("message", async () => {
    if (g >= groups.length) return;
    const count = groups[g];
    try {
      const rows = await parquetReadObjects({ file, metadata, rowStart, rowEnd: rowStart + count });
      parentPort.postMessage({ type: "rows", group: g, rows });
    } catch (e) {
      parentPort.postMessage({ type: "error", group: g, message: String(e && e.message || e) });
    }
    rowStart += count;
    g++;
  });
})().catch((e) => parentPort.postMessage({ type: "error", message: String(e && e.message || e) }));
`;

type WorkerMsg =
  | { type: "meta"; groups: number[]; schema: Record<string, unknown>[] }
  | { type: "rows"; group: number; rows: Record<string, unknown>[] }
  | { type: "error"; group?: number; message: string };

/** A channel to the worker: each `next()` resolves with its next message, or rejects on timeout/exit. */
class Channel {
  private readonly queue: WorkerMsg[] = [];
  private waiter: { resolve: (m: WorkerMsg) => void; reject: (e: Error) => void } | undefined;
  private failure: Error | undefined;
  constructor(worker: Worker) {
    worker.on("message", (m: WorkerMsg) => {
      if (this.waiter) {
        const w = this.waiter;
        this.waiter = undefined;
        w.resolve(m);
      } else this.queue.push(m);
    });
    const fail = (e: Error) => {
      this.failure ??= e;
      if (this.waiter) {
        const w = this.waiter;
        this.waiter = undefined;
        w.reject(this.failure);
      }
    };
    worker.on("error", (e) => fail(e));
    worker.on("exit", (code) => fail(new Error(`the decoder stopped (exit ${code})`)));
  }
  next(timeoutMs: number): Promise<WorkerMsg> {
    const q = this.queue.shift();
    if (q) return Promise.resolve(q);
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiter = undefined;
        reject(new Error(`decoding took longer than ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiter = {
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      };
    });
  }
}

function schemaMatches(actual: Record<string, unknown>[]): boolean {
  const expected = parquetSchema();
  return (
    actual.length === expected.length &&
    expected.every((e, i) => {
      const a = actual[i];
      if (!a) return false;
      // The root group's name is the writer's choice ("root", "schema"...): only its columns count.
      if (i === 0) return a["num_children"] === AUDIT_COLUMNS.length;
      if (a["name"] !== e.name) return false;
      const ee = e as Record<string, unknown>;
      return (
        a["type"] === ee["type"] &&
        a["repetition_type"] === ee["repetition_type"] &&
        (a["converted_type"] ?? undefined) === (ee["converted_type"] ?? undefined)
      );
    })
  );
}

function toReadRow(o: Record<string, unknown>, position: number, group: number): ReadItem {
  const where = `row group ${group}`;
  const r: Record<string, unknown> = {};
  let problem: string | undefined;
  for (const c of COLUMN_NAMES) {
    let v = o[c];
    if (typeof v === "bigint") {
      if (v < 0n || v > BigInt(Number.MAX_SAFE_INTEGER)) problem ??= `column ${c} is out of range`;
      v = Number(v);
    }
    r[c] = v === undefined ? null : v;
  }
  problem ??= recordShapeProblem(r);
  return problem ? { position, where, problem } : { position, where, record: r as AuditRecord };
}

/** A file as hyparquet's AsyncBuffer, read synchronously: each slice is complete when returned. */
function syncFileBuffer(fd: number, size: number): AsyncBuffer {
  return {
    byteLength: size,
    slice(start: number, end?: number): ArrayBuffer {
      const s = Math.max(0, Math.min(start, size));
      const e = Math.max(s, Math.min(end ?? size, size));
      const buf = new Uint8Array(e - s);
      let off = 0;
      while (off < buf.length) {
        const n = readSync(fd, buf, off, buf.length - off, s + off);
        if (n === 0) break;
        off += n;
      }
      return buf.buffer;
    },
  };
}

/**
 * Yields the rows of the Parquet export at `path`, or a file problem where it cannot be read.
 * `trusted`: the file's bytes are known to be the ones hindsight wrote (its digest matched the
 * manifest), so it is decoded in this thread; otherwise in a worker, with `groupTimeoutMs`
 * bounding the time to decode one row group.
 */
export function readParquet(
  path: string,
  opts: { trusted: boolean; groupTimeoutMs: number },
): AsyncGenerator<ReadItem> {
  return opts.trusted ? readParquetHere(path) : readParquetIsolated(path, opts.groupTimeoutMs);
}

async function* readParquetHere(path: string): AsyncGenerator<ReadItem> {
  const fd = openSync(path, "r");
  try {
    const file = syncFileBuffer(fd, fstatSync(fd).size);
    let metadata: Awaited<ReturnType<typeof parquetMetadataAsync>>;
    try {
      metadata = await parquetMetadataAsync(file);
    } catch (e) {
      yield { fileProblem: `the Parquet file cannot be read (${(e as Error).message})`, where: "footer" };
      return;
    }
    if (!schemaMatches(metadata.schema as unknown as Record<string, unknown>[])) {
      yield { fileProblem: "the Parquet schema is not the audit export schema", where: "footer" };
      return;
    }
    let position = 0;
    for (let g = 0; g < metadata.row_groups.length; g++) {
      const count = Number(metadata.row_groups[g]!.num_rows);
      const span = `row group ${g} (rows ${position}–${position + count - 1})`;
      let rows: Record<string, unknown>[];
      try {
        rows = await parquetReadObjects({ file, metadata, rowStart: position, rowEnd: position + count });
      } catch (e) {
        yield { fileProblem: `${span} cannot be read (${(e as Error).message})`, where: span };
        return;
      }
      if (rows.length !== count) {
        yield { fileProblem: `${span} has ${rows.length} rows, its header says ${count}`, where: span };
        return;
      }
      for (const o of rows) yield toReadRow(o, position++, g);
    }
  } finally {
    closeSync(fd);
  }
}

async function* readParquetIsolated(path: string, groupTimeoutMs: number): AsyncGenerator<ReadItem> {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { path, hyparquet: import.meta.resolve("hyparquet") },
    resourceLimits: { maxOldGenerationSizeMb: 512, maxYoungGenerationSizeMb: 64 },
    stdout: true,
    stderr: true,
  });
  const ch = new Channel(worker);
  try {
    let meta: WorkerMsg;
    try {
      meta = await ch.next(groupTimeoutMs);
    } catch (e) {
      yield { fileProblem: `the Parquet file cannot be read (${(e as Error).message})`, where: "footer" };
      return;
    }
    if (meta.type !== "meta") {
      yield {
        fileProblem: `the Parquet file cannot be read (${meta.type === "error" ? meta.message : "?"})`,
        where: "footer",
      };
      return;
    }
    if (!schemaMatches(meta.schema)) {
      yield { fileProblem: "the Parquet schema is not the audit export schema", where: "footer" };
      return;
    }
    let position = 0;
    for (let g = 0; g < meta.groups.length; g++) {
      const count = meta.groups[g]!;
      const span = `row group ${g} (rows ${position}–${position + count - 1})`;
      worker.postMessage("next");
      let msg: WorkerMsg;
      try {
        msg = await ch.next(groupTimeoutMs);
      } catch (e) {
        yield { fileProblem: `${span} cannot be read (${(e as Error).message})`, where: span };
        return;
      }
      if (msg.type !== "rows") {
        yield {
          fileProblem: `${span} cannot be read (${msg.type === "error" ? msg.message : "?"})`,
          where: span,
        };
        return;
      }
      if (msg.rows.length !== count) {
        yield { fileProblem: `${span} has ${msg.rows.length} rows, its header says ${count}`, where: span };
        return;
      }
      for (const o of msg.rows) yield toReadRow(o, position++, g);
    }
  } finally {
    await worker.terminate();
  }
}
