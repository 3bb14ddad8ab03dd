/**
 * Writing an audit export: rows go into an export file and, when complete, its manifest.
 * Memory is bounded by the writer's chunk / row group, whatever the number of rows.
 *
 * `AuditExportWriter` is push-based (`add` each row, then `finish`), so a replay can feed it
 * from its output callback without buffering; `exportAudit` drives it from an iterable.
 */
import type { KeyObject } from "node:crypto";
import { existsSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { HindsightError, writingFile } from "../errors.js";
import { VERSION } from "../version.js";
import { type AuditManifest, manifestPathFor, serializeManifest, signManifest } from "./manifest.js";
import {
  AUDIT_FORMAT_VERSION,
  type AuditIdentity,
  type AuditRow,
  type Genesis,
  genesisHash,
  makeGenesis,
  toRecord,
} from "./row.js";
import { type AuditFormat, openWriter, type RecordWriter, type WriterTuning } from "./writers.js";

export interface ExportOptions {
  /** Path of the export; the manifest goes to `<out>.manifest.json`. Neither may exist. */
  readonly out: string;
  /** Defaults to "jsonl". */
  readonly format: AuditFormat;
  /** Only outputs with time ≥ fromNs (inclusive). Defaults to no lower bound. */
  readonly fromNs: bigint | undefined;
  /** Only outputs with time ≤ toNs (inclusive). Defaults to no upper bound. */
  readonly toNs: bigint | undefined;
  /** Ed25519 private key to sign the manifest with. Defaults to unsigned. */
  readonly signKey: KeyObject | undefined;
  /** Writer buffer sizes (tests and benchmarks). */
  readonly tuning: Partial<WriterTuning>;
}

export interface ExportResult {
  readonly out: string;
  readonly manifestPath: string;
  readonly format: AuditFormat;
  readonly rows: number;
  readonly bytes: number;
  readonly sha256: string;
  readonly finalHash: string;
  readonly signed: boolean;
}

/**
 * An export being written. The file is written under `<out>.partial` and renamed into place
 * by `finish`, which then writes the manifest: a crash leaves no manifest, and no file at `out`.
 */
export class AuditExportWriter {
  readonly out: string;
  readonly manifestPath: string;
  readonly format: AuditFormat;
  private readonly genesis: Genesis;
  private readonly genesisHash: string;
  private readonly tmp: string;
  private readonly writer: RecordWriter;
  private prev: string;
  private n = 0;
  private done = false;

  /**
   * @throws HindsightError ALREADY_EXISTS when the export or its manifest exists; IO when the
   *   file cannot be created.
   */
  constructor(
    private readonly identity: AuditIdentity,
    private readonly options: Partial<ExportOptions> & { out: string },
  ) {
    this.format = options.format ?? "jsonl";
    this.out = options.out;
    this.manifestPath = manifestPathFor(this.out);
    for (const p of [this.out, this.manifestPath]) {
      if (existsSync(p)) {
        throw new HindsightError("ALREADY_EXISTS", `${p} already exists`, {
          hint: "choose another --out, or remove the old export and its manifest",
        });
      }
    }
    this.genesis = makeGenesis(identity, { fromNs: options.fromNs, toNs: options.toNs }, VERSION);
    this.genesisHash = genesisHash(this.genesis);
    this.prev = this.genesisHash;
    this.tmp = `${this.out}.partial`;
    // The export is written beside --out first: an error names the file asked for.
    this.writer = writingFile(
      this.out,
      () => {
        rmSync(this.tmp, { force: true });
        return openWriter(this.format, this.tmp, options.tuning ?? {});
      },
      { where: this.out, hint: "choose an --out in a directory you can write to" },
    );
  }

  /** Rows written so far. */
  get rows(): number {
    return this.n;
  }

  /**
   * Adds a row (skipped when outside --from/--to). Returns true when it was written.
   * @throws HindsightError BAD_INPUT for a row that cannot be serialized (the export is aborted).
   */
  add(row: AuditRow): boolean {
    if (this.done) throw new HindsightError("CLOSED", `the audit export ${this.out} is finished`);
    const { fromNs, toNs } = this.options;
    if (fromNs !== undefined && row.outputTimeNs < fromNs) return false;
    if (toNs !== undefined && row.outputTimeNs > toNs) return false;
    try {
      const rec = toRecord(row, this.n, this.prev, this.identity);
      this.writer.write(rec);
      this.prev = rec.row_hash as string;
    } catch (e) {
      this.abort();
      throw e;
    }
    this.n++;
    return true;
  }

  /** Completes the file, renames it into place and writes the (signed) manifest. */
  finish(): ExportResult {
    if (this.done) throw new HindsightError("CLOSED", `the audit export ${this.out} is finished`);
    let written: { bytes: number; sha256: string };
    try {
      written = this.writer.close();
    } catch (e) {
      this.abort();
      throw e;
    }
    this.done = true;
    renameSync(this.tmp, this.out);
    let manifest: AuditManifest = {
      kind: "hindsight.audit.manifest",
      version: AUDIT_FORMAT_VERSION,
      format: this.format,
      rows: this.n,
      file_bytes: written.bytes,
      file_sha256: written.sha256,
      genesis: this.genesis,
      genesis_hash: this.genesisHash,
      final_hash: this.prev,
    };
    if (this.options.signKey) manifest = signManifest(manifest, this.options.signKey);
    writeFileSync(this.manifestPath, serializeManifest(manifest), { flag: "wx" });
    return {
      out: this.out,
      manifestPath: this.manifestPath,
      format: this.format,
      rows: this.n,
      bytes: written.bytes,
      sha256: written.sha256,
      finalHash: this.prev,
      signed: this.options.signKey !== undefined,
    };
  }

  /** Stops writing and removes the partial file. Safe to call more than once. */
  abort(): void {
    if (this.done) return;
    this.done = true;
    this.writer.abort();
    rmSync(this.tmp, { force: true });
  }
}

/**
 * Writes every row of `rows` (in order) to `options.out`, then its manifest.
 * @throws HindsightError ALREADY_EXISTS when the export or manifest exists; BAD_INPUT for a
 *   row that cannot be serialized; IO on write failures. Errors of the source pass through
 *   (and leave no export behind).
 */
export async function exportAudit(
  rows: AsyncIterable<AuditRow> | Iterable<AuditRow>,
  identity: AuditIdentity,
  options: Partial<ExportOptions> & { out: string },
): Promise<ExportResult> {
  const w = new AuditExportWriter(identity, options);
  try {
    for await (const row of rows) w.add(row);
  } catch (e) {
    w.abort();
    throw e;
  }
  return w.finish();
}
