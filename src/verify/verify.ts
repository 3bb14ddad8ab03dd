/**
 * `verify`: replays each recording against the current app and compares every decision
 * request and output with what was recorded. One result per recording; a divergence is
 * explained (event decoded, step, decision point or output index, expected vs actual decoded
 * with a diff, last matching checkpoint, preceding events). A different app build id is a
 * note, not a failure: verifying a new build against old recordings is the point.
 */
import type { App } from "../engine/app.js";
import { sha256 } from "../engine/bytes.js";
import { type Engine, parseSnapshot } from "../engine/engine.js";
import { stringifyJson } from "../engine/json.js";
import { escapeControls, HindsightError, isHindsightError } from "../errors.js";
import { DecisionKind, type DecisionRecord, decisionKindName, type SeqRecord } from "../format/records.js";
import { formatTime } from "../format/time.js";
import { findLineageRecord, recordedLineage } from "../lineage/recorded.js";
import { explainEvent, type Lineage, renderLineage, withDecisionKindNames } from "../lineage/why.js";
import { LogReader } from "../log/index.js";
import { readSideFile } from "../log/side-files.js";
import { SEALED_INSIDE } from "../recorder/app-run.js";
import {
  buildDiffers,
  type Divergence,
  divergenceWithoutStack,
  incompatibilities,
  type ReplayResult,
  recordedValue,
  replay,
} from "../replayer/replay.js";
import { clipLine, count } from "../text.js";

export type VerifyStatus = "identical" | "diverged" | "incompatible" | "error";

export interface EventView {
  readonly seq: number;
  readonly kind: "input" | "tick" | "other";
  readonly stream?: string;
  readonly streamSeq?: number;
  /** Event time, ns since the epoch (decimal string: exact). */
  readonly timeNs: string;
  readonly time: string;
  /** Decoded payload (JSON text) or the tick. */
  readonly payload: string;
}

export interface DivergenceReport extends Omit<Divergence, "output"> {
  readonly event: EventView | null;
  readonly output?: {
    readonly sink: string;
    readonly index: number;
    readonly sinkSeq: number;
    /** Where the recorded output was ("sink:position"), when not where this build wrote it. */
    readonly expectedAt?: string;
    readonly expected?: string;
    readonly actual?: string;
    readonly expectedDigest?: string;
    readonly actualDigest?: string;
  };
  /**
   * Field-level differences of the output (or of the state at a checkpoint), the first 20 (see
   * DiffEntry); the text report shows each as "path: expected → actual".
   */
  readonly diff?: readonly DiffEntry[];
  /** How many differences there are in all, when `diff` lists only the first of them. */
  readonly diffCount?: number;
  readonly lastMatchingCheckpoint: { readonly refSeq: number; readonly eventSeq: number } | null;
  readonly precedingEvents: readonly EventView[];
  readonly precedingDecisions: readonly ShownDecision[];
  /**
   * The decisions the recording has for the event it diverged in (the first 20), with their
   * values: what the recorded run asked for, in order, where the divergence is among them.
   */
  readonly eventDecisions?: readonly ShownDecision[];
  /** How many decisions the recording has for that event, when `eventDecisions` lists only the first. */
  readonly eventDecisionCount?: number;
  /**
   * For an output divergence: the lineage of the output as this build produces it (by replay),
   * and as it was recorded (when the recording was made with --lineage).
   */
  lineage?: { current?: Lineage; recorded?: Lineage; error?: string };
}

export interface VerifyResult {
  readonly recording: string;
  readonly status: VerifyStatus;
  readonly app: string;
  readonly buildId: string;
  readonly recordedBuildId: string;
  readonly buildChanged: boolean;
  /** Input events replayed (as record counts them), and ticks. */
  readonly events: number;
  readonly ticks: number;
  readonly decisions: number;
  readonly outputs: number;
  readonly checkpointsVerified: number;
  readonly seconds: number;
  readonly divergence?: DivergenceReport;
  /**
   * The recorded run failed in the app at this event, and the replay failed the same way, with
   * the same message: a faithful replay (status "identical"). `events` counts the events replayed
   * before it.
   */
  readonly failedAsRecorded?: { readonly eventSeq: number; readonly message: string };
  /**
   * The recorded run ended with an error escaping the app's steps, and the same error (same
   * message) escaped in the replay: a faithful replay (status "identical"). `eventSeq`: the event
   * being replayed when it surfaced, when one was.
   */
  readonly escapedAsRecorded?: { readonly eventSeq?: number; readonly message: string };
  readonly incompatible?: readonly string[];
  readonly error?: { readonly code: string; readonly exitCode: number; readonly message: string };
  readonly notes: readonly string[];
}

