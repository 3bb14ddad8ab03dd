/**
 * Exact JSON for stream payloads and state. `JSON.parse` rounds integers beyond 2^53
 * (nanosecond timestamps are ~1.7e18), so this parser keeps any integer literal outside the
 * safe range as a `bigint`; everything else parses as `JSON.parse` would. The encoder writes
 * `bigint` as a bare integer literal, so `ts` round-trips byte for byte.
 *
 * `canonicalJson` is the state encoding behind checkpoint digests: object keys sorted,
 * `bigint` tagged as `{"$bigint":"<decimal>"}` so it comes back as a bigint, no `undefined`,
 * no non-finite numbers, no class instances (Map, Set, Date...). Pure: no I/O, no clock.
 */

export type Json = null | boolean | number | bigint | string | Json[] | { [k: string]: Json };

class JsonSyntaxError extends Error {
  override readonly name = "JsonSyntaxError";
}

/**
 * Parses JSON text; integers outside ±(2^53−1) become bigint. Throws a SyntaxError-like Error.
 *
 * Text without a run of 16 digits holds no such integer (2^53 has 16 digits): the native
 * JSON.parse reads it. Other text (a nanosecond timestamp is 19 digits) is read by the
 * hand-written parser, which keeps the long integer literals exact. (It is faster on such text
 * than JSON.parse followed by a pass putting back the literals it rounded, which this used to
 * do: 0.75 µs against 1.3 µs per market-spread line.)
 */
export function parseJson(text: string): Json {
  return LONG_DIGITS.test(text) ? exactParse(text) : (JSON.parse(text) as Json);
}

const LONG_DIGITS = /\d{16}/;

/** The hand-written parser: exact integers, otherwise what JSON.parse gives (tested against it). */
export function exactParse(text: string): Json {
  const p = new Parser(text);
  p.ws();
  const v = p.value();
  p.ws();
  if (p.i !== text.length) p.fail("unexpected trailing characters");
  return v;
}

class Parser {
  i = 0;
  constructor(readonly s: string) {}

  fail(what: string): never {
    throw new JsonSyntaxError(`invalid JSON at character ${this.i}: ${what}`);
  }

  ws(): void {
    const s = this.s;
    let i = this.i;
    for (;;) {
      const c = s.charCodeAt(i);
      if (c === 32 || c === 10 || c === 13 || c === 9) i++;
      else break;
    }
    this.i = i;
  }

  value(): Json {
    const c = this.s.charCodeAt(this.i);
    if (c === 123) return this.object();
    if (c === 91) return this.array();
    if (c === 34) return this.string();
    if (c === 45 || (c >= 48 && c <= 57)) return this.number();
    if (this.s.startsWith("true", this.i)) {
      this.i += 4;
      return true;
    }
    if (this.s.startsWith("false", this.i)) {
      this.i += 5;
      return false;
    }
    if (this.s.startsWith("null", this.i)) {
      this.i += 4;
      return null;
    }
    return this.fail(Number.isNaN(c) ? "unexpected end" : `unexpected ${JSON.stringify(this.s[this.i])}`);
  }

  /**
   * An object's `n`-th key. When the text holds one of the last two different keys seen at
   * position `n` (two kinds of event interleave on most streams), that very string is returned:
   * no slice, and no hashing of a new string when the key is stored.
   */
  key(n: number): string {
    const s = this.s;
    const i = this.i + 1;
    const slot = 2 * n;
    // The two checks are written out: a shared helper measured ~10% slower on market-spread
    // lines (`npm run bench -- json`, 1.12 against 1.23 M lines/s).
    const a = KEY_HINTS[slot];
    if (a !== undefined && s.charCodeAt(i + a.length) === 34 && s.startsWith(a, i)) {
      this.i = i + a.length + 1;
      return a;
    }
    const b = KEY_HINTS[slot + 1];
    if (b !== undefined && s.charCodeAt(i + b.length) === 34 && s.startsWith(b, i)) {
      this.i = i + b.length + 1;
      return b;
    }
    const k = this.string();
    // Only a key written without escapes: its text is then the key itself.
    if (slot < KEY_HINTS.length && k.length <= 32 && this.i - i - 1 === k.length) {
      KEY_HINTS[slot + 1] = a;
      KEY_HINTS[slot] = k;
    }
    return k;
  }

