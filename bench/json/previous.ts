/**
 * The JSON codec's decoder as it was until 2026-12-01 (commit bb48e4a), kept as a baseline for
 * `npm run bench -- json`: native JSON.parse, then a scan of the text for the integer literals
 * it rounded and a walk of the value putting them back. Not a benchmark by itself.
 */
import { exactParse, type Json } from "../../src/engine/json.js";

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const MIN_SAFE = -MAX_SAFE;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;

export function previousParseJson(text: string): Json {
  if (!LONG_DIGITS.test(text)) return JSON.parse(text) as Json;
  const v = JSON.parse(text) as Json;
  const longs = findLongIntegers(text);
  if (longs.length === 0) return v;
  const w = { longs, i: 0, ok: true };
  const out = restore(v, w);
  return w.ok && w.i === longs.length ? out : exactParse(text);
}

const LONG_DIGITS = /\d{16}/;

interface Walk {
  longs: bigint[];
  i: number;
  ok: boolean;
}

function restore(v: Json, w: Walk): Json {
  if (typeof v === "number") {
    if (Number.isInteger(v) && !Number.isSafeInteger(v)) {
      const b = w.longs[w.i++];
      if (b === undefined || Number(b) !== v) w.ok = false;
      return b ?? v;
    }
    return v;
  }
  if (typeof v !== "object" || v === null || !w.ok) return v;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const x = v[i] as Json;
      if (typeof x === "number" || (typeof x === "object" && x !== null)) v[i] = restore(x, w);
    }
    return v;
  }
  for (const k in v) {
    const c = k.charCodeAt(0);
    if (c >= 48 && c <= 57) w.ok = false; // integer-like keys enumerate out of document order
    const x = v[k] as Json;
    if (typeof x === "number" || (typeof x === "object" && x !== null)) v[k] = restore(x, w);
  }
  return v;
}

/** Values of the integer literals outside strings that are beyond the safe range, in document order. */
function findLongIntegers(s: string): bigint[] {
  const out: bigint[] = [];
  const n = s.length;
  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c === 34) {
      // Skip the string: find its closing quote (one preceded by an even number of backslashes).
      let q = s.indexOf('"', i + 1);
      while (q > 0 && s.charCodeAt(q - 1) === 92) {
        let k = q - 1;
        while (s.charCodeAt(k) === 92) k--;
        if ((q - 1 - k) % 2 === 0) break;
        q = s.indexOf('"', q + 1);
      }
      if (q < 0) return out; // unterminated: JSON.parse has already refused it
      i = q + 1;
      continue;
    }
    if ((c >= 48 && c <= 57) || c === 45) {
      const start = i;
      i++;
      while (i < n && isDigit(s.charCodeAt(i))) i++;
      const next = s.charCodeAt(i);
      if (i - start >= 16 && next !== 46 && next !== 101 && next !== 69) {
        const b = BigInt(s.slice(start, i));
        if (b > MAX_SAFE || b < MIN_SAFE) out.push(b);
      }
      // the rest of the number (fraction, exponent)
      while (i < n) {
        const d = s.charCodeAt(i);
        if (isDigit(d) || d === 46 || d === 101 || d === 69 || d === 43 || d === 45) i++;
        else break;
      }
      continue;
    }
    i++;
  }
  return out;
}
