/** Exact nanosecond times: parsing and printing without going through a double. Pure. */
import { MAX_TIME_NS } from "./constants.js";

// RFC 3339 allows "t" and "z" in lower case.
const ISO_RE = /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?([Zz]|[+-]\d{2}:\d{2})$/;

/** Parses an ISO-8601 / RFC 3339 time with up to nanosecond precision; undefined if not one. */
export function parseIsoTime(s: string): bigint | undefined {
  const t = isoNs(s);
  // Times are nanoseconds since the epoch, unsigned, in 64 bits.
  return t === undefined || t < 0n || t > MAX_TIME_NS ? undefined : t;
}

/** An ISO-8601 time as signed nanoseconds since the epoch; undefined if not one. */
function isoNs(s: string): bigint | undefined {
  const m = ISO_RE.exec(s);
  // (RFC 3339 has no hour 24: Date.parse would read 24:00:00 as the next day's midnight.)
  if (!m || !realDate(m[1] as string) || (m[2] as string) >= "24") return undefined;
  const ms = Date.parse(`${m[1]}T${m[2]}${m[4]!.toUpperCase()}`);
  if (Number.isNaN(ms)) return undefined;
  return BigInt(ms) * 1_000_000n + BigInt((m[3] ?? "").padEnd(9, "0"));
}

/** "2026-02-28" is a day of the calendar; "2026-02-30" is not (Date.parse would roll it over). */
function realDate(ymd: string): boolean {
  const [y, mo, d] = ymd.split("-").map(Number) as [number, number, number];
  if (mo < 1 || mo > 12 || d < 1) return false;
  // (setUTCFullYear, not Date.UTC: that reads years 0-99 as 1900-1999.)
  const last = new Date(0);
  last.setUTCFullYear(y, mo, 0);
  return d <= last.getUTCDate();
}

/** Why `s` is not a time parseIsoTime reads, in words ("at most 9 fractional digits"...); undefined when it is one. */
export function whyNotIsoTime(s: string): string | undefined {
  if (parseIsoTime(s) !== undefined) return undefined;
  const ns = isoNs(s);
  if (ns !== undefined && ns < 0n)
    return "before 1970-01-01T00:00:00Z (times are nanoseconds since the epoch)";
  if (ns !== undefined)
    return `after ${formatTime(MAX_TIME_NS)}, the latest time a recording holds (2^64-1 ns since the epoch)`;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](.*))?$/.exec(s);
  if (!m) return "not a date and time (YYYY-MM-DDThh:mm:ss[.fraction] and a zone)";
  if (!realDate(`${m[1]}-${m[2]}-${m[3]}`)) return `${m[1]}-${m[2]}-${m[3]} is not a day of the calendar`;
  const rest = m[4];
  if (rest === undefined) return "a day alone: give a time and its zone";
  const t = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(.*)$/.exec(rest);
  if (!t) return "the time is not hh:mm:ss";
  if (t[3] === undefined) return "give the seconds (hh:mm:ss)";
  if (Number(t[1]) > 23 || Number(t[2]) > 59 || Number(t[3]) > 59)
    return `${t[1]}:${t[2]}:${t[3]} is not a time of day`;
  if (t[4] !== undefined && t[4].length > 9)
    return `at most 9 fractional digits (nanoseconds), not ${t[4].length}`;
  const zone = t[5] as string;
  if (zone.startsWith(",")) return "write the fraction of a second after a point, not a comma";
  if (zone === "") return "give its zone: Z, or an offset such as +01:00";
  if (/^[+-]\d{4}$/.test(zone)) return `write the offset as ${zone.slice(0, 3)}:${zone.slice(3)}`;
  return `"${zone}" is not a zone (Z, or an offset such as +01:00)`;
}

/** Parses a time given as integer nanoseconds since the epoch or as an ISO-8601 string. */
export function parseTime(s: string): bigint | undefined {
  if (/^\d{1,20}$/.test(s)) {
    const v = BigInt(s);
    return v <= MAX_TIME_NS ? v : undefined;
  }
  return parseIsoTime(s);
}

/** RFC 3339 UTC with nanoseconds, e.g. 2026-11-02T14:30:00.000000123Z. 0n prints as "-". */
export function formatTime(ns: bigint): string {
  if (ns === 0n) return "-";
  const ms = ns / 1_000_000n;
  const base = new Date(Number(ms)).toISOString().slice(0, 19);
  const frac = (ns % 1_000_000_000n).toString().padStart(9, "0");
  return `${base}.${frac}Z`;
}
