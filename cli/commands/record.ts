/** `hindsight record`: capture input streams (and, with --app, run and record an app). */

import { resolve } from "node:path";
import { type Command, Option } from "commander";
import { HindsightError } from "../../src/errors.js";
import { FSYNC_POLICIES, type FsyncPolicy, type WriterOptions } from "../../src/log/writer.js";
import { type CaptureSummary, captureInputs } from "../../src/recorder/capture.js";
import { checkInputSpecs, type InputSpec } from "../../src/recorder/inputs.js";
import { count } from "../../src/text.js";
import { interruptSignal, out } from "../io.js";
import { choiceOption, intOption, nameOption, pairOption, sizeOption } from "../options.js";
import type { CommandContext } from "../program.js";
import { inputProgress } from "../progress.js";
import { bytes, toJson } from "../render.js";
import { recordAppCommand } from "./record-app.js";

export interface RecordCliOptions {
  input: { key: string; value: string }[];
  out: string;
  timeField?: string;
  fsync: FsyncPolicy;
  fsyncInterval?: number;
  blockSize?: number;
  segmentSize?: number;
  app?: string;
  from?: string;
  seed?: string;
  checkpointEvery?: number;
  outputs: "digest" | "full";
  sink: { key: string; value: string }[];
  strict: "throw" | "record" | "off";
  lineage?: boolean;
  json?: boolean;
}

export function writerOptionsFrom(o: RecordCliOptions): Partial<WriterOptions> {
  return {
    fsync: o.fsync,
    ...(o.fsyncInterval !== undefined ? { fsyncIntervalMs: o.fsyncInterval } : {}),
    ...(o.blockSize !== undefined ? { blockSize: o.blockSize } : {}),
    ...(o.segmentSize !== undefined ? { segmentSize: o.segmentSize } : {}),
  };
}

/** The --input flags as input specs, file paths resolved against `cwd` ("-" is standard input). */
export function inputSpecsFrom(o: RecordCliOptions, cwd: string): InputSpec[] {
  return o.input.map((p) => ({ stream: p.key, path: p.value === "-" ? "-" : resolve(cwd, p.value) }));
}

