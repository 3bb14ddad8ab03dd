/** The audit export (docs/AUDIT.md). src/index.ts re-exports the public part. */
export type { JsonValue } from "./canonical.js";
export { canonicalJson } from "./canonical.js";
export { csvField, csvRecord } from "./csv.js";
export type { ExportOptions, ExportResult } from "./export.js";
export { AuditExportWriter, exportAudit } from "./export.js";
export type { AuditManifest, AuditSignature, SignatureCheck } from "./manifest.js";
export { checkSignature, manifestPathFor, readPrivateKey, readPublicKey, signManifest } from "./manifest.js";
export type {
  AuditContext,
  AuditDecisionView,
  AuditEventView,
  AuditFields,
  AuditHookWithContext,
  RecordingAuditOptions,
} from "./replay-source.js";
export { exportRecordingAudit, recordingIdentity } from "./replay-source.js";
export type { AuditIdentity, AuditRecord, AuditRow, ColumnSpec, Genesis } from "./row.js";
export { AUDIT_COLUMNS, AUDIT_FORMAT_VERSION, formatTimeNs, genesisHash, rowHash, toRecord } from "./row.js";
export type { AuditProblem, VerifyOptions, VerifyResult } from "./verify.js";
export { verifyAudit } from "./verify.js";
export type { AuditFormat } from "./writers.js";
export { AUDIT_FORMATS } from "./writers.js";
