export { type FsckCorruption, type FsckOptions, type FsckReport, type FsckSegment, fsck } from "./fsck.js";
export { type InspectReport, inspect, type StreamStats } from "./inspect.js";
export {
  MANIFEST_FILE,
  type Manifest,
  type ManifestInit,
  readManifest,
  type SinkInfo,
  type StreamInfo,
} from "./manifest.js";
export { type BlockInfo, LogReader, type ReaderOptions, type ScanFilter } from "./reader.js";
export type { Corruption, ScanProblem, TornTail } from "./scan.js";
export {
  type AppendRecovery,
  DEFAULT_WRITER_OPTIONS,
  FSYNC_POLICIES,
  type FsyncPolicy,
  LogWriter,
  type WriterOptions,
} from "./writer.js";
