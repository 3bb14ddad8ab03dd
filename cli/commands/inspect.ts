/** `hindsight inspect`: what a recording holds. */

import type { Command } from "commander";
import { inspect } from "../../src/log/inspect.js";
import { describeRepair } from "../../src/log/repairs.js";
import { count } from "../../src/text.js";
import { out } from "../io.js";
import type { CommandContext } from "../program.js";
import { bytes, table, time, toJson } from "../render.js";

export function register(program: Command, ctx: CommandContext): Command {
  return program
    .command("inspect")
    .summary("show a recording's streams, counts, ranges, segments and compression")
    .description(
      "Show a recording's streams, event counts, sequence and time ranges, segments, blocks,\nbytes on disk vs raw, compression ratio, format version and feature flags.",
    )
    .argument("<dir>", "recording directory")
    .option("--json", "print as JSON (times as exact integer nanosecond strings)")
    .action((dir: string, o: { json?: boolean }) => {
      const r = inspect(dir);
      if (o.json) {
        out(ctx.io, toJson(r, 2));
        return;
      }
      const m = r.manifest;
      const lines = [
        `recording   ${r.dir}`,
        `id          ${m.recordingId}  created ${m.createdAt}`,
        `format      version ${r.formatVersion}, features [${r.features.join(", ")}]`,
        `app         ${m.app.name || "(none: input capture)"}${m.app.buildId ? `  build ${m.app.buildId}` : ""}`,
        `engine      ${m.engineVersion}   clock ${m.clockSource}   seed ${m.seed}`,
        `records     ${r.records.toLocaleString("en-US")}  (${Object.entries(r.byType)
          .filter(([, v]) => v > 0)
          .map(([k, v]) => `${k} ${v.toLocaleString("en-US")}`)
          .join(", ")})`,
        `seq range   ${r.seqRange ? `${r.seqRange[0]}..${r.seqRange[1]}` : "-"}`,
        `time range  ${r.timeRange ? `${time(r.timeRange[0])} .. ${time(r.timeRange[1])}` : "-"}`,
        `on disk     ${bytes(r.bytesOnDisk)} in ${count(r.segments.length, "segment")}, ${count(r.blocks, "block")}; raw ${bytes(r.rawBytes)}; ratio ${(r.compressionRatio * 100).toFixed(1)}%  (all files ${bytes(r.totalBytes)})`,
        "",
        table(
          ["stream", "codec", "events", "payload", "seq range", "first time", "last time"],
          r.streams.map((s) => [
            s.name,
            s.codec,
            s.events.toLocaleString("en-US"),
            bytes(s.payloadBytes),
            s.firstSeq === null ? "-" : `${s.firstSeq}..${s.lastSeq}`,
            time(s.firstTimeNs),
            time(s.lastTimeNs),
          ]),
        ),
      ];
      if (m.sinks.length)
        lines.push("", `sinks       ${m.sinks.map((s) => `${s.name} (${s.codec})`).join(", ")}`);
      for (const rep of r.repairs) lines.push("", `note: ${describeRepair(rep)}`);
      if (r.beingWritten)
        lines.push(
          "",
          `note: a writer (pid ${r.beingWritten.pid}) has the recording open: these figures are of what is written so far`,
        );
      if (r.tornTail)
        lines.push(
          "",
          `warning: torn tail in ${r.tornTail.segment} at offset ${r.tornTail.offset} (${r.tornTail.droppedBytes} bytes, ${r.tornTail.reason}); run \`hindsight fsck --repair\``,
        );
      out(ctx.io, lines.join("\n"));
    });
}
