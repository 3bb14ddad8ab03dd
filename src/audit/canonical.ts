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
  const parts: string[] = [];
  write(value, parts, new Set());
  return parts.join("");
}

function write(value: unknown, out: string[], seen: Set<object>): void {
  switch (typeof value) {
    case "string":
      out.push(JSON.stringify(value));
      return;
    case "number":
      if (!Number.isFinite(value)) {
        throw new HindsightError("BAD_INPUT", `cannot put the number ${value} into an audit row`, {
          hint: "audit fields must be finite numbers, strings, booleans, null, arrays or objects",
        });
      }
      // ECMAScript Number::toString is the JCS number format; -0 serializes as 0.
      out.push(JSON.stringify(value));
      return;
    case "bigint":
      out.push(JSON.stringify(value.toString()));
      return;
    case "boolean":
      out.push(value ? "true" : "false");
      return;
    case "object":
      break;
    default:
      throw new HindsightError("BAD_INPUT", `cannot put a ${typeof value} into an audit row`, {
        hint: "audit fields must be finite numbers, strings, booleans, null, arrays or objects",
      });
  }
  if (value === null) {
    out.push("null");
    return;
  }
  if (seen.has(value)) {
    throw new HindsightError("BAD_INPUT", "cannot put a cyclic structure into an audit row");
  }
  seen.add(value);
  if (Array.isArray(value)) {
    out.push("[");
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out.push(",");
      const v: unknown = value[i];
      write(v === undefined ? null : v, out, seen);
    }
    out.push("]");
  } else if (value instanceof Uint8Array) {
    // Bytes that reach an audit row are shown as lowercase hex.
    out.push(JSON.stringify(Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString("hex")));
  } else {
    const obj = value as Record<string, unknown>;
    // Default sort compares UTF-16 code units, which is exactly what RFC 8785 asks for.
    const keys = Object.keys(obj)
      .filter((k) => obj[k] !== undefined)
      .sort();
    out.push("{");
    let first = true;
    for (const k of keys) {
      if (!first) out.push(",");
      first = false;
      out.push(JSON.stringify(k), ":");
      write(obj[k], out, seen);
    }
    out.push("}");
  }
  seen.delete(value);
}