export interface VerifyOptions {
  /** The app's build id (from loadApp), compared with the recording's. */
  buildId?: string;
  onProgress?: (done: number, total: number) => void;
  /** Monotonic seconds clock for timing (defaults to performance.now). */
  now?: () => number;
  /** See ReplayOptions.watchStall. */
  watchStall?: (stalled: () => boolean) => () => void;
  /** See ReplayOptions.watchStray. */
  watchStray?: (took: (e: unknown) => boolean) => () => void;
}

/** ISO-8601 UTC with nanoseconds. */
export function isoNs(ns: bigint): string {
  return ns <= 0n ? "-" : formatTime(ns);
}

function safeJson(v: unknown): string {
  try {
    return v instanceof Uint8Array ? `0x${Buffer.from(v).toString("hex")}` : stringifyJson(v);
  } catch {
    return String(v);
  }
}

export function eventView(r: SeqRecord, engine: Engine, streams: readonly string[]): EventView {
  if (r.type === "input") {
    const name = streams[r.stream] ?? `#${r.stream}`;
    let payload: string;
    try {
      const idx = engine.inputIndex(name);
      payload = safeJson(idx >= 0 ? engine.decodeInput(idx, r.payload) : r.payload);
    } catch {
      payload = Buffer.from(r.payload).toString("utf8");
    }
    return {
      seq: r.seq,
      kind: "input",
      stream: name,
      streamSeq: r.streamSeq,
      timeNs: String(r.timeNs),
      time: isoNs(r.timeNs),
      payload,
    };
  }
  if (r.type === "decision")
    return {
      seq: r.seq,
      kind: "tick",
      timeNs: String(r.timeNs),
      time: isoNs(r.timeNs),
      payload: `tick '${r.name}' of step '${r.step}'${r.key.length ? ` key ${JSON.stringify(Buffer.from(r.key).toString("utf8"))}` : ""}`,
    };
  return { seq: r.seq, kind: "other", timeNs: String(r.timeNs), time: isoNs(r.timeNs), payload: r.type };
}

/** A decision record as reports show it (verify's preceding decisions, replay's recent ones). */
export interface ShownDecision {
  readonly seq: number;
  readonly eventSeq: number;
  readonly index: number;
  /** By name: "clock", "random", "lookup"... */
  readonly kind: string;
  readonly name: string;
  readonly step: string;
  readonly key?: string;
  /**
   * Decoded: a clock reading (bigint ns), a draw, an ambient or looked-up value. Absent for a
   * failed look-up (see `error`) and for a look-up whose blob was not read (see `blob`).
   */
  readonly value?: unknown;
  /** A failed look-up's error (what its fetch threw when recorded), instead of `value`. */
  readonly error?: string;
  /** A look-up's content hash ("sha256:…"). */
  readonly blob?: string;
}

/** `blobOf`: look-up values by content hash (ReplayResult.blobOf); without it, look-ups show their hash. */
export function shownDecision(
  r: DecisionRecord & { readonly seq: number },
  blobOf?: (contentHash: Uint8Array) => Uint8Array | undefined,
): ShownDecision {
  return {
    seq: r.seq,
    eventSeq: r.eventSeq,
    index: r.index,
    kind: decisionKindName(r.kind),
    name: r.name,
    step: r.step,
    ...(r.key.length ? { key: Buffer.from(r.key).toString("utf8") } : {}),
    ...recordedValue(r, blobOf),
    ...(r.kind === DecisionKind.lookup && r.contentHash.length
      ? { blob: `sha256:${Buffer.from(r.contentHash).toString("hex")}` }
      : {}),
  };
}

function decisionLine(d: ShownDecision): string {
  const shown =
    d.error !== undefined
      ? `failed: ${clipLine(d.error, 200)}`
      : !("value" in d) && d.blob !== undefined
        ? `blob ${d.blob.slice(0, 19)}… (value not read)`
        : clipLine(safeJson(d.value), 200);
  return `seq ${d.seq} event ${d.eventSeq} #${d.index} ${d.kind} '${d.name}' step '${d.step}'${d.key !== undefined ? ` key ${JSON.stringify(d.key)}` : ""} = ${shown}`;
}

/** One difference a report lists. */
export interface DiffEntry {
  /**
   * Where: a field's path (`reason`, `quote.bid`, `items[2]`, `acct["A01"].region` in a state),
   * `(value)` for the whole value; `(bytes)` when only the bytes differ, `(sink)` when the
   * output went to another sink, `(state)` when the state could not be diffed: `detail` says.
   */
  readonly path: string;
  /** The recorded value there, as JSON (cut to 200 characters); absent when the field is. */
  readonly expected?: string;
  /** This build's value there, as JSON (cut to 200 characters); absent when the field is. */
  readonly actual?: string;
  /**
   * Where two long strings or byte strings first differ (instead of `expected`/`actual`), or what
   * differs for `(bytes)`, `(sink)` and `(state)`.
   */
  readonly detail?: string;
}

