/** Exact nanosecond times: parsing and printing without going through a double. Pure. */
import { MAX_TIME_NS } from "./constants.js";

// RFC 3339 allows "t" and "z" in lower case.
const ISO_RE = /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?([Zz]|[+-]\d{2}:\d{2})$/;

/** Parses an ISO-8601 / RFC 3339 time with up to nanosecond precision; undefined if not one. */
export function parseIsoTime(s: string): bigint | undefined {
  const m = ISO_RE.exec(s);
  if (!m) return undefined;
  const ms = Date.parse(`${m[1]}T${m[2]}${m[4]!.toUpperCase()}`);
  if (Number.isNaN(ms)) return undefined;
  const frac = (m[3] ?? "").padEnd(9, "0");
  return BigInt(ms) * 1_000_000n + BigInt(frac);
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
