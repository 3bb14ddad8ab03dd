/**
 * repairs.json: what `hindsight fsck --repair` took out of a recording (FORMAT.md section 7),
 * so that replay and verify can say so instead of reading the result as a crash's.
 */
import { existsSync, renameSync } from "node:fs";
import { join } from "node:path";
import { readSmallFile, regularFileSize } from "./segment-files.js";
import { writeFileAtomic } from "./segment-store.js";

/** One `fsck --repair` that changed a recording. */
export interface RepairEntry {
  readonly at: string;
  readonly tornTail?: { segment: string; offset: number; droppedBytes: number; lastGoodSeq: number };
  /**
   * `lostBytes`: what the segment had lost after it was closed (its index's size less its size);
   * `truncatedBytes`: what the repair cut from what was left (a partial block before the loss).
   * Entries written before `truncatedBytes` count both in `lostBytes`.
   */
  readonly cutShort?: {
    segment: string;
    offset: number;
    lostBytes: number;
    truncatedBytes?: number;
    lastGoodSeq: number;
  };
  readonly checkpointsRemoved?: readonly string[];
}

export const REPAIRS_FILE = "repairs.json";

/** The repairs made to the recording in `dir`, oldest first ([] when none, or unreadable: see repairsProblem). */
export function readRepairs(dir: string): RepairEntry[] {
  return readRepairsFile(dir).entries;
}

/**
 * Why the recording's repairs.json cannot be read (not a regular file, not JSON, not a list of
 * repairs), or undefined when it can or there is none. Its repairs are then unknown: a
 * recording cut back after it was closed would read as a crash's.
 */
export function repairsProblem(dir: string): string | undefined {
  return readRepairsFile(dir).problem;
}

function readRepairsFile(dir: string): { entries: RepairEntry[]; problem?: string } {
  const path = join(dir, REPAIRS_FILE);
  if (!existsSync(path)) return { entries: [] };
  // Not a regular file, or far larger than repairs ever write: not read (a FIFO would block).
  const b = readSmallFile(path, 64 * 1024 * 1024);
  if (b === undefined) return { entries: [], problem: "it is not a regular file that can be read" };
  try {
    const list = JSON.parse(b.toString("utf8")) as unknown;
    if (!Array.isArray(list)) return { entries: [], problem: "it is not a list of repairs" };
    const entries = list.filter(isRepairEntry);
    return entries.length === list.length
      ? { entries }
      : { entries, problem: `${list.length - entries.length} of its ${list.length} entries are not repairs` };
  } catch (e) {
    return { entries: [], problem: `it is not JSON (${(e as Error).message})` };
  }
}

export function appendRepair(dir: string, entry: RepairEntry): void {
  const path = join(dir, REPAIRS_FILE);
  const { entries, problem } = readRepairsFile(dir);
  // An unreadable history is kept aside, not written over: it may still say what was done.
  // (A file only: a directory or a FIFO of that name is reported, never moved.)
  if (problem !== undefined && typeof regularFileSize(path) === "number")
    renameSync(path, `${path}.unreadable-${Date.now()}`);
  writeFileAtomic(path, `${JSON.stringify([...entries, entry], null, 2)}\n`, true);
}

/** One line saying what a repair did. */
export function describeRepair(r: RepairEntry): string {
  const what: string[] = [];
  if (r.cutShort)
    what.push(
      `cut ${r.cutShort.segment} back to its last whole block (offset ${r.cutShort.offset}): it had lost ${r.cutShort.lostBytes} bytes after it was closed${r.cutShort.truncatedBytes ? `, and the repair removed the ${r.cutShort.truncatedBytes} bytes of the partial block left before them` : ""}, so the records after seq ${r.cutShort.lastGoodSeq} (and the recording's STOP marker) are gone`,
    );
  if (r.tornTail)
    what.push(
      `truncated a torn tail of ${r.tornTail.droppedBytes} bytes at offset ${r.tornTail.offset} of ${r.tornTail.segment} (after seq ${r.tornTail.lastGoodSeq})`,
    );
  if (r.checkpointsRemoved?.length)
    what.push(`removed damaged checkpoint file(s) ${r.checkpointsRemoved.join(", ")}`);
  return `fsck --repair changed this recording at ${r.at}: ${what.join("; ") || "no details"}`;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;
const has = (o: Record<string, unknown>, ...numbers: string[]): boolean =>
  typeof o["segment"] === "string" && numbers.every((k) => typeof o[k] === "number");

/** An entry as fsck --repair writes it (a file edited by hand or hostile may hold anything). */
function isRepairEntry(e: unknown): e is RepairEntry {
  if (!isObject(e) || typeof e["at"] !== "string") return false;
  const t = e["tornTail"];
  const c = e["cutShort"];
  const k = e["checkpointsRemoved"];
  return (
    (t === undefined || (isObject(t) && has(t, "offset", "droppedBytes", "lastGoodSeq"))) &&
    (c === undefined ||
      (isObject(c) &&
        has(c, "offset", "lostBytes", "lastGoodSeq") &&
        (c["truncatedBytes"] === undefined || typeof c["truncatedBytes"] === "number"))) &&
    (k === undefined || (Array.isArray(k) && k.every((x) => typeof x === "string")))
  );
}