/** A difference as the text report (and why's) shows it: "path: expected → actual". */
export function diffLine(e: DiffEntry): string {
  return e.detail !== undefined
    ? `${e.path}: ${e.detail}`
    : `${e.path}: ${e.expected ?? "(absent)"} → ${e.actual ?? "(absent)"}`;
}

/** Differences a report lists; `diffCount` says how many there are in all. */
const DIFF_SHOWN = 20;
/** Differences counted at most (a huge state or output is not walked to its end). */
const DIFF_COUNTED = 100_000;

/**
 * Where two texts first differ: `at character i ("x" → "y", lengths a / b): …before… → …before…`,
 * the characters named and a window of each text around them.
 */
function textDiff(a: string, b: string): string {
  return differAt(
    a,
    b,
    "character",
    20,
    (t, i) => JSON.stringify(t[i]),
    (t, from, to) => t.slice(from, to),
  );
}

/** Where two strings or byte strings first differ, the two there (`at`) and a window (`show`) of `span` around. */
function differAt<T extends string | Uint8Array>(
  a: T,
  b: T,
  unit: string,
  span: number,
  at: (x: T, i: number) => string,
  show: (x: T, from: number, to: number) => string,
): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const from = Math.max(0, i - span);
  const window = (x: T) =>
    `${from > 0 ? "…" : ""}${show(x, from, i + span)}${i + span < x.length ? "…" : ""}`;
  const here = (x: T) => (i < x.length ? at(x, i) : "(end)");
  const lengths = a.length === b.length ? `both ${a.length} long` : `lengths ${a.length} / ${b.length}`;
  return `differ at ${unit} ${i} (${here(a)} → ${here(b)}; ${lengths}): ${window(a)} → ${window(b)}`;
}

/**
 * Field-level diff of two decoded values: an entry for each difference, the first `limit` of
 * them; `total` counts them all (up to 100 000). Long strings are shown around their first
 * difference, not whole.
 */
function valueDiff(a: unknown, b: unknown, limit = DIFF_SHOWN): { entries: DiffEntry[]; total: number } {
  const entries: DiffEntry[] = [];
  let total = 0;
  const add = (entry: () => DiffEntry) => {
    if (total++ < limit) entries.push(entry());
  };
  const isObj = (x: unknown): x is Record<string, unknown> =>
    typeof x === "object" && x !== null && !Array.isArray(x) && !(x instanceof Uint8Array);
  const walk = (a: unknown, b: unknown, path: string): void => {
    if (total >= DIFF_COUNTED) return;
    if (isObj(a) && isObj(b)) {
      for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
        const p = path ? `${path}.${k}` : k;
        if (!(k in b)) add(() => ({ path: p, expected: clip(safeJson(a[k])) }));
        else if (!(k in a)) add(() => ({ path: p, actual: clip(safeJson(b[k])) }));
        else walk(a[k], b[k], p);
      }
      return;
    }
    if (Array.isArray(a) && Array.isArray(b)) {
      for (let i = 0; i < Math.max(a.length, b.length); i++) {
        const p = `${path}[${i}]`;
        if (i >= b.length) add(() => ({ path: p, expected: clip(safeJson(a[i])) }));
        else if (i >= a.length) add(() => ({ path: p, actual: clip(safeJson(b[i])) }));
        else walk(a[i], b[i], p);
      }
      return;
    }
    const sa = safeJson(a);
    const sb = safeJson(b);
    if (sa === sb && typeof a === typeof b) return;
    const p = path || "(value)";
    if (a instanceof Uint8Array && b instanceof Uint8Array && (sa.length > 60 || sb.length > 60))
      add(() => ({ path: p, detail: bytesDiff(a, b) }));
    else if (typeof a === "string" && typeof b === "string" && (sa.length > 60 || sb.length > 60))
      add(() => ({ path: p, detail: `strings ${textDiff(a, b)}` }));
    else add(() => ({ path: p, expected: clip(sa), actual: clip(sb) }));
  };
  walk(a, b, "");
  return { entries, total };
}

/** A value's text cut to 200 characters (a long one is shown around its difference instead). */
const clip = (t: string): string => (t.length > 200 ? `${t.slice(0, 199)}…` : t);

/** Where two byte strings first differ, as text when both are printable UTF-8, else in hex. */
function bytesDiff(a: Uint8Array, b: Uint8Array): string {
  const text = (x: Uint8Array): string | undefined => {
    try {
      const t = new TextDecoder("utf-8", { fatal: true }).decode(x);
      return /[\u0000-\u0008\u000e-\u001f]/.test(t) ? undefined : t;
    } catch {
      return undefined;
    }
  };
  const ta = text(a);
  const tb = text(b);
  if (ta !== undefined && tb !== undefined) return `the texts ${textDiff(ta, tb)}`;
  const hex = (x: Uint8Array, from: number, to: number) => Buffer.from(x.subarray(from, to)).toString("hex");
  return `the bytes ${differAt(a, b, "byte", 8, (x, i) => `0x${hex(x, i, i + 1)}`, hex)}`;
}

