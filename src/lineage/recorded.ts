/**
 * Lineage as recorded at run time (`record --lineage`, OutputLineage records): read straight
 * from the log, no replay. One level: the triggering event, its decisions before the output,
 * and the events that last wrote the state values it read.
 */
import type { DecisionInfo, Engine } from "../engine/engine.js";
import { decodeDecision, failedLookup } from "../engine/engine.js";
import { DecisionKind, type LineageRecord } from "../format/records.js";
import type { LogReader } from "../log/reader.js";
import { eventView } from "../verify/verify.js";
import type { Lineage, LineageEvent } from "./why.js";

/** The OutputLineage record of output (sink, sinkSeq), if the recording has one. */
export function findLineageRecord(
  reader: LogReader,
  sink: number,
  sinkSeq: number,
  eventSeq?: number,
): LineageRecord | undefined {
  if (!reader.manifest.features.includes("lineage-records")) return undefined;
  // Given the output's event, only that event's records are read (they follow its input).
  for (const r of reader.records({
    ...(eventSeq !== undefined ? { fromSeq: eventSeq } : {}),
    types: ["lineage", "input"],
  })) {
    if (r.type === "input" && eventSeq !== undefined && r.seq > eventSeq) break;
    if (r.type === "lineage" && r.sink === sink && r.sinkSeq === sinkSeq) return r;
  }
  return undefined;
}

/**
 * Resolves a recorded OutputLineage into the same shape `why` returns (depth 1). `engine` is
 * used only to decode payloads with the app's input codecs.
 */
export function recordedLineage(
  reader: LogReader,
  l: LineageRecord,
  engine: Engine,
  output?: { value: string; step: string; index: number },
): Lineage {
  const streams = reader.manifest.streams.map((s) => s.name);
  const wanted = new Set(l.decisions);
  const decisions: DecisionInfo[] = [];
  const blob = new Map<string, Uint8Array>();
  for (const r of reader.records({ fromSeq: l.eventSeq, types: ["decision", "blob", "output", "input"] })) {
    if (r.type === "input" && r.seq > l.eventSeq) break;
    if (r.type === "blob") blob.set(Buffer.from(r.hash).toString("hex"), r.data);
    if (r.type !== "decision" || r.eventSeq !== l.eventSeq || !wanted.has(r.index)) continue;
    const bytes =
      r.kind === DecisionKind.lookup
        ? (blob.get(Buffer.from(r.contentHash).toString("hex")) ?? r.value)
        : r.value;
    const failed = failedLookup(r);
    decisions.push({
      kind: r.kind,
      name: r.name,
      step: r.step,
      index: r.index,
      value: failed !== undefined ? { error: failed } : decodeDecision(r.kind, bytes),
      key: Buffer.from(r.key).toString("utf8"),
    });
  }
  const view = (seq: number) => eventView(reader.get(seq), engine, streams);
  const seen = new Set<number>([l.eventSeq]);
  const root: LineageEvent = {
    event: view(l.eventSeq),
    decisions,
    reads: l.reads.map((r) => {
      if (r.writerSeq < 0) return { ...r };
      seen.add(r.writerSeq);
      return { ...r, writer: { event: view(r.writerSeq), decisions: [], reads: [], truncated: true } };
    }),
    truncated: false,
  };
  const sink = reader.manifest.sinks[l.sink]?.name ?? String(l.sink);
  return {
    recording: reader.dir,
    output: {
      sink,
      sinkSeq: l.sinkSeq,
      eventSeq: l.eventSeq,
      index: output?.index ?? 0,
      step: output?.step ?? l.path[l.path.length - 1] ?? "",
      path: l.path,
      value: output?.value ?? "",
    },
    root,
    events: [...seen].sort((a, b) => a - b),
    decisionCount: decisions.length,
    depth: 1,
    // One level recorded: every writer's own reads are left out.
    levels: root.reads.some((r) => r.writer) ? 1 : 0,
    notFollowed: seen.size - 1,
    notes: [],
  };
}
