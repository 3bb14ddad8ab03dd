/** The only file that touches `process`. */
import { run } from "./program.js";

// A reader that stops early (`hindsight cat rec | head`) closes the pipe: that is not an error.
for (const stream of [process.stdout, process.stderr])
  stream.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw e;
  });

// The first Ctrl-C asks the running command to stop cleanly; a second one ends the process.
const interrupt = new AbortController();
for (const sig of ["SIGINT", "SIGTERM"] as const)
  process.on(sig, () => {
    if (interrupt.signal.aborted) process.exit(130);
    interrupt.abort();
  });

const code = await run(process.argv.slice(2), {
  signal: interrupt.signal,
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  cwd: process.cwd(),
  env: process.env,
});
// Let pending stdout writes drain before exiting (a pipe may be slow).
process.exitCode = code;