  object(): Json {
    this.i++;
    let n = 0;
    const o: { [k: string]: Json } = {};
    this.ws();
    if (this.s.charCodeAt(this.i) === 125) {
      this.i++;
      return o;
    }
    for (;;) {
      this.ws();
      if (this.s.charCodeAt(this.i) !== 34) this.fail("expected a string key");
      const k = this.key(n++);
      this.ws();
      if (this.s.charCodeAt(this.i) !== 58) this.fail("expected ':'");
      this.i++;
      this.ws();
      const v = this.value();
      // A "__proto__" key is an ordinary own property, never a prototype (no pollution).
      if (k === "__proto__")
        Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
      else o[k] = v;
      this.ws();
      const c = this.s.charCodeAt(this.i);
      this.i++;
      if (c === 44) continue;
      if (c === 125) break;
      this.i--;
      this.fail("expected ',' or '}'");
    }
    return o;
  }

  array(): Json {
    this.i++;
    const a: Json[] = [];
    this.ws();
    if (this.s.charCodeAt(this.i) === 93) {
      this.i++;
      return a;
    }
    for (;;) {
      this.ws();
      a.push(this.value());
      this.ws();
      const c = this.s.charCodeAt(this.i);
      this.i++;
      if (c === 44) continue;
      if (c === 93) break;
      this.i--;
      this.fail("expected ',' or ']'");
    }
    return a;
  }

  string(): string {
    const s = this.s;
    const start = ++this.i;
    let i = start;
    for (;;) {
      const c = s.charCodeAt(i);
      if (c === 34) {
        this.i = i + 1;
        return s.slice(start, i);
      }
      if (c === 92) break; // escapes: let JSON.parse decode the literal
      if (c < 32 || Number.isNaN(c)) {
        this.i = i;
        this.fail(Number.isNaN(c) ? "unterminated string" : "control character in string");
      }
      i++;
    }
    for (;;) {
      const c = s.charCodeAt(i);
      if (Number.isNaN(c)) {
        this.i = i;
        this.fail("unterminated string");
      }
      if (c === 92) i += 2;
      else if (c === 34) break;
      else i++;
    }
    this.i = i + 1;
    try {
      return JSON.parse(s.slice(start - 1, i + 1)) as string;
    } catch {
      this.i = start;
      return this.fail("bad escape in string");
    }
  }

  number(): number | bigint {
    const s = this.s;
    const start = this.i;
    let i = start;
    const negative = s.charCodeAt(i) === 45;
    if (negative) i++;
    const intStart = i;
    // The value of the digits (integer and fraction), exact while there are at most 15.
    let digits = 0;
    let c = s.charCodeAt(i);
    while (c >= 48 && c <= 57) {
      digits = digits * 10 + (c - 48);
      c = s.charCodeAt(++i);
    }
    const intDigits = i - intStart;
    if (intDigits === 0) {
      this.i = i;
      this.fail("expected a digit");
    }
    if (s.charCodeAt(intStart) === 48 && intDigits > 1) {
      this.i = intStart;
      this.fail("leading zero");
    }
    let fracDigits = 0;
    if (c === 46) {
      const f = ++i;
      c = s.charCodeAt(i);
      while (c >= 48 && c <= 57) {
        digits = digits * 10 + (c - 48);
        c = s.charCodeAt(++i);
      }
      fracDigits = i - f;
      if (fracDigits === 0) {
        this.i = i;
        this.fail("expected a digit after '.'");
      }
    }
    if (c !== 101 && c !== 69) {
      this.i = i;
      if (intDigits + fracDigits <= 15) {
        // The digits and 10^k are exact doubles, so one division rounds correctly: the value
        // Number() gives (Clinger's fast path), without a slice.
        const v = fracDigits === 0 ? digits : digits / POW10[fracDigits]!;
        return negative ? -v : v;
      }
      const lit = s.slice(start, i);
      if (fracDigits === 0) {
        // 17 digits or more are always beyond 2^53; 16 may be.
        if (intDigits > 16) return BigInt(lit);
        const b = BigInt(lit);
        if (b > MAX_SAFE || b < MIN_SAFE) return b;
      }
      return Number(lit);
    }
    i++;
    const sign = s.charCodeAt(i);
    if (sign === 43 || sign === 45) i++;
    const f = i;
    while (isDigit(s.charCodeAt(i))) i++;
    if (i === f) {
      this.i = i;
      this.fail("expected a digit in exponent");
    }
    this.i = i;
    return Number(s.slice(start, i));
  }
}

