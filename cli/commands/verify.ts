/** `hindsight verify <dir>... --app <module> [--json] [--junit <file>]`: the CI determinism check. */
import { writeFileSync } from "node:fs";
import { basename, resolve } from "node:path";
import type { Command } from "commander";
import { loadApp } from "../../src/recorder/app-load.js";
import {
  batchSummary,
  notVerified,
  renderJunit,
  renderResult,
  resultToJson,
  type VerifyResult,
  verifyExitCode,
  verifyRecording,
  withoutStack,
} from "../../src/verify/verify.js";
import { out, prepareOutputFile, writingFile } from "../io.js";
import type { CommandContext } from "../program.js";
import { type Progress, progress } from "../progress.js";

interface VerifyCliOptions {
  app: string;
  json?: boolean;
  junit?: string;
}

export function register(program: Command, ctx: CommandContext): Command {
  return program
    .command("verify")
    .summary("replay recordings against an app and check every output and decision is identical")
    .description(
      "Replay each recording through the app and compare every decision request (kind, name, order)\n" +
        "and every output (bytes, or digest when only digests were recorded) with the recording.\n" +
        "A different app build id is reported but is not a failure. Each recording has a result\n" +
        "(status identical, diverged, incompatible or error); the exit code is the highest of theirs:\n" +
        "0 all identical, 2 one is not a recording (or does not exist), 3 one diverged or is\n" +
        "incompatible with the app, 4 one is corrupt (1: an internal error). --json fields:\n" +
        'docs/ENGINE.md, "verify --json".',
    )
    .argument("<dirs...>", "recording directories")
    .requiredOption("--app <module>", "app module (.ts or .js)")
    .option("--json", "print one JSON object per recording (a JSON array)")
    .option("--junit <file>", "also write a JUnit XML report (its directory is created)")
    .action(async (dirs: string[], o: VerifyCliOptions) => {
      const junit = o.junit === undefined ? undefined : resolve(ctx.io.cwd, o.junit);
      if (junit) prepareOutputFile(`--junit ${o.junit}`, junit);
      const results: VerifyResult[] = [];
      // A run that stops early (the app does not load, an internal error) still writes the
      // JUnit report, every recording not verified an error in it: never a stale passing one.
      const stopped = (e: unknown): never => {
        if (junit) {
          const name = basename(o.app);
          const all = [...results, ...dirs.slice(results.length).map((d) => notVerified(d, name, e))];
          try {
            writeFileSync(junit, renderJunit(all));
          } catch {
            // The error that stopped the run is the one to report.
          }
        }
        throw e;
      };
      const loaded = await loadApp(o.app, ctx.io.cwd).catch(stopped);
      for (const d of dirs) {
        let bar: Progress | null = null;
        const r = await verifyRecording(resolve(ctx.io.cwd, d), loaded.app, {
          buildId: loaded.buildId,
          ...(ctx.io.onStall ? { watchStall: ctx.io.onStall } : {}),
          ...(ctx.io.onStray ? { watchStray: ctx.io.onStray } : {}),
          onProgress: (done, total) => {
            bar ??= progress(ctx.io, `verifying ${d}`, total, "records");
            bar.update(done);
          },
        })
          .finally(() => (bar as Progress | null)?.stop())
          .catch(stopped);
        const shown = { ...(ctx.debug ? r : withoutStack(r)), recording: d };
        results.push(shown);
        if (!o.json) out(ctx.io, renderResult(shown));
      }
      if (o.json) out(ctx.io, JSON.stringify(results.map(resultToJson), null, 2));
      if (junit) writingFile(`--junit ${o.junit}`, () => writeFileSync(junit, renderJunit(results)));
      if (!o.json && results.length > 1) out(ctx.io, batchSummary(results));
      ctx.exitCode = verifyExitCode(results);
    });
}
