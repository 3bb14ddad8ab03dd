/**
 * Canonical JSON for hashing and signing: RFC 8785 (JSON Canonicalization Scheme, "JCS").
 * Object keys sorted by UTF-16 code units, no insignificant whitespace, strings and numbers
 * serialized as ECMAScript's JSON.stringify does. Any JCS implementation in another language
 * gives the same bytes for the values hindsight writes (strings, safe integers, booleans,
 * null, arrays, objects), which is what lets an auditor recompute a row hash independently.
 *
 * Pure: no I/O.
 */
import { HindsightError } from "../errors.js";

/** A JSON value as hindsight puts it into an audit export. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * Canonical (RFC 8785) serialization of `value`.
 * `bigint` is written as its decimal string (JSON has no 64-bit integers); `undefined`
 * object members are dropped, as JSON.stringify does.
 * @throws HindsightError BAD_INPUT for a non-finite number, a function, a symbol or a cycle.
 */
export function canonicalJson(value: unknown): string {
  return write(value, new Set());
}

const BAD_HINT = "audit fields must be finite numbers, strings, booleans, null, arrays or objects";

function write(value: unknown, seen: Set<object>): string {
  switch (typeof value) {
    case "string":
      return JSON.stringify(value);
    case "number":
      if (!Number.isFinite(value)) {
        throw new HindsightError("BAD_INPUT", `cannot put the number ${value} into an audit row`, {
          hint: BAD_HINT,
        });
      }
      // ECMAScript Number::toString is the JCS number format; -0 serializes as 0.
      return JSON.stringify(value);
    case "bigint":
      return `"${value.toString()}"`;
    case "boolean":
      return value ? "true" : "false";
    case "object":
      break;
    default:
      throw new HindsightError("BAD_INPUT", `cannot put a ${typeof value} into an audit row`, {
        hint: BAD_HINT,
      });
  }
  if (value === null) return "null";
  if (seen.has(value)) {
    throw new HindsightError("BAD_INPUT", "cannot put a cyclic structure into an audit row");
  }
  seen.add(value);
  let out: string;
  if (Array.isArray(value)) {
    out = "[";
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ",";
      const v: unknown = value[i];
      out += write(v === undefined ? null : v, seen);
    }
    out += "]";
  } else if (value instanceof Uint8Array) {
    // Bytes that reach an audit row are shown as lowercase hex.
    out = `"${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString("hex")}"`;
  } else {
    const obj = value as Record<string, unknown>;
    // Default sort compares UTF-16 code units, which is exactly what RFC 8785 asks for.
    const keys = Object.keys(obj).sort();
    out = "{";
    let first = true;
    for (const k of keys) {
      const v = obj[k];
      if (v === undefined) continue;
      if (!first) out += ",";
      first = false;
      out += `${JSON.stringify(k)}:${write(v, seen)}`;
    }
    out += "}";
  }
  seen.delete(value);
  return out;
}