/** 10^0 … 10^15, each an exact double. */
const POW10 = Array.from({ length: 16 }, (_, k) => 10 ** k);

/** The last two different keys read at each of the first 64 positions in an object (see Parser.key). */
const KEY_HINTS: (string | undefined)[] = new Array(128).fill(undefined);
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const MIN_SAFE = -MAX_SAFE;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * Encodes like `JSON.stringify` (insertion order, no whitespace), with `bigint` written as an
 * integer literal. Throws TypeError on values JSON cannot hold (functions, symbols, cycles, NaN).
 */
export function stringifyJson(value: unknown): string {
  try {
    return enc(value, false, 0);
  } catch (e) {
    if (e instanceof TypeError) named(() => enc(value, false, 0, "$"), value); // again, naming the path
    throw e;
  }
}

/** Depth at which a value is taken to be cyclic or too deep. */
const MAX_DEPTH = 200;

/** Thrown past MAX_DEPTH; `named` turns it into an error naming the cycle, or where it is too deep. */
class TooDeep extends TypeError {}

/** Runs `f`, an encoding of `root`: a TooDeep it throws is rethrown saying why. */
function named<T>(f: () => T, root: unknown): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof TooDeep) throw new TypeError(deepWhy(root));
    throw e;
  }
}

/** A path in an error, at most 120 characters (its start, where it is told apart). */
const clip = (path: string): string => (path.length > 120 ? `${path.slice(0, 120)}…` : path);

/** Why `root` nests past MAX_DEPTH: the first cycle found ("$.a.b refers back to $.a"), else where. */
function deepWhy(root: unknown): string {
  const within: object[] = [];
  const paths: string[] = [];
  const walk = (v: unknown, path: string): string | undefined => {
    if (v === null || typeof v !== "object") return undefined;
    const at = within.indexOf(v);
    if (at >= 0) return `cyclic value: ${clip(path)} refers back to ${clip(paths[at] as string)}`;
    if (within.length > MAX_DEPTH) return `value nested over ${MAX_DEPTH} levels deep, at ${clip(path)}`;
    within.push(v);
    paths.push(path);
    try {
      const entries: [string, unknown][] = Array.isArray(v)
        ? v.map((x, i) => [`${path}[${i}]`, x])
        : Object.keys(v).map((k) => [
            `${path}${/^[\w$]+$/.test(k) ? `.${k}` : `[${JSON.stringify(k)}]`}`,
            (v as Record<string, unknown>)[k],
          ]);
      for (const [p, x] of entries) {
        const why = walk(x, p);
        if (why !== undefined) return why;
      }
      return undefined;
    } finally {
      within.pop();
      paths.pop();
    }
  };
  return walk(root, "$") ?? `value nested over ${MAX_DEPTH} levels deep`;
}

/**
 * `stringifyJson(value)` as UTF-8 bytes, the same bytes, written straight into a scratch buffer:
 * no string is built and then encoded again. This is the JSON codec's encode, run once per
 * output (market-spread's decisions: 3.3-3.7 µs with the string path, 1.7-2.2 µs this way;
 * docs/PERFORMANCE.md). ASCII text and small integers are written byte by byte; any other
 * scalar (non-ASCII or escaped text, other numbers, bigint, boolean) is the text path's own
 * text for it (enc), as UTF-8. A value the text path rejects is handed to it, so the error
 * (naming the path) is its.
 */
