/**
 * Input capture from JSON-lines streams. Each line's bytes (without its "\n") are the
 * event's payload, exactly; blank lines (empty, or only spaces, tabs and a "\r") are not
 * events and are skipped, and so is a UTF-8 byte order mark at the start of a file. With
 * several streams, events interleave:
 *   - with a time field: by that field's value (integer nanoseconds, or an ISO-8601 string),
 *     ties broken by the order the streams were given, then by line order;
 *   - without: round-robin, one line from each stream in the order given, skipping streams
 *     that have ended.
 * The interleaving chosen is what gets recorded; replay never recomputes it.
 */
import { createReadStream, open, statSync } from "node:fs";
import { Socket } from "node:net";
import type { Readable } from "node:stream";
import { HindsightError } from "../errors.js";
import { MAX_TIME_NS } from "../format/constants.js";
import { parseIsoTime, whyNotIsoTime } from "../format/time.js";

export interface InputSpec {
  /** Stream name. */
  readonly stream: string;
  /** File path, or "-" for standard input. */
  readonly path: string;
}

export interface InputEvent {
  readonly stream: number;
  readonly streamSeq: number;
  readonly timeNs: bigint;
  /** The line's bytes (a view; stays valid). */
  readonly payload: Uint8Array;
  /** Its line number in its source (1-based; blank lines count). */
  readonly line: number;
}

/** Events whose time is earlier than one read before them, as a record summary gives them. */
export interface TimesBack {
  readonly events: number;
  /** Where the first one was read. */
  readonly first: string;
  readonly note: string;
}

/**
 * Counts events whose time is earlier than one before them: the log keeps them in the order
 * they were read, so a time given to `replay --until` then stops at the first record later than
 * it, and earlier-timed records after that are not included.
 */
export class TimeOrder {
  private latest = 0n;
  /** Events whose time is before the latest time seen before them. */
  back = 0;
  first: InputEvent | undefined;

  see(e: InputEvent): void {
    if (e.timeNs >= this.latest) this.latest = e.timeNs;
    else if (this.back++ === 0) this.first = e;
  }

  /**
   * What a record summary says of them (`where` names the first such event, e.g. by file and
   * line), with the note to print; undefined when there were none.
   */
  report(where: (e: InputEvent) => string): TimesBack | undefined {
    if (this.back === 0 || this.first === undefined) return undefined;
    const first = where(this.first);
    return {
      events: this.back,
      first,
      note: `${this.back.toLocaleString("en-US")} event${this.back === 1 ? " has a time" : "s have times"} earlier than an event read before (first: ${first}); the recording keeps them in the order they were read, so replay --until <time> stops at the first record later than that time`,
    };
  }
}

export interface ReadInputsOptions {
  /** Name of a top-level JSON field holding each event's time. */
  readonly timeField?: string;
  /** Standard input, for a path of "-". */
  readonly stdin?: NodeJS.ReadableStream;
  /** Largest accepted line, in bytes. Defaults to 16 MiB. */
  readonly maxLineBytes?: number;
  /**
   * Once aborted, reading ends at the next wait for input, even one that would never end (an
   * idle pipe): events already read are still yielded. Files opened here are closed.
   */
  readonly signal?: AbortSignal;
  /** Called with the size of each chunk read from a source (for progress by bytes). */
  readonly onRead?: (bytes: number) => void;
}

const NL = 0x0a;

/** Lines of a byte stream as views into fresh chunks (so earlier lines stay valid). */
async function* lines(
  src: NodeJS.ReadableStream,
  where: string,
  maxLine: number,
  onRead: ((bytes: number) => void) | undefined,
): AsyncGenerator<Uint8Array[]> {
  let carry: Buffer | undefined;
  let first = true;
  /** Lines before the current chunk's (their number), and the error for a line over maxLine. */
  let before = 0;
  const tooLong = (n: number) =>
    new HindsightError("BAD_INPUT", `line ${n} is longer than ${maxLine} bytes`, {
      where: `${where} line ${n}`,
      hint: "split the event, or check that the input is JSON lines (one event per line)",
    });
  for await (const chunkAny of src as AsyncIterable<Buffer | string>) {
    let chunk = typeof chunkAny === "string" ? Buffer.from(chunkAny) : chunkAny;
    onRead?.(chunk.length);
    if (first && chunk.length > 0) {
      first = false;
      // A UTF-8 byte order mark (files saved by some Windows tools) is not part of the first line.
      if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3);
    }
    const batch: Uint8Array[] = [];
    let start = 0;
    let buf = chunk;
    if (carry) {
      const nl = chunk.indexOf(NL);
      if (nl < 0) {
        carry = Buffer.concat([carry, chunk]);
        if (carry.length > maxLine) throw tooLong(before + 1);
        continue;
      }
      if (carry.length + nl > maxLine) throw tooLong(before + 1);
      batch.push(Buffer.concat([carry, chunk.subarray(0, nl)]));
      carry = undefined;
      start = nl + 1;
    }
    buf = chunk;
    for (;;) {
      const nl = buf.indexOf(NL, start);
      if (nl < 0) break;
      if (nl - start > maxLine) {
        // The lines before it are events: they go first (as before a line with a bad time).
        const e = tooLong(before + batch.length + 1);
        if (batch.length) yield batch;
        throw e;
      }
      batch.push(buf.subarray(start, nl));
      start = nl + 1;
    }
    if (start < buf.length) {
      carry = Buffer.from(buf.subarray(start));
      if (carry.length > maxLine) {
        const e = tooLong(before + batch.length + 1);
        if (batch.length) yield batch;
        throw e;
      }
    }
    before += batch.length;
    if (batch.length) yield batch;
  }
  if (carry?.length) yield [carry];
}

