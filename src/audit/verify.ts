/**
 * `verifyAudit`: check an export against its manifest, its hash chain and its signature.
 * Returns a result naming the first bad row rather than throwing, so callers can render it;
 * the CLI turns a failed result into AUDIT_TAMPERED (exit 4).
 */
import { createHash, type KeyObject } from "node:crypto";
import { closeSync, openSync, readFileSync, readSync, statSync } from "node:fs";
import { HindsightError } from "../errors.js";
import {
  type AuditManifest,
  checkSignature,
  manifestPathFor,
  parseManifest,
  type SignatureCheck,
} from "./manifest.js";
import { readExport } from "./readers.js";
import { AUDIT_FORMAT_VERSION, COLUMN_NAMES, genesisHash, rowHash } from "./row.js";

/** Bad rows listed one by one; more are counted in one problem. */
const MAX_ROW_PROBLEMS = 20;

export interface AuditProblem {
  /** What kind of problem: manifest, signature, file, row, chain, count. */
  readonly kind: "manifest" | "signature" | "file" | "row" | "chain" | "count";
  /** The first bad row (0-based position in the export), when one can be named. */
  readonly row?: number;
  /** Where, in words: "line 12", "record 3 after the header", "manifest". */
  readonly where: string;
  readonly message: string;
}

export interface VerifyResult {
  readonly ok: boolean;
  readonly export: string;
  readonly manifest: string;
  readonly format: string | undefined;
  /** Rows that were read and chained correctly before the first problem (all of them when ok). */
  readonly rowsVerified: number;
  readonly rows: number | undefined;
  readonly finalHash: string | undefined;
  readonly signature: SignatureCheck["status"];
  readonly signerFingerprint?: string;
  /** True when the signature was checked against a key the caller gave (--pubkey). */
  readonly signerTrusted: boolean;
  /** All problems found, most telling first. Empty when ok. */
  readonly problems: readonly AuditProblem[];
}

export interface VerifyOptions {
  /** The public key the manifest must be signed with. Defaults to: check with the embedded key, if any. */
  readonly publicKey?: KeyObject | undefined;
  /** Parquet: time allowed to decode one row group before the file counts as unreadable. Defaults to 30 s. */
  readonly parquetGroupTimeoutMs?: number | undefined;
}

function fileDigest(path: string): { bytes: number; sha256: string } {
  const h = createHash("sha256");
  const fd = openSync(path, "r");
  const buf = Buffer.allocUnsafe(1 << 20);
  let bytes = 0;
  try {
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      h.update(buf.subarray(0, n));
      bytes += n;
    }
  } finally {
    closeSync(fd);
  }
  return { bytes, sha256: h.digest("hex") };
}

/** "row 3 (line 4) is not JSON", or, for a problem that is not a predicate, "row 3 (…): a bare CR ends a record". */
const said = (at: string, problem: string): string =>
  /^(is|has|does|cannot|lacks)\b/.test(problem) ? `${at} ${problem}` : `${at}: ${problem}`;

/**
 * Verifies the export at `path` with the manifest at `<path>.manifest.json`.
 * @throws HindsightError NOT_FOUND when the export itself does not exist, BAD_INPUT when it is a directory.
 */
