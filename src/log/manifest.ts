/**
 * manifest.json: the proto3 canonical JSON form of hindsight.v1.Manifest
 * (proto/hindsight/v1/manifest.proto). Written once, atomically, when a recording is created.
 */
import { randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { HindsightError, unreadable } from "../errors.js";
import { FEATURES, FORMAT_VERSION } from "../format/constants.js";
import { ENGINE_VERSION } from "../version.js";
import { regularFileSize } from "./segment-files.js";

/** Larger than any manifest a writer makes (labels included). */
const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;

export const MANIFEST_FILE = "manifest.json";
export const MANIFEST_KIND = "hindsight.recording";

export interface StreamInfo {
  name: string;
  codec: string;
  source: string;
}
export interface SinkInfo {
  name: string;
  codec: string;
}
export interface WriterInfo {
  blockSize: number;
  flushIntervalMs: number;
  fsync: string;
  fsyncIntervalMs: number;
  segmentSize: number;
  outputs: string;
  checkpointEvery: number;
}
export interface Manifest {
  kind: typeof MANIFEST_KIND;
  formatVersion: number;
  features: string[];
  recordingId: string;
  createdAt: string;
  app: { name: string; buildId: string; module: string };
  engineVersion: string;
  streams: StreamInfo[];
  sinks: SinkInfo[];
  seed: string;
  clockSource: string;
  writer: WriterInfo;
  labels: Record<string, string>;
}

/** What a caller gives to create a recording; the rest is filled in. */
export type ManifestInit = Partial<Omit<Manifest, "kind" | "formatVersion" | "writer">> & {
  streams: StreamInfo[];
  writer?: Partial<WriterInfo>;
};

export function completeManifest(init: ManifestInit, writer: WriterInfo, now: Date): Manifest {
  const names = new Set<string>();
  for (const s of init.streams) {
    if (!s.name || names.has(s.name))
      throw new HindsightError("USAGE", `stream names must be unique and non-empty (got "${s.name}")`);
    names.add(s.name);
  }
  return {
    kind: MANIFEST_KIND,
    formatVersion: FORMAT_VERSION,
    features: [...(init.features ?? [])].sort(),
    recordingId: init.recordingId ?? randomUUID(),
    createdAt: init.createdAt ?? now.toISOString(),
    app: init.app ?? { name: "", buildId: "", module: "" },
    engineVersion: init.engineVersion ?? ENGINE_VERSION,
    streams: init.streams.map((s) => ({ name: s.name, codec: s.codec, source: s.source })),
    sinks: (init.sinks ?? []).map((s) => ({ name: s.name, codec: s.codec })),
    seed: init.seed ?? "0",
    clockSource: init.clockSource ?? "none",
    writer: { ...writer, ...(init.writer ?? {}) },
    labels: { ...(init.labels ?? {}) },
  };
}

/** JSON text of a manifest; 64-bit integers as strings per the proto3 JSON mapping. */
export function manifestToJson(m: Manifest): string {
  const out = {
    ...m,
    writer: {
      ...m.writer,
      segmentSize: String(m.writer.segmentSize),
      checkpointEvery: String(m.writer.checkpointEvery),
    },
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

function bad(dir: string, what: string): HindsightError {
  return new HindsightError("CORRUPT_MANIFEST", `manifest is invalid: ${what}`, {
    where: join(dir, MANIFEST_FILE),
    hint: "the recording's manifest.json was damaged or edited; restore it from a copy",
  });
}

const str = (v: unknown, dflt = ""): string => (typeof v === "string" ? v : dflt);
const num = (v: unknown): number =>
  typeof v === "number" ? v : typeof v === "string" && /^\d+$/.test(v) ? Number(v) : 0;

/**
 * Reads and validates a recording's manifest.
 * Throws NOT_FOUND (no such directory), NOT_A_RECORDING (no manifest.json),
 * CORRUPT_MANIFEST, UNSUPPORTED_VERSION, UNKNOWN_FEATURE.
 */
export function readManifest(dir: string): Manifest {
  if (!existsSync(dir))
    throw new HindsightError("NOT_FOUND", `no such recording directory: ${dir}`, { hint: "check the path" });
  const file = join(dir, MANIFEST_FILE);
  // A FIFO would block the read, /dev/zero would never end it.
  const size = existsSync(file) ? regularFileSize(file) : 0;
  if (typeof size === "string" || size > MAX_MANIFEST_BYTES)
    throw new HindsightError(
      "CORRUPT_MANIFEST",
      `${MANIFEST_FILE}: ${typeof size === "string" ? size : `it is larger than ${MAX_MANIFEST_BYTES / 1024 / 1024} MiB`}`,
      { where: dir, hint: "restore the manifest from a copy of the recording" },
    );
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT" && existsSync(file)) throw unreadable(e, file);
    throw new HindsightError("NOT_A_RECORDING", `${dir} is not a hindsight recording (no ${MANIFEST_FILE})`, {
      hint: "pass the directory that `hindsight record --out` created",
    });
  }
  // An empty file is a writer's claim on the directory (docs/FORMAT.md, section 2).
  if (text.length === 0)
    throw new HindsightError(
      "CORRUPT_MANIFEST",
      "manifest.json is empty: the recording is being created, or its creation was cut short before anything was recorded",
      {
        where: file,
        hint: "wait for the recording to start, or remove the directory if no recorder is running (nothing was recorded in it)",
      },
    );
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw bad(dir, `not JSON (${(e as Error).message})`);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
    throw bad(
      dir,
      `JSON, but ${Array.isArray(parsed) ? "a list" : parsed === null ? "null" : `a ${typeof parsed}`}, not an object`,
    );
  const j = parsed as Record<string, unknown>;
  if (j["kind"] !== MANIFEST_KIND) throw bad(dir, `"kind" is not "${MANIFEST_KIND}"`);
  const version = j["formatVersion"];
  if (typeof version !== "number" || !Number.isInteger(version))
    throw bad(
      dir,
      version === undefined
        ? "formatVersion is missing"
        : `formatVersion is ${JSON.stringify(version)}, not a whole number`,
    );
  if (version !== FORMAT_VERSION)
    throw new HindsightError(
      "UNSUPPORTED_VERSION",
      `recording format version ${version} is not supported (this build reads ${FORMAT_VERSION})`,
      {
        where: file,
        hint:
          version > FORMAT_VERSION
            ? "upgrade hindsight to read it"
            : "use the hindsight release that wrote it",
      },
    );
  const features = j["features"];
  if (!Array.isArray(features) || features.some((f) => typeof f !== "string"))
    throw bad(dir, "features is not a list of names");
  for (const f of features as string[])
    if (!(f in FEATURES))
      throw new HindsightError(
        "UNKNOWN_FEATURE",
        `recording uses format feature "${f}", unknown to this build`,
        {
          where: file,
          hint: "upgrade hindsight to read it",
        },
      );
  const streams = j["streams"];
  if (!Array.isArray(streams))
    throw bad(dir, streams === undefined ? "streams is missing" : "streams is not a list");
  const app = (j["app"] ?? {}) as Record<string, unknown>;
  const w = (j["writer"] ?? {}) as Record<string, unknown>;
  const labels = (j["labels"] ?? {}) as Record<string, unknown>;
  return {
    kind: MANIFEST_KIND,
    formatVersion: version,
    features: features as string[],
    recordingId: str(j["recordingId"]),
    createdAt: str(j["createdAt"]),
    app: { name: str(app["name"]), buildId: str(app["buildId"]), module: str(app["module"]) },
    engineVersion: str(j["engineVersion"]),
    streams: streams.map((s: Record<string, unknown>) => ({
      name: str(s["name"]),
      codec: str(s["codec"]),
      source: str(s["source"]),
    })),
    sinks: (Array.isArray(j["sinks"]) ? j["sinks"] : []).map((s: Record<string, unknown>) => ({
      name: str(s["name"]),
      codec: str(s["codec"]),
    })),
    seed: str(j["seed"], "0"),
    clockSource: str(j["clockSource"], "none"),
    writer: {
      blockSize: num(w["blockSize"]),
      flushIntervalMs: num(w["flushIntervalMs"]),
      fsync: str(w["fsync"]),
      fsyncIntervalMs: num(w["fsyncIntervalMs"]),
      segmentSize: num(w["segmentSize"]),
      outputs: str(w["outputs"]),
      checkpointEvery: num(w["checkpointEvery"]),
    },
    labels: Object.fromEntries(Object.entries(labels).filter(([, v]) => typeof v === "string")) as Record<
      string,
      string
    >,
  };
}
