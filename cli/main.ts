/** The only file that touches `process`. */
import { run } from "./program.js";

// While a command that must stop cleanly (record) asks for it, the first Ctrl-C (or SIGTERM)
// asks it to stop and a second one ends the process. Otherwise signals keep their default
// action: a replay or verify, whose loop may not yield to the event loop for a long time, ends
// at once (it has nothing to seal).
const SIGNALS = ["SIGINT", "SIGTERM"] as const;
let stopper: (() => void) | null = null;
let asked = false;
/** Asks the running command to stop; false when none asked for it or it was asked already. */
const askToStop = (): boolean => {
  if (asked || stopper === null) return false;
  asked = true;
  stopper();
  return true;
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
    if (stopper === null) process.exit(process.exitCode ?? 0);
    askToStop();
  });

const onInterrupt = (stop: () => void): (() => void) => {
  stopper = stop;
  asked = false;
  for (const sig of SIGNALS) process.on(sig, onSignal);
  return () => {
    stopper = null;
    for (const sig of SIGNALS) process.off(sig, onSignal);
  };
};

const code = await run(process.argv.slice(2), {
  onInterrupt,
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  cwd: process.cwd(),
  env: process.env,
});
// Let pending stdout writes drain before exiting (a pipe may be slow).
process.exitCode = code;
// An interrupted recording may have left a read of an idle standard input pending.
if (asked) process.stdin.destroy();
