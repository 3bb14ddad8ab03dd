/** Option parsers shared by commands: each throws a USAGE HindsightError naming the option. */
import { InvalidArgumentError } from "commander";
import { parseTime, whyNotIsoTime } from "../src/format/time.js";

export function intOption(name: string, min = 0): (v: string) => number {
  return (v) => {
    if (!/^\d+$/.test(v)) throw new InvalidArgumentError(`${name} takes a whole number (got "${v}")`);
    const n = Number(v);
    if (!Number.isSafeInteger(n))
      throw new InvalidArgumentError(`${name} takes a whole number up to 2^53-1 (got "${v}")`);
    if (n < min) throw new InvalidArgumentError(`${name} must be at least ${min}`);
    return n;
  };
}

/** Size with optional unit: 65536, 64k, 64KiB, 128m. */
export function sizeOption(name: string): (v: string) => number {
  return (v) => {
    const m = /^(\d+)\s*([kKmMgG]?)(i?[bB])?$/.exec(v);
    if (!m) throw new InvalidArgumentError(`${name} takes a size like 65536, 64k or 128m (got "${v}")`);
    const mult = { "": 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2]!.toLowerCase()] ?? 1;
    return Number(m[1]) * mult;
  };
}

export function timeOption(name: string): (v: string) => bigint {
  return (v) => {
    const t = parseTime(v);
    if (t === undefined)
      throw new InvalidArgumentError(
        `${name} takes integer nanoseconds or an ISO-8601 time (got "${v}": ${/^\d+$/.test(v) ? "more than 20 digits, or beyond 2^64-1 ns" : whyNotIsoTime(v)})` +
          // A day alone could mean its start or its end: say which form is taken.
          (/^\d{4}-\d{2}-\d{2}$/.test(v) ? `, e.g. ${v}T00:00:00Z` : ""),
      );
    return t;
  };
}

/**
 * Parsers of options that may be given more than once (they collect every value). Any other
 * option that takes a value is refused when repeated (program.ts: refuseRepeats): the last one
 * silently winning would record into, or read, something the user did not mean.
 */
export const REPEATABLE = new WeakSet<object>();

/** Collects repeated `name=value` options. */
/** A name that must not be empty (`--time-field ""` is a slip, not "no field"). */
export function nameOption(name: string): (v: string) => string {
  return (v) => {
    if (v === "") throw new InvalidArgumentError(`${name} takes a field name (got an empty one)`);
    return v;
  };
}

export function pairOption(
  name: string,
): (v: string, prev: { key: string; value: string }[] | undefined) => { key: string; value: string }[] {
  const parse = (v: string, prev: { key: string; value: string }[] | undefined) => {
    const i = v.indexOf("=");
    if (i <= 0 || i === v.length - 1)
      throw new InvalidArgumentError(`${name} takes <name>=<file> (got "${v}")`);
    return [...(prev ?? []), { key: v.slice(0, i), value: v.slice(i + 1) }];
  };
  REPEATABLE.add(parse);
  return parse;
}

export function choiceOption<T extends string>(name: string, choices: readonly T[]): (v: string) => T {
  return (v) => {
    if (!choices.includes(v as T))
      throw new InvalidArgumentError(`${name} must be one of ${choices.join(", ")} (got "${v}")`);
    return v as T;
  };
}
