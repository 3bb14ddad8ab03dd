/**
 * The hindsight command-line program. `createProgram()` builds the commander parser without
 * running it; `run()` parses, runs one command, and maps any error to one line on stderr
 * and an exit code (README.md "Exit codes"). Only cli/main.ts touches `process`.
 */
import { Command, CommanderError } from "commander";
import { ExitCode, HindsightError, unreadable } from "../src/errors.js";
import { VERSION } from "../src/version.js";
import { commands } from "./commands/index.js";
import { err, type Io } from "./io.js";
import { REPEATABLE } from "./options.js";

/** Thrown by commands to end with a given exit code after printing their own output. */
export class CommandExit extends Error {
  override readonly name = "CommandExit";
  constructor(readonly exitCode: number) {
    super(`exit ${exitCode}`);
  }
}

export interface CommandContext {
  readonly io: Io;
  /** --debug: stack traces (of hindsight's errors, and of an app's in a verify report). */
  readonly debug: boolean;
  /** Set by the command's action: the exit code (default 0). */
  exitCode: number;
}

/** Where commander writes; a usage error is one line, like every other error. */
function output(ctx: CommandContext) {
  return {
    writeOut: (s: string) => ctx.io.stdout.write(s),
    writeErr: (s: string) => ctx.io.stderr.write(s),
    outputError: (s: string, write: (s: string) => void) =>
      // One line: commander puts its suggestion ("(Did you mean --json?)") on a line of its own.
      write(`hindsight: ${oneLine(s)} (run with --help for usage)\n`),
  };
}

export function createProgram(ctx: CommandContext): Command {
  const program = new Command("hindsight")
    .description(
      "Record/replay for stream processing: record every input and non-derivable decision into\n" +
        "compressed, checksummed logs; replay them to rebuild state, verify determinism, explain outputs.",
    )
    .version(VERSION, "-V, --version")
    .option("--debug", "print stack traces for errors")
    // Descriptions are reflowed (see reflowHelp) and wrapped by commander to this width.
    .configureHelp({ helpWidth: Math.max(60, ctx.io.stdout.columns ?? 100) })
    .exitOverride()
    .configureOutput(output(ctx))
    .addHelpText(
      "after",
      "\nExit codes: 0 ok; 1 a file that cannot be written, a recording another writer has open, a step\n" +
        "that throws (or, while recording, waits forever), or an internal error; 2 usage, a bad input line;\n" +
        "3 divergence / verify mismatch, or an incompatible recording; 4 corrupt, truncated or unsupported\n" +
        "recording, or a tampered audit export. See README.md and docs/FORMAT.md.",
    );
  for (const register of commands) {
    const sub = register(program, ctx);
    sub.exitOverride().configureOutput(output(ctx));
  }
  checkRequiredLast(program);
  refuseRepeats(program);
  reflowHelp(program);
  return program;
}

/**
 * An option that takes one value, given twice (`--out a --out b`), is a usage error: commander
 * would keep the last one. Options that collect values (--input, --sink: REPEATABLE) and
 * variadic ones (cat --type a b) may repeat.
 */
function refuseRepeats(cmd: Command): void {
  for (const o of cmd.options) {
    if (!(o.required || o.optional) || o.variadic) continue;
    const parse = (o as { parseArg?: object }).parseArg;
    if (parse !== undefined && REPEATABLE.has(parse)) continue;
    let seen = 0;
    cmd.on(`option:${o.name()}`, () => {
      if (++seen > 1)
        cmd.error(`error: option '${o.flags}' given more than once (it takes one value)`, {
          code: "commander.repeatedOption",
          exitCode: ExitCode.usage,
        });
    });
  }
  for (const sub of cmd.commands) refuseRepeats(sub);
}

/**
 * Descriptions are written in lines of source; in help they are paragraphs commander wraps to
 * the width, so that no line is broken twice (once in the source, once by the wrap). A blank
 * line, and a line starting with a space (a list, an example), stay as written.
 */
function reflowHelp(cmd: Command): void {
  const flow = (s: string): string => s.replace(/(?<!\n)\n(?![\n ])/g, " ");
  cmd.description(flow(cmd.description()));
  for (const o of cmd.options) o.description = flow(o.description);
  for (const a of cmd.registeredArguments) a.description = flow(a.description);
  for (const sub of cmd.commands) reflowHelp(sub);
}

/**
 * Commander checks required options before unknown ones, so `record --bogus` would say that
 * --out is missing and not that --bogus is unknown. Required options are checked here instead,
 * just before the action: after unknown options and arguments, with commander's own message.
 */
