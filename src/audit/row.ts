/**
 * The audit row model. An `AuditRow` is what a source (a replay of a recording through the
 * app) says about one decision-bearing output; an `AuditRecord` is the flat, typed row that
 * is written to every export format and hashed. The columns, their types and the hash
 * rules are specified in docs/AUDIT.md; that document and this file must agree.
 *
 * Pure: no I/O.
 */
import { createHash } from "node:crypto";
import { HindsightError } from "../errors.js";
import { canonicalJson } from "./canonical.js";

/** One decision-bearing output, as a source reports it. */
export interface AuditRow {
  /** The sink the output went to. */
  readonly sink: string;
  /** Index of the output within its sink (0-based). */
  readonly sinkSeq: number;
  /** Log sequence number of the output's record in the recording, when it has one. */
  readonly outputSeq?: number | null;
  /** The output as it went out, decoded by its sink's codec (JSON value). */
  readonly output: unknown;
  /** The output's time, ns since the Unix epoch (0n = none). */
  readonly outputTimeNs: bigint;
  /** The clock reading the decision was made with (ctx.now()), ns; null when it read none. */
  readonly clockNs?: bigint | null;
  /** Log sequence number of the input event that triggered the output. */
  readonly inputSeq: number;
  /** Name of that event's stream. */
  readonly inputStream: string;
  /** That event's time, ns (0n = none). */
  readonly inputTimeNs: bigint;
  /** That event's payload, decoded (JSON value), or its bytes when it is not JSON. */
  readonly input: unknown;
  /** The decision, e.g. "accept" / "reject". */
  readonly decision: string;
  /** Why, in words a reader of the export understands. */
  readonly reason: string;
  /** What the decision was made on, e.g. the quote: bid, offer, its time and sequence. */
  readonly decisionInputs: Readonly<Record<string, unknown>>;
  /** Log sequence numbers of the input events and decision records that contributed. */
  readonly lineage: { readonly inputs: readonly number[]; readonly decisions: readonly number[] };
  /** Further app-provided fields. */
  readonly fields?: Readonly<Record<string, unknown>>;
}

/** Who made the rows: the recording and the build that decided. Bound into the hash chain. */
export interface AuditIdentity {
  readonly recordingId: string;
  /** SHA-256 (hex) of the recording's manifest.json bytes. */
  readonly recordingManifestSha256: string;
  readonly appName: string;
  readonly appBuildId: string;
  readonly engineVersion: string;
  /** The recording's clock source ("wall", "input:<field>", "none"). */
  readonly clockSource: string;
}

export type ColumnType = "string" | "int";
export interface ColumnSpec {
  readonly name: string;
  readonly type: ColumnType;
  readonly nullable: boolean;
}

/** The columns of an audit export, in file order (docs/AUDIT.md, "Columns"). */
export const AUDIT_COLUMNS = [
  { name: "row", type: "int", nullable: false },
  { name: "prev_hash", type: "string", nullable: false },
  { name: "row_hash", type: "string", nullable: false },
  { name: "output_time", type: "string", nullable: true },
  { name: "output_time_ns", type: "string", nullable: true },
  { name: "clock_ns", type: "string", nullable: true },
  { name: "clock_source", type: "string", nullable: false },
  { name: "sink", type: "string", nullable: false },
  { name: "sink_seq", type: "int", nullable: false },
  { name: "output_seq", type: "int", nullable: true },
  { name: "output", type: "string", nullable: false },
  { name: "input_seq", type: "int", nullable: false },
  { name: "input_stream", type: "string", nullable: false },
  { name: "input_time_ns", type: "string", nullable: true },
  { name: "input", type: "string", nullable: false },
  { name: "decision", type: "string", nullable: false },
  { name: "reason", type: "string", nullable: false },
  { name: "decision_inputs", type: "string", nullable: false },
  { name: "lineage", type: "string", nullable: false },
  { name: "app_name", type: "string", nullable: false },
  { name: "app_build_id", type: "string", nullable: false },
  { name: "engine_version", type: "string", nullable: false },
  { name: "recording_id", type: "string", nullable: false },
  { name: "fields", type: "string", nullable: false },
] as const satisfies readonly ColumnSpec[];

export type ColumnName = (typeof AUDIT_COLUMNS)[number]["name"];
export const COLUMN_NAMES: readonly ColumnName[] = AUDIT_COLUMNS.map((c) => c.name);
/** The hashed members in RFC 8785 order (column names are ASCII, so plain sort is code-unit order). */
const HASHED_KEYS: readonly ColumnName[] = COLUMN_NAMES.filter((c) => c !== "row_hash").sort();

/** A row as written and hashed: every column present; ints are safe integers. */
export type AuditRecord = { [K in ColumnName]: string | number | null };

/** Version of the audit export format (columns, hash rules, manifest). */
export const AUDIT_FORMAT_VERSION = 1;

/** The object whose hash starts the chain (docs/AUDIT.md, "Genesis"). */
export interface Genesis {
  readonly kind: "hindsight.audit";
  readonly version: number;
  readonly columns: readonly string[];
  readonly recording: {
    readonly id: string;
    readonly manifest_sha256: string;
    readonly app_name: string;
    readonly app_build_id: string;
    readonly engine_version: string;
    readonly clock_source: string;
  };
  readonly range: { readonly from_ns: string | null; readonly to_ns: string | null };
  readonly hindsight_version: string;
}