/** JSON whitespace. (At module level: a closure made per call costs more than the scan.) */
const ws = (c: number | undefined): boolean => c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a;

/**
 * Finds a top-level field's value in one JSON object line and returns it as nanoseconds.
 * Returns a string describing the problem when it cannot.
 */
export function extractTime(line: Uint8Array, field: string | Uint8Array): bigint | string {
  const key = typeof field === "string" ? Buffer.from(field, "utf8") : field;
  const n = line.length;
  let i = 0;
  while (i < n && ws(line[i])) i++;
  if (line[i] !== 0x7b) return "line is not a JSON object";
  i++;
  let depth = 1;
  let expectKey = true;
  while (i < n) {
    const c = line[i]!;
    if (c === 0x22) {
      // a string: a key when at depth 1 and a key is expected
      const s = i + 1;
      i++;
      let escaped = false;
      while (i < n) {
        const d = line[i]!;
        if (escaped) escaped = false;
        else if (d === 0x5c) escaped = true;
        else if (d === 0x22) break;
        i++;
      }
      if (i >= n) return "unterminated string";
      const e = i;
      i++;
      if (depth === 1 && expectKey) {
        let j = i;
        while (j < n && ws(line[j])) j++;
        if (line[j] !== 0x3a) return "malformed object";
        j++;
        while (j < n && ws(line[j])) j++;
        if (e - s === key.length && sameBytes(line, s, key)) return parseTimeValue(line, j);
        i = j;
        expectKey = false;
        continue;
      }
      continue;
    }
    if (c === 0x7b || c === 0x5b) depth++;
    else if (c === 0x7d || c === 0x5d) {
      depth--;
      if (depth === 0) break;
    } else if (c === 0x2c && depth === 1) expectKey = true;
    i++;
  }
  // Not found: say so, unless the line is not JSON at all (checked only here, on the way out).
  try {
    JSON.parse(Buffer.from(line.buffer, line.byteOffset, line.byteLength).toString("utf8"));
  } catch (e) {
    return `line is not valid JSON (${(e as Error).message})`;
  }
  return `no top-level field "${typeof field === "string" ? field : Buffer.from(field).toString()}"`;
}

/** Whether `line` holds `key`'s bytes at `at` (a key compared as written, escapes and all). */
function sameBytes(line: Uint8Array, at: number, key: Uint8Array): boolean {
  for (let i = 0; i < key.length; i++) if (line[at + i] !== key[i]) return false;
  return true;
}

function parseTimeValue(line: Uint8Array, j: number): bigint | string {
  const n = line.length;
  if (line[j] === 0x22) {
    let k = j + 1;
    while (k < n && line[k] !== 0x22) k++;
    const s = Buffer.from(line.buffer, line.byteOffset + j + 1, k - j - 1).toString();
    if (/^\d{1,20}$/.test(s)) return inRange(BigInt(s));
    const t = parseIsoTime(s);
    return t === undefined
      ? `time value "${s}" is neither integer nanoseconds nor an ISO-8601 time (${whyNotIsoTime(s)})`
      : inRange(t);
  }
  let k = j;
  let v = 0n;
  let small = 0;
  let digits = 0;
  while (k < n) {
    const d = line[k]!;
    if (d < 0x30 || d > 0x39) break;
    // Accumulate in a double while exact, then switch to bigint.
    if (digits < 15) small = small * 10 + (d - 0x30);
    else {
      if (digits === 15) v = BigInt(small);
      v = v * 10n + BigInt(d - 0x30);
    }
    digits++;
    k++;
  }
  if (digits === 0) return "time value is not a non-negative integer";
  const next = line[k];
  if (next === 0x2e || next === 0x65 || next === 0x45)
    return "time value must be an integer number of nanoseconds";
  return digits <= 15 ? inRange(BigInt(small)) : digits > 20 ? TOO_LATE : inRange(v);
}