export function encodeJson(value: unknown): Uint8Array {
  if (out.busy) return textBytes(value); // a toJSON encoding a value
  out.busy = true;
  out.pos = 0;
  try {
    put(value, 0);
  } catch (e) {
    if (e instanceof TypeError) return textBytes(value); // throws, naming the path
    throw e;
  } finally {
    out.busy = false;
  }
  const n = out.pos;
  const bytes = Buffer.allocUnsafe(n);
  out.buf.copy(bytes, 0, 0, n);
  if (out.buf.length > MAX_KEPT_SCRATCH) out.buf = Buffer.allocUnsafeSlow(SCRATCH_BYTES);
  return bytes;
}

/** The text path: stringifyJson, then UTF-8. */
const textBytes = (value: unknown): Uint8Array => Buffer.from(stringifyJson(value), "utf8");

const SCRATCH_BYTES = 16 * 1024;
/** A scratch grown past this for one large value is dropped after it. */
const MAX_KEPT_SCRATCH = 1024 * 1024;
const out = { buf: Buffer.allocUnsafeSlow(SCRATCH_BYTES), pos: 0, busy: false };
const keyBytes = new Map<string, Uint8Array>();

function room(n: number): Buffer {
  if (out.pos + n > out.buf.length) {
    let cap = out.buf.length * 2;
    while (cap < out.pos + n) cap *= 2;
    const next = Buffer.allocUnsafeSlow(cap);
    out.buf.copy(next, 0, 0, out.pos);
    out.buf = next;
  }
  return out.buf;
}

function putByte(c: number): void {
  room(1)[out.pos++] = c;
}

/** Text known to be ASCII (number and bigint literals, true, false, null). */
function putAscii(s: string): void {
  const n = s.length;
  const b = room(n);
  let p = out.pos;
  for (let i = 0; i < n; i++) b[p++] = s.charCodeAt(i);
  out.pos = p;
}

function putString(s: string): void {
  const n = s.length;
  const b = room(n + 2);
  let p = out.pos;
  b[p++] = 0x22;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    // Printable ASCII but the quote and the backslash: the byte is the character.
    if (c < 0x20 || c > 0x7e || c === 0x22 || c === 0x5c) {
      putText(enc(s, false, 0));
      return;
    }
    b[p++] = c;
  }
  b[p++] = 0x22;
  out.pos = p;
}

/** Any text, as UTF-8. */
function putText(t: string): void {
  out.pos += room(t.length * 3).write(t, out.pos, "utf8");
}

function putNumber(v: number): void {
  // Integers of up to 9 digits by hand (what String(v) writes); the rest as the text path writes them.
  if (v > -1e9 && v < 1e9 && (v | 0) === v) {
    const b = room(10);
    if (v < 0) {
      b[out.pos++] = 0x2d;
      v = -v;
    }
    let d = 1;
    for (let x = v; x >= 10; x = (x / 10) | 0) d++;
    let p = out.pos + d;
    out.pos = p;
    while (v >= 10) {
      const q = (v / 10) | 0;
      b[--p] = 48 + v - q * 10;
      v = q;
    }
    b[--p] = 48 + v;
    return;
  }
  putAscii(enc(v, false, 0)); // throws TypeError for NaN and ±Infinity
}

function putKey(k: string): void {
  let kb = keyBytes.get(k);
  if (kb === undefined) {
    kb = Buffer.from(`${keyText(k)}:`, "utf8");
    if (keyBytes.size < 10_000) keyBytes.set(k, kb);
  }
  const n = kb.length;
  const b = room(n);
  let p = out.pos;
  for (let i = 0; i < n; i++) b[p++] = kb[i] as number;
  out.pos = p;
}

