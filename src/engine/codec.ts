/**
 * Codecs turn an input stream's bytes into values and a sink's values into bytes. Outputs are
 * bytes, so "byte for byte" in verify means these bytes. A codec must be deterministic:
 * the same value always encodes to the same bytes.
 */
import { encodeJson, type Json, parseJson } from "./json.js";

export interface Codec<T = unknown> {
  /** Recorded in the manifest (streams[].codec, sinks[].codec); verify compares it. */
  readonly name: string;
  encode(value: T): Uint8Array;
  /** Throws on malformed bytes; the engine reports the stream and event. */
  decode(bytes: Uint8Array): T;
}

const utf8Decoder = new TextDecoder("utf-8", { fatal: true });

/**
 * Buffer's own UTF-8 decoder, the one `buffer.toString("utf8")` calls, applied to the bytes
 * without making a Buffer view of them first (half the cost for an event's payload). Not in
 * Node's documented API, hence the fallback; the same decoding either way.
 */
const utf8Slice = (
  Buffer.prototype as { utf8Slice?: (this: Uint8Array, start: number, end: number) => string }
).utf8Slice;

/** UTF-8 to text (malformed sequences become U+FFFD, deterministically). */
function decodeUtf8(bytes: Uint8Array): string {
  if (utf8Slice !== undefined) return utf8Slice.call(bytes, 0, bytes.length);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");
}

function encodeUtf8(s: string): Uint8Array {
  return Buffer.from(s, "utf8");
}

/** JSON (one value per event; JSON-lines input is one line per event). Exact integers (bigint beyond 2^53). */
function json<T = Json>(): Codec<T> {
  return {
    name: "json",
    encode: (v: T) => encodeJson(v),
    decode: (b: Uint8Array) => parseJson(decodeUtf8(b)) as T,
  };
}

/** UTF-8 text. */
function utf8(): Codec<string> {
  return { name: "utf8", encode: encodeUtf8, decode: (b) => utf8Decoder.decode(b) };
}

/** Raw bytes, unchanged (copied on decode so a step cannot alter the recorded payload). */
function bytes(): Codec<Uint8Array> {
  return { name: "bytes", encode: (v) => v, decode: (b) => b.slice() };
}

export const codecs = { json, utf8, bytes } as const;

/** Codec names that read the same bytes (a JSON-lines capture is readable by the json codec). */
export function codecsCompatible(recorded: string, app: string): boolean {
  if (recorded === app) return true;
  const jsonish = (n: string) => n === "json" || n === "json-lines" || n === "jsonl";
  return jsonish(recorded) && jsonish(app);
}

export { decodeUtf8, encodeUtf8 };
