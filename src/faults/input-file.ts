/** Torture's --input: a JSON-lines file of input events. */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { HindsightError } from "../errors.js";

const enc = new TextEncoder();

/** Reads a JSON-lines file as input payloads (one per non-empty line). Throws NOT_FOUND. */
export function inputsFromFile(path: string, cwd: string): Uint8Array[] {
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
    .filter((l) => l.trim() !== "")
    .map((l) => enc.encode(l));
}