const TOO_LATE = "time value is beyond 2^64-1 nanoseconds (the latest time a recording holds, in 2554)";
const AT_ZERO =
  "time value is 0, which a recording keeps for events without a time: give times after 1970-01-01T00:00:00Z";
const inRange = (t: bigint): bigint | string => (t === 0n ? AT_ZERO : t <= MAX_TIME_NS ? t : TOO_LATE);

interface Source {
  readonly index: number;
  /** Closes a file opened here (standard input belongs to the caller). */
  readonly close: () => void;
  readonly where: string;
  readonly it: AsyncIterator<Uint8Array[]>;
  batch: Uint8Array[];
  pos: number;
  /** Lines of the batches before this one, blank ones included. */
  linesBefore: number;
  seq: number;
  done: boolean;
  headTime: bigint;
}

async function openSource(spec: InputSpec, index: number, o: ReadInputsOptions): Promise<Source> {
  let stream: NodeJS.ReadableStream;
  if (spec.path === "-") {
    if (!o.stdin)
      throw new HindsightError("USAGE", `stream ${spec.stream} reads standard input, which is not available`);
    stream = o.stdin;
  } else if (statSync(spec.path, { throwIfNoEntry: false })?.isFIFO()) {
    // A named pipe is read as a pipe (non-blocking, like standard input), not through libuv's
    // thread pool: a blocking read there of an idle pipe would keep the process from exiting
    // after an interrupt until the pipe's writer closes it.
    const fd = await new Promise<number>((res, rej) =>
      open(spec.path, "r", (e, fd) => (e ? rej(e) : res(fd))),
    );
    stream = new Socket({ fd, readable: true, writable: false });
  } else {
    stream = createReadStream(spec.path, { highWaterMark: 1 << 20 }) as Readable;
  }
  const file = spec.path === "-" ? null : (stream as Readable);
  return {
    index,
    close: () => file?.destroy(),
    where: spec.path === "-" ? "<stdin>" : spec.path,
    it: lines(stream, spec.path, o.maxLineBytes ?? 16 * 1024 * 1024, o.onRead)[Symbol.asyncIterator](),
    batch: [],
    pos: 0,
    linesBefore: 0,
    seq: 0,
    done: false,
    headTime: 0n,
  };
}

const STOPPED = Symbol("stopped");
type Stop = Promise<typeof STOPPED> | undefined;

/** Whether a line holds nothing but spaces, tabs and carriage returns (not an event). */
function blank(line: Uint8Array): boolean {
  const n = line.length;
  // Nearly every line starts with a visible character: one comparison.
  if (n > 0 && line[0]! > 0x20) return false;
  for (let i = 0; i < n; i++) if (!ws(line[i])) return false;
  return true;
}

/** Moves past blank lines in the batch in hand; whether a line is left in it. */
function skipBlank(s: Source): boolean {
  while (s.pos < s.batch.length) {
    if (!blank(s.batch[s.pos]!)) return true;
    s.pos++;
  }
  return false;
}

/** Makes the source's next line (not blank) current, reading more when needed; false at its end. */
async function fill(s: Source, stop: Stop): Promise<boolean> {
  while (!skipBlank(s)) {
    if (s.done) return false;
    const r = stop ? await Promise.race([s.it.next(), stop]) : await s.it.next();
    if (r === STOPPED) {
      s.done = true;
      s.close();
      return false;
    }
    if (r.done) {
      s.done = true;
      return false;
    }
    s.linesBefore += s.batch.length;
    s.batch = r.value;
    s.pos = 0;
  }
  return true;
}

/** The current line's number in its source (1-based). */
const lineNo = (s: Source): number => s.linesBefore + s.pos + 1;

/** Takes the current line as the source's next event. */
function take(s: Source, timeNs: bigint): InputEvent {
  const e = {
    stream: s.index,
    streamSeq: s.seq++,
    timeNs,
    payload: s.batch[s.pos]!,
    line: lineNo(s),
  };
  s.pos++;
  return e;
}

function timeOf(s: Source, field: string, key: Uint8Array): bigint {
  const line = s.batch[s.pos]!;
  const t = extractTime(line, key);
  if (typeof t === "string")
    throw new HindsightError("BAD_INPUT", `cannot read time field "${field}": ${t}`, {
      where: `${s.where} line ${lineNo(s)}`,
      hint: "every line must be a JSON object with that field (integer nanoseconds or ISO-8601), or omit --time-field",
    });
  return t;
}

/**
 * Checks inputs before anything is created (a typo must not leave a recording behind): USAGE
 * for a stream given twice or more than one input on standard input, NOT_FOUND for a missing
 * file, BAD_INPUT for a directory.
 */