/** A state snapshot (checkpoint content) as one object: `step[key]` → value, sinks, timers. */
function stateView(bytes: Uint8Array): Record<string, unknown> {
  const s = parseSnapshot(bytes);
  const out: Record<string, unknown> = {};
  for (const [step, entries] of Object.entries((s["steps"] ?? {}) as Record<string, [string, unknown][]>))
    for (const [k, v] of entries) out[`${step}[${JSON.stringify(k)}]`] = v;
  out["sinks"] = s["sinks"];
  out["timers"] = s["timers"];
  out["eventsHandled"] = s["eventsHandled"];
  return out;
}

function buildReport(d: Divergence, res: ReplayResult, reader: LogReader): DivergenceReport {
  const engine = res.engine;
  const streams = reader.manifest.streams.map((s) => s.name);
  const event = res.divergedEvent ? eventView(res.divergedEvent, engine, streams) : null;
  const beforeSeq = res.divergedEvent?.seq ?? d.eventSeq;
  const precedingEvents = res.recentEvents
    .filter((r) => r.seq < beforeSeq)
    .slice(-5)
    .map((r) => eventView(r, engine, streams));
  const precedingDecisions = res.recentDecisions
    .filter((r): r is DecisionRecord & { seq: number } => r.seq < beforeSeq && r.type === "decision")
    .slice(-5)
    .map((r) => shownDecision(r, res.blobOf));
  const eventDecisions = res.divergedDecisions.slice(0, 20).map((r) => shownDecision(r, res.blobOf));
  const { output, ...rest } = d;
  let outView: DivergenceReport["output"];
  let diff: DiffEntry[] | undefined;
  let diffCount: number | undefined;
  const sinks = Object.keys(engine.app.sinks);
  if (output) {
    // Each by its own sink's codec: a build may write the output to another sink.
    const decode = (
      b: Uint8Array | undefined,
      sink: string | undefined,
    ): { text?: string; value?: unknown; ok: boolean } => {
      const sinkIdx = sink === undefined ? -1 : sinks.indexOf(sink);
      if (b === undefined || sinkIdx < 0) return { ok: false };
      try {
        const value = engine.decodeOutput(sinkIdx, b);
        return { text: safeJson(value), value, ok: true };
      } catch {
        return { text: Buffer.from(b).toString("utf8"), ok: false };
      }
    };
    const ex = output.expected;
    const ac = output.actual;
    const e = decode(ex?.bytes, ex?.sink);
    const a = decode(ac?.bytes, ac?.sink);
    const moved = ex !== undefined && ac !== undefined && (ex.sink !== ac.sink || ex.sinkSeq !== ac.sinkSeq);
    outView = {
      sink: output.sink,
      index: output.index,
      sinkSeq: output.sinkSeq,
      ...(moved ? { expectedAt: `${ex.sink}:${ex.sinkSeq}` } : {}),
      ...(e.text !== undefined ? { expected: e.text } : {}),
      ...(a.text !== undefined ? { actual: a.text } : {}),
      ...(ex ? { expectedDigest: ex.digest } : {}),
      ...(ac ? { actualDigest: ac.digest } : {}),
    };
    if (ex && ac && ex.sink !== ac.sink) {
      // Not the same output written elsewhere, perhaps: no field diff against another sink's.
      diff = [
        {
          path: "(sink)",
          detail: `recorded to ${ex.sink}:${ex.sinkSeq}, written to ${ac.sink}:${ac.sinkSeq}`,
        },
      ];
      diffCount = 1;
    } else if (e.ok && a.ok) {
      const v = valueDiff(e.value, a.value);
      diff = v.entries;
      diffCount = v.total;
      if (v.total === 0 && ex?.bytes && ac?.bytes) {
        // The same value decoded, other bytes: key order, spacing, number forms.
        diff = [
          { path: "(bytes)", detail: `the decoded values are equal; ${bytesDiff(ex.bytes, ac.bytes)}` },
        ];
        diffCount = 1;
      }
    } else if (ex?.bytes && ac?.bytes) {
      diff = [{ path: "(bytes)", detail: bytesDiff(ex.bytes, ac.bytes) }];
      diffCount = 1;
    }
  }
  if (d.checkpoint?.location) {
    // The state itself, field by field: the recorded checkpoint's file against this build's.
    const f = readSideFile(reader.dir, d.checkpoint.location);
    try {
      if ("problem" in f) throw new Error(`its file ${d.checkpoint.location} is ${f.problem}`);
      const want = Buffer.from(d.checkpoint.expectedDigest, "hex");
      if (!Buffer.from(sha256(f.bytes)).equals(want))
        throw new Error(`its file ${d.checkpoint.location} does not match the digest the log holds`);
      const v = valueDiff(stateView(f.bytes), stateView(engine.snapshot()));
      diff = v.entries;
      diffCount = v.total;
    } catch (err) {
      diff = [{ path: "(state)", detail: `no field diff: ${(err as Error).message}` }];
      diffCount = 1;
    }
  }
  return {
    ...rest,
    event,
    ...(outView ? { output: outView } : {}),
    ...(diff ? { diff } : {}),
    ...(diffCount !== undefined && diffCount > (diff?.length ?? 0) ? { diffCount } : {}),
    lastMatchingCheckpoint: res.lastGoodCheckpoint
      ? { refSeq: res.lastGoodCheckpoint.refSeq, eventSeq: res.lastGoodCheckpoint.eventSeq }
      : null,
    precedingEvents,
    precedingDecisions,
    ...(eventDecisions.length ? { eventDecisions } : {}),
    ...(res.divergedDecisions.length > eventDecisions.length
      ? { eventDecisionCount: res.divergedDecisions.length }
      : {}),
  };
}

