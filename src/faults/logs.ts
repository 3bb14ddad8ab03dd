/**
 * The logs a torture run writes: one recording per process, made deterministic so that two
 * runs of a seed give the same bytes: a fixed recording id and creation time, blocks cut by
 * size only (no flush timer), no wall-clock times in records (time 0: clock source "none").
 */
import { sha256 } from "../engine/bytes.js";
import { type LogRecord, MarkerKind, rec } from "../format/records.js";
import { LogReader, LogWriter } from "../log/index.js";
import { type Fault, faultFromRecord } from "./plan.js";

export interface ProcessLogInit {
  /** Process name: source, a stage name, sink. */
  process: string;
  seed: bigint;
  appName: string;
  appModule: string;
  /** Input streams of this process (its inbound link, or the source stream). */
  streams: { name: string; codec: string; source: string }[];
  /** Sinks (its outbound link). */
  sinks: { name: string; codec: string }[];
  /** Deterministic description of the run, recorded in the start marker. */
  config: Record<string, unknown>;
}

/** The time every torture recording says it was created: the run's times are not recorded. */
export const TORTURE_EPOCH = new Date(0);

/** Creates the process's recording in `dir` and writes its start marker. Throws like LogWriter.create. */
export function createProcessLog(dir: string, init: ProcessLogInit): LogWriter {
  const seed = init.seed.toString();
  const w = LogWriter.create(
    dir,
    {
      recordingId: `torture-${init.appName}-${seed}-${init.process}`,
      app: { name: init.appName, buildId: "", module: init.appModule },
      streams: init.streams,
      sinks: init.sinks,
      seed,
      clockSource: "logical",
      labels: { tool: "torture", process: init.process },
      writer: { outputs: "digest" },
    },
    { flushIntervalMs: 0, fsync: "never" },
    TORTURE_EPOCH,
  );
  w.append(
    rec.marker({
      kind: MarkerKind.start,
      appName: init.appName,
      seed,
      configJson: JSON.stringify(init.config),
    }),
  );
  return w;
}

/** Writes the stop marker and closes. */
export function closeProcessLog(w: LogWriter, events: number, status: string): void {
  w.append(rec.marker({ kind: MarkerKind.stop, events, status }));
  w.close();
}

/** The output digest, as the recorder computes it (SHA-256). */
export function digestOf(data: Uint8Array): Uint8Array {
  return sha256(data);
}

/** The output record for one message a process sent on (its SHA-256 digest). */
export function outputRecord(
  eventSeq: number,
  index: number,
  sinkSeq: number,
  data: Uint8Array,
  timeNs = 0n,
): LogRecord {
  // Digest only, as the recorder's default: the bytes are the next process's recorded input.
  return rec.output({ sink: 0, eventSeq, index, sinkSeq, digest: digestOf(data), timeNs });
}

/** Every FAULT decision in a recording, by link name, in log order. Throws like LogReader.open. */
export function readFaultPlans(dir: string): Map<string, Fault[]> {
  const reader = LogReader.open(dir);
  const plans = new Map<string, Fault[]>();
  try {
    for (const r of reader.records({ types: ["decision"] })) {
      const f = faultFromRecord(r, `${dir} seq ${r.seq}`);
      if (!f) continue;
      const list = plans.get(f.link) ?? [];
      list.push(f.fault);
      plans.set(f.link, list);
    }
  } finally {
    reader.close();
  }
  return plans;
}

/** The payloads of the input records of a recording, in log order (what the process received). */
export function readInputs(dir: string): { streamSeq: number; timeNs: bigint; payload: Uint8Array }[] {
  const reader = LogReader.open(dir);
  try {
    const out: { streamSeq: number; timeNs: bigint; payload: Uint8Array }[] = [];
    for (const r of reader.records({ types: ["input"] }))
      if (r.type === "input") out.push({ streamSeq: r.streamSeq, timeNs: r.timeNs, payload: r.payload });
    return out;
  } finally {
    reader.close();
  }
}

/** Where one message (by link sequence number) got to in one process's recording. */
export interface Hop {
  process: string;
  /** Log sequence numbers of the input records carrying the message (more than one: delivered twice). */
  inputSeqs: number[];
  /** Log sequence numbers of the output records made from it. */
  outputSeqs: number[];
  /** Set when the recording could not be read. */
  problem?: string;
}

/**
 * Follows message `seq` (link sequence number on the first link) through the recordings of a
 * pipeline: in each process, the input records carrying it and the output records made from
 * them; the outputs' sink sequence numbers are the link sequence numbers of the copies sent
 * on, which the next process's input records carry. The source sends its input i as link seq
 * i. Never throws (an unreadable log is reported in its hop).
 */
export function traceMessage(
  processes: readonly string[],
  logDirs: ReadonlyMap<string, string>,
  seq: number,
): Hop[] {
  const hops: Hop[] = [];
  let seqs = new Set([seq]);
  for (const [k, p] of processes.entries()) {
    const hop: Hop = { process: p, inputSeqs: [], outputSeqs: [] };
    const next = new Set<number>();
    try {
      const reader = LogReader.open(logDirs.get(p)!);
      try {
        const inputs = new Set<number>();
        for (const r of reader.records({ types: ["input", "output"] })) {
          if (r.type === "input" && seqs.has(r.streamSeq)) {
            inputs.add(r.seq);
            hop.inputSeqs.push(r.seq);
            if (k === 0) next.add(r.streamSeq);
          } else if (r.type === "output" && inputs.has(r.eventSeq)) {
            hop.outputSeqs.push(r.seq);
            next.add(r.sinkSeq);
          }
        }
      } finally {
        reader.close();
      }
    } catch (e) {
      hop.problem = e instanceof Error ? e.message : String(e);
    }
    hops.push(hop);
    seqs = next;
  }
  return hops;
}

/** `source seq 51 → double seq 103 (out 104) → halve seq 105 (no output) → sink (not received)`. */
export function formatHops(hops: readonly Hop[]): string {
  return hops
    .map((h, i) => {
      if (h.problem) return `${h.process} (log unreadable)`;
      if (h.inputSeqs.length === 0) return `${h.process} (not received)`;
      const ins = `${h.process} seq ${h.inputSeqs.join(",")}${h.inputSeqs.length > 1 ? " (received twice)" : ""}`;
      if (i === 0 || i === hops.length - 1) return ins;
      return `${ins} ${h.outputSeqs.length === 0 ? "(no output)" : `(out ${h.outputSeqs.join(",")})`}`;
    })
    .join(" → ");
}