/** What enc(v, false, depth) returns, written as UTF-8; throws TypeError where it does. */
function put(v: unknown, depth: number): void {
  if (depth > MAX_DEPTH) throw new TooDeep("value too deeply nested (or cyclic)");
  switch (typeof v) {
    case "string":
      putString(v);
      return;
    case "number":
      putNumber(v);
      return;
    case "bigint":
    case "boolean":
      putAscii(enc(v, false, depth));
      return;
    case "object": {
      if (v === null) {
        putAscii("null");
        return;
      }
      if (Array.isArray(v)) {
        putByte(0x5b);
        for (let i = 0; i < v.length; i++) {
          if (i) putByte(0x2c);
          const x = v[i];
          if (x === undefined) putAscii("null");
          else put(x, depth + 1);
        }
        putByte(0x5d);
        return;
      }
      const proto = Object.getPrototypeOf(v);
      if (proto !== Object.prototype && proto !== null) {
        if (typeof (v as { toJSON?: unknown }).toJSON === "function") {
          put((v as { toJSON(): unknown }).toJSON(), depth + 1);
          return;
        }
        throw new TypeError("not plain data");
      }
      putByte(0x7b);
      const keys = Object.keys(v);
      let first = true;
      for (let i = 0; i < keys.length; i++) {
        const k = keys[i] as string;
        const x = (v as Record<string, unknown>)[k];
        if (x === undefined || typeof x === "function" || typeof x === "symbol") continue;
        if (!first) putByte(0x2c);
        first = false;
        putKey(k);
        put(x, depth + 1);
      }
      putByte(0x7d);
      return;
    }
    default:
      throw new TypeError(`${typeof v} cannot be encoded as JSON`);
  }
}

/** Canonical state encoding (see the module comment). Throws TypeError naming the bad path. */
export function canonicalJson(value: unknown): string {
  try {
    return enc(value, true, 0);
  } catch (e) {
    if (e instanceof TypeError) named(() => enc(value, true, 0, "$"), value); // again, naming the path
    throw e;
  }
}

function enc(v: unknown, canonical: boolean, depth: number, path = ""): string {
  if (depth > MAX_DEPTH) throw new TooDeep("value too deeply nested (or cyclic)");
  switch (typeof v) {
    case "string":
      return PLAIN.test(v) ? JSON.stringify(v) : `"${v}"`;
    case "number":
      if (!Number.isFinite(v)) throw new TypeError(`non-finite number ${v} at ${path}`);
      return String(v);
    case "bigint":
      return canonical ? `{"$bigint":"${v}"}` : v.toString();
    case "boolean":
      return v ? "true" : "false";
    case "object": {
      if (v === null) return "null";
      if (Array.isArray(v)) {
        let s = "[";
        for (let i = 0; i < v.length; i++) {
          if (i) s += ",";
          const x = v[i];
          s += x === undefined ? "null" : enc(x, canonical, depth + 1, path && `${path}[${i}]`);
        }
        return `${s}]`;
      }
      const proto = Object.getPrototypeOf(v);
      if (proto !== Object.prototype && proto !== null) {
        if (!canonical && typeof (v as { toJSON?: unknown }).toJSON === "function")
          return enc((v as { toJSON(): unknown }).toJSON(), canonical, depth + 1, path);
        const name = (v as object).constructor?.name ?? "object";
        throw new TypeError(
          `${name} at ${path} is not plain data (use objects, arrays, strings, numbers, bigint, booleans, null)`,
        );
      }
      const keys = Object.keys(v);
      if (canonical) keys.sort();
      let s = "{";
      let first = true;
      for (const k of keys) {
        const x = (v as Record<string, unknown>)[k];
        if (x === undefined || typeof x === "function" || typeof x === "symbol") {
          if (canonical && x !== undefined)
            throw new TypeError(`${typeof x} at ${path}.${k} is not plain data`);
          continue;
        }
        if (!first) s += ",";
        first = false;
        s += `${keyText(k)}:${enc(x, canonical, depth + 1, path && `${path}.${k}`)}`;
      }
      return `${s}}`;
    }
    default:
      throw new TypeError(`${typeof v} at ${path} cannot be encoded as JSON`);
  }
}

