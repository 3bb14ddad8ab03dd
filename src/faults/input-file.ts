/** Torture's --input: a JSON-lines file of input events. */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { HindsightError } from "../errors.js";

const enc = new TextEncoder();

/**
 * Reads a JSON-lines file as input payloads (one per non-empty line), each with its line number
 * in the file (1-based; blank lines count). Throws NOT_FOUND.
 */
export function inputLinesFromFile(path: string, cwd: string): { line: number; payload: Uint8Array }[] {
  let text: string;
  try {
    text = readFileSync(resolve(cwd, path), "utf8");
  } catch {
    throw new HindsightError("NOT_FOUND", `cannot read input file ${path}`, {
      where: "--input",
      hint: "pass a JSON-lines file with one event per line",
    });
  }
  return text
    .split("\n")
    .map((l, i) => ({ line: i + 1, text: l }))
    .filter((l) => l.text.trim() !== "")
    .map((l) => ({ line: l.line, payload: enc.encode(l.text) }));
}
