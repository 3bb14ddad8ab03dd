/** What a command may touch of the outside world; tests pass a fake. */
export interface Io {
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  readonly stdin: NodeJS.ReadableStream;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Aborted on SIGINT/SIGTERM: long commands stop cleanly (a recording is sealed, not torn). */
  readonly signal?: AbortSignal;
}

export function out(io: Io, text: string): void {
  io.stdout.write(text.endsWith("\n") ? text : `${text}\n`);
}

export function err(io: Io, text: string): void {
  io.stderr.write(text.endsWith("\n") ? text : `${text}\n`);
}

/** Progress goes to stderr, and only when it is a terminal. */
export function wantsProgress(io: Io): boolean {
  return Boolean(io.stderr.isTTY) && io.env["CI"] === undefined;
}
