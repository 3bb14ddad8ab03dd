/**
 * Side files of a recording (checkpoint state, named by CheckpointRef.location): read only when
 * the name is one a writer makes, and only as a regular file inside the recording. A damaged or
 * hostile log cannot make a reader open, hash or delete anything else (FORMAT.md section 7).
 */
import { createHash } from "node:crypto";
import { lstatSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** The names writers give checkpoint files: `checkpoints/ckpt-<12+ digits>.state`. */
export const CHECKPOINT_LOCATION = /^checkpoints\/ckpt-\d{12,}\.state$/;

export type SideFile =
  | { readonly bytes: Uint8Array }
  | { readonly problem: string; readonly missing: boolean };

/** Reads the side file `location` of the recording in `dir`, or says why it cannot. */
export function readSideFile(dir: string, location: string): SideFile {
  if (!CHECKPOINT_LOCATION.test(location))
    return { problem: `${JSON.stringify(location)} is not a checkpoint file name`, missing: false };
  const path = join(dir, location);
  try {
    const st = lstatSync(path);
    if (!st.isFile()) return { problem: "it is not a regular file", missing: false };
    return { bytes: readFileSync(path) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === "ENOENT"
      ? { problem: "missing", missing: true }
      : { problem: `it cannot be read (${code ?? (e as Error).message})`, missing: false };
  }
}

/**
 * Checks the side file `location` against the SHA-256 `digest` its CheckpointRef holds:
 * undefined when it matches; else why it cannot be read (missing or not), or the SHA-256 it has.
 */
export function checkSideFile(
  dir: string,
  location: string,
  digest: Uint8Array,
): { readonly problem: string; readonly missing: boolean } | { readonly sha256: string } | undefined {
  const f = readSideFile(dir, location);
  if ("problem" in f) return f;
  const got = createHash("sha256").update(f.bytes).digest();
  return got.equals(digest) ? undefined : { sha256: got.toString("hex") };
}
