/** `hindsight replay <dir> --app <module> [--until <seq|ISO time>] [--key K] [--json]`: state at a point. */
import { resolve } from "node:path";
import type { Command } from "commander";
import { CANNOT_BE_CHECKPOINTED, failedLookup } from "../../src/engine/engine.js";
import { stringifyJson } from "../../src/engine/json.js";
import { escapeControls, HindsightError } from "../../src/errors.js";
import { DecisionKind, type DecisionRecord, type SeqRecord } from "../../src/format/records.js";
import { parseIsoTime, whyNotIsoTime } from "../../src/format/time.js";
import { LogReader } from "../../src/log/index.js";
import { loadApp } from "../../src/recorder/app-load.js";
import { LookupValues } from "../../src/replayer/lookup-values.js";
import { divergenceWithoutStack, replay } from "../../src/replayer/replay.js";
import { clipLines, count } from "../../src/text.js";
import { eventView, isoNs, shownDecision } from "../../src/verify/verify.js";
import { out } from "../io.js";
import { intOption } from "../options.js";
import type { CommandContext } from "../program.js";
import { type Progress, progress } from "../progress.js";
import { CHECKPOINT_KEEPS, showKey, showText, toShown } from "../show-value.js";

interface ReplayCliOptions {
  app: string;
  until?: string;
  key?: string;
  json?: boolean;
  recent: number;
  checkpoints: boolean;
  trustCheckpoints?: boolean;
}

/** The point --until names, and a note when a time lies outside the recording. */
export interface UntilPoint {
  readonly seq: number;
  readonly note?: string;
}

/** Resolves --until: a sequence number, or an ISO time (state after every record at or before it). */
export function resolveUntil(reader: LogReader, until: string | undefined): UntilPoint {
  const last = reader.endSeq - 1;
  if (until === undefined) return { seq: last };
  if (/^\d+$/.test(until)) {
    // Beyond 2^53-1 no sequence number can be meant, nor kept exact: most likely a time in ns.
    if (BigInt(until) > BigInt(Number.MAX_SAFE_INTEGER))
      throw new HindsightError(
        "USAGE",
        `--until ${until} is too large for a sequence number (up to 2^53-1)`,
        {
          hint: "--until reads a number as a sequence number; give a time in ISO-8601, e.g. --until 2026-11-02T14:31:00Z",
        },
      );
    return { seq: Number(until) };
  }
  const t = parseIsoTime(until);
  if (t === undefined)
    throw new HindsightError(
      "USAGE",
      `--until takes a sequence number or an ISO-8601 time (got "${until}": ${whyNotIsoTime(until)})`,
      {
        hint: "e.g. --until 120000, or a time with its zone: --until 2026-11-02T14:31:00Z or 2026-11-02T15:31:00.5+01:00",
      },
    );
  const after = reader.seqAtTime(t + 1n);
  const seq = after === undefined ? last : after - 1;
  const range = reader.timeRange;
  if (!range || (t >= range[0] && t <= range[1])) {
    // Times that go back in places (out-of-order input): records later in the log may be earlier.
    const back = after === undefined ? undefined : reader.seqAfterAtOrBefore(seq, t);
    return back === undefined
      ? { seq }
      : {
          seq,
          note: `--until ${until} stops at seq ${seq}, before the first record later than that time; the recording's times go back in places, and records after it are at or before that time too (the first: seq ${back}): give --until ${back} (a sequence number) to include it, with everything before it in the log`,
        };
  }
  // Record times are the recording's clock ("wall": when each event arrived), which need not be
  // the time inside the events' payloads.
  const times = `${isoNs(range[0])} .. ${isoNs(range[1])}, the recording's "${reader.manifest.clockSource}" clock`;
  return {
    seq,
    note:
      t < range[0]
        ? `--until ${until} is before the recording's first record (its times are ${times}): the state shown is from before any event`
        : `--until ${until} is after the recording's last record (its times are ${times}): replayed to the end`,
  };
}

const safe = (v: unknown): string => {
  try {
    return stringifyJson(v);
  } catch {
    return String(v);
  }
};

