/**
 * Keyed state as `replay` shows it. State is plain data whenever the app checkpoints it, but a
 * run that never checkpoints (or one that failed checkpointing) may hold anything: NaN, -0, a
 * Map, a Date, a cycle. Each is shown as what it is, never as "[object Object]" or a stack
 * overflow. Objects' keys are sorted: the same state prints the same whether it was replayed
 * (keys in the order the app set them) or restored from a checkpoint.
 */
import { stringifyJson } from "../src/engine/json.js";

/** Nesting shown, as deep as a checkpoint may hold: deeper is "[nested too deep]". */
const MAX_SHOWN_DEPTH = 200;

/** The kind toShown reports for an object property holding undefined (a checkpoint keeps it). */
export const UNDEFINED_PROPERTY = "undefined as a property";

/** Kinds of values toShown reports that a checkpoint keeps (it refuses the others). */
export const CHECKPOINT_KEEPS: ReadonlySet<string> = new Set(["-0", UNDEFINED_PROPERTY]);

/** A value JSON cannot hold, shown as text (unquoted in the text form, a string in JSON). */
export class Shown {
  constructor(readonly text: string) {}
  toJSON(): string {
    return this.text;
  }
}

/** `v` made printable: plain data as is (keys sorted), anything else as a Shown. */
export function toShown(
  v: unknown,
  found: Set<string> = new Set(),
  within: Set<object> = new Set(),
): unknown {
  const odd = (kind: string, text: string): Shown => {
    found.add(kind);
    return new Shown(text);
  };
  switch (typeof v) {
    case "string":
    case "boolean":
    case "bigint":
      return v;
    case "number":
      if (Object.is(v, -0)) return odd("-0", "-0");
      return Number.isFinite(v) ? v : odd(String(v), String(v));
    case "undefined":
      return odd("undefined", "undefined");
    case "function":
      return odd("function", `[Function ${v.name || "(anonymous)"}]`);
    case "symbol":
      return odd("symbol", v.toString());
  }
  if (v === null) return null;
  const o = v as object;
  if (within.has(o)) return odd("a cycle", "[Circular]");
  if (within.size >= MAX_SHOWN_DEPTH) return odd("values nested too deep", "[nested too deep]");
  within.add(o);
  try {
    if (Array.isArray(o)) return Array.from(o, (x) => toShown(x, found, within));
    if (o instanceof Map)
      return odd(
        "Map",
        `Map ${showText([...o].map(([k, x]) => [toShown(k, found, within), toShown(x, found, within)]))}`,
      );
    if (o instanceof Set) return odd("Set", `Set ${showText([...o].map((x) => toShown(x, found, within)))}`);
    if (o instanceof Date)
      return odd("Date", `Date ${Number.isNaN(o.getTime()) ? "Invalid" : o.toISOString()}`);
    if (ArrayBuffer.isView(o)) {
      const b = new Uint8Array(o.buffer, o.byteOffset, o.byteLength);
      const hex = Buffer.from(b.subarray(0, 64)).toString("hex");
      return odd(o.constructor.name, `${o.constructor.name}(${b.length}) ${hex}${b.length > 64 ? "…" : ""}`);
    }
    const fields: Record<string, unknown> = {};
    for (const k of Object.keys(o).sort()) {
      const raw = (o as Record<string, unknown>)[k];
      // A property holding undefined is shown (state format 3 keeps it in checkpoints).
      const x = raw === undefined ? odd(UNDEFINED_PROPERTY, "undefined") : toShown(raw, found, within);
      Object.defineProperty(fields, k, { value: x, enumerable: true, writable: true, configurable: true });
    }
    const proto = Object.getPrototypeOf(o);
    if (proto === Object.prototype || proto === null) return fields;
    const name = (proto?.constructor as { name?: string } | undefined)?.name || "object";
    return odd(name, `${name} ${showText(fields)}`);
  } finally {
    within.delete(o);
  }
}

/** The text form of a toShown value: JSON, with Shown values unquoted and bigints exact. */
export function showText(v: unknown): string {
  if (v instanceof Shown) return v.text;
  if (Array.isArray(v)) return `[${v.map(showText).join(",")}]`;
  if (v !== null && typeof v === "object")
    return `{${Object.entries(v)
      .map(([k, x]) => `${JSON.stringify(k)}:${showText(x)}`)
      .join(",")}}`;
  return stringifyJson(v);
}

/** A state key as a line starts with it: as is when plain, else quoted (escaped) as JSON. */
export const showKey = (k: string): string => (/^[\w.\-:@/+$#]+$/.test(k) ? k : JSON.stringify(k));
