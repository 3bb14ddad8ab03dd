/** Text for people: reports and listings. Pure. */

/** Longest line a text report prints; the rest is counted, not shown (JSON output keeps all). */
export const MAX_LINE = 1000;

/** `line` cut to `max` characters, saying how many were left out. */
export function clipLine(line: string, max: number = MAX_LINE): string {
  if (line.length <= max) return line;
  return `${line.slice(0, max)}… (${(line.length - max).toLocaleString("en-US")} more characters)`;
}

/** Every line of `text` clipped (see clipLine). */
export function clipLines(text: string, max: number = MAX_LINE): string {
  return text
    .split("\n")
    .map((l) => clipLine(l, max))
    .join("\n");
}

/** `n` and the noun, singular for one: "1 event", "2,500 events" (`plural` when not noun + "s"). */
export function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${n.toLocaleString("en-US")} ${n === 1 ? noun : plural}`;
}
