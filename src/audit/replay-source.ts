/**
 * Audit rows from a recording: the recording is replayed through the app (checking, as
 * verify does, that every output is byte-identical to the recorded one), and each
 * decision-bearing output becomes a row. The app says which outputs are decision-bearing and
 * what their decision and reason are through its `audit` hook; without one, every output is
 * a row, with `decision` / `reason` taken from the output's members of those names.
 *
 * The references into the recording (the input event, its decision records, the output
 * record, the events whose state the decision read) come from a second, sequential pass
 * over the log that runs alongside the replay, so memory stays bounded: only the current
 * event's records and the last writer of each state key read are held.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { App } from "../engine/app.js";
import type { DecisionInfo, OutputTrace } from "../engine/engine.js";
import { HindsightError } from "../errors.js";
import { DecisionKind, decisionKindName, type SeqRecord } from "../format/records.js";
import type { LogReader } from "../log/index.js";
import { MANIFEST_FILE } from "../log/manifest.js";
import { replay } from "../replayer/replay.js";
import { AuditExportWriter, type ExportOptions, type ExportResult } from "./export.js";
import { type AuditIdentity, type AuditRow, sha256Hex } from "./row.js";

/** What the app's audit hook receives besides the output (docs/AUDIT.md, "The app hook"). */
export interface AuditContext {
  /** The input event (or tick) that triggered the output. */
  readonly event: AuditEventView;
  /** Decisions the event consumed before the output (clock, random, look-ups), with values. */
  readonly decisions: readonly AuditDecisionView[];
  /** Keyed state the event read before the output, each with the event that last wrote it. */
  readonly stateReads: readonly { step: string; key: string; writer: AuditEventView | null }[];
  /** The steps the output passed through. */
  readonly path: readonly string[];
}

export interface AuditEventView {
  readonly seq: number;
  /** Stream name, or "tick:<name>" for a timer tick. */
  readonly stream: string;
  readonly timeNs: bigint;
  /** The payload decoded by the stream's codec (hex text when it cannot be decoded). */
  readonly value: unknown;
}

export interface AuditDecisionView {
  readonly kind: string;
  readonly name: string;
  readonly step: string;
  readonly key: string;
  readonly value: unknown;
  /** Log sequence number of the decision record (undefined when not found). */
  readonly seq: number | undefined;
}

/**
 * What an app's `audit` hook may return: `undefined` (not a decision-bearing output: no row),
 * or an object whose `decision`, `reason` and `decisionInputs` members fill those columns and
 * whose other members go to the `fields` column.
 */
export interface AuditFields {
  readonly decision?: unknown;
  readonly reason?: unknown;
  readonly decisionInputs?: Readonly<Record<string, unknown>>;
  readonly [field: string]: unknown;
}

/**
 * The hook as the audit export calls it: the engine's `App["audit"]` with a second, optional
 * argument. (The engine declares the hook with the output only; this is the typed extension.)
 */
export type AuditHookWithContext = (
  output: { sink: string; value: unknown; eventSeq: number; sinkSeq: number },
  context?: AuditContext,
) => AuditFields | Record<string, unknown> | undefined;

const hexOf = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString("hex");

function isHead(r: SeqRecord): boolean {
  return r.type === "input" || (r.type === "decision" && r.kind === DecisionKind.tick);
}

/** Reads the log alongside the replay and hands out the current event's records. */
class EventCursor {
  private readonly it: Iterator<SeqRecord>;
  private peeked: SeqRecord | undefined;
  private exhausted = false;
  eventSeq = -1;
  head: SeqRecord | undefined;
  /** decision index within the event → record seq */
  decisions = new Map<number, number>();
  /** `${sinkName}\0${sinkSeq}` → output record */
  outputs = new Map<string, { seq: number; timeNs: bigint }>();
  /**
   * The most recent input records passed, in a ring indexed by seq: a state writer is usually
   * among them, which saves a random read (a block decompression) per row. Bounded.
   */
  static readonly RECENT = 1 << 16;
  private readonly ring: (SeqRecord | undefined)[] = new Array(EventCursor.RECENT);

  constructor(
    reader: LogReader,
    private readonly sinkNames: readonly string[],
  ) {
    this.it = reader.records({ types: ["input", "decision", "output"] });
  }

  private peek(): SeqRecord | undefined {
    if (this.peeked === undefined && !this.exhausted) {
      const n = this.it.next();
      if (n.done) this.exhausted = true;
      else this.peeked = n.value;
    }
    return this.peeked;
  }