/**
 * State as checkpoints keep it (state formats 2 and 3): JSON that restores every plain-data
 * value exactly as it was, so a replay started from a checkpoint sees the very values a replay
 * from the start would. Unlike `canonicalJson` (format 1, kept to verify older recordings),
 * objects keep their keys in insertion order (a step that spreads its state into an output
 * writes the same bytes either way), a whole double beyond 2^53 is written so that it reads back
 * as a number (not a bigint), -0 stays -0, and an object that would read as a tag (its one key
 * `$bigint` or `$object`, and in format 3 `$undefined` or `$nullproto`) is wrapped as
 * `{"$object":{…}}`. Format 3 also keeps an object property holding `undefined`, as
 * `{"$undefined":true}` (a step testing `"p" in state` sees it after a restore as before), and an
 * object with no prototype (`Object.create(null)`), as `{"$nullproto":{…}}`, and refuses an array
 * with a named property; format 2 (what recordings made before format 3 hold, kept so their
 * checkpoint digests verify) left such properties out and restored such objects as ordinary ones.
 * `undefined` in an array is refused in both (it would come back as null, and a hole as
 * undefined).
 * Deterministic: the same state, built the same way, gives the same bytes.
 * Throws TypeError naming the path of a value that is not plain data.
 */
export function stateJson(value: unknown, format: 2 | 3 = 3): string {
  return named(() => encState(value, 0, "$", format === 3), value);
}

/** A property holding `undefined`, in state format 3. */
const UNDEFINED_TAG = '{"$undefined":true}';

/** A path to property `k` of the value at `path`: `$.a`, or `$["a b"]` for a key that is not a name. */
const propPath = (path: string, k: string): string =>
  /^[A-Za-z_$][\w$]*$/.test(k) ? `${path}.${k}` : `${path}[${JSON.stringify(k)}]`;

/** `f3`: state format 3 (see stateJson). */
function encState(v: unknown, depth: number, path: string, f3: boolean): string {
  if (depth > MAX_DEPTH) throw new TooDeep("value too deeply nested (or cyclic)");
  switch (typeof v) {
    case "number":
      if (!Number.isFinite(v)) throw new TypeError(`non-finite number ${v} at ${path}`);
      if (Object.is(v, -0)) return "-0";
      // A whole double beyond 2^53 printed as digits would read back as a bigint.
      return Number.isInteger(v) && !Number.isSafeInteger(v) ? v.toExponential() : String(v);
    case "string":
    case "bigint":
    case "boolean":
      return enc(v, true, depth, path);
    case "object": {
      if (v === null) return "null";
      if (Array.isArray(v)) {
        let s = "[";
        for (let i = 0; i < v.length; i++) {
          const x = v[i];
          if (x === undefined) throw new TypeError(`undefined at ${path}[${i}] is not plain data (use null)`);
          s += `${i ? "," : ""}${encState(x, depth + 1, `${path}[${i}]`, f3)}`;
        }
        if (f3) {
          // A named property (arr.cursor = …) would not come back: refused, as in an object it is kept.
          const keys = Object.keys(v);
          if (keys.length !== v.length) {
            const named = keys.find((k) => !/^(0|[1-9]\d*)$/.test(k)) ?? "";
            throw new TypeError(
              `array at ${path} has a named property ${JSON.stringify(named)}: not plain data (use an object holding the array)`,
            );
          }
        }
        return `${s}]`;
      }
      const proto = Object.getPrototypeOf(v);
      if (proto !== Object.prototype && proto !== null) {
        const name = (v as object).constructor?.name ?? "object";
        throw new TypeError(
          `${name} at ${path} is not plain data (use objects, arrays, strings, numbers, bigint, booleans, null)`,
        );
      }
      let s = "{";
      let n = 0;
      let only = "";
      for (const k of Object.keys(v)) {
        const x = (v as Record<string, unknown>)[k];
        if (x === undefined && !f3) continue;
        if (typeof x === "function" || typeof x === "symbol")
          throw new TypeError(`${typeof x} at ${propPath(path, k)} is not plain data`);
        const t = x === undefined ? UNDEFINED_TAG : encState(x, depth + 1, propPath(path, k), f3);
        s += `${n++ ? "," : ""}${keyText(k)}:${t}`;
        only = k;
      }
      s += "}";
      // Its keys are read as written inside the tag: no $object wrapping needed.
      if (f3 && proto === null) return `{"$nullproto":${s}}`;
      return n === 1 &&
        (only === "$bigint" || only === "$object" || (f3 && (only === "$undefined" || only === "$nullproto")))
        ? `{"$object":${s}}`
        : s;
    }
    default:
      throw new TypeError(`${typeof v} at ${path} cannot be encoded as JSON`);
  }
}

