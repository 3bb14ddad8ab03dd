/** The only file that touches `process`. */
import { run } from "./program.js";

const code = await run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  cwd: process.cwd(),
  env: process.env,
});
// Let pending stdout writes drain before exiting (a pipe may be slow).
process.exitCode = code;