/** The kind of record of the event a recording ends inside (when it does, with no divergence). */
function insideOf(res: ReplayResult, reader: LogReader): string | undefined {
  return res.endsInside === null || res.divergence ? undefined : reader.get(res.endsInside).type;
}

/** A result's fields before anything is verified: the recording, the app, counts at 0. */
function nothingVerified(dir: string, app: string, buildId: string) {
  return {
    recording: dir,
    app,
    buildId,
    recordedBuildId: "",
    buildChanged: false,
    events: 0,
    ticks: 0,
    decisions: 0,
    outputs: 0,
    checkpointsVerified: 0,
  };
}

/**
 * Verifies one recording. Never throws for problems of the recording (they become the result's
 * status); throws only for internal errors.
 */
export async function verifyRecording(
  dir: string,
  app: App,
  opts: VerifyOptions = {},
): Promise<VerifyResult> {
  const now = opts.now ?? (() => performance.now() / 1000);
  const t0 = now();
  const buildId = opts.buildId ?? "";
  const base = nothingVerified(dir, app.name, buildId);
  let reader: LogReader;
  try {
    reader = LogReader.open(dir);
  } catch (e) {
    if (!isHindsightError(e)) throw e;
    const incompatible = e.code === "UNSUPPORTED_VERSION" || e.code === "UNKNOWN_FEATURE";
    return {
      ...base,
      status: incompatible ? "incompatible" : "error",
      seconds: now() - t0,
      ...(incompatible ? { incompatible: [e.oneLine()] } : {}),
      error: { code: e.code, exitCode: incompatible ? 3 : e.exitCode, message: e.oneLine() },
      notes: [],
    };
  }
  try {
    const recordedBuildId = reader.manifest.app.buildId;
    const notes: string[] = [];
    const buildChanged = buildDiffers(reader.manifest, buildId) && reader.manifest.app.name === app.name;
    if (buildChanged)
      notes.push(
        `app build differs from the recording's (${recordedBuildId} → ${buildId}); verifying the new build`,
      );
    else if (buildId && !recordedBuildId)
      notes.push(
        "the recording names no app build (recorded without one): whether the build changed is not known",
      );
    const why = incompatibilities(reader, app);
    if (why.length)
      return {
        ...base,
        recordedBuildId,
        buildChanged,
        status: "incompatible",
        seconds: now() - t0,
        incompatible: why,
        notes,
      };
    // Nothing readable (a crash before the first whole block): nothing was verified, so no ✓.
    if (reader.endSeq === reader.firstSeq && !reader.writer) {
      const e = new HindsightError(
        reader.tornTail ? "TORN_TAIL" : "CORRUPT_SEGMENT",
        reader.tornTail
          ? `the recording has no whole block: its only one is torn (${reader.tornTail.droppedBytes} bytes in ${reader.tornTail.segment}): nothing to verify`
          : "the recording holds no records: nothing to verify",
        { where: reader.dir, hint: "record the run again; `hindsight fsck` reports the recording" },
      );
      return {
        ...base,
        recordedBuildId,
        buildChanged,
        status: "error",
        seconds: now() - t0,
        error: { code: e.code, exitCode: e.exitCode, message: e.oneLine() },
        notes,
      };
    }
    let res: ReplayResult;
    try {
      res = await replay(reader, app, {
        compareOutputs: true,
        ...(buildId ? { buildId } : {}),
        ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
        ...(opts.watchStall ? { watchStall: opts.watchStall } : {}),
        ...(opts.watchStray ? { watchStray: opts.watchStray } : {}),
      });
    } catch (e) {
      if (!isHindsightError(e)) throw e;
      return {
        ...base,
        recordedBuildId,
        buildChanged,
        status: e.code === "INCOMPATIBLE" ? "incompatible" : "error",
        seconds: now() - t0,
        ...(e.code === "INCOMPATIBLE" ? { incompatible: [e.message] } : {}),
        error: { code: e.code, exitCode: e.exitCode, message: e.oneLine() },
        notes,
      };
    }
    for (const n of res.notes) notes.push(n);
    // (A run sealed inside an event: replay's note on where the recording ends says it.)
    if (
      res.stop &&
      res.stop.status !== "ok" &&
      !res.failedAsRecorded &&
      !res.escapedAsRecorded &&
      !(res.stop.status.startsWith(SEALED_INSIDE) && !res.divergence)
    )
      notes.push(`the recorded run ended with status: ${res.stop.status}`);
    // The same build diverging: what the build id does not cover changed (or was never pinned).
    if (res.divergence && buildId && recordedBuildId === buildId)
      notes.push(
        "the app's build id is the recording's, yet it diverged: the build id covers the app's module and the modules under its directory only, so look for a change in a module outside it, in data a step reads other than through ctx, or a source strict mode does not cover (docs/ENGINE.md)",
      );
    if (!res.stop && !res.divergence)
      notes.push(
        reader.writer
          ? "the recording is being written (no STOP marker yet): verified what is written so far"
          : notes.some((n) => n.startsWith("fsck --repair") && n.includes("STOP marker"))
            ? "the recording has no STOP marker (fsck --repair cut it off, see above)"
            : "the recording has no STOP marker (the run did not end cleanly)",
      );
    const inside = insideOf(res, reader);
    return {
      ...base,
      recordedBuildId,
      buildChanged,
      status: res.divergence ? "diverged" : "identical",
      // As record counts them: an event the recording ends inside was compared up to there.
      events: res.eventsReplayed - res.ticksReplayed + (inside === "input" ? 1 : 0),
      ticks: res.ticksReplayed + (inside === "decision" ? 1 : 0),
      decisions: res.decisions,
      outputs: res.outputs,
      checkpointsVerified: res.checkpointsVerified,
      seconds: now() - t0,
      ...(res.failedAsRecorded ? { failedAsRecorded: res.failedAsRecorded } : {}),
      ...(res.escapedAsRecorded ? { escapedAsRecorded: res.escapedAsRecorded } : {}),
      ...(res.divergence
        ? { divergence: await withLineage(buildReport(res.divergence, res, reader), res, reader, app) }
        : {}),
      notes,
    };
  } finally {
    reader.close();
  }
}

