/** `hindsight torture`: run a pipeline across processes under seeded faults and check exactly-once delivery. */
import type { Command } from "commander";
import { ExitCode } from "../../src/errors.js";
import { parseFaultSpec } from "../../src/faults/plan.js";
import { formatSeedResult, formatSummary, parseSeedRange, torture } from "../../src/faults/torture.js";
import type { UnsafeMode } from "../../src/net/link.js";
import { out } from "../io.js";
import { choiceOption, intOption } from "../options.js";
import type { CommandContext } from "../program.js";
import { toJson } from "../render.js";

interface TortureCliOptions {
  app: string;
  seeds: string;
  faults: string;
  events: number;
  json?: boolean;
  keep?: string;
  plan?: string;
  input?: string;
  unsafe?: UnsafeMode;
  timeout?: number;
  stall: number;
}

export function register(program: Command, ctx: CommandContext): Command {
  return program
    .command("torture")
    .summary("run a pipeline across processes under seeded faults; check exactly-once, in-order output")
    .description(
      "Run an app's pipeline split across processes on 127.0.0.1 (each step in its own worker process,\n" +
        "the source and the sink in this one), once per seed, with faults injected on every link: dropped\n" +
        "connections, delayed and duplicated frames, drawn from a seeded generator per framed message.\n" +
        "Check that the sink got every expected output exactly once, in order. On a failure print the seed,\n" +
        "the first wrong or missing output, its input, the faults applied around it, and the command that\n" +
        "reproduces it. Every process records its own log, with the faults as FAULT decisions; --keep\n" +
        "keeps them, and --plan replays the faults recorded in a kept run instead of drawing them.\n" +
        "Exit 0 when every seed passed, 3 when one failed.",
    )
    .requiredOption(
      "--app <module>",
      'app module (a linear app: one input → steps → one sink), or "double-halve" (built in)',
    )
    .option("--seeds <a..b>", "seeds to run, inclusive", "1..10")
    .option(
      "--faults <spec>",
      "fault rates per message: drop=<p>,delay=<p>,dup=<p>[,gap=<messages between drops>][,maxdelay=<ms>]",
      "drop=0.01,delay=0.02,dup=0.02",
    )
    .option("--events <n>", "messages the source sends per seed", intOption("--events", 1), 1000)
    .option("--keep <dir>", "keep the recordings in <dir>/seed-<n>/<process>")
    .option("--plan <dir>", "apply the fault plans recorded in <dir>/seed-<n> (a --keep directory)")
    .option("--input <file>", "JSON-lines input events (default: seeded double-halve events)")
    .option(
      "--unsafe <mode>",
      "deliberately broken links, to check that torture catches bugs: no-dedupe or no-resend",
      choiceOption("--unsafe", ["no-dedupe", "no-resend"] as const),
    )
    .option(
      "--timeout <ms>",
      "limit per seed, not counting starting its processes (default: 60 s + 1 ms per event)",
      intOption("--timeout", 100),
    )
    .option(
      "--stall <ms>",
      "a seed fails when the sink gets nothing new for this long",
      intOption("--stall", 100),
      3_000,
    )
    .option("--json", "print the report as JSON")
    .action(async (o: TortureCliOptions) => {
      const report = await torture({
        app: o.app,
        seeds: parseSeedRange(o.seeds),
        faults: parseFaultSpec(o.faults),
        events: o.events,
        cwd: ctx.io.cwd,
        ...(o.timeout !== undefined ? { timeoutMs: o.timeout } : {}),
        stallMs: o.stall,
        ...(o.keep ? { keep: o.keep } : {}),
        ...(o.plan ? { plan: o.plan } : {}),
        ...(o.input ? { input: o.input } : {}),
        ...(o.unsafe ? { unsafe: o.unsafe } : {}),
        ...(o.json ? {} : { onSeed: (r) => out(ctx.io, formatSeedResult(r).join("\n")) }),
      });
      ctx.exitCode = report.failed > 0 ? ExitCode.divergence : ExitCode.ok;
      out(ctx.io, o.json ? toJson(report, 2) : formatSummary(report));
    });
}