export async function verifyAudit(path: string, options: VerifyOptions = {}): Promise<VerifyResult> {
  const st = statSync(path, { throwIfNoEntry: false });
  if (!st)
    throw new HindsightError("NOT_FOUND", `${path} does not exist`, {
      hint: "give the path of an audit export",
    });
  if (!st.isFile())
    throw new HindsightError("BAD_INPUT", `${path} is not a file`, {
      hint: "give the path of an audit export",
    });
  const manifestPath = manifestPathFor(path);
  const base = { export: path, manifest: manifestPath, signerTrusted: false } as const;
  /** The result when the manifest itself cannot be used: nothing else is checked. */
  const unusableManifest = (signature: "absent" | "invalid", message: string): VerifyResult => ({
    ...base,
    ok: false,
    format: undefined,
    rowsVerified: 0,
    rows: undefined,
    finalHash: undefined,
    signature,
    problems: [{ kind: "manifest", where: manifestPath, message }],
  });

  let text: string;
  try {
    text = readFileSync(manifestPath, "utf8");
  } catch {
    return unusableManifest("absent", "the export's manifest is missing: the export cannot be trusted");
  }
  const parsed = parseManifest(text);
  if ("problem" in parsed) return unusableManifest("invalid", parsed.problem);
  const m: AuditManifest = parsed.manifest;
  // A manifest that fails its signature or does not describe this format first (nothing it says
  // can be relied on), then row-level problems (they name the first bad row), then the rest.
  const problems: AuditProblem[] = [];
  const manifestProblems: AuditProblem[] = [];

  const sig = checkSignature(m, options.publicKey);
  if (sig.status === "invalid")
    manifestProblems.push({ kind: "signature", where: manifestPath, message: sig.reason });

  const g = m.genesis as unknown as Record<string, unknown>;
  if (
    g["kind"] !== "hindsight.audit" ||
    g["version"] !== AUDIT_FORMAT_VERSION ||
    JSON.stringify(g["columns"]) !== JSON.stringify(COLUMN_NAMES)
  ) {
    manifestProblems.push({
      kind: "manifest",
      where: manifestPath,
      message: "the manifest's genesis does not describe this export format",
    });
  }
  let gHash: string | undefined;
  try {
    gHash = genesisHash(m.genesis);
  } catch {
    gHash = undefined;
  }
  if (gHash !== m.genesis_hash) {
    manifestProblems.push({
      kind: "manifest",
      where: manifestPath,
      message: "the manifest's genesis_hash does not match its genesis",
    });
  }

  // The file's digest first: a file whose bytes are the ones the manifest names can be decoded
  // without isolation (Parquet); any other file is treated as hostile input.
  const digest = fileDigest(path);
  const digestOk = digest.bytes === m.file_bytes && digest.sha256 === m.file_sha256;

  // Rows: chain, row hashes, canonical bytes. Every bad row is listed (up to MAX_ROW_PROBLEMS):
  // after one, the chain goes on from the row read (its recorded hash, its number), so a second
  // change, removal or insertion further on is named too, without every later row repeating the first.
  let prev = m.genesis_hash;
  let verified = 0;
  const rowProblems: AuditProblem[] = [];
  let unlisted = 0;
  const bad = (p: AuditProblem) => {
    if (rowProblems.length < MAX_ROW_PROBLEMS) rowProblems.push(p);
    else unlisted++;
  };
  let fileProblem: AuditProblem | undefined;
  let offset = 0; // a row's number minus its position, as the rows before it set it
  let count = 0;
  for await (const item of readExport(m.format, path, {
    trusted: digestOk,
    ...(options.parquetGroupTimeoutMs === undefined
      ? {}
      : { parquetGroupTimeoutMs: options.parquetGroupTimeoutMs }),
  })) {
    if ("fileProblem" in item) {
      fileProblem = { kind: "file", row: count, where: item.where, message: item.fileProblem };
      break;
    }
    count++;
    const at = `row ${item.position} (${item.where})`;
    if (!item.record) {
      bad({
        kind: "row",
        row: item.position,
        where: item.where,
        message: said(at, item.problem ?? "cannot be read"),
      });
      prev = "";
      continue;
    }
    const r = item.record;
    const recomputed = rowHash(r);
    if (recomputed !== r.row_hash)
      bad({
        kind: "row",
        row: item.position,
        where: item.where,
        message: `${at}: its row_hash does not match its content: the row was changed`,
      });
    else if (r.row !== item.position + offset) {
      bad({
        kind: "chain",
        row: item.position,
        where: item.where,
        message: `${at} is numbered ${String(r.row)}: a row was removed, inserted or moved before it`,
      });
      if (typeof r.row === "number") offset = r.row - item.position;
    } else if (r.prev_hash !== prev && prev !== "")
      bad({
        kind: "chain",
        row: item.position,
        where: item.where,
        message:
          item.position === 0
            ? `${at}: its prev_hash is not the manifest's genesis_hash: the manifest is another export's, or the first row was replaced`
            : `${at}: its prev_hash is not the hash of the row before it: a row was removed, inserted or moved`,
      });
    else if (item.problem)
      bad({ kind: "row", row: item.position, where: item.where, message: said(at, item.problem) });
    // The chain goes on from this row as it reads (after a bad row, from what that row says).
    prev = typeof r.row_hash === "string" ? r.row_hash : "";
    // (Rows that check out before the first bad one: none was bad, this one included.)
    if (rowProblems.length === 0 && unlisted === 0) verified++;
  }
  problems.push(...manifestProblems, ...rowProblems);
  if (unlisted > 0)
    problems.push({
      kind: "row",
      where: path,
      message: `${unlisted} more bad row${unlisted === 1 ? "" : "s"} not listed (the first ${MAX_ROW_PROBLEMS} are)`,
    });
  if (fileProblem) problems.push(fileProblem);
  else {
    if (count !== m.rows) {
      problems.push({
        kind: "count",
        row: Math.min(count, m.rows),
        where: count < m.rows ? `after row ${count - 1}` : `row ${m.rows}`,
        message: `the export has ${count} rows, the manifest says ${m.rows}${
          // With bad rows before, rows were removed or added somewhere: the rows above say where.
          rowProblems.length > 0
            ? ""
            : // The file is the one the manifest names: the manifest's count was changed.
              digestOk
              ? ": the manifest's count, or the file with the manifest's digest of it, was changed"
              : count < m.rows
                ? ": rows were removed from the end"
                : ": rows were added at the end"
        }`,
      });
    } else if (rowProblems.length === 0 && prev !== m.final_hash) {
      problems.push({
        kind: "chain",
        where: manifestPath,
        message:
          "the last row's hash is not the manifest's final_hash: the rows or the manifest were replaced",
      });
    }
  }
  if (!digestOk) {
    problems.push({
      kind: "file",
      where: path,
      message:
        digest.bytes !== m.file_bytes
          ? `the export is ${digest.bytes} bytes, the manifest says ${m.file_bytes}`
          : "the export's SHA-256 is not the manifest's file_sha256: bytes of the file were changed",
    });
  }
  return {
    ...base,
    ok: problems.length === 0,
    format: m.format,
    rowsVerified: verified,
    rows: count,
    finalHash: problems.length === 0 ? prev : undefined,
    signature: sig.status,
    ...(sig.status === "valid" ? { signerFingerprint: sig.keyFingerprint } : {}),
    signerTrusted: sig.status === "valid" && sig.trusted,
    problems,
  };
}
