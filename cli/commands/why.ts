/** `hindsight why`: the lineage of one output (or of one input event's outputs). */
import { resolve } from "node:path";
import { type Command, InvalidArgumentError } from "commander";
import { HindsightError } from "../../src/errors.js";
import { renderLineage, type WhyTarget, why, withDecisionKindNames } from "../../src/lineage/why.js";
import { LogReader } from "../../src/log/index.js";
import { loadApp } from "../../src/recorder/app-load.js";
import { clipLines } from "../../src/text.js";
import { out } from "../io.js";
import { intOption } from "../options.js";
import type { CommandContext } from "../program.js";
import { type Progress, progress } from "../progress.js";
import { toJson } from "../render.js";

interface WhyCliOptions {
  app: string;
  output?: string;
  seq?: number;
  depth: number;
  json?: boolean;
}

function parseOutput(v: string): { sink: string; index: number } {
  const i = v.lastIndexOf(":");
  const index = Number(v.slice(i + 1));
  if (i <= 0 || !/^\d+$/.test(v.slice(i + 1)) || !Number.isSafeInteger(index))
    throw new InvalidArgumentError(
      `--output takes <sink>:<index>, the output's position in its sink from 0, e.g. decisions:8 (got "${v}")`,
    );
  return { sink: v.slice(0, i), index };
}

export function register(program: Command, ctx: CommandContext): Command {
  return program
    .command("why")
    .summary("explain an output: the minimal inputs and decisions that produced it, and its path")
    .description(
      "Show the lineage of one output, reconstructed by replaying the recording: the input event that\n" +
        "triggered it, the steps it passed through, the decisions they took (clock, random, look-ups,\n" +
        "with values), and for every keyed-state value they read, the event that last wrote that value\n" +
        "and what that write depended on, followed up to --depth levels. Events, and other branches of\n" +
        "the output's own event, that did not influence the output are not listed (docs/LINEAGE.md).\n" +
        "--output names an output by sink and its position in that sink (from 0); --seq names a record:\n" +
        "an input event or a tick (all its outputs are explained), an output record (that output), or a\n" +
        "decision (the event that consumed it). --json prints one object for --output, and an array\n" +
        "(one element per output explained) for --seq.",
    )
    .argument("<dir>", "recording directory")
    .requiredOption("--app <module>", "app module (.ts or .js) that reproduces the recording")
    .option("--output <sink:index>", "the output to explain, e.g. decisions:41")
    .option(
      "--seq <n>",
      "explain the event (input or tick), output or decision record with this sequence number",
      intOption("--seq"),
    )
    .option("--depth <n>", "levels of state writers to follow", intOption("--depth", 1), 3)
    .option("--json", "print the lineage as JSON")
    .action(async (dir: string, o: WhyCliOptions) => {
      if ((o.output === undefined) === (o.seq === undefined))
        throw new HindsightError("USAGE", "give exactly one of --output <sink:index> or --seq <n>", {
          hint: "e.g. hindsight why rec --app app.ts --output decisions:41",
        });
      let target: WhyTarget;
      if (o.output !== undefined) {
        try {
          target = parseOutput(o.output);
        } catch (e) {
          throw new HindsightError("USAGE", (e as Error).message);
        }
      } else target = { seq: o.seq! };
      const loaded = await loadApp(o.app, ctx.io.cwd);
      const reader = LogReader.open(resolve(ctx.io.cwd, dir));
      try {
        let bar: Progress | null = null;
        const lineages = await why(reader, loaded.app, target, {
          depth: o.depth,
          onProgress: (done, total) => {
            bar ??= progress(ctx.io, "replaying", total, "records");
            bar.update(done);
          },
        }).finally(() => (bar as Progress | null)?.stop());
        if (o.json)
          // Shaped by the flag, not by the count: --seq may explain one output or several.
          out(ctx.io, toJson(withDecisionKindNames(o.output !== undefined ? lineages[0] : lineages), 2));
        else out(ctx.io, clipLines(lineages.map((l) => renderLineage(l, "raise --depth")).join("\n\n")));
      } finally {
        reader.close();
      }
    });
}
