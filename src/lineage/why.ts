/**
 * Data lineage, reconstructed by replay (no recording overhead): for one output, the minimal
 * witness of how it came to be — the input event (or tick) that triggered it, the steps it
 * passed through, the decisions it consumed with their values, and for every keyed-state
 * value it read, the event that last wrote that value; then, level by level up to `depth`,
 * the same for those writer events. Events whose state was overwritten before it was read,
 * or that never touched what was read, do not appear.
 */
import type { App } from "../engine/app.js";
import type { DecisionInfo, EventTrace, OutputTrace, StateRead } from "../engine/engine.js";
import { stringifyJson } from "../engine/json.js";
import { HindsightError } from "../errors.js";
import { DecisionKind, decisionKindName, type LineageRecord } from "../format/records.js";
import type { LogReader } from "../log/reader.js";
import { incompatibilities, replay } from "../replayer/replay.js";
import { type EventView, eventView } from "../verify/verify.js";
import { findLineageRecord } from "./recorded.js";

export type WhyTarget = { readonly sink: string; readonly index: number } | { readonly seq: number };

export interface LineageRead extends StateRead {
  /** The event that wrote the value read (absent when nothing had written it: empty state). */
  readonly writer?: LineageEvent;
}

export interface LineageEvent {
  readonly event: EventView;
  /** Decisions this event consumed (for the triggering event: those made before the output). */
  readonly decisions: readonly DecisionInfo[];
  /** Keyed-state reads, each with its writer (expanded while depth allows). */
  readonly reads: readonly LineageRead[];
  /** True when depth ran out before this event's own reads were followed. */
  readonly truncated: boolean;
}

export interface LineageOutput {
  readonly sink: string;
  readonly sinkSeq: number;
  readonly eventSeq: number;
  readonly index: number;
  readonly step: string;
  readonly path: readonly string[];
  /** The output value as JSON text (decoded by the sink's codec). */
  readonly value: string;
}

export interface Lineage {
  readonly recording: string;
  readonly output: LineageOutput | null;
  readonly root: LineageEvent;
  /** Every input/tick sequence number in the witness, ascending. */
  readonly events: readonly number[];
  /** How many decisions the witness holds. */
  readonly decisionCount: number;
  /** The depth asked for (--depth). */
  readonly depth: number;
  /** Levels of state writers the witness holds (0: the triggering event read no written state). */
  readonly levels: number;
  /** Writer events at the depth limit whose own state reads were not followed (0: complete). */
  readonly notFollowed: number;
  /**
   * Checked against the lineage the recorded run wrote (`record --lineage`), when the recording
   * has it: "same", or how the replayed one differs (its first level: path, decisions, reads).
   */
  readonly recorded?: "same" | { readonly differs: string };
  /**
   * What the replay said of the event itself: the recorded run failed in it (and the replay
   * failed the same way), or the recording ends inside it (sealed before it finished).
   */
  readonly notes: readonly string[];
}

