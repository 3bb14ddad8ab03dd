/** `hindsight cat`: print records. */
import type { Command } from "commander";
import { decodeDecision, failedLookup } from "../../src/engine/engine.js";
import { escapeControls, HindsightError } from "../../src/errors.js";
import {
  DecisionKind,
  decisionKindName,
  RECORD_TYPES,
  type RecordType,
  type SeqRecord,
} from "../../src/format/records.js";
import { formatTime } from "../../src/format/time.js";
import type { Manifest } from "../../src/log/manifest.js";
import { LogReader } from "../../src/log/reader.js";
import { LookupValues } from "../../src/replayer/lookup-values.js";
import { err } from "../io.js";
import { intOption, timeOption } from "../options.js";
import type { CommandContext } from "../program.js";
import { toJson } from "../render.js";

interface CatOptions {
  stream?: string[];
  type?: string[];
  fromSeq?: number;
  toSeq?: number;
  fromTime?: bigint;
  toTime?: bigint;
  json?: boolean;
  payload?: boolean;
  limit?: number;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });
function text(b: Uint8Array): { text: string } | { base64: string } {
  try {
    return { text: utf8.decode(b) };
  } catch {
    return { base64: Buffer.from(b).toString("base64") };
  }
}
const hex = (b: Uint8Array) => Buffer.from(b).toString("hex");

/**
 * One JSON object per record: exact times as strings, payloads as text when UTF-8, else base64.
 * `blobOf`: look-up values by content hash, for a look-up decision's `decoded`.
 */
export function recordToJson(
  r: SeqRecord,
  m: Manifest,
  blobOf?: (contentHash: Uint8Array) => Uint8Array | undefined,
): Record<string, unknown> {
  const base = { seq: r.seq, type: r.type, timeNs: r.timeNs.toString(), time: formatTime(r.timeNs) };
  switch (r.type) {
    case "input": {
      const p = text(r.payload);
      return {
        ...base,
        stream: m.streams[r.stream]?.name ?? r.stream,
        streamSeq: r.streamSeq,
        ...(r.key.length ? { key: text(r.key) } : {}),
        ...("text" in p ? { payload: p.text } : { payloadBase64: p.base64 }),
      };
    }
    case "decision": {
      // A look-up's value is in its blob record (found when blobOf has it).
      const blob =
        r.kind === DecisionKind.lookup && r.contentHash.length ? blobOf?.(r.contentHash) : undefined;
      return {
        ...base,
        kind: decisionKindName(r.kind),
        name: r.name,
        step: r.step,
        eventSeq: r.eventSeq,
        index: r.index,
        value: hex(r.value),
        // What the step got: a clock reading, a draw, a tick's time, a look-up's or fault's JSON.
        ...(r.value.length && !failedLookup(r) ? { decoded: decodeDecision(r.kind, r.value) } : {}),
        ...(blob !== undefined ? { decoded: decodeDecision(r.kind, blob) } : {}),
        ...(r.key.length ? { key: text(r.key) } : {}),
        ...(r.contentHash.length ? { contentHash: hex(r.contentHash) } : {}),
        ...errorOf(failedLookup(r)),
        // A look-up whose fetch answered in the turn it was asked in (replay settles it so).
        ...(r.settledAtOnce ? { settledAtOnce: true } : {}),
      };
    }
    case "output": {
      const d = r.data.length ? text(r.data) : undefined;
      return {
        ...base,
        sink: m.sinks[r.sink]?.name ?? r.sink,
        sinkSeq: r.sinkSeq,
        eventSeq: r.eventSeq,
        index: r.index,
        digest: hex(r.digest),
        ...(d ? ("text" in d ? { data: d.text } : { dataBase64: d.base64 }) : {}),
      };
    }
    case "checkpoint":
      return {
        ...base,
        eventSeq: r.eventSeq,
        eventsHandled: r.eventsHandled,
        stateDigest: hex(r.stateDigest),
        location: r.location,
      };
    case "marker":
      return {
        ...base,
        kind: r.kind === 1 ? "start" : r.kind === 2 ? "stop" : String(r.kind),
        appName: r.appName,
        appBuild: r.appBuild,
        seed: r.seed,
        config: r.configJson,
        events: r.events,
        status: r.status,
      };
    case "blob":
      return { ...base, hash: hex(r.hash), bytes: r.data.length };
    case "lineage":
      return {
        ...base,
        sink: m.sinks[r.sink]?.name ?? r.sink,
        sinkSeq: r.sinkSeq,
        eventSeq: r.eventSeq,
        path: r.path,
        reads: r.reads,
        decisions: r.decisions,
      };
  }
}