  private remember(r: SeqRecord): void {
    if (r.type === "input") this.ring[r.seq & (EventCursor.RECENT - 1)] = r;
  }

  /** The input record with this seq, if it is among the recent ones. */
  recentInput(seq: number): SeqRecord | undefined {
    const r = this.ring[seq & (EventCursor.RECENT - 1)];
    return r !== undefined && r.seq === seq ? r : undefined;
  }

  /** Moves to event `seq` and collects its records (no-op when already there). */
  moveTo(seq: number): void {
    if (seq === this.eventSeq) return;
    this.eventSeq = seq;
    this.head = undefined;
    this.decisions = new Map();
    this.outputs = new Map();
    // Skip everything before the event's head.
    for (let r = this.peek(); r !== undefined && r.seq < seq; r = this.peek()) {
      this.remember(r);
      this.peeked = undefined;
    }
    const h = this.peek();
    if (h === undefined || h.seq !== seq) return;
    this.head = h;
    this.remember(h);
    this.peeked = undefined;
    // The event's own records run up to the next event's head.
    for (let r = this.peek(); r !== undefined && !isHead(r); r = this.peek()) {
      if (r.type === "decision" && r.eventSeq === seq) this.decisions.set(r.index, r.seq);
      else if (r.type === "output" && r.eventSeq === seq)
        this.outputs.set(`${this.sinkNames[r.sink] ?? r.sink}\0${r.sinkSeq}`, {
          seq: r.seq,
          timeNs: r.timeNs,
        });
      this.peeked = undefined;
    }
  }
}

export interface RecordingAuditOptions extends Partial<ExportOptions> {
  readonly out: string;
  /** Called now and then with (records replayed, records total). */
  readonly onProgress?: (done: number, total: number) => void;
}

/** The identity of a recording as an audit export names it. */
export function recordingIdentity(reader: LogReader): AuditIdentity {
  const m = reader.manifest;
  let manifestSha = "";
  try {
    manifestSha = sha256Hex(readFileSync(join(reader.dir, MANIFEST_FILE)));
  } catch (e) {
    throw new HindsightError("IO", `cannot read ${join(reader.dir, MANIFEST_FILE)}: ${(e as Error).message}`);
  }
  return {
    recordingId: m.recordingId,
    recordingManifestSha256: manifestSha,
    appName: m.app.name,
    appBuildId: m.app.buildId,
    engineVersion: m.engineVersion,
    clockSource: m.clockSource,
  };
}

/**
 * Replays `reader`'s recording through `app` and writes one audit row per decision-bearing
 * output to `options.out`.
 * @throws HindsightError INCOMPATIBLE (the app cannot replay the recording), DIVERGENCE (the
 *   replay does not reproduce the recorded outputs: an export of it would not be the record),
 *   ALREADY_EXISTS, BAD_INPUT (a row the hook made cannot be serialized), corruption errors.
 *   No export is left behind on error.
 */