export interface WhyOptions {
  /** How many levels of state writers to follow. Defaults to 3. */
  readonly depth?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

/** A value as shown: exact JSON (a bigint as its integer literal, as payloads are written). */
const json = (v: unknown): string => {
  try {
    return stringifyJson(v);
  } catch {
    return String(v);
  }
};

/** The recorded output (sink, position) → its event, from OutputDigest records. */
function findOutputEvent(reader: LogReader, sink: number, sinkSeq: number): number | undefined {
  for (const r of reader.records({ types: ["output"] }))
    if (r.type === "output" && r.sink === sink && r.sinkSeq === sinkSeq) return r.eventSeq;
  return undefined;
}

/** "sink 'x' holds 0..N-1" (or none), for a hint. (Only when the asked-for output is missing.) */
function outputsIn(reader: LogReader, sink: number): string {
  let last = -1;
  for (const r of reader.records({ types: ["output"] }))
    if (r.type === "output" && r.sink === sink && r.sinkSeq > last) last = r.sinkSeq;
  return last < 0 ? "this sink has none" : `this sink has 0..${last}`;
}

/**
 * Explains one output (sink:index, the index being the output's position in its sink) or all
 * outputs of one input event (seq). Throws NOT_FOUND (no such output or event), INCOMPATIBLE,
 * DIVERGENCE (the app no longer reproduces the recording up to that point), corruption errors.
 */
export async function why(
  reader: LogReader,
  app: App,
  target: WhyTarget,
  opts: WhyOptions = {},
): Promise<Lineage[]> {
  const depth = opts.depth ?? 3;
  const problems = incompatibilities(reader, app);
  if (problems.length)
    throw new HindsightError("INCOMPATIBLE", `the app cannot replay this recording: ${problems.join("; ")}`, {
      where: reader.dir,
    });
  const m = reader.manifest;
  let eventSeq: number;
  let wantSink: number | undefined;
  let wantSinkSeq: number | undefined;
  if ("seq" in target) {
    eventSeq = target.seq;
    const r = reader.get(eventSeq);
    if (r.type === "output") {
      // An output record: explain that output.
      eventSeq = r.eventSeq;
      wantSink = r.sink;
      wantSinkSeq = r.sinkSeq;
    } else if (r.type === "decision" && !(r.kind === DecisionKind.tick && r.eventSeq === r.seq))
      eventSeq = r.eventSeq; // a decision: the event that consumed it
    else if (r.type !== "input" && r.type !== "decision")
      throw new HindsightError(
        "NOT_FOUND",
        `record ${eventSeq} is ${/^[aeiou]/.test(r.type) ? "an" : "a"} ${r.type} record, not an event, a decision or an output`,
        {
          hint: "pass the sequence number of an input event, a tick, a decision or an output (see `hindsight cat`)",
        },
      );
  } else {
    const sink = m.sinks.findIndex((s) => s.name === target.sink);
    if (sink < 0)
      throw new HindsightError("NOT_FOUND", `no sink "${target.sink}" in this recording`, {
        hint: `sinks: ${m.sinks.map((s) => s.name).join(", ") || "(none)"}`,
      });
    const ev = findOutputEvent(reader, sink, target.index);
    if (ev === undefined)
      throw new HindsightError("NOT_FOUND", `the recording has no output ${target.sink}:${target.index}`, {
        hint: `outputs are numbered from 0 within their sink (${outputsIn(reader, sink)}); see \`hindsight cat --type output\``,
      });
    eventSeq = ev;
    wantSink = sink;
    wantSinkSeq = target.index;
  }

  const lineages = await explainEvent(reader, app, eventSeq, {
    depth,
    compare: true,
    // By name: the app may list its sinks in another order than the recording's manifest.
    ...(wantSink !== undefined
      ? {
          select: (t: OutputTrace) =>
            t.sinkName === m.sinks[wantSink as number]?.name && t.sinkSeq === wantSinkSeq,
        }
      : {}),
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
  });
  if (!m.features.includes("lineage-records")) return lineages;
  return lineages.map((l) => {
    const sink = l.output ? m.sinks.findIndex((s) => s.name === l.output?.sink) : -1;
    const rec =
      l.output && sink >= 0
        ? findLineageRecord(reader, sink, l.output.sinkSeq, l.output.eventSeq)
        : undefined;
    return rec ? { ...l, recorded: compareRecorded(l, rec) } : l;
  });
}

/** Decision indexes as "#0, #2", or "none". */
const indexes = (ix: readonly number[]): string => (ix.length ? ix.map((i) => `#${i}`).join(", ") : "none");

/** The first level of `l` against what the recorded run wrote of it. */
function compareRecorded(l: Lineage, rec: LineageRecord): "same" | { differs: string } {
  const out = l.output as LineageOutput;
  const why: string[] = [];
  if (rec.path.join(" → ") !== out.path.join(" → "))
    why.push(`path ${rec.path.join(" → ")} recorded, ${out.path.join(" → ")} replayed`);
  const decisions = l.root.decisions.map((d) => d.index);
  if (rec.decisions.join(",") !== decisions.join(","))
    why.push(`decisions ${indexes(rec.decisions)} recorded, ${indexes(decisions)} replayed`);
  const reads = (rs: readonly StateRead[]) =>
    rs
      .map((r) => `${r.step}[${JSON.stringify(r.key)}]←${r.writerSeq}`)
      .sort()
      .join(", ");
  if (reads(rec.reads) !== reads(l.root.reads))
    why.push(
      `state reads ${reads(rec.reads) || "(none)"} recorded, ${reads(l.root.reads) || "(none)"} replayed`,
    );
  return why.length === 0 ? "same" : { differs: why.join("; ") };
}

export interface ExplainOptions {
  /** Levels of state writers to follow. */
  readonly depth: number;
  /**
   * Compare the replay with the recording on the way (and fail with DIVERGENCE when it differs).
   * Off for explaining a divergent output of a new build: the replay then trusts the recorded
   * decisions and inputs only.
   */
  readonly compare: boolean;
  /** Which of the event's outputs to explain; all when absent. */
  readonly select?: (t: OutputTrace) => boolean;
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * The lineage of the outputs of event `eventSeq` as the given app produces them when replaying
 * the recording (for verify: the current build's lineage of a divergent output).
 */
export async function explainEvent(
  reader: LogReader,
  app: App,
  eventSeq: number,
  o: ExplainOptions,
): Promise<Lineage[]> {
  const depth = o.depth;
  const m = reader.manifest;
  const streams = m.streams.map((s) => s.name);
  const select = o.select ?? (() => true);
  // Level 1: replay to the event, keeping its outputs' traces and its own event trace.
  const outputs: OutputTrace[] = [];
  const traces = new Map<number, EventTrace>();
  const res = await replay(reader, app, {
    until: eventSeq,
    useCheckpoints: false,
    compareOutputs: o.compare,
    observer: {
      onOutput: (t) => {
        if (t.eventSeq !== eventSeq) return;
        if (select(t)) outputs.push(t);
      },
      onEventEnd: (t) => {
        if (t.eventSeq === eventSeq)
          traces.set(t.eventSeq, { ...t, decisions: [...t.decisions], stateReads: [...t.stateReads] });
      },
    },
    ...(o.onProgress ? { onProgress: o.onProgress } : {}),
  });
  if (res.divergence && o.compare)
    throw new HindsightError(
      "DIVERGENCE",
      `the app diverged from the recording ${res.divergence.eventSeq < eventSeq ? `before the event (at event seq ${res.divergence.eventSeq})` : "at the event"}: ${res.divergence.message}`,
      {
        where: `${reader.dir}, seq ${res.divergence.eventSeq}`,
        hint: "run `hindsight verify` for the full report; lineage needs a build that reproduces the recording",
      },
    );
  if (o.select && outputs.length === 0)
    throw new HindsightError(
      "DIVERGENCE",
      `replaying event ${eventSeq} did not produce the output asked for`,
      {
        where: reader.dir,
      },
    );

  const eventNotes: string[] = [];
  if (res.failedAsRecorded?.eventSeq === eventSeq)
    eventNotes.push(
      `the recorded run failed in this event (the replay fails the same way): ${res.failedAsRecorded.message}`,
    );
  const inside = `ends inside event seq ${eventSeq} `;
  for (const n of res.notes) if (n.includes(inside)) eventNotes.push(n);

  // Follow writers level by level: each level is one more replay up to the latest writer needed.
  // Writers down to the last level are replayed too: their decisions belong to the witness, and
  // whether they read state themselves says if the witness is cut there.
  const known = new Map<number, EventTrace>(traces);
  const rootTrace = traces.get(eventSeq);
  let reads: StateRead[] = outputs.flatMap((t) => t.stateReads);
  if (rootTrace && outputs.length === 0) reads = [...rootTrace.stateReads];
  const followed = new Set<string>();
  for (let level = 1; level <= depth && reads.length > 0; level++) {
    const want = new Set<number>();
    for (const r of reads) if (r.writerSeq >= 0 && !known.has(r.writerSeq)) want.add(r.writerSeq);
    if (want.size > 0) {
      const got: EventTrace[] = [];
      await replay(reader, app, {
        until: Math.max(...want),
        useCheckpoints: false,
        observer: {
          onEventEnd: (t) => {
            if (want.has(t.eventSeq))
              got.push({ ...t, decisions: [...t.decisions], stateReads: [...t.stateReads] });
          },
        },
      });
      for (const t of got) known.set(t.eventSeq, t);
    }
    if (level === depth) break;
    // The next level: what each write read was read from (not the rest of its event).
    const next: StateRead[] = [];
    for (const r of reads) {
      const k = `${r.writerSeq}\u0000${r.step}\u0000${r.key}`;
      const t = known.get(r.writerSeq);
      if (r.writerSeq < 0 || followed.has(k) || t === undefined) continue;
      followed.add(k);
      next.push(...writeOf(t, r).stateReads);
    }
    reads = next;
  }
  const eventOf = (seq: number): EventView => eventView(reader.get(seq), res.engine, streams);
  const seen = new Set<number>();
  const build = (
    seq: number,
    decisions: readonly DecisionInfo[],
    reads: readonly StateRead[],
    level: number,
  ): LineageEvent => {
    seen.add(seq);
    const lr: LineageRead[] = reads.map((r) => {
      if (r.writerSeq < 0) return { ...r };
      const t = known.get(r.writerSeq);
      const w = t === undefined ? undefined : writeOf(t, r);
      // At the depth limit, a writer whose own reads lead to writers is cut there; one that read
      // nothing written (or nothing at all) is complete, and shown whole.
      if (w === undefined || (level >= depth && w.stateReads.some((x) => x.writerSeq >= 0))) {
        seen.add(r.writerSeq);
        return {
          ...r,
          writer: { event: eventOf(r.writerSeq), decisions: w?.decisions ?? [], reads: [], truncated: true },
        };
      }
      return { ...r, writer: build(r.writerSeq, w.decisions, w.stateReads, level + 1) };
    });
    return { event: eventOf(seq), decisions, reads: dedupeReads(lr), truncated: false };
  };

  const lineages: Lineage[] = [];
  const make = (
    out: OutputTrace | null,
    decisions: readonly DecisionInfo[],
    reads: readonly StateRead[],
  ): Lineage => {
    seen.clear();
    const root = build(eventSeq, decisions, reads, 1);
    const count = (e: LineageEvent): number =>
      e.decisions.length + e.reads.reduce((a, r) => a + (r.writer ? count(r.writer) : 0), 0);
    const levels = (e: LineageEvent): number =>
      e.reads.reduce((a, r) => Math.max(a, r.writer ? 1 + levels(r.writer) : 0), 0);
    // Events left unexpanded at the limit, unless expanded on a shorter path (a diamond).
    const cut = new Set<number>();
    const expanded = new Set<number>();
    const findCut = (e: LineageEvent): void => {
      if (e.truncated) cut.add(e.event.seq);
      else expanded.add(e.event.seq);
      for (const r of e.reads) if (r.writer) findCut(r.writer);
    };
    findCut(root);
    for (const s of expanded) cut.delete(s);
    return {
      recording: reader.dir,
      output: out
        ? {
            sink: out.sinkName,
            sinkSeq: out.sinkSeq,
            eventSeq: out.eventSeq,
            index: out.index,
            step: out.step,
            path: out.path,
            value: json(out.value),
          }
        : null,
      root,
      events: [...seen].sort((a, b) => a - b),
      decisionCount: count(root),
      depth,
      levels: levels(root),
      notFollowed: cut.size,
      notes: eventNotes,
    };
  };
  if (outputs.length === 0) {
    const t = traces.get(eventSeq);
    lineages.push(make(null, t?.decisions ?? [], t?.stateReads ?? []));
  } else for (const o of outputs) lineages.push(make(o, o.decisions, o.stateReads));
  return lineages;
}

/**
 * What the value a read found depends on: its writer event's write of that key (the decisions and
 * reads on the writing step's path), or, for a trace without writes, the whole event.
 */
function writeOf(
  t: EventTrace,
  r: StateRead,
): { readonly decisions: readonly DecisionInfo[]; readonly stateReads: readonly StateRead[] } {
  return t.writes.find((w) => w.step === r.step && w.key === r.key) ?? t;
}

/** The same (step, key, writer) read several times is one contribution. */
function dedupeReads(reads: LineageRead[]): LineageRead[] {
  const seen = new Set<string>();
  return reads.filter((r) => {
    const k = `${r.step}\u0000${r.key}\u0000${r.writerSeq}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** A readable tree: output ← step path ← event and decisions ← state read ← writer events. */
/**
 * The lineage as text. `more` says how to follow it further when it was cut at its depth
 * (`why`: "raise --depth"); without it the last line only says where it was cut.
 */
export function renderLineage(l: Lineage, more?: string): string {
  const lines: string[] = [];
  if (l.output)
    lines.push(
      `output ${l.output.sink}:${l.output.sinkSeq} = ${l.output.value}`,
      `  via ${l.output.path.join(" → ")} (event ${l.output.eventSeq}, output #${l.output.index} of that event)`,
    );
  else lines.push(`event ${l.root.event.seq} (no outputs)`);
  const ev = (e: EventView) =>
    e.kind === "input"
      ? `input seq ${e.seq} ${e.stream}[${e.streamSeq}] @ ${e.time}: ${e.payload}`
      : `${e.kind} seq ${e.seq} @ ${e.time}: ${e.payload}`;
  // A tree: each event's decisions and reads under it, the last drawn └─, a read's writer under it.
  const walk = (e: LineageEvent, indent: string) => {
    lines.push(`${indent}└─ ${ev(e.event)}`);
    const inner = `${indent}   `;
    const n = e.decisions.length + e.reads.length;
    let i = 0;
    const branch = () => (++i === n ? ["└─ ", "   "] : ["├─ ", "│  "]);
    const decision = (d: LineageEvent["decisions"][number]) =>
      `decision ${decisionKindName(d.kind)} '${d.name}' (step ${d.step}) = ${json(d.value)}`;
    for (const d of e.decisions) lines.push(`${inner}${branch()[0]}${decision(d)}`);
    for (const r of e.reads) {
      const [head, under] = branch();
      if (!r.writer) {
        lines.push(`${inner}${head}read ${r.step}[${JSON.stringify(r.key)}]: empty (never written)`);
        continue;
      }
      lines.push(
        `${inner}${head}read ${r.step}[${JSON.stringify(r.key)}], last written by seq ${r.writerSeq}`,
      );
      if (r.writer.truncated && r.writer.reads.length === 0) {
        // At the --depth limit: the writer and its decisions, not what it read.
        const at = `${inner}${under}`;
        lines.push(`${at}└─ ${ev(r.writer.event)}`);
        for (const d of r.writer.decisions) lines.push(`${at}   ├─ ${decision(d)}`);
        lines.push(`${at}   (deeper lineage not followed)`);
      } else walk(r.writer, `${inner}${under}`);
    }
  };
  walk(l.root, "");
  for (const n of l.notes) lines.push(`note: ${n}`);
  if (l.recorded === "same") lines.push("recorded at run time (record --lineage): the same");
  else if (l.recorded) lines.push(`recorded at run time (record --lineage): differs: ${l.recorded.differs}`);
  lines.push(
    `witness: ${l.events.length} event(s) [${l.events.join(", ")}], ${l.decisionCount} decision(s); ${
      l.notFollowed > 0
        ? `cut at depth ${l.depth}: ${l.notFollowed} event(s) whose own reads were not followed${more ? ` (${more})` : ""}`
        : `complete: ${l.levels} level(s) of state writers (--depth ${l.depth})`
    }`,
  );
  return lines.join("\n");
}

/** A decision of a lineage (engine DecisionInfo): its kind is a number. */
const isDecision = (x: unknown): x is { kind: DecisionKind } =>
  typeof x === "object" &&
  x !== null &&
  typeof (x as { kind?: unknown }).kind === "number" &&
  typeof (x as { step?: unknown }).step === "string" &&
  typeof (x as { index?: unknown }).index === "number";

/** A lineage (or anything holding one) for JSON output: decision kinds by name ("clock"), as the text gives them. */
export function withDecisionKindNames(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(withDecisionKindNames);
  if (v === null || typeof v !== "object" || v instanceof Uint8Array) return v;
  const o: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v))
    o[k] =
      k === "decisions" && Array.isArray(x)
        ? x.map((d) => (isDecision(d) ? { ...d, kind: decisionKindName(d.kind) } : withDecisionKindNames(d)))
        : withDecisionKindNames(x);
  return o;
}