export function checkInputSpecs(specs: readonly InputSpec[]): void {
  const names = new Set<string>();
  for (const s of specs) {
    if (names.has(s.stream))
      throw new HindsightError("USAGE", `stream "${s.stream}" is given twice`, {
        where: `--input ${s.stream}=${s.path}`,
        hint: "give each stream one --input; concatenate its files first if it has several",
      });
    names.add(s.stream);
  }
  if (specs.filter((s) => s.path === "-").length > 1)
    throw new HindsightError("USAGE", "only one input can read standard input", {
      where: specs
        .filter((s) => s.path === "-")
        .map((s) => `--input ${s.stream}=-`)
        .join(", "),
      hint: "read the other streams from files",
    });
  for (const s of specs) {
    if (s.path === "-") continue;
    const st = statSync(s.path, { throwIfNoEntry: false });
    if (st === undefined)
      throw new HindsightError("NOT_FOUND", `input file not found: ${s.path}`, {
        where: `--input ${s.stream}=${s.path}`,
        hint: "check the path",
      });
    if (st.isDirectory())
      throw new HindsightError("BAD_INPUT", `input ${s.path} is a directory`, {
        hint: "give a JSON-lines file",
      });
  }
}

/**
 * Reads the given JSON-lines inputs and yields their events in the recorded interleaving,
 * in batches (for speed). Throws NOT_FOUND (missing file), BAD_INPUT (line without a usable
 * time field, over-long line), USAGE.
 */
export async function* readInputBatches(
  specs: readonly InputSpec[],
  o: ReadInputsOptions = {},
): AsyncGenerator<InputEvent[]> {
  const out: InputEvent[] = [];
  try {
    yield* interleaved(specs, o, out);
  } catch (e) {
    // The events taken before a line that fails (a bad time field) are events: they go first,
    // as they do without a time field.
    if (out.length) yield out.splice(0, out.length);
    throw e;
  }
}

/** readInputBatches, gathering each batch in `out` before it is handed over. */
async function* interleaved(
  specs: readonly InputSpec[],
  o: ReadInputsOptions,
  out: InputEvent[],
): AsyncGenerator<InputEvent[]> {
  checkInputSpecs(specs);
  const sources = await Promise.all(specs.map((s, i) => openSource(s, i, o)));
  const signal = o.signal;
  const stop: Stop = signal
    ? new Promise((resolve) => {
        if (signal.aborted) resolve(STOPPED);
        else signal.addEventListener("abort", () => resolve(STOPPED), { once: true });
      })
    : undefined;
  const field = o.timeField;
  const key = Buffer.from(field ?? "", "utf8");
  const BATCH = 4096;
  if (sources.length === 1 || field === undefined) {
    // Round-robin (or a single stream): one line from each live stream in turn.
    let live = sources.slice();
    while (live.length) {
      // Stopped (Ctrl-C): what is read but not handed over is dropped, not recorded.
      if (signal?.aborted) return;
      const next: Source[] = [];
      for (const s of live) {
        if (!skipBlank(s) && !(await fill(s, stop))) continue;
        if (signal?.aborted) return; // (the fill may have waited)
        out.push(take(s, field === undefined ? 0n : timeOf(s, field, key)));
        next.push(s);
        // A single stream drains its whole batch at once.
        if (live.length === 1)
          while (skipBlank(s)) out.push(take(s, field === undefined ? 0n : timeOf(s, field, key)));
      }
      live = next;
      // Hand over what we have before waiting for more input (live streams stay prompt).
      if (out.length >= BATCH || live.some((x) => !skipBlank(x))) yield out.splice(0, out.length);
    }
    if (out.length) yield out.splice(0, out.length);
    return;
  }
  // Merge by time: each live source has its head's time computed once.
  const live: Source[] = [];
  for (const s of sources)
    if (await fill(s, stop)) {
      s.headTime = timeOf(s, field, key);
      live.push(s);
    }
  while (live.length) {
    if (signal?.aborted) return;
    let best = 0;
    for (let i = 1; i < live.length; i++) if (live[i]!.headTime < live[best]!.headTime) best = i;
    const s = live[best]!;
    out.push(take(s, s.headTime));
    // Only a source whose batch is used up waits (an await per event would cost more than the rest).
    if (skipBlank(s)) s.headTime = timeOf(s, field, key);
    else {
      if (out.length) yield out.splice(0, out.length);
      if (await fill(s, stop)) s.headTime = timeOf(s, field, key);
      else live.splice(best, 1);
    }
    if (out.length >= BATCH) yield out.splice(0, out.length);
  }
  if (out.length) yield out.splice(0, out.length);
}

/** The same events one at a time. */
export async function* readInputs(
  specs: readonly InputSpec[],
  o: ReadInputsOptions = {},
): AsyncGenerator<InputEvent> {
  for await (const batch of readInputBatches(specs, o)) yield* batch;
}