export function register(program: Command, ctx: CommandContext): Command {
  return program
    .command("replay")
    .summary("rebuild an app's state at a point of a recording (from the nearest verified checkpoint)")
    .description(
      "Replay a recording through its app up to --until (a sequence number, or an ISO-8601 time: every\n" +
        "record before the first one later than it), starting from the nearest checkpoint at or before\n" +
        "that point whose state file matches its recorded digest. Prints the keyed state (all keys, or --key), timers, and the\n" +
        "last events and decisions before the point. Exit 3 if the app's decision requests differ from the\n" +
        "recorded ones on the way (or it fails); outputs are not compared: `hindsight verify` does that.",
    )
    .argument("<dir>", "recording directory")
    .requiredOption(
      "--app <module>",
      "app module (.ts or .js) the recording was made with (or a newer build)",
    )
    .option("--until <seq|time>", "sequence number or ISO-8601 time (default: the end)")
    .option("--key <key>", "print only this key's state and timers (and timers that have no key)")
    .option("--recent <n>", "how many recent events and decisions to show", intOption("--recent"), 5)
    .option("--no-checkpoints", "replay from the start, ignoring checkpoints")
    .option(
      "--trust-checkpoints",
      "start from checkpoints even when the app's build differs from the recording's (only if it keeps its state the same way)",
    )
    .option("--json", "print the result as JSON")
    .action(async (dir: string, o: ReplayCliOptions) => {
      if (o.trustCheckpoints && o.checkpoints === false)
        throw new HindsightError("USAGE", "--trust-checkpoints and --no-checkpoints contradict each other", {
          hint: "give one: --no-checkpoints replays from the start; --trust-checkpoints starts from a checkpoint of another build",
        });
      const loaded = await loadApp(o.app, ctx.io.cwd);
      const reader = LogReader.open(resolve(ctx.io.cwd, dir));
      try {
        const point = resolveUntil(reader, o.until);
        const until = point.seq;
        const recent = o.recent;
        // The total is known once replay has chosen its checkpoint: records from there to the point.
        let bar: Progress | null = null;
        const t0 = performance.now();
        const res = await replay(reader, loaded.app, {
          until,
          useCheckpoints: o.checkpoints,
          buildId: loaded.buildId,
          ...(o.trustCheckpoints ? { trustCheckpoints: true } : {}),
          ...(ctx.io.onStall ? { watchStall: ctx.io.onStall } : {}),
          ...(ctx.io.onStray ? { watchStray: ctx.io.onStray } : {}),
          onProgress: (done, total) => {
            bar ??= progress(ctx.io, "replaying", total, "records");
            bar.update(done);
          },
        }).finally(() => (bar as Progress | null)?.stop());
        const seconds = (performance.now() - t0) / 1000;
        const engine = res.engine;
        const streams = reader.manifest.streams.map((s) => s.name);
        // The last events and decisions at or before the point, straight from the log.
        // A replay from a checkpoint did not need what is before it: damage there is a note, and
        // the list starts after the checkpoint.
        const tail: SeqRecord[] = [];
        const tailNotes: string[] = [];
        const readTail = (from: number): void => {
          tail.length = 0;
          // Up to the event the replay diverged in, when it did: the last event shown is that one.
          const to = Math.max(res.reachedSeq, res.divergence ? (res.divergedEvent?.seq ?? -1) : -1);
          for (const r of reader.records({ fromSeq: from, toSeq: to })) tail.push(r);
        };
        if (res.reachedSeq >= reader.firstSeq) {
          const from = Math.max(reader.firstSeq, res.reachedSeq - 64 * (recent + 1));
          const after = res.startedFrom ? res.startedFrom.refSeq + 1 : from;
          try {
            readTail(from);
          } catch (e) {
            if (!(e instanceof HindsightError) || from >= after) throw e;
            readTail(after);
            tailNotes.push(
              `the records before the checkpoint the replay started from cannot be read (${e.oneLine()}): the last events shown start after it`,
            );
          }
        }
        const isEvent = (r: SeqRecord) =>
          r.type === "input" || (r.type === "decision" && r.kind === 4 && r.eventSeq === r.seq);
        // The last `recent` of a list (slice(-0) would keep them all).
        const lastOf = <T>(xs: T[]): T[] => (recent > 0 ? xs.slice(-recent) : []);
        const events = lastOf(tail.filter(isEvent)).map((r) => eventView(r, engine, streams));
        // The event the recorded run failed in (and the replay fails the same way) was replayed:
        // the last event reached, counted among those handled. (Not so when the recorded run
        // failed after its last event, checkpointing its state.)
        const failedEvent =
          res.failedAsRecorded && !res.failedAsRecorded.message.startsWith(CANNOT_BE_CHECKPOINTED)
            ? res.failedAsRecorded.eventSeq
            : null;
        const eventsHandled = engine.eventsHandled + (failedEvent === null ? 0 : 1);
        /** What the list of last events says of an event that did not finish. */
        const endedHow = (seq: number): string =>
          seq === failedEvent
            ? " (failed, as in the recorded run)"
            : seq === res.endsInside
              ? " (unfinished: the recording ends inside it)"
              : res.divergence && seq === res.divergedEvent?.seq
                ? " (diverged)"
                : "";
        const recentDecisions = lastOf(
          tail.filter((r): r is DecisionRecord & { seq: number } => r.type === "decision" && !isEvent(r)),
        );
        // Look-up values: those the replay read, blobs among the records listed, then (a replay
        // that started from a checkpoint after one) from the checkpoint before it.
        const lookups = new LookupValues(reader, res.blobOf);
        for (const r of tail) if (r.type === "blob") lookups.keep(r.hash, r.data);
        for (const d of recentDecisions)
          if (d.kind === DecisionKind.lookup && failedLookup(d) === undefined && !lookups.of(d.contentHash))
            lookups.readBefore(d.seq);
        const decisions = recentDecisions.map((r) => shownDecision(r, lookups.of));
        const state: Record<string, Record<string, unknown>> = {};
        /** Kinds of values in the state that JSON cannot hold (shown as text). */
        const odd = new Set<string>();
        let keys = 0;
        for (const st of engine.steps) {
          const m = engine.stateOf(st.name);
          if (!m) continue;
          const entries = [...m.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
          const chosen = o.key === undefined ? entries : entries.filter(([k]) => k === o.key);
          const shown: Record<string, unknown> = {};
          for (const [k, v] of chosen)
            Object.defineProperty(shown, k, {
              value: toShown(v, odd),
              enumerable: true,
              writable: true,
              configurable: true,
            });
          state[st.name] = shown;
          keys += chosen.length;
        }
        // With --key, that key's timers (and a step's timers that have no key).
        const timers = engine
          .timerList()
          .filter((t) => o.key === undefined || t.key === o.key || t.key === "")
          .map((t) => ({ step: t.step, key: t.key, name: t.name, due: t.due, period: t.period }));
        const result = {
          recording: reader.dir,
          app: loaded.app.name,
          until,
          reachedSeq: res.reachedSeq,
          lastEventSeq: res.lastEventSeq,
          eventsHandled,
          eventsReplayed: res.eventsReplayed,
          ticksReplayed: res.ticksReplayed,
          seconds,
          startedFrom: res.startedFrom,
          rejectedCheckpoints: res.rejectedCheckpoints,
          state,
          timers,
          recentEvents: events,
          recentDecisions: decisions,
          // Where the step threw: with --debug only, as verify gives it.
          divergence: ctx.debug ? res.divergence : divergenceWithoutStack(res.divergence),
          failedAsRecorded: res.failedAsRecorded,
          escapedAsRecorded: res.escapedAsRecorded,
          endsInside: res.endsInside,
          notes: [
            ...(point.note ? [point.note] : []),
            ...res.notes,
            ...tailNotes,
            ...(o.key !== undefined && keys === 0
              ? [`no state for key ${JSON.stringify(o.key)} at this point`]
              : []),
            ...(odd.size > 0
              ? [
                  `the state holds values JSON cannot hold (${[...odd].join(", ")}): shown as text${o.json ? " (strings here)" : ""}; ${checkpointSays(odd)}`,
                ]
              : []),
          ],
        };
        if (res.divergence) ctx.exitCode = 3;
        if (o.json) {
          // Exact for every JSON reader: a bigint (a clock reading, a timer's due time, a state
          // field) as its decimal string, as times are given.
          out(
            ctx.io,
            JSON.stringify(result, (_k, v) => (typeof v === "bigint" ? v.toString() : v), 2),
          );
          return;
        }
        const lines: string[] = [];
        const from = res.startedFrom
          ? `from checkpoint ${res.startedFrom.location} (state after event ${res.startedFrom.eventSeq}, digest verified)`
          : "from the start";
        const last =
          res.lastEventSeq < 0
            ? "no event yet"
            : `last event ${res.lastEventSeq}${res.lastEventSeq === failedEvent ? ", which failed" : ""}`;
        const inside =
          res.endsInside === null ? "" : `; the recording ends inside event ${res.endsInside}: see the note`;
        lines.push(
          `replayed ${loaded.app.name} to seq ${res.reachedSeq} (${last}${inside}) ${from}: ` +
            `${count(res.eventsReplayed - res.ticksReplayed, "event")}${res.ticksReplayed ? ` and ${count(res.ticksReplayed, "tick")}` : ""} in ${seconds.toFixed(2)} s; ` +
            `${res.ticksReplayed ? `${eventsHandled.toLocaleString("en-US")} events and ticks` : count(eventsHandled, "event")} handled in total`,
        );
        if (res.failedAsRecorded)
          lines.push(
            res.failedAsRecorded.message.startsWith(CANNOT_BE_CHECKPOINTED)
              ? `the state after event seq ${res.failedAsRecorded.eventSeq} cannot be checkpointed, as in the recorded run (which failed there): it is shown as it is`
              : `event seq ${res.failedAsRecorded.eventSeq} failed, as in the recorded run; the state shown includes what it wrote before it failed`,
          );
        if (res.divergence)
          lines.push(
            `DIVERGED at event seq ${res.divergence.eventSeq}: ${res.divergence.message} (run hindsight verify for the full report); the state shown includes what that event wrote before the replay stopped`,
          );
        for (const [step, m] of Object.entries(state)) {
          const n = Object.keys(m).length;
          lines.push(
            `state of step '${step}'${o.key !== undefined ? ` key ${JSON.stringify(o.key)}` : ` (${n} key${n === 1 ? "" : "s"})`}:`,
          );
          for (const [k, v] of Object.entries(m)) lines.push(`  ${showKey(k)}: ${showText(v)}`);
        }
        if (timers.length) {
          lines.push(`timers (${timers.length}):`);
          for (const t of timers.slice(0, 20))
            lines.push(
              `  ${t.step}${t.key ? `[${t.key}]` : ""} '${t.name}' due ${isoNs(t.due)}${t.period ? ` every ${t.period} ns` : ""}`,
            );
          if (timers.length > 20)
            lines.push(`  … ${timers.length - 20} more (--key K shows one key's, --json lists all)`);
        }
        if (events.length) {
          lines.push("last events:");
          for (const e of events)
            lines.push(`  seq ${e.seq} ${e.stream ?? e.kind} ${e.time} ${e.payload}${endedHow(e.seq)}`);
        }
        if (decisions.length) {
          lines.push("last decisions:");
          for (const d of decisions) lines.push(`  ${safe(d)}`);
        }
        for (const n of result.notes) lines.push(`note: ${n}`);
        // One line each, whatever a message or a value holds (a line break, an escape sequence).
        out(ctx.io, clipLines(lines.map(escapeControls).join("\n")));
      } finally {
        reader.close();
      }
    });
}

/** What a checkpoint does with the kinds of values toShown found. */
function checkpointSays(kinds: ReadonlySet<string>): string {
  const kept = [...kinds].filter((k) => CHECKPOINT_KEEPS.has(k));
  if (kept.length === kinds.size) return "a checkpoint keeps them";
  return kept.length === 0
    ? "a checkpoint would refuse them"
    : `a checkpoint would refuse all but ${kept.join(" and ")}`;
}
