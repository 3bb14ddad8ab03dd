import { accessSync, constants, statSync } from "node:fs";
import { dirname } from "node:path";
import { fsReason, HindsightError } from "../src/errors.js";
import { makeDirs } from "../src/log/segment-files.js";

/** What a command may touch of the outside world; tests pass a fake. */
export interface Io {
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  readonly stdin: NodeJS.ReadableStream;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /**
   * Asks for `stop` to be called on the first SIGINT/SIGTERM (commands that must stop cleanly:
   * a recording is sealed, not torn); a second signal ends the process. Returns the undo.
   * Commands that do not ask keep the default: a signal ends the process at once.
   */
  readonly onInterrupt?: (stop: () => void) => () => void;
}

/** A signal aborted on the first interrupt while `off` is not called (see Io.onInterrupt). */
export function interruptSignal(io: Io): { readonly signal: AbortSignal; readonly off: () => void } {
  const c = new AbortController();
  const off = io.onInterrupt?.(() => c.abort());
  return { signal: c.signal, off: () => off?.() };
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

/**
 * Runs `f`, which opens or writes an output file; a file-system error becomes one IO error
 * line naming the file as the user did (`what`, e.g. "--junit reports/x.xml").
 */
export function writingFile<T>(what: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    const why = fsReason(e);
    throw new HindsightError("IO", `cannot write ${what}: ${why}`, {
      hint: "choose a file in a writable directory",
      cause: e,
    });
  }
}

/**
 * Makes sure the output file `path` can be written before long work starts: creates its
 * directory (as --out does) and checks it is writable. Throws as writingFile.
 */
export function prepareOutputFile(what: string, path: string): void {
  writingFile(what, () => {
    if (statSync(path, { throwIfNoEntry: false })?.isDirectory())
      throw Object.assign(new Error(`${path} is a directory`), { code: "EISDIR" });
    const dir = dirname(path);
    makeDirs(dir);
    accessSync(dir, constants.W_OK);
  });
}
