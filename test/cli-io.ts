/** An in-memory Io for running the CLI in-process in tests. */
import { PassThrough, Readable } from "node:stream";
import type { Io } from "../cli/io.js";
import { run } from "../cli/program.js";

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stdoutBytes: Buffer;
  readonly stderr: string;
}

export async function runCli(
  argv: readonly string[],
  opts: {
    stdin?: string | Buffer | NodeJS.ReadableStream;
    cwd?: string;
    env?: Record<string, string>;
    /** Aborting it stands for a SIGINT. */
    signal?: AbortSignal;
    /** stderr stands for a terminal (progress is shown). */
    tty?: boolean;
  } = {},
): Promise<CliResult> {
  const out: Buffer[] = [];
  const errs: Buffer[] = [];
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  if (opts.tty) Object.assign(stderr, { isTTY: true, columns: 100 });
  stdout.on("data", (d: Buffer) => out.push(Buffer.from(d)));
  stderr.on("data", (d: Buffer) => errs.push(Buffer.from(d)));
  const io: Io = {
    stdout,
    stderr,
    stdin:
      opts.stdin === undefined || typeof opts.stdin === "string" || Buffer.isBuffer(opts.stdin)
        ? Readable.from(opts.stdin === undefined ? [] : [Buffer.from(opts.stdin)])
        : opts.stdin,
    cwd: opts.cwd ?? process.cwd(),
    env: opts.env ?? {},
    ...(opts.signal ? { onInterrupt: interruptFrom(opts.signal) } : {}),
  };
  const code = await run(argv, io);
  await new Promise((r) => setImmediate(r));
  const stdoutBytes = Buffer.concat(out);
  return { code, stdout: stdoutBytes.toString(), stdoutBytes, stderr: Buffer.concat(errs).toString() };
}

/** Io.onInterrupt driven by an AbortSignal (standing in for SIGINT). */
function interruptFrom(signal: AbortSignal): NonNullable<Io["onInterrupt"]> {
  return ({ stop }) => {
    if (signal.aborted) {
      queueMicrotask(stop);
      return () => undefined;
    }
    signal.addEventListener("abort", stop, { once: true });
    return () => signal.removeEventListener("abort", stop);
  };
}
