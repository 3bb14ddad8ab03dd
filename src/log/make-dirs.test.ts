import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { makeDirs } from "./segment-files.js";

const tmp = mkdtempSync(join(tmpdir(), "hindsight-dirs-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("makeDirs", () => {
  it("creates missing parents, and accepts a directory that exists", () => {
    const d = join(tmp, "a", "b", "c");
    makeDirs(d);
    expect(statSync(d).isDirectory()).toBe(true);
    makeDirs(d);
    makeDirs(join(tmp, "a"));
    expect(statSync(d).isDirectory()).toBe(true);
  });

  it("fails on a file in the path, and on a file of that name", () => {
    const f = join(tmp, "file");
    writeFileSync(f, "");
    expect(() => makeDirs(join(f, "x", "y"))).toThrow(expect.objectContaining({ code: "ENOTDIR" }));
    expect(() => makeDirs(f)).toThrow(expect.objectContaining({ code: "EEXIST" }));
  });

  // Node's own recursive mkdir spins forever here (procfs answers ENOENT for a new entry).
  it.runIf(existsSync("/proc/self"))("fails at once where a parent exists but takes no new entries", () => {
    const t0 = performance.now();
    expect(() => makeDirs("/proc/hindsight-no/such")).toThrow(expect.objectContaining({ code: "ENOENT" }));
    expect(performance.now() - t0).toBeLessThan(5000);
  });
});