/** Verifies each recording in turn: one result per recording. */
export async function verifyRecordings(
  dirs: readonly string[],
  app: App,
  opts: VerifyOptions = {},
): Promise<VerifyResult[]> {
  const out: VerifyResult[] = [];
  for (const d of dirs) out.push(await verifyRecording(d, app, opts));
  return out;
}

/** Exit code for a batch: 0 all identical; 4 if any recording is corrupt/unreadable; else 3 when any diverged or is incompatible. */
export function verifyExitCode(results: readonly VerifyResult[]): number {
  let code = 0;
  for (const r of results) {
    if (r.status === "error") code = Math.max(code, r.error?.exitCode ?? 1);
    else if (r.status !== "identical") code = Math.max(code, 3);
  }
  return code;
}

/**
 * The result of a recording that was not verified because of `e` (the app did not load, or an
 * internal error stopped the batch): status "error", so that a JUnit report says so for it.
 */
export function notVerified(dir: string, app: string, e: unknown): VerifyResult {
  const err = isHindsightError(e)
    ? { code: e.code, exitCode: e.exitCode, message: e.oneLine() }
    : { code: "INTERNAL", exitCode: 1, message: e instanceof Error ? e.message : String(e) };
  return {
    ...nothingVerified(dir, app, ""),
    status: "error",
    seconds: 0,
    error: { ...err, message: `not verified: ${err.message}` },
    notes: [],
  };
}

/** "3 of 10 recordings identical (5 diverged, 1 incompatible, 1 error)". */
export function batchSummary(results: readonly VerifyResult[]): string {
  const by = (s: VerifyStatus) => results.filter((r) => r.status === s).length;
  const rest = (["diverged", "incompatible", "error"] as const)
    .filter((s) => by(s) > 0)
    .map((s) => `${by(s)} ${s === "error" ? (by(s) === 1 ? "error" : "errors") : s}`);
  return `${by("identical")} of ${count(results.length, "recording")} identical${rest.length ? ` (${rest.join(", ")})` : ""}`;
}

