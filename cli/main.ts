/** The only file that touches `process`. */
import { run } from "./program.js";

// A reader that stops early (`hindsight cat rec | head`) closes the pipe: that is not an error.
for (const stream of [process.stdout, process.stderr])
  stream.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw e;
  });

const code = await run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  cwd: process.cwd(),
  env: process.env,
});
// Let pending stdout writes drain before exiting (a pipe may be slow).
process.exitCode = code;