/** Inverse of `stateJson` (in the same format). */
export function parseStateJson(text: string, format: 2 | 3 = 3): Json {
  const v = untagState(parseJson(text), false, format === 3);
  if (v === UNDEFINED) throw new SyntaxError("a $undefined tag as the whole value");
  return v;
}

/** The `$undefined` tag read back (state format 3): a property holding `undefined`. */
const UNDEFINED = Symbol("undefined");

/**
 * `literal`: an object unwrapped from `$object`, whose own keys are not a tag. Returns UNDEFINED
 * for a `$undefined` tag (format 3), which the object holding it turns back into `undefined`.
 */
function untagState(v: Json, literal: boolean, format3: boolean): Json | typeof UNDEFINED {
  if (typeof v !== "object" || v === null) return v;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const x = untagState(v[i] as Json, false, format3);
      // Never written by stateJson (undefined in an array is refused): the bytes were not its.
      if (x === UNDEFINED) throw new SyntaxError(`a $undefined tag inside an array, at index ${i}`);
      v[i] = x;
    }
    return v;
  }
  const keys = Object.keys(v);
  if (!literal && keys.length === 1) {
    const x = v[keys[0] as string] as Json;
    if (keys[0] === "$bigint" && typeof x === "string") return BigInt(x);
    if (keys[0] === "$object" && typeof x === "object" && x !== null && !Array.isArray(x))
      return untagState(x, true, format3);
    if (format3 && keys[0] === "$undefined" && x === true) return UNDEFINED;
    if (format3 && keys[0] === "$nullproto" && typeof x === "object" && x !== null && !Array.isArray(x))
      return Object.setPrototypeOf(untagState(x, true, format3), null) as Json;
  }
  for (const k of keys) {
    const x = untagState(v[k] as Json, false, format3);
    (v as Record<string, unknown>)[k] = x === UNDEFINED ? undefined : x;
  }
  return v;
}

/** Characters JSON.stringify escapes (quote, backslash, controls, lone surrogates). */
const PLAIN = /["\\\u0000-\u001f\ud800-\udfff]/;
const keyCache = new Map<string, string>();

function keyText(k: string): string {
  let t = keyCache.get(k);
  if (t === undefined) {
    t = `${JSON.stringify(k)}`;
    if (keyCache.size < 10_000) keyCache.set(k, t);
  }
  return t;
}

/** Inverse of `canonicalJson`: parses and turns `{"$bigint":"…"}` back into bigint. */
export function parseCanonicalJson(text: string): Json {
  return untag(parseJson(text));
}

function untag(v: Json): Json {
  if (typeof v !== "object" || v === null) return v;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) v[i] = untag(v[i] as Json);
    return v;
  }
  const keys = Object.keys(v);
  if (keys.length === 1 && keys[0] === "$bigint" && typeof v["$bigint"] === "string")
    return BigInt(v["$bigint"]);
  for (const k of keys) v[k] = untag(v[k] as Json);
  return v;
}
