/** The only file that touches `process`. */

import { thrownMessage } from "../src/errors.js";
import { ESCAPED, escapedMessage } from "../src/recorder/app-run.js";
import type { StopHandlers } from "./io.js";
import { run } from "./program.js";

// While a command that must stop cleanly (record) asks for it, the first Ctrl-C (or SIGTERM)
// asks it to stop, a second one to seal at once without finishing the event in hand (when it
// can), and another ends the process. Otherwise signals keep their default action: a replay or
// verify, whose loop may not yield to the event loop for a long time, ends at once (it has
// nothing to seal).
const SIGNALS = ["SIGINT", "SIGTERM"] as const;
let handlers: StopHandlers | null = null;
let asks = 0;
/** Asks the running command to stop, then to stop at once; false when it cannot. */
const askToStop = (): boolean => {
  if (handlers === null) return false;
  asks++;
  if (asks === 1) {
    handlers.stop();
    return true;
  }
  return asks === 2 && handlers.force !== undefined && handlers.force();
};
const onSignal = (): void => {
  if (!askToStop()) process.exit(130);
};
// A reader that stops early (`hindsight cat rec | head`) closes the pipe: that is not an error.
// While a recording runs (`record --app ... --sink x=- | head`), it is stopped and sealed as a
// first Ctrl-C would, not cut off with its last blocks unwritten.
for (const stream of [process.stdout, process.stderr])
  stream.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code !== "EPIPE") throw e;
    if (handlers === null) process.exit(process.exitCode ?? 0);
    if (asks === 0) askToStop();
  });
// Nothing left to run while a command waits: it waits on a promise nothing can settle (an
// app's look-up whose fetch never ends, a step awaiting something that never comes). Node would
// end the process silently with exit 13 (a recording's open block unwritten). The command ends
// the wait if it can (record seals the recording, verify reports the event); else one line, exit 1.
let running = true;
let stallHandler: (() => boolean) | null = null;
let stalled = false;
process.on("beforeExit", () => {
  if (!running) return;
  stalled = true;
  if (stallHandler?.()) return;
  process.stderr.write(
    "hindsight: the command cannot finish: it waits on a promise that nothing left in the process can settle (an app step awaiting something other than ctx.lookup?)\n",
  );
  process.exit(1);
});
const onStall = (h: () => boolean): (() => void) => {
  stallHandler = h;
  return () => {
    if (stallHandler === h) stallHandler = null;
  };
};

// An error no command can catch: thrown or rejected by code an app left running outside its steps
// (a callback it scheduled, a promise it started and dropped). While a replay runs (verify,
// replay), it is that replay's: the replay reports it with its result. Otherwise one line, as for
// any error (the stack with --debug), exit 1; a recording being made is sealed first, with the
// error in its STOP marker (an event in flight is kept up to where it got, as a second Ctrl-C
// keeps it).
const debug = process.argv.includes("--debug");
let strayHandler: ((e: unknown) => boolean) | null = null;
const onStray = (e: unknown): void => {
  // A divergence a replay found in a step's stray promise: the replay reports it (exit 3).
  if (e instanceof Error && e.name === "DivergenceSignal") return;
  if (strayHandler?.(e)) return;
  const msg = escapedMessage(e);
  let sealed = "";
  if (handlers) {
    try {
      // (Nothing to say when no recording was open yet.)
      const said = handlers.seal?.(`${ESCAPED}${msg}`);
      if (said) sealed = `; ${said}`;
    } catch (se) {
      sealed = `; the recording could not be sealed (${thrownMessage(se).split("\n")[0]}; hindsight fsck reports it)`;
    }
  }
  process.stderr.write(
    `hindsight: an error escaped the app's steps (from code it left running outside them): ${msg}${sealed}${debug ? "" : " (run with --debug for the stack trace)"}\n`,
  );
  if (debug && e instanceof Error && e.stack) process.stderr.write(`${e.stack}\n`);
  process.exit(1);
};
process.on("uncaughtException", onStray);
process.on("unhandledRejection", onStray);
const onStrayError = (h: (e: unknown) => boolean): (() => void) => {
  strayHandler = h;
  return () => {
    if (strayHandler === h) strayHandler = null;
  };
};

const onInterrupt = (h: StopHandlers): (() => void) => {
  handlers = h;
  asks = 0;
  for (const sig of SIGNALS) process.on(sig, onSignal);
  return () => {
    handlers = null;
    for (const sig of SIGNALS) process.off(sig, onSignal);
  };
};

const code = await run(process.argv.slice(2), {
  onInterrupt,
  onStall,
  onStray: onStrayError,
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  cwd: process.cwd(),
  env: process.env,
});
running = false;
// Let pending stdout writes drain before exiting (a pipe may be slow).
process.exitCode = code;
// An interrupted recording may have left a read of an idle standard input pending.
if (asks > 0 || stalled) process.stdin.destroy();
// An interrupted recording is sealed: nothing it left running must keep the process alive once
// the output is out, neither a read of an idle input FIFO (a blocking read in libuv's pool) nor,
// after a second Ctrl-C, what the app still has running for an unfinished event.
if (asks > 0) process.stderr.write("", () => process.stdout.write("", () => process.exit(code)));