/** Human-readable report of one result. */
export function renderResult(r: VerifyResult): string {
  const lines: string[] = [];
  const stats = `${count(r.events, "event")}, ${r.ticks ? `${count(r.ticks, "tick")}, ` : ""}${count(r.decisions, "decision")}, ${count(r.outputs, "output")}, ${count(r.checkpointsVerified, "checkpoint")}`;
  if (r.status === "identical")
    lines.push(`✓ ${r.recording}: identical (${stats}, ${r.seconds.toFixed(2)} s)`);
  else if (r.status === "incompatible") {
    lines.push(`✗ ${r.recording}: INCOMPATIBLE with app ${r.app}`);
    for (const w of r.incompatible ?? []) lines.push(`    - ${w}`);
  } else if (r.status === "error") lines.push(`✗ ${r.recording}: ERROR ${r.error?.message ?? ""}`);
  else {
    const d = r.divergence as DivergenceReport;
    const ev = d.event;
    const at = ev
      ? ev.kind === "input"
        ? `event seq ${ev.seq} (stream ${ev.stream} #${ev.streamSeq}, time ${ev.time})`
        : `event seq ${ev.seq} (${ev.payload}, time ${ev.time})`
      : `event seq ${d.eventSeq}`;
    lines.push(`✗ ${r.recording}: DIVERGED at ${at}`);
    lines.push(`  ${d.kind}: ${d.message}`);
    if (d.step) lines.push(`  step: ${d.step}`);
    if (ev) lines.push(`  input: ${ev.payload}`);
    if (d.decision) {
      lines.push(`  decision point: #${d.decision.index} of the event`);
      if (d.decision.expected) lines.push(`    expected: ${safeJson(d.decision.expected)}`);
      if (d.decision.actual) lines.push(`    actual:   ${safeJson(d.decision.actual)}`);
    }
    if (d.output) {
      lines.push(`  output: ${d.output.sink}:${d.output.sinkSeq} (output #${d.output.index} of the event)`);
      // With a diff to say where they differ, long values are cut shorter (--json has them whole).
      const cut = (v: string) => (d.diff?.length ? clipLine(v, 300) : v);
      lines.push(
        `    expected: ${(d.output.expected && cut(d.output.expected)) ?? (d.output.expectedDigest ? `sha256 ${d.output.expectedDigest} (digest only: run record with --outputs full to keep bytes)` : "(none)")}${d.output.expectedAt ? `  (recorded as ${d.output.expectedAt})` : ""}`,
      );
      lines.push(`    actual:   ${(d.output.actual && cut(d.output.actual)) ?? "(none)"}`);
    }
    if (d.checkpoint)
      lines.push(
        `  checkpoint at seq ${d.checkpoint.seq}: recorded ${d.checkpoint.expectedDigest}, replayed ${d.checkpoint.actualDigest}`,
      );
    if (d.diff?.length) {
      lines.push(`  diff (expected → actual${d.checkpoint ? ", the state" : ""}):`);
      for (const x of d.diff) lines.push(`    ${diffLine(x)}`);
      if (d.diffCount !== undefined && d.diffCount > d.diff.length)
        lines.push(
          `    … and ${d.diffCount >= 100_000 ? "at least " : ""}${count(d.diffCount - d.diff.length, "more difference")}`,
        );
    }
    if (d.error) lines.push(`  error: ${d.error.code ?? ""} ${d.error.message}`);
    // The app's frames: up to the engine that called the step.
    if (d.error?.stack)
      for (const x of d.error.stack.split("\n").slice(1)) {
        if (/^\s*at (async )?Engine\./.test(x)) break;
        lines.push(`    ${x.trim()}`);
      }
    lines.push(
      `  last matching checkpoint: ${d.lastMatchingCheckpoint ? `seq ${d.lastMatchingCheckpoint.refSeq} (state after event ${d.lastMatchingCheckpoint.eventSeq})` : "none"}`,
    );
    if (d.precedingEvents.length) {
      lines.push("  preceding events:");
      for (const e of d.precedingEvents)
        lines.push(`    seq ${e.seq} ${e.stream ?? e.kind} ${e.time} ${e.payload}`);
    }
    if (d.precedingDecisions.length) {
      lines.push("  preceding decisions:");
      for (const x of d.precedingDecisions) lines.push(`    ${decisionLine(x)}`);
    }
    if (d.eventDecisions?.length) {
      const n = d.eventDecisionCount ?? d.eventDecisions.length;
      lines.push(
        `  decisions the recording has for event seq ${d.eventSeq}${n > d.eventDecisions.length ? ` (the first ${d.eventDecisions.length} of ${n})` : ""}:`,
      );
      for (const x of d.eventDecisions) lines.push(`    ${decisionLine(x)}`);
    }
    if (d.lineage?.current) {
      lines.push("  lineage of the output in this build:");
      for (const x of renderLineage(d.lineage.current).split("\n")) lines.push(`    ${clipLine(x, 300)}`);
    }
    if (d.lineage?.recorded) {
      lines.push("  lineage of the output when recorded:");
      for (const x of renderLineage(d.lineage.recorded).split("\n")) lines.push(`    ${clipLine(x, 300)}`);
    }
    if (d.lineage?.error) lines.push(`  lineage: not available (${d.lineage.error})`);
    lines.push(`  replayed before divergence: ${stats}`);
  }
  for (const n of r.notes) lines.push(`  note: ${n}`);
  // One line each, whatever an error message or a value holds (a line break, an escape sequence).
  return lines.map((l) => clipLine(escapeControls(l))).join("\n");
}

