/** `hindsight fsck`: check every block; report (and with --repair, truncate) torn tails. */

import type { Command } from "commander";
import { ExitCode } from "../../src/errors.js";
import { fsck } from "../../src/log/fsck.js";
import { REPAIRS_FILE, readRepairs } from "../../src/log/repairs.js";
import { count } from "../../src/text.js";
import { out } from "../io.js";
import type { CommandContext } from "../program.js";
import { progress } from "../progress.js";
import { bytes, toJson } from "../render.js";

export function register(program: Command, ctx: CommandContext): Command {
  return program
    .command("fsck")
    .summary("check every block of a recording; repair a torn tail")
    .description(
      "Check every block of a recording: headers, CRC-32C checksums, decompression, record structure,\n" +
        "sequence continuity and index files. Exit 0 when clean, 4 when damaged. --repair truncates a\n" +
        "torn tail (an interrupted append) to the last whole block and rewrites stale index files; after\n" +
        "that the exit code is 0 and the report says what was dropped. A last segment shorter than the\n" +
        "index written when it was closed lost its end afterwards: reported as cut short (exit 4);\n" +
        "--repair keeps the records before the cut. Checkpoint files are checked against the digests the\n" +
        "log holds: a damaged one is exit 4, and --repair removes it (a replay then goes past it); a\n" +
        "missing one is noted. Corruption in the log itself is never repaired. What --repair takes out\n" +
        "is kept in the recording's repairs.json, and replay and verify say so.",
    )
    .argument("<dir>", "recording directory")
    .option(
      "--repair",
      "truncate a torn tail to the last whole block, cut a cut-short last segment back to its last whole block, remove damaged checkpoint files, rewrite stale indexes",
    )
    .option("--json", "print the report as JSON")
    .action((dir: string, o: { repair?: boolean; json?: boolean }) => {
      const bar = progress(ctx.io, "checking", undefined, "bytes");
      const r = fsck(dir, { repair: Boolean(o.repair), onProgress: (d) => bar.update(d) });
      bar.stop();
      ctx.exitCode = r.ok ? ExitCode.ok : ExitCode.corrupt;
      if (o.json) {
        out(ctx.io, toJson(r, 2));
        return;
      }
      const lines = [
        `${r.dir}: ${count(r.segments.length, "segment")}, ${count(r.blocks, "block")}, ${count(r.records, "record")}${r.corrupt.length > 0 ? " read (not those of the damage below)" : ""}`,
      ];
      for (const s of r.segments)
        lines.push(
          `  ${s.file}  ${bytes(s.bytes)}  ${count(s.blocks, "block")}  ${s.firstSeq === null ? "no records read" : `seq ${s.firstSeq}..${s.lastSeq}`}`,
        );
      if (r.tornTail)
        lines.push(
          `torn tail: ${r.tornTail.segment} at offset ${r.tornTail.offset}: ${r.tornTail.droppedBytes} bytes after the last whole block (${r.tornTail.reason}); ${r.tornTail.lastGoodSeq >= 0 ? `last good seq ${r.tornTail.lastGoodSeq}` : "no whole block before it"}` +
            (r.tornTail.repaired
              ? " — truncated"
              : o.repair
                ? " — not truncated: --repair changes nothing while the recording has corruption"
                : " — run with --repair to truncate"),
        );
      const cut = r.cutShort;
      if (cut)
        lines.push(
          `CUT SHORT: ${cut.segment}: ${cut.reason}; ${cut.lastGoodSeq >= 0 ? `last good seq ${cut.lastGoodSeq}` : "no whole block before it"}` +
            (cut.repaired
              ? ` — kept the records up to there (truncated at offset ${cut.offset}, index removed)`
              : o.repair
                ? " — not cut back: --repair changes nothing while the recording has corruption"
                : " — run with --repair to keep the records up to there (the lost ones cannot be recovered)"),
        );
      for (const c of r.corrupt)
        lines.push(
          `CORRUPT ${c.code}: ${c.segment} offset ${c.offset}${c.seqRange ? `, seq ${c.seqRange[0]}..${c.seqRange[1]}` : c.afterSeq < 0 ? ", before any record" : `, after seq ${c.afterSeq}`}: ${c.reason}`,
        );
      const cp = r.checkpoints;
      for (const d of cp.damaged)
        lines.push(
          `DAMAGED CHECKPOINT ${d.file}: ${d.reason}` +
            (d.removed
              ? " — removed (a replay goes past it)"
              : d.removable
                ? " — run with --repair to remove it"
                : " — --repair removes only checkpoint files it can read: remove or restore it by hand"),
        );
      if (cp.missing.length)
        lines.push(
          `note: ${cp.missing.length} checkpoint file(s) the log names are missing (${cp.missing
            .slice(0, 3)
            .map((m) => m.file)
            .join(", ")}${cp.missing.length > 3 ? ", …" : ""}): a replay goes past them`,
        );
      for (const s of r.staleIndexes)
        lines.push(
          s.problem
            ? `index ${s.file}: ${s.problem} (ignored when read; remove it by hand, then --repair writes the index)`
            : `index ${s.file} was missing or stale${s.rewritten ? " — rewritten" : " (harmless: rebuilt from headers when read; --repair rewrites it)"}`,
        );
      if (r.beingWritten)
        lines.push(
          `note: a writer (pid ${r.beingWritten.pid}${r.beingWritten.host ? ` on ${r.beingWritten.host}` : ""}) has the recording open: what is written so far was checked`,
        );
      if (r.unfinishedRun)
        lines.push(
          `note: the run started at seq ${r.unfinishedRun.startSeq} has no STOP marker (last record seq ${r.unfinishedRun.lastSeq}): it did not end cleanly (a crash), or the end of the recording was lost`,
        );
      if (r.repairsUnreadable)
        lines.push(
          `note: ${REPAIRS_FILE} cannot be read (${r.repairsUnreadable}): the repairs made before are unknown, so a recording cut back after it was closed reads as a crash's (a --repair keeps the file aside as ${REPAIRS_FILE}.unreadable-<time>)`,
        );
      if (r.empty)
        lines.push(
          r.tornTail?.repaired || readRepairs(dir).length > 0
            ? "note: the recording holds no records: a repair removed its only, partial block (repairs.json says what)"
            : "note: the recording holds no records: its writer ended before it wrote a block (nothing was recorded)",
        );
      if (cp.checked > 0 && cp.damaged.length === 0)
        lines.push(
          `checkpoint files: ${cp.checked - cp.missing.length} of ${cp.checked} checked, all match${r.corrupt.length > 0 ? " (those named in the records read: damage may hide others)" : ""}`,
        );
      lines.push(
        r.ok
          ? "ok"
          : r.corrupt.length
            ? "DAMAGED: corruption found (exit 4)"
            : cut && !cut.repaired
              ? "DAMAGED: the recording lost its end after it was written (exit 4; --repair keeps what is left)"
              : r.tornTail && !r.tornTail.repaired
                ? "DAMAGED: torn tail (exit 4; --repair truncates it)"
                : r.checkpoints.damaged.some((d) => !d.removable)
                  ? "DAMAGED: a checkpoint file cannot be checked (exit 4; remove or restore it by hand)"
                  : "DAMAGED: a checkpoint file does not match the log (exit 4; --repair removes it)",
      );
      out(ctx.io, lines.join("\n"));
    });
}
