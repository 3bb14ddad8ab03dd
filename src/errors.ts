/**
 * Every error a user can cause is a HindsightError with a stable `code` and the process
 * exit code the CLI maps it to (README.md "Exit codes"). Tests pin both; callers tell
 * errors apart by `code`, never by message text.
 */

/** Exit codes: part of the CLI's API. */
export const ExitCode = {
  ok: 0,
  internal: 1,
  usage: 2,
  divergence: 3,
  corrupt: 4,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** Stable error codes, each with its exit code. */
export const ErrorCodes = {
  // usage (2)
  USAGE: ExitCode.usage,
  NOT_FOUND: ExitCode.usage,
  NOT_A_RECORDING: ExitCode.usage,
  ALREADY_EXISTS: ExitCode.usage,
  BAD_INPUT: ExitCode.usage,
  APP_LOAD: ExitCode.usage,
  APP_INVALID: ExitCode.usage,
  APP_ERROR: ExitCode.internal,
  // A step reading an ambient source: the app failing (1), as a step that throws. (In a replay
  // or verify it is an app-error divergence, reported with exit 3 as such.)
  DETERMINISM_VIOLATION: ExitCode.internal,
  // divergence (3)
  DIVERGENCE: ExitCode.divergence,
  INCOMPATIBLE: ExitCode.divergence,
  // corrupt / truncated / unsupported (4)
  CORRUPT_BLOCK: ExitCode.corrupt,
  CORRUPT_HEADER: ExitCode.corrupt,
  CORRUPT_SEGMENT: ExitCode.corrupt,
  CORRUPT_MANIFEST: ExitCode.corrupt,
  CORRUPT_RECORD: ExitCode.corrupt,
  CORRUPT_CHECKPOINT: ExitCode.corrupt,
  TORN_TAIL: ExitCode.corrupt,
  BLOCK_TOO_LARGE: ExitCode.corrupt,
  RECORD_TOO_LARGE: ExitCode.corrupt,
  UNKNOWN_CODEC: ExitCode.corrupt,
  UNSUPPORTED_VERSION: ExitCode.corrupt,
  UNKNOWN_FEATURE: ExitCode.corrupt,
  SEQUENCE_GAP: ExitCode.corrupt,
  AUDIT_TAMPERED: ExitCode.corrupt,
  // internal (1)
  INTERNAL: ExitCode.internal,
  IO: ExitCode.internal,
  CLOSED: ExitCode.internal,
  // A recording another writer has open: it cannot be written now (1).
  BUSY: ExitCode.internal,
} as const;
export type ErrorCode = keyof typeof ErrorCodes;

export interface HindsightErrorOptions {
  /** Where: a file, segment, offset, sequence range... shown after the message. */
  where?: string;
  /** What to do about it. */
  hint?: string;
  cause?: unknown;
  /** Structured details for --json output. */
  details?: Record<string, unknown>;
}

/** `s` with its control characters (but tab) written as \\n, \\r or \\xNN. */
export function escapeControls(s: string): string {
  return s.replace(/[\x00-\x08\x0a-\x1f\x7f]/g, (c) =>
    c === "\n" ? "\\n" : c === "\r" ? "\\r" : `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`,
  );
}

export class HindsightError extends Error {
  override readonly name = "HindsightError";
  readonly code: ErrorCode;
  readonly exitCode: ExitCode;
  readonly where: string | undefined;
  readonly hint: string | undefined;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, options: HindsightErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.exitCode = ErrorCodes[code];
    this.where = options.where;
    this.hint = options.hint;
    this.details = options.details;
  }

  /** The same error with some of its parts changed, this one as the cause. */
  with(changes: {
    message?: string;
    where?: string;
    hint?: string;
    details?: Record<string, unknown>;
  }): HindsightError {
    const where = changes.where ?? this.where;
    const details = changes.details ?? this.details;
    const hint = changes.hint ?? this.hint;
    return new HindsightError(this.code, changes.message ?? this.message, {
      ...(where ? { where } : {}),
      ...(hint ? { hint } : {}),
      ...(details ? { details } : {}),
      cause: this,
    });
  }

  /**
   * One line: what, where, what to do. Control characters in any part (quoted input, say) are
   * escaped (\\n, \\r, \\xNN), so the line stays one line and cannot move a terminal's cursor.
   */
  oneLine(withHint = true): string {
    let s = this.message;
    if (this.where) s += ` (${this.where})`;
    if (this.hint && withHint) s += `; ${this.hint}`;
    return escapeControls(s);
  }

  toJSON(): Record<string, unknown> {
    return {
      code: this.code,
      exitCode: this.exitCode,
      message: this.message,
      ...(this.where ? { where: this.where } : {}),
      ...(this.hint ? { hint: this.hint } : {}),
      ...(this.details ? { details: this.details } : {}),
    };
  }
}

export function isHindsightError(e: unknown): e is HindsightError {
  return e instanceof HindsightError;
}

/** What went wrong in a file-system call, in words ("its directory does not exist"...). */
/**
 * A file of a recording (or an input) that the system will not let hindsight read: IO, naming
 * the file and why (permission denied...), not an internal error. `e` when it is no such error.
 */
export function unreadable(e: unknown, path?: string): unknown {
  const x = e as NodeJS.ErrnoException | null;
  if (e instanceof HindsightError || typeof x?.code !== "string" || !/^E[A-Z]+$/.test(x.code)) return e;
  const file = path ?? x.path;
  const verb = x.syscall === "scandir" ? "list" : "read";
  return new HindsightError("IO", `cannot ${verb} ${file ?? "a file"}: ${fsReason(e)}`, {
    ...(file ? { where: file } : {}),
    hint:
      x.code === "EACCES" || x.code === "EPERM"
        ? "check the permissions of the file (and of its directories) for the user running hindsight"
        : "check the file and the device it is on",
    cause: e,
  });
}

/**
 * Runs `f`, which writes `what`; a file-system error becomes one IO error saying so ("cannot
 * write <what>: <why>"), with `hint` (default: choose a file in a writable directory) and `where`.
 */
export function writingFile<T>(what: string, f: () => T, o: { hint?: string; where?: string } = {}): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof HindsightError) throw e; // already says what
    throw new HindsightError("IO", `cannot write ${what}: ${fsReason(e)}`, {
      ...(o.where ? { where: o.where } : {}),
      hint: o.hint ?? "choose a file in a writable directory",
      cause: e,
    });
  }
}

export function fsReason(e: unknown): string {
  switch ((e as NodeJS.ErrnoException | null)?.code) {
    case "ENOENT":
      return "its directory does not exist";
    case "ENOTDIR":
      return "a part of its path is a file, not a directory";
    case "EACCES":
    case "EPERM":
    case "EROFS":
      return "permission denied";
    case "EISDIR":
      return "it is a directory";
    case "EEXIST":
      return "a file of that name exists";
    case "ENOSPC":
      return "no space left on the device";
    default:
      return e instanceof Error ? e.message : String(e);
  }
}

/**
 * The message of whatever was thrown (a look-up's fetch may throw anything): an Error's message,
 * a string as is, other values as JSON or as text; one that cannot be read at all says so.
 * Never throws.
 */
export function thrownMessage(e: unknown): string {
  try {
    if (e instanceof Error) return String(e.message);
    if (typeof e === "string") return e;
    if (e !== null && typeof e === "object") {
      const j = JSON.stringify(e);
      if (j !== undefined) return j;
    }
    return String(e);
  } catch {
    return "a thrown value whose message cannot be read";
  }
}