export function makeGenesis(
  id: AuditIdentity,
  range: { fromNs?: bigint | undefined; toNs?: bigint | undefined },
  hindsightVersion: string,
): Genesis {
  return {
    kind: "hindsight.audit",
    version: AUDIT_FORMAT_VERSION,
    columns: [...COLUMN_NAMES],
    recording: {
      id: id.recordingId,
      manifest_sha256: id.recordingManifestSha256,
      app_name: id.appName,
      app_build_id: id.appBuildId,
      engine_version: id.engineVersion,
      clock_source: id.clockSource,
    },
    range: {
      from_ns: range.fromNs === undefined ? null : range.fromNs.toString(),
      to_ns: range.toNs === undefined ? null : range.toNs.toString(),
    },
    hindsight_version: hindsightVersion,
  };
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

/** SHA-256 (hex) of the genesis object's canonical JSON: `prev_hash` of row 0. */
export function genesisHash(g: Genesis): string {
  return sha256Hex(canonicalJson(g));
}

/**
 * `row_hash`: SHA-256 (hex) of the canonical JSON (RFC 8785) of the record without its
 * `row_hash` member.
 */
export function rowHash(r: AuditRecord): string {
  // The record is flat (strings, safe integers, null), so its RFC 8785 form is the members in
  // sorted key order, each value as JSON.stringify writes it. Same bytes as
  // canonicalJson(record without row_hash), without the generic walk (this is the hot path).
  let s = "{";
  for (let i = 0; i < HASHED_KEYS.length; i++) {
    const k = HASHED_KEYS[i]!;
    if (i > 0) s += ",";
    s += `"${k}":${JSON.stringify(r[k])}`;
  }
  return sha256Hex(s + "}");
}

/** RFC 3339 UTC with nanoseconds, e.g. 2024-03-01T14:30:00.123456789Z. */
export function formatTimeNs(ns: bigint): string {
  if (ns < 0n) throw new HindsightError("BAD_INPUT", `negative time ${ns} ns in an audit row`);
  const sec = ns / 1_000_000_000n;
  const frac = (ns % 1_000_000_000n).toString().padStart(9, "0");
  const iso = new Date(Number(sec) * 1000).toISOString(); // YYYY-MM-DDTHH:MM:SS.000Z
  return `${iso.slice(0, 19)}.${frac}Z`;
}

function checkInt(name: string, v: number): number {
  if (!Number.isSafeInteger(v) || v < 0) {
    throw new HindsightError("BAD_INPUT", `audit column ${name} must be a non-negative integer, got ${v}`);
  }
  return v;
}

const timeOrNull = (ns: bigint): string | null => (ns === 0n ? null : ns.toString());

/** The flat record for row number `index` with the given `prev_hash`, `row_hash` filled in. */
export function toRecord(row: AuditRow, index: number, prevHash: string, id: AuditIdentity): AuditRecord {
  const rec: AuditRecord = {
    row: checkInt("row", index),
    prev_hash: prevHash,
    row_hash: "",
    output_time: row.outputTimeNs === 0n ? null : formatTimeNs(row.outputTimeNs),
    output_time_ns: timeOrNull(row.outputTimeNs),
    clock_ns: row.clockNs === undefined || row.clockNs === null ? null : row.clockNs.toString(),
    clock_source: id.clockSource,
    sink: row.sink,
    sink_seq: checkInt("sink_seq", row.sinkSeq),
    output_seq:
      row.outputSeq === undefined || row.outputSeq === null ? null : checkInt("output_seq", row.outputSeq),
    output: canonicalJson(row.output === undefined ? null : row.output),
    input_seq: checkInt("input_seq", row.inputSeq),
    input_stream: row.inputStream,
    input_time_ns: timeOrNull(row.inputTimeNs),
    input: canonicalJson(row.input === undefined ? null : row.input),
    decision: row.decision,
    reason: row.reason,
    decision_inputs: canonicalJson(row.decisionInputs),
    lineage: canonicalJson({ inputs: row.lineage.inputs, decisions: row.lineage.decisions }),
    app_name: id.appName,
    app_build_id: id.appBuildId,
    engine_version: id.engineVersion,
    recording_id: id.recordingId,
    fields: canonicalJson(row.fields ?? {}),
  };
  rec.row_hash = rowHash(rec);
  return rec;
}

/**
 * Checks that `r` has exactly the audit columns with the right types; returns a reason
 * when not. Used by the readers: a record that fails this was not written by hindsight.
 */
export function recordShapeProblem(r: Record<string, unknown>): string | undefined {
  const keys = Object.keys(r);
  if (keys.length !== AUDIT_COLUMNS.length) {
    return `has ${keys.length} columns, expected ${AUDIT_COLUMNS.length}`;
  }
  for (const c of AUDIT_COLUMNS) {
    if (!Object.hasOwn(r, c.name)) return `lacks column ${c.name}`;
    const v = r[c.name];
    if (v === null) {
      if (!c.nullable) return `column ${c.name} is null`;
    } else if (c.type === "int") {
      if (typeof v !== "number" || !Number.isSafeInteger(v) || v < 0)
        return `column ${c.name} is not a non-negative integer`;
    } else if (typeof v !== "string") {
      return `column ${c.name} is not a string`;
    }
  }
  return undefined;
}
