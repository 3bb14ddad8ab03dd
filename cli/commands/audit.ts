/**
 * `hindsight audit export <dir> --app <module> --out <path> [--format] [--from] [--to] [--sign]`
 * `hindsight audit verify <export> [--pubkey <pem>] [--json]`
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { type Command, Option } from "commander";
import { readPrivateKey, readPublicKey } from "../../src/audit/manifest.js";
import { exportRecordingAudit } from "../../src/audit/replay-source.js";
import { verifyAudit } from "../../src/audit/verify.js";
import { AUDIT_FORMATS, type AuditFormat } from "../../src/audit/writers.js";
import { HindsightError } from "../../src/errors.js";
import { LogReader } from "../../src/log/index.js";
import { loadApp } from "../../src/recorder/app-load.js";
import { count } from "../../src/text.js";
import { err, out, refuseInsideRecording } from "../io.js";
import { timeOption } from "../options.js";
import type { CommandContext } from "../program.js";
import { type Progress, progress } from "../progress.js";
import { bytes, toJson } from "../render.js";

interface ExportCliOptions {
  app: string;
  out: string;
  format: AuditFormat;
  from?: bigint;
  to?: bigint;
  sign?: string;
  json?: boolean;
}

interface VerifyCliOptions {
  pubkey?: string;
  json?: boolean;
}

function readKeyFile(cwd: string, path: string, option: string): string {
  try {
    return readFileSync(resolve(cwd, path), "utf8");
  } catch (e) {
    throw new HindsightError(
      "NOT_FOUND",
      `cannot read the key file ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
      {
        where: option,
        hint: "give the path of an Ed25519 key in PEM form",
      },
    );
  }
}

export function register(program: Command, ctx: CommandContext): Command {
  const audit = program
    .command("audit")
    .summary("export every decision of a recording as a tamper-evident audit trail, and verify one")
    .description(
      "export: replay a recording through its app and write one row per decision-bearing output (what\n" +
        "came in, the clock and the state the decision was made on, the decision and its reason, the\n" +
        "app build, references into the recording, the lineage), each row hash-chained to the one\n" +
        "before it, plus <out>.manifest.json (final hash, row count, recording identity, optional\n" +
        "Ed25519 signature). verify: check an export against its manifest. See docs/AUDIT.md.",
    );

  audit
    .command("export")
    .summary("write the audit export of a recording")
    .description(
      "Replay a recording through its app (comparing every output, as verify does) and write one row\n" +
        "per decision-bearing output: what came in, what the clock and the state said, which build\n" +
        "decided, what went out, each row hash-chained to the one before; <path>.manifest.json is written\n" +
        "last (and signed with --sign). Exit 3 if the app does not reproduce the recording (nothing is\n" +
        "written). docs/AUDIT.md is the specification.",
    )
    .argument("<dir>", "recording directory")
    .requiredOption("--app <module>", "app module (.ts or .js) that made the recording")
    .requiredOption("--out <path>", "export file to write (with <path>.manifest.json beside it)")
    .addOption(
      new Option("--format <format>", "file format")
        .choices([...AUDIT_FORMATS])
        .default("jsonl" as AuditFormat),
    )
    .option("--from <time>", "only outputs at or after this time (ns or ISO-8601)", timeOption("--from"))
    .option("--to <time>", "only outputs at or before this time (ns or ISO-8601)", timeOption("--to"))
    .option("--sign <pem>", "sign the manifest with this Ed25519 private key (PEM file)")
    .option("--json", "print the result as JSON")
    .action(async (dir: string, o: ExportCliOptions) => {
      if (o.from !== undefined && o.to !== undefined && o.from > o.to)
        throw new HindsightError("USAGE", "--from is after --to", { hint: "give --from <= --to" });
      const signKey =
        o.sign === undefined ? undefined : readPrivateKey(readKeyFile(ctx.io.cwd, o.sign, "--sign"));
      refuseInsideRecording(`--out ${o.out}`, resolve(ctx.io.cwd, o.out));
      const loaded = await loadApp(o.app, ctx.io.cwd);
      const reader = LogReader.open(resolve(ctx.io.cwd, dir));
      // The export holds the decisions the recording still has: say when that is not all of it.
      const torn = reader.tornTail;
      if (torn)
        err(
          ctx.io,
          `hindsight: warning: ${dir} ends in a torn tail in ${torn.segment} at offset ${torn.offset} (${torn.droppedBytes} bytes not readable): the export holds the decisions recorded up to there (run \`hindsight fsck\`)`,
        );
      let bar: Progress | null = null;
      try {
        const r = await exportRecordingAudit(reader, loaded.app, {
          out: resolve(ctx.io.cwd, o.out),
          format: o.format,
          fromNs: o.from,
          toNs: o.to,
          signKey,
          onProgress: (done, total) => {
            bar ??= progress(ctx.io, "exporting", total, "records");
            bar.update(done);
          },
        }).finally(() => (bar as Progress | null)?.stop());
        if (o.json) out(ctx.io, toJson(r, 2));
        else
          out(
            ctx.io,
            `wrote ${count(r.rows, "row")} to ${o.out} (${r.format}, ${bytes(r.bytes)})${r.signed ? ", signed" : ""}\n` +
              `manifest ${o.out}.manifest.json, final hash ${r.finalHash}`,
          );
      } finally {
        reader.close();
      }
    });

  audit
    .command("verify")
    .summary("check an audit export's hash chain, manifest and signature")
    .description(
      "Exit 0 when every row hashes to its row_hash, each prev_hash is the row before it, the row\n" +
        "count, final hash and file digest match the manifest, and the signature (if any) holds; with\n" +
        "--pubkey the manifest must be signed by that key. Exit 4 (naming the first bad row) otherwise.",
    )
    .argument("<export>", "the export file (its manifest is <export>.manifest.json)")
    .option(
      "--pubkey <pem>",
      "the Ed25519 public key the manifest must be signed with (PEM file; a private key file\n" +
        "works too: its public half is used)",
    )
    .option("--json", "print the result as JSON")
    .action(async (file: string, o: VerifyCliOptions) => {
      const publicKey =
        o.pubkey === undefined ? undefined : readPublicKey(readKeyFile(ctx.io.cwd, o.pubkey, "--pubkey"));
      const r = await verifyAudit(resolve(ctx.io.cwd, file), { publicKey });
      if (o.json) out(ctx.io, toJson({ ...r, export: file }, 2));
      if (r.ok) {
        if (!o.json) {
          const sig =
            r.signature === "valid"
              ? `signature valid (key ${r.signerFingerprint?.slice(0, 16)}…${r.signerTrusted ? ", the given public key" : ", embedded key: pass --pubkey to check who signed"})`
              : "unsigned";
          out(
            ctx.io,
            `✓ ${file}: ${r.rows?.toLocaleString("en-US")} rows, chain intact, final hash ${r.finalHash}; ${sig}`,
          );
        }
        return;
      }
      const first = r.problems[0]!;
      const more =
        r.problems.length > 1
          ? ` (and ${r.problems.length - 1} more problem${r.problems.length > 2 ? "s" : ""})`
          : "";
      throw new HindsightError("AUDIT_TAMPERED", `audit export does not verify: ${first.message}${more}`, {
        where: file,
        hint:
          first.kind === "manifest" && first.message.startsWith("the export's manifest is missing")
            ? "an export is complete only once its manifest is written (an interrupted export leaves none), or the manifest was removed: re-export from the recording"
            : first.kind !== "signature"
              ? "the export or its manifest was changed after it was written; re-export from the recording"
              : first.message.startsWith("the manifest is not signed")
                ? "this export was not signed (or its signature was removed): verify it without --pubkey, or ask for a signed export"
                : "the manifest was changed after it was signed, or another key signed it: check that --pubkey is the key the export was signed with, or re-export from the recording",
        details: { problems: r.problems },
      });
    });

  return audit;
}