function checkRequiredLast(cmd: Command): void {
  const required = cmd.options.filter((o) => o.mandatory);
  for (const o of required) o.makeOptionMandatory(false);
  if (required.length > 0)
    cmd.hook("preAction", (self) => {
      for (const o of required)
        if (self.getOptionValue(o.attributeName()) === undefined)
          self.error(`error: required option '${o.flags}' not specified`, {
            code: "commander.missingMandatoryOptionValue",
            exitCode: ExitCode.usage,
          });
    });
  for (const sub of cmd.commands) checkRequiredLast(sub);
}

/** Parse `argv` (without node and script), run, and return the exit code. Never throws. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  const debug = argv.includes("--debug");
  const ctx: CommandContext = { io, exitCode: 0, debug };
  // (Not when a sink writes to stdout: its bytes are all stdout may carry. Sinks are written only
  // with --app.)
  const sinkOnStdout =
    argv.some((a) => a === "--app" || a.startsWith("--app=")) &&
    argv.some(
      (a, i) =>
        (argv[i - 1] === "--sink" && a.endsWith("=-")) || (a.startsWith("--sink=") && a.endsWith("=-")),
    );
  const json = argv.includes("--json") && !sinkOnStdout;
  // Whether the command printed anything on stdout (a JSON result, records) before an error.
  let printed = false;
  const stdout = io.stdout as { write: (...a: unknown[]) => boolean };
  const write = stdout.write;
  stdout.write = function (this: unknown, ...a: unknown[]) {
    printed = true;
    return write.apply(this, a);
  };
  const program = createProgram(ctx);
  try {
    // `hindsight bogus --help` would show the program's help (exit 0): it is an unknown command.
    const name = argv.find((a) => !a.startsWith("-"));
    if (
      name !== undefined &&
      name !== "help" &&
      (argv.includes("--help") || argv.includes("-h")) &&
      !program.commands.some((c) => c.name() === name || c.aliases().includes(name))
    )
      program.error(`error: unknown command '${name}'`, { code: "commander.unknownCommand", exitCode: 2 });
    await program.parseAsync([...argv], { from: "user" });
    return ctx.exitCode;
  } catch (e) {
    return reportError(e, io, debug, json && !printed);
  } finally {
    stdout.write = write;
  }
}

/**
 * Reports `e` as one line on stderr and returns the exit code. With `json` (the command was given
 * --json and printed nothing yet), an error of the recording, the app or the input is also one
 * JSON object on stdout, `{"error": {code, exitCode, message, where?, hint?}}`, so a program
 * reading stdout sees it.
 */
export function reportError(e0: unknown, io: Io, debug: boolean, json = false): number {
  if (e0 instanceof CommandExit) return e0.exitCode;
  // A file the system will not let hindsight read or list (permission denied...): named, not "internal".
  const e = unreadable(e0);
  if (e instanceof CommanderError) {
    // --help and --version exit 0; commander has already printed usage errors, and the help a
    // command given no subcommand shows on stderr (that one is a usage error: nothing was done).
    if (e.code === "commander.helpDisplayed" || e.code === "commander.version") return ExitCode.ok;
    if (e.code === "commander.help") return e.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    if (json)
      io.stdout.write(
        `${JSON.stringify({ error: { code: "USAGE", exitCode: ExitCode.usage, message: oneLine(e.message), hint: "run with --help for usage" } })}\n`,
      );
    return ExitCode.usage;
  }
  if (e instanceof HindsightError) {
    err(io, `hindsight: ${e.oneLine()}`);
    if (json) {
      // The error's own JSON form, without its details (internal, and not always JSON data).
      const { details: _details, ...error } = e.toJSON();
      io.stdout.write(`${JSON.stringify({ error })}\n`);
    }
    if (debug) {
      if (e.stack) err(io, e.stack);
      // The causes too: an app's own error (a step that threw, a module that failed to load).
      const seen = new Set<unknown>([e]);
      for (let c: unknown = e.cause; c instanceof Error && !seen.has(c); c = c.cause) {
        seen.add(c);
        err(io, `caused by: ${c.stack ?? `${c.name}: ${c.message}`}`);
      }
    }
    return e.exitCode;
  }
  const msg = e instanceof Error ? e.message : String(e);
  err(io, `hindsight: internal error: ${msg} (run with --debug for the stack trace, and please report it)`);
  if (debug && e instanceof Error && e.stack) err(io, e.stack);
  return ExitCode.internal;
}

/** A commander message as one line: "error: " dropped, line breaks joined ("…'--jsn'; did you mean --json?"). */
function oneLine(s: string): string {
  return s
    .replace(/^error: /, "")
    .trim()
    .replace(
      /\s*\n\s*\((Did you mean [^)]*)\)/g,
      (_m, d: string) => `; ${d.charAt(0).toLowerCase()}${d.slice(1)}`,
    )
    .replace(/\s*\n\s*/g, " ");
}
