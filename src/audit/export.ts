/**
 * `exportAudit`: stream audit rows from a source into an export file and its manifest.
 * Memory is bounded by the writer's chunk / row group, whatever the number of rows.
 */

import type { KeyObject } from "node:crypto";
import { existsSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { HindsightError } from "../errors.js";
import { VERSION } from "../version.js";
import { type AuditManifest, manifestPathFor, serializeManifest, signManifest } from "./manifest.js";
import {
  AUDIT_FORMAT_VERSION,
  type AuditIdentity,
  type AuditRow,
  genesisHash,
  makeGenesis,
  toRecord,
} from "./row.js";
import { type AuditFormat, openWriter, type WriterTuning } from "./writers.js";

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
  /** Called after each row is written (for progress). */
  readonly onRow: ((row: AuditRow, written: number) => void) | undefined;
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
 * Writes every row of `rows` (in order) to `options.out` and writes the manifest last, so a
 * crash leaves no manifest and the half-written export fails verification. The export is
 * written under a temporary name and renamed into place when complete.
 * @throws HindsightError ALREADY_EXISTS when the export or manifest exists; BAD_INPUT for a
 *   row that cannot be serialized; IO on write failures. Errors of the source pass through.
 */
export async function exportAudit(
  rows: AsyncIterable<AuditRow> | Iterable<AuditRow>,
  identity: AuditIdentity,
  options: Partial<ExportOptions> & { out: string },
): Promise<ExportResult> {
  const format = options.format ?? "jsonl";
  const out = options.out;
  const manifestPath = manifestPathFor(out);
  for (const p of [out, manifestPath]) {
    if (existsSync(p)) {
      throw new HindsightError("ALREADY_EXISTS", `${p} already exists`, {
        hint: "choose another --out, or remove the old export and its manifest",
      });
    }
  }
  const range = { fromNs: options.fromNs, toNs: options.toNs };
  const genesis = makeGenesis(identity, range, VERSION);
  const gHash = genesisHash(genesis);
  const tmp = `${out}.partial`;
  rmSync(tmp, { force: true });
  const writer = openWriter(format, tmp, options.tuning ?? {});
  let prev = gHash;
  let n = 0;
  let written: { bytes: number; sha256: string };
  try {
    for await (const row of rows) {
      if (options.fromNs !== undefined && row.outputTimeNs < options.fromNs) continue;
      if (options.toNs !== undefined && row.outputTimeNs > options.toNs) continue;
      const rec = toRecord(row, n, prev, identity);
      writer.write(rec);
      prev = rec.row_hash as string;
      n++;
      options.onRow?.(row, n);
    }
    written = writer.close();
  } catch (e) {
    writer.abort();
    rmSync(tmp, { force: true });
    throw e;
  }
  renameSync(tmp, out);
  let manifest: AuditManifest = {
    kind: "hindsight.audit.manifest",
    version: AUDIT_FORMAT_VERSION,
    format,
    rows: n,
    file_bytes: written.bytes,
    file_sha256: written.sha256,
    genesis,
    genesis_hash: gHash,
    final_hash: prev,
  };
  if (options.signKey) manifest = signManifest(manifest, options.signKey);
  writeFileSync(manifestPath, serializeManifest(manifest), { flag: "wx" });
  return {
    out,
    manifestPath,
    format,
    rows: n,
    bytes: written.bytes,
    sha256: written.sha256,
    finalHash: prev,
    signed: options.signKey !== undefined,
  };
}
