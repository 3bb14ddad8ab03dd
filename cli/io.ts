import { accessSync, constants, existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { HindsightError, writingFile } from "../src/errors.js";

export { writingFile };

import { makeDirs } from "../src/log/segment-files.js";

/** What a command may touch of the outside world; tests pass a fake. */
export interface Io {
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  readonly stdin: NodeJS.ReadableStream;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /**
   * Asks for `h.stop` to be called on the first SIGINT/SIGTERM (commands that must stop
   * cleanly: a recording is sealed, not torn), and `h.force` on the second; a signal after that,
   * or a second one when there is no `force` or it returns false, ends the process (130).
   * Returns the undo. Commands that do not ask keep the default: a signal ends the process at
   * once.
   */
  readonly onInterrupt?: (h: StopHandlers) => () => void;
  /**
   * Asks for `stalled` to be called when the process runs out of work while the command still
   * waits: on a promise that nothing left can settle (an app's step waiting for something that
   * never comes). It returns whether it ended that wait (the command then goes on); otherwise
   * the process ends with one error line (exit 1). Returns the undo.
   */
  readonly onStall?: (stalled: () => boolean) => () => void;
  /**
   * Asks for `took` to be called with an error that escapes the app's steps (thrown by code it
   * left running outside them, or a promise it dropped that rejected) while the command still
   * runs. It returns whether it took the error (a replay reports it with its result); otherwise
   * the process ends with one error line (exit 1). Returns the undo.
   */
  readonly onStray?: (took: (e: unknown) => boolean) => () => void;
}

/** What a command that must stop cleanly is asked, in turn (see Io.onInterrupt). */
export interface StopHandlers {
  /** First signal (or a closed stdout): finish the work in hand, then stop and seal. */
  readonly stop: () => void;
  /** Second signal: seal at once without finishing the work in hand; false when there is none. */
  readonly force?: () => boolean;
  /**
   * An error escaped the app's steps and the process ends: seal the recording now, with
   * `reason` in its STOP marker. Returns what to tell the user, or undefined when nothing was
   * open to seal.
   */
  readonly seal?: (reason: string) => string | undefined;
}

/**
 * A signal aborted on the first interrupt while `off` is not called (see Io.onInterrupt);
 * `force` is passed on.
 */
export function interruptSignal(
  io: Io,
  more: Omit<StopHandlers, "stop"> = {},
): { readonly signal: AbortSignal; readonly off: () => void } {
  const c = new AbortController();
  const off = io.onInterrupt?.({ stop: () => c.abort(), ...more });
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
  // CI=0, CI=false or an empty CI say "not CI", as CI services set it to true or 1.
  const ci = io.env["CI"];
  return Boolean(io.stderr.isTTY) && (ci === undefined || /^(0|false|)$/i.test(ci.trim()));
}

/**
 * Runs `f`, which opens or writes an output file; a file-system error becomes one IO error
 * line naming the file as the user did (`what`, e.g. "--junit reports/x.xml").
 */
/**
 * Makes sure the output file `path` can be written before long work starts: creates its
 * directory (as --out does) and checks it is writable. Throws as writingFile.
 */
export function prepareOutputFile(what: string, path: string): void {
  refuseInsideRecording(what, path);
  writingFile(what, () => {
    if (statSync(path, { throwIfNoEntry: false })?.isDirectory())
      throw Object.assign(new Error(`${path} is a directory`), { code: "EISDIR" });
    const dir = dirname(path);
    makeDirs(dir);
    accessSync(dir, constants.W_OK);
  });
}

/** Throws USAGE when the output file `path` (named as the user did: `what`) is inside a recording. */
export function refuseInsideRecording(what: string, path: string): void {
  const recording = recordingAround(path);
  if (recording)
    throw new HindsightError(
      "USAGE",
      `${what} is inside the recording ${recording}: writing it would damage the recording`,
      { hint: "write the file outside any recording directory" },
    );
}

/**
 * The recording directory `path` would be written into (its directory, or the one above, for
 * checkpoints/), if any: a directory whose manifest.json is a recording's. A recording holds
 * only what hindsight writes; a report written there could replace its manifest or a segment.
 */
function recordingAround(path: string): string | undefined {
  let dir = dirname(path);
  for (let up = 0; up < 2; up++) {
    try {
      const m = join(dir, "manifest.json");
      if (existsSync(m)) {
        // Empty: a recording being created (docs/FORMAT.md, section 2).
        const text = readFileSync(m, "utf8");
        if (text.length === 0 || text.includes('"hindsight.recording"')) return dir;
      }
    } catch {
      return undefined;
    }
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return undefined;
}