export async function exportRecordingAudit(
  reader: LogReader,
  app: App,
  options: RecordingAuditOptions,
): Promise<ExportResult> {
  const identity = recordingIdentity(reader);
  const m = reader.manifest;
  const streams = m.streams.map((s) => s.name);
  const sinkNames = m.sinks.map((s) => s.name);
  const hook = app.audit as AuditHookWithContext | undefined;
  const writer = new AuditExportWriter(identity, options);
  const cursor = new EventCursor(reader, sinkNames);
  const writers = new Map<string, AuditEventView>();
  let failure: unknown;

  const viewOf = (r: SeqRecord): AuditEventView => {
    if (r.type === "input") {
      const stream = streams[r.stream] ?? `stream${r.stream}`;
      const codec = app.inputs[stream];
      let value: unknown;
      try {
        value = codec ? codec.decode(r.payload) : hexOf(r.payload);
      } catch {
        value = hexOf(r.payload);
      }
      return { seq: r.seq, stream, timeNs: r.timeNs, value };
    }
    if (r.type === "decision")
      return { seq: r.seq, stream: `tick:${r.name}`, timeNs: r.timeNs, value: { tick: r.name } };
    return { seq: r.seq, stream: r.type, timeNs: r.timeNs, value: null };
  };

  const writerView = (step: string, key: string, seq: number): AuditEventView | null => {
    if (seq < 0) return null;
    const k = `${step}\0${key}`;
    const known = writers.get(k);
    if (known && known.seq === seq) return known;
    const v = viewOf(cursor.recentInput(seq) ?? reader.get(seq));
    writers.set(k, v);
    return v;
  };

  const onOutput = (t: OutputTrace) => {
    if (failure !== undefined) return;
    try {
      cursor.moveTo(t.eventSeq);
      const head = cursor.head;
      const event: AuditEventView = head
        ? viewOf(head)
        : { seq: t.eventSeq, stream: "?", timeNs: t.eventTime, value: null };
      const decisions: AuditDecisionView[] = t.decisions.map((d: DecisionInfo) => ({
        kind: decisionKindName(d.kind),
        name: d.name,
        step: d.step,
        key: d.key,
        value: d.value,
        seq: cursor.decisions.get(d.index),
      }));
      const stateReads = t.stateReads.map((s) => ({
        step: s.step,
        key: s.key,
        writer: writerView(s.step, s.key, s.writerSeq),
      }));
      const context: AuditContext = { event, decisions, stateReads, path: t.path };
      const out = { sink: t.sinkName, value: t.value, eventSeq: t.eventSeq, sinkSeq: t.sinkSeq };
      let fields: Record<string, unknown> | undefined;
      if (hook) {
        const h = hook(out, context);
        if (h === undefined || h === null) return; // not decision-bearing
        if (typeof h !== "object")
          throw new HindsightError(
            "APP_ERROR",
            `app ${app.name}'s audit hook returned a ${typeof h}, not an object`,
            {
              hint: "return an object (decision, reason, decisionInputs, other fields) or undefined for no row",
            },
          );
        fields = { ...h };
      } else {
        fields = {};
        const v = t.value as Record<string, unknown> | null;
        if (v && typeof v === "object" && !Array.isArray(v)) {
          if (typeof v["decision"] === "string") fields["decision"] = v["decision"];
          if (typeof v["reason"] === "string") fields["reason"] = v["reason"];
        }
      }
      const { decision, reason, decisionInputs, ...rest } = fields;
      let clockNs: bigint | null = null;
      for (const d of t.decisions)
        if (d.kind === DecisionKind.clock && typeof d.value === "bigint") clockNs = d.value;
      const recorded = cursor.outputs.get(`${t.sinkName}\0${t.sinkSeq}`);
      const inputs = new Set<number>([t.eventSeq]);
      for (const s of t.stateReads) if (s.writerSeq >= 0) inputs.add(s.writerSeq);
      const row: AuditRow = {
        sink: t.sinkName,
        sinkSeq: t.sinkSeq,
        outputSeq: recorded?.seq ?? null,
        output: t.value,
        outputTimeNs: t.eventTime,
        clockNs,
        inputSeq: t.eventSeq,
        inputStream: event.stream,
        inputTimeNs: event.timeNs,
        input: event.value,
        decision: decision === undefined ? t.sinkName : String(decision),
        reason: reason === undefined ? "" : String(reason),
        decisionInputs:
          decisionInputs !== undefined && decisionInputs !== null && typeof decisionInputs === "object"
            ? (decisionInputs as Record<string, unknown>)
            : {
                decisions: decisions.map((d) => ({
                  kind: d.kind,
                  name: d.name,
                  step: d.step,
                  key: d.key,
                  value: d.value,
                  seq: d.seq ?? null,
                })),
                state: stateReads.map((s) => ({
                  step: s.step,
                  key: s.key,
                  writer: s.writer
                    ? {
                        seq: s.writer.seq,
                        stream: s.writer.stream,
                        time_ns: s.writer.timeNs,
                        event: s.writer.value,
                      }
                    : null,
                })),
              },
        lineage: {
          inputs: [...inputs].sort((a, b) => a - b),
          decisions: decisions.flatMap((d) => (d.seq === undefined ? [] : [d.seq])),
        },
        fields: rest,
      };
      writer.add(row);
    } catch (e) {
      failure = e;
    }
  };

  try {
    const res = await replay(reader, app, {
      compareOutputs: true,
      observer: { onOutput },
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
    if (failure !== undefined) throw failure;
    if (res.divergence) {
      throw new HindsightError(
        "DIVERGENCE",
        `the app does not reproduce the recording, so its decisions cannot be exported: ${res.divergence.message}`,
        {
          where: `${reader.dir}, seq ${res.divergence.eventSeq}`,
          hint: "export with the app build that made the recording; `hindsight verify` shows the full report",
        },
      );
    }
    return writer.finish();
  } catch (e) {
    writer.abort();
    throw e;
  }
}
