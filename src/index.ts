/** The public API of hindsight: every export is named here. */
export {
  AUDIT_COLUMNS,
  AUDIT_FORMAT_VERSION,
  AUDIT_FORMATS,
  type AuditContext,
  type AuditDecisionView,
  type AuditEventView,
  AuditExportWriter,
  type AuditFields,
  type AuditFormat,
  type AuditHookWithContext,
  type AuditIdentity,
  type AuditManifest,
  type AuditProblem,
  type AuditRecord,
  type AuditRow,
  type AuditSignature,
  type ExportOptions as AuditExportOptions,
  type ExportResult as AuditExportResult,
  exportAudit,
  exportRecordingAudit,
  readPrivateKey as readAuditPrivateKey,
  readPublicKey as readAuditPublicKey,
  recordingIdentity,
  type VerifyOptions as AuditVerifyOptions,
  type VerifyResult as AuditVerifyResult,
  verifyAudit,
} from "./audit/index.js";
export {
  type App,
  type AppSpec,
  type AuditHook,
  defineApp,
  filter,
  isApp,
  keyed,
  map,
  type StepContext,
  type StepDefinition,
  type Tick,
  type TimerApi,
} from "./engine/app.js";
export { type Codec, codecs } from "./engine/codec.js";
export {
  type DecisionInfo,
  type DecisionPort,
  type DecisionRequest,
  decodeDecision,
  Engine,
  type EngineObserver,
  type EngineOptions,
  type EngineOutput,
  type EventTrace,
  type OutputTrace,
  type StateRead,
} from "./engine/engine.js";
export { canonicalJson, encodeJson, type Json, parseJson, stringifyJson } from "./engine/json.js";
export { stageOf } from "./engine/stage.js";
export type { StrictMode } from "./engine/strict.js";
export { type ErrorCode, ErrorCodes, ExitCode, HindsightError, isHindsightError } from "./errors.js";
export {
  type Fault,
  type FaultKind,
  type FaultOptions,
  type FaultSource,
  faultDecision,
  faultFromRecord,
  parseFaultSpec,
  RecordedFaults,
  SeededFaults,
} from "./faults/plan.js";
export { splitmix64 } from "./faults/prng.js";
export {
  type SeedResult,
  type TortureOptions,
  type TortureReport,
  torture,
} from "./faults/torture.js";
export { FEATURES, FORMAT_VERSION } from "./format/constants.js";
export {
  type BlobRecord,
  type CheckpointRecord,
  DecisionKind,
  type DecisionRecord,
  decisionKindName,
  type InputRecord,
  type LogRecord,
  MarkerKind,
  type MarkerRecord,
  type OutputRecord,
  RECORD_TYPES,
  type RecordType,
  rec,
  type SeqRecord,
} from "./format/records.js";
export { formatTime, parseIsoTime, parseTime } from "./format/time.js";
export {
  type AppendRecovery,
  type BlockInfo,
  type Corruption,
  DEFAULT_WRITER_OPTIONS,
  FSYNC_POLICIES,
  type FsckCorruption,
  type FsckOptions,
  type FsckReport,
  type FsckSegment,
  type FsyncPolicy,
  fsck,
  type InspectReport,
  inspect,
  LogReader,
  LogWriter,
  type Manifest,
  type ManifestInit,
  type ReaderOptions,
  readManifest,
  type ScanFilter,
  type ScanProblem,
  type SinkInfo,
  type StreamInfo,
  type StreamStats,
  type TornTail,
  type WriterOptions,
} from "./log/index.js";
export { LinkReceiver, LinkSender, type UnsafeMode } from "./net/link.js";
export { buildIdOf, type LoadedApp, loadApp } from "./recorder/app-load.js";
export { AppRun, type OutputMode, type RunOptions, type RunSummary, startRun } from "./recorder/app-run.js";
export { type CaptureOptions, type CaptureSummary, captureInputs } from "./recorder/capture.js";
export {
  extractTime,
  type InputEvent,
  type InputSpec,
  type ReadInputsOptions,
  readInputBatches,
  readInputs,
} from "./recorder/inputs.js";
export {
  type CheckpointUse,
  type Divergence,
  type DivergenceKind,
  incompatibilities,
  listCheckpoints,
  type ReplayOptions,
  type ReplayResult,
  replay,
} from "./replayer/replay.js";
export {
  type DivergenceReport,
  renderJunit,
  renderResult,
  type ShownDecision,
  type VerifyOptions,
  type VerifyResult,
  type VerifyStatus,
  verifyExitCode,
  verifyRecording,
  verifyRecordings,
} from "./verify/verify.js";
export { ENGINE_VERSION, VERSION } from "./version.js";