const xmlEscape = (s: string) =>
  s
    .replace(
      /[<>&"']/g,
      (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c] as string,
    )
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "");

/** JUnit XML: one test case per recording. */
export function renderJunit(results: readonly VerifyResult[]): string {
  const failures = results.filter((r) => r.status === "diverged" || r.status === "incompatible").length;
  const errors = results.filter((r) => r.status === "error").length;
  const time = results.reduce((s, r) => s + r.seconds, 0);
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="hindsight verify" tests="${results.length}" failures="${failures}" errors="${errors}" time="${time.toFixed(3)}">`,
    `  <testsuite name="hindsight verify" tests="${results.length}" failures="${failures}" errors="${errors}" time="${time.toFixed(3)}">`,
  ];
  for (const r of results) {
    out.push(
      `    <testcase classname="hindsight.verify.${xmlEscape(r.app)}" name="${xmlEscape(r.recording)}" time="${r.seconds.toFixed(3)}">`,
    );
    if (r.status === "diverged" || r.status === "incompatible") {
      const msg =
        r.status === "diverged"
          ? (r.divergence?.message ?? "diverged")
          : `incompatible: ${(r.incompatible ?? []).join("; ")}`;
      out.push(
        `      <failure type="${r.status}" message="${xmlEscape(msg)}">${xmlEscape(renderResult(r))}</failure>`,
      );
    } else if (r.status === "error")
      out.push(
        `      <error type="${xmlEscape(r.error?.code ?? "error")}" message="${xmlEscape(r.error?.message ?? "")}">${xmlEscape(renderResult(r))}</error>`,
      );
    if (r.notes.length) out.push(`      <system-out>${xmlEscape(r.notes.join("\n"))}</system-out>`);
    out.push("    </testcase>");
  }
  out.push("  </testsuite>", "</testsuites>", "");
  return out.join("\n");
}

/** `r` without the stack of a step's error (shown only with --debug). */
export function withoutStack(r: VerifyResult): VerifyResult {
  return r.divergence?.error?.stack ? { ...r, divergence: divergenceWithoutStack(r.divergence) } : r;
}

/** JSON-safe form of a result (bytes already rendered as text). */
export function resultToJson(r: VerifyResult): unknown {
  // Exact: a bigint (a clock reading in a lineage) as its decimal string, as times are given;
  // decision kinds by name.
  return withDecisionKindNames(
    JSON.parse(JSON.stringify(r, (_k, v) => (typeof v === "bigint" ? v.toString() : v))),
  );
}

/**
 * Adds the lineage of a divergent output: how this build arrived at it (a replay up to the
 * event, trusting the recorded inputs and decisions) and, when the recording has
 * OutputLineage records, how the recorded run arrived at the expected one.
 */
async function withLineage(
  report: DivergenceReport,
  res: ReplayResult,
  reader: LogReader,
  app: App,
): Promise<DivergenceReport> {
  const d = res.divergence;
  if (!d?.output) return report;
  const { actual, expected } = d.output;
  const lineage: NonNullable<DivergenceReport["lineage"]> = {};
  const failed = (e: unknown) => {
    lineage.error = lineage.error ?? (e instanceof Error ? e.message : String(e));
  };
  // This build's output by its sink's name (the app may list its sinks in another order than the
  // recording), the recorded one by the recording's numbering: each is asked for apart, so that
  // one failing leaves the other.
  if (actual)
    try {
      const [current] = await explainEvent(reader, app, d.eventSeq, {
        depth: 2,
        compare: false,
        select: (t) => t.sinkName === actual.sink && t.sinkSeq === actual.sinkSeq,
      });
      if (current) lineage.current = current;
    } catch (e) {
      failed(e);
    }
  const sink = expected ? reader.manifest.sinks.findIndex((s) => s.name === expected.sink) : -1;
  if (expected && sink >= 0)
    try {
      const rec = findLineageRecord(reader, sink, expected.sinkSeq, d.eventSeq);
      if (rec)
        lineage.recorded = recordedLineage(reader, rec, res.engine, {
          value: expected.bytes
            ? Buffer.from(expected.bytes).toString("utf8")
            : `(digest only: sha256 ${expected.digest})`,
          step: d.step ?? "",
          index: d.output.index,
        });
    } catch (e) {
      failed(e);
    }
  report.lineage = lineage;
  return report;
}
