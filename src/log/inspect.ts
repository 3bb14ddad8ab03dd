/** `hindsight inspect`: what a recording holds, from one full scan. */
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { FORMAT_VERSION } from "../format/constants.js";
import type { RecordType } from "../format/records.js";
import type { Manifest } from "./manifest.js";
import { LogReader } from "./reader.js";
import { type RepairEntry, readRepairs } from "./repairs.js";

export interface StreamStats {
  readonly name: string;
  readonly codec: string;
  readonly events: number;
  readonly payloadBytes: number;
  readonly firstSeq: number | null;
  readonly lastSeq: number | null;
  readonly firstTimeNs: bigint | null;
  readonly lastTimeNs: bigint | null;
}

export interface InspectReport {
  readonly dir: string;
  readonly manifest: Manifest;
  readonly formatVersion: number;
  readonly features: string[];
  readonly records: number;
  readonly byType: Record<RecordType, number>;
  readonly streams: StreamStats[];
  readonly seqRange: readonly [number, number] | null;
  readonly timeRange: readonly [bigint, bigint] | null;
  readonly segments: { file: string; bytes: number; blocks: number }[];
  readonly blocks: number;
  /** Bytes of segment files (headers + blocks). */
  readonly bytesOnDisk: number;
  /** Bytes of every file in the recording directory (segments, indexes, manifest, checkpoints). */
  readonly totalBytes: number;
  /** Uncompressed bytes of all block payloads. */
  readonly rawBytes: number;
  readonly compressionRatio: number;
  readonly tornTail?: { segment: string; offset: number; droppedBytes: number; reason: string };
  /** A writer has the recording open (see LogReader.writer): the figures are of a prefix. */
  readonly beingWritten?: { readonly pid: number; readonly host?: string };
  /** What `fsck --repair` took out of the recording (repairs.json), oldest first. */
  readonly repairs: RepairEntry[];
}

/** Throws what LogReader.open throws, and corruption errors met while scanning. */
export function inspect(dir: string): InspectReport {
  const r = LogReader.open(dir);
  try {
    const m = r.manifest;
    const byType: Record<RecordType, number> = {
      input: 0,
      decision: 0,
      output: 0,
      checkpoint: 0,
      marker: 0,
      blob: 0,
      lineage: 0,
    };
    const st = m.streams.map(() => ({
      events: 0,
      payloadBytes: 0,
      firstSeq: -1,
      lastSeq: -1,
      firstT: 0n,
      lastT: 0n,
    }));
    let minT = 0n;
    let maxT = 0n;
    let count = 0;
    for (const rec of r.records()) {
      count++;
      byType[rec.type]++;
      if (rec.timeNs !== 0n) {
        if (minT === 0n || rec.timeNs < minT) minT = rec.timeNs;
        if (rec.timeNs > maxT) maxT = rec.timeNs;
      }
      if (rec.type === "input") {
        const s = st[rec.stream];
        if (!s) continue;
        s.events++;
        s.payloadBytes += rec.payload.length;
        if (s.firstSeq < 0) {
          s.firstSeq = rec.seq;
          s.firstT = rec.timeNs;
        }
        s.lastSeq = rec.seq;
        s.lastT = rec.timeNs;
      }
    }
    let rawBytes = 0;
    for (let i = 0; i < r.blockCount; i++) rawBytes += r.blockInfo(i).uncompressedLength;
    const bytesOnDisk = r.segments.reduce((a, s) => a + s.size, 0);
    let totalBytes = 0;
    const walk = (d: string) => {
      for (const f of readdirSync(d)) {
        const p = join(d, f);
        const s = statSync(p);
        if (s.isDirectory()) walk(p);
        else totalBytes += s.size;
      }
    };
    if (existsSync(dir)) walk(dir);
    return {
      dir,
      manifest: m,
      formatVersion: FORMAT_VERSION,
      features: m.features,
      records: count,
      byType,
      streams: m.streams.map((s, i) => {
        const x = st[i]!;
        return {
          name: s.name,
          codec: s.codec,
          events: x.events,
          payloadBytes: x.payloadBytes,
          firstSeq: x.firstSeq < 0 ? null : x.firstSeq,
          lastSeq: x.lastSeq < 0 ? null : x.lastSeq,
          firstTimeNs: x.firstT === 0n ? null : x.firstT,
          lastTimeNs: x.lastT === 0n ? null : x.lastT,
        };
      }),
      seqRange: count ? [r.firstSeq, r.endSeq - 1] : null,
      timeRange: minT === 0n ? null : [minT, maxT],
      segments: r.segments.map((s) => ({
        file: s.path.slice(s.path.lastIndexOf("/") + 1),
        bytes: s.size,
        blocks: s.blocks,
      })),
      blocks: r.blockCount,
      bytesOnDisk,
      totalBytes,
      rawBytes,
      compressionRatio: rawBytes ? bytesOnDisk / rawBytes : 1,
      repairs: readRepairs(dir),
      ...(r.writer ? { beingWritten: r.writer } : {}),
      ...(r.tornTail && !r.writer
        ? {
            tornTail: {
              segment: r.tornTail.segment,
              offset: r.tornTail.offset,
              droppedBytes: r.tornTail.droppedBytes,
              reason: r.tornTail.reason,
            },
          }
        : {}),
    };
  } finally {
    r.close();
  }
}