export function register(program: Command, ctx: CommandContext): Command {
  return program
    .command("cat")
    .summary("print a recording's records (or raw payloads)")
    .description(
      "Print records, one per line. --payload prints only input payloads, raw, one per line, so\n" +
        "`hindsight cat rec --stream quotes --payload` reproduces quotes.jsonl byte for byte\n" +
        "(when the file ended with a newline). Ranges are inclusive; times are integer ns or ISO-8601.",
    )
    .argument("<dir>", "recording directory")
    .option(
      "-s, --stream <name...>",
      "only input events of these streams (implies --type input; other types given with --type are not filtered by stream)",
    )
    .option("-t, --type <type...>", `only these record types: ${RECORD_TYPES.join(", ")}`)
    .option("--from-seq <n>", "first sequence number", intOption("--from-seq"))
    .option("--to-seq <n>", "last sequence number", intOption("--to-seq"))
    .option("--from-time <t>", "first time (ns since the epoch or ISO-8601)", timeOption("--from-time"))
    .option("--to-time <t>", "last time (ns since the epoch or ISO-8601)", timeOption("--to-time"))
    .option("-n, --limit <n>", "stop after n records", intOption("--limit", 1))
    .option("--json", "one JSON object per record")
    .option("--payload", "raw input payloads only, one per line")
    .action(async (dir: string, o: CatOptions) => {
      if (o.json && o.payload)
        throw new HindsightError("USAGE", "--json and --payload cannot be combined", {
          hint: "choose one output form",
        });
      for (const [from, to, a, b] of [
        ["--from-seq", "--to-seq", o.fromSeq, o.toSeq],
        ["--from-time", "--to-time", o.fromTime, o.toTime],
      ] as const)
        if (a !== undefined && b !== undefined && a > b)
          throw new HindsightError("USAGE", `${from} is after ${to}: the range holds nothing`, {
            hint: `give ${from} <= ${to} (ranges are inclusive)`,
          });
      const r = LogReader.open(dir);
      try {
        const m = r.manifest;
        let streams: number[] | undefined;
        if (o.stream) {
          streams = o.stream.map((n) => {
            const i = m.streams.findIndex((s) => s.name === n);
            if (i < 0)
              throw new HindsightError("USAGE", `no stream "${n}" in this recording`, {
                hint: `streams: ${m.streams.map((s) => s.name).join(", ")}`,
              });
            return i;
          });
        }
        let types = o.type as RecordType[] | undefined;
        for (const t of types ?? [])
          if (!RECORD_TYPES.includes(t))
            throw new HindsightError("USAGE", `unknown record type "${t}"`, {
              hint: `types: ${RECORD_TYPES.join(", ")}`,
            });
        if (o.payload && types && !(types.length === 1 && types[0] === "input"))
          throw new HindsightError(
            "USAGE",
            "--payload prints input events' bytes: it cannot go with --type " + types.join(","),
            {
              hint: "drop --type, or drop --payload to see other records",
            },
          );
        if (o.payload || (streams && !types)) types = ["input"];
        if (r.writer)
          err(
            ctx.io,
            `hindsight: note: a writer (pid ${r.writer.pid}) has the recording open: printing what is written so far`,
          );
        else if (r.tornTail)
          err(
            ctx.io,
            `hindsight: warning: torn tail in ${r.tornTail.segment} at offset ${r.tornTail.offset} (${r.tornTail.droppedBytes} bytes not readable); run \`hindsight fsck --repair\``,
          );
        const stdout = ctx.io.stdout;
        const chunks: (string | Uint8Array)[] = [];
        let pending = 0;
        const flush = async () => {
          if (!chunks.length) return;
          const buf = Buffer.concat(chunks.map((c) => (typeof c === "string" ? Buffer.from(c) : c)));
          chunks.length = 0;
          pending = 0;
          if (!stdout.write(buf)) await new Promise<void>((res) => stdout.once("drain", () => res()));
        };
        let count = 0;
        const NL = Buffer.from("\n");
        const lookups = new LookupValues(r);
        try {
          for await (const rec of r.recordsAsync({
            ...(o.fromSeq !== undefined ? { fromSeq: o.fromSeq } : {}),
            ...(o.toSeq !== undefined ? { toSeq: o.toSeq } : {}),
            ...(o.fromTime !== undefined ? { fromTime: o.fromTime } : {}),
            ...(o.toTime !== undefined ? { toTime: o.toTime } : {}),
            ...(streams ? { streams } : {}),
            ...(types ? { types } : {}),
          })) {
            if (o.payload) {
              if (rec.type !== "input") continue;
              chunks.push(Buffer.from(rec.payload), NL);
              pending += rec.payload.length + 1;
            } else {
              if (rec.type === "blob") lookups.keep(rec.hash, rec.data);
              else if (
                rec.type === "decision" &&
                rec.kind === DecisionKind.lookup &&
                rec.contentHash.length &&
                lookups.of(rec.contentHash) === undefined
              )
                lookups.readBefore(rec.seq);
              const line = o.json ? toJson(recordToJson(rec, m, lookups.of)) : human(rec, m, lookups.of);
              chunks.push(`${line}\n`);
              pending += line.length + 1;
            }
            if (pending > 1 << 20) await flush();
            if (o.limit !== undefined && ++count >= o.limit) break;
          }
        } finally {
          // The records read before a damaged block are printed before its error.
          await flush();
        }
      } finally {
        r.close();
      }
    });
}

function human(
  r: SeqRecord,
  m: Manifest,
  blobOf?: (contentHash: Uint8Array) => Uint8Array | undefined,
): string {
  const j = recordToJson(r, m, blobOf);
  const { seq, type, time, timeNs: _t, ...rest } = j;
  const parts = Object.entries(rest).map(
    ([k, v]) => `${k}=${typeof v === "string" ? v : typeof v === "bigint" ? String(v) : toJson(v)}`,
  );
  // One line a record, whatever a payload or a status holds (a line break, an escape sequence).
  return escapeControls(`${String(seq).padStart(8)}  ${String(type).padEnd(10)} ${time}  ${parts.join(" ")}`);
}

/** `{ error }` for a look-up recorded as failed, else nothing. */
const errorOf = (error: string | undefined) => (error === undefined ? {} : { error });