export function register(program: Command, ctx: CommandContext): Command {
  return program
    .command("record")
    .summary("record input streams (and an app's decisions and outputs) into a new recording")
    .description(
      "Record JSON-lines input streams into a new recording directory. Each line's bytes are stored\n" +
        "exactly as input events; blank lines and a leading UTF-8 BOM are skipped. With several inputs,\n" +
        "events interleave by --time-field when given (ties: the order of --input flags), else\n" +
        "round-robin one line per stream in --input order; the interleaving is what is recorded. With\n" +
        "--app, the app runs over the events and its decisions (clock, random, look-ups, ticks), output\n" +
        "digests and checkpoints are recorded too. An input line that does not decode, or on which a\n" +
        "step throws, is named by file and line. With --app, --from <recording> takes the events of\n" +
        "another recording instead of --input files. Without --app no line is parsed beyond its\n" +
        "--time-field: one that is not valid JSON is recorded as it is, and an app's codec refuses it\n" +
        "when the recording is replayed or recorded --from.\n\n" +
        'Ctrl-C stops reading and seals the recording (STOP "interrupted", exit 130). A second\n' +
        "Ctrl-C while an event waits (on a look-up, say) seals it without finishing that event; an event\n" +
        "waiting on something that can never come seals it the same way, with an error (exit 1).",
    )
    .option(
      "-i, --input <stream=file>",
      "an input stream: name=file.jsonl, or name=- for stdin (repeatable)",
      pairOption("--input"),
    )
    .requiredOption("-o, --out <dir>", "recording directory to create (must not exist or be empty)")
    .option(
      "--time-field <name>",
      "top-level JSON field with each event's time (integer ns after the epoch, as a number or a string of digits, or ISO-8601; its first occurrence in a line): interleave by it",
      nameOption("--time-field"),
    )
    .addOption(
      new Option("--fsync <policy>", "when blocks are forced to disk: always | interval | never")
        .default("interval")
        .argParser(choiceOption("--fsync", FSYNC_POLICIES)),
    )
    .option(
      "--fsync-interval <ms>",
      "with --fsync interval: most ms between fsyncs (default 1000)",
      intOption("--fsync-interval", 1),
    )
    .option(
      "--block-size <bytes>",
      "target uncompressed block size (default 64k)",
      sizeOption("--block-size"),
    )
    .option(
      "--segment-size <bytes>",
      "start a new segment file past this size (default 128m)",
      sizeOption("--segment-size"),
    )
    .option("--app <module>", "app module (.ts or .js) whose default export is a hindsight app")
    .option(
      "--from <recording>",
      "with --app, instead of --input: the input events of another recording, in its order and with its times",
    )
    .option("--seed <n>", "seed for ctx.random() (with --app; default 0)")
    .option(
      "--checkpoint-every <n>",
      "checkpoint derivable state every n input events (with --app; default 0 = never, so\n" +
        "replay --until starts from the beginning)",
      intOption("--checkpoint-every"),
    )
    .addOption(
      new Option("--outputs <mode>", "keep output digests only, or full output bytes (with --app)")
        .choices(["digest", "full"])
        .default("digest"),
    )
    .option(
      "--sink <name=file>",
      "also write a sink's outputs to a file (its directory is created), or - for stdout (with --app; repeatable)",
      pairOption("--sink"),
    )
    .addOption(
      new Option("--strict <mode>", "ambient nondeterminism in steps: throw | record | off (with --app)")
        .choices(["throw", "record", "off"])
        .default("throw"),
    )
    .option(
      "--lineage",
      "also record each output's lineage at run time (the recorded run's lineage in verify reports)",
    )
    .option("--json", "print the summary as JSON (on stderr when a --sink writes to stdout)")
    .action(async (o: RecordCliOptions, cmd: Command) => {
      // Repeatable options with no default shown in --help: none given is an empty list.
      o.input ??= [];
      o.sink ??= [];
      if (o.fsyncInterval !== undefined && o.fsync !== "interval")
        ctx.io.stderr.write(`hindsight: note: --fsync-interval has no effect with --fsync ${o.fsync}\n`);
      if (o.from !== undefined) {
        if (o.app === undefined)
          throw new HindsightError(
            "USAGE",
            "--from needs --app: it records an app's run over another recording's events",
            {
              hint: "to copy a recording, copy its directory",
            },
          );
        if (o.input.length > 0 || o.timeField !== undefined)
          throw new HindsightError(
            "USAGE",
            "--from takes the events, in order and with their times, from the recording: give no --input or --time-field with it",
          );
      } else if (o.input.length === 0)
        throw new HindsightError("USAGE", "no --input given", {
          hint: "pass --input <stream>=<file.jsonl|-> (or, with --app, --from <recording>)",
        });
      const inputs = inputSpecsFrom(o, ctx.io.cwd);
      checkInputSpecs(inputs);
      if (o.app !== undefined) {
        await recordAppCommand(o, ctx, inputs);
        return;
      }
      const given = (name: string) => cmd.getOptionValueSource(name) === "cli";
      for (const [flag, set] of [
        ["--seed", o.seed !== undefined],
        ["--checkpoint-every", o.checkpointEvery !== undefined],
        ["--lineage", o.lineage !== undefined],
        ["--sink", o.sink.length > 0],
        ["--outputs", given("outputs")],
        ["--strict", given("strict")],
      ] as const)
        if (set) ctx.io.stderr.write(`hindsight: note: ${flag} has no effect without --app\n`);
      const bar = inputProgress(
        ctx.io,
        "recording",
        inputs.map((i) => i.path),
      );
      const interrupt = interruptSignal(ctx.io);
      try {
        const s = await captureInputs({
          inputs,
          out: o.out,
          ...(o.timeField ? { timeField: o.timeField } : {}),
          writer: writerOptionsFrom(o),
          stdin: ctx.io.stdin,
          onProgress: bar.onEvents,
          ...(bar.onRead ? { onRead: bar.onRead } : {}),
          signal: interrupt.signal,
        }).finally(() => bar.stop());
        saySummary(ctx, o, s);
      } finally {
        // Heard until the summary is out: a Ctrl-C while the recording is sealed changes nothing.
        interrupt.off();
      }
    });
}

/** Prints a capture's summary. */
function saySummary(ctx: CommandContext, o: RecordCliOptions, s: CaptureSummary): void {
  if (!s.complete) ctx.exitCode = 130;
  if (s.timesBack) ctx.io.stderr.write(`hindsight: note: ${s.timesBack.note}\n`);
  if (o.json) {
    out(ctx.io, toJson(s));
    return;
  }
  if (!s.complete)
    ctx.io.stderr.write("hindsight: interrupted: the recording was sealed after the events read so far\n");

  const rate = s.seconds > 0 ? Math.round(s.events / s.seconds) : s.events;
  out(
    ctx.io,
    `recorded ${count(s.events, "event")} (${Object.entries(s.perStream)
      .map(([k, v]) => `${k} ${v.toLocaleString("en-US")}`)
      .join(", ")}) into ${s.dir}\n` +
      `${count(s.blocks, "block")}, ${bytes(s.bytesOnDisk)} on disk for ${bytes(s.payloadBytes)} of input ` +
      `(${((100 * s.bytesOnDisk) / Math.max(1, s.payloadBytes)).toFixed(1)}%), ${s.seconds.toFixed(2)} s, ${rate.toLocaleString("en-US")} events/s`,
  );
}
