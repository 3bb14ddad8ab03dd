/**
 * The README's first command, `npm run demo`, end to end on a small data set: generate, record,
 * inspect, replay --until, verify, summary. It spawns the real CLI (bin/hindsight.js → dist/),
 * so it needs `npm run build` (done by `npm install`/`npm ci`).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");
const work = mkdtempSync(join(tmpdir(), "hindsight-demo-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("npm run demo", () => {
  it("records, replays and verifies market-spread, and prints the summary", () => {
    expect(existsSync(join(root, "dist", "cli", "main.js")), "run `npm run build` first").toBe(true);
    const r = spawnSync(
      process.execPath,
      ["scripts/demo.mjs", "--events", "20000", "--work", work, "--no-build"],
      {
        cwd: root,
        encoding: "utf8",
        timeout: 120_000,
      },
    );
    const all = `${r.stdout}\n${r.stderr}`;
    expect(r.status, all).toBe(0);
    for (const step of [
      "generate market data",
      "record market-spread",
      "inspect the recording",
      "replay --until",
      "verify",
    ])
      expect(r.stdout).toContain(step);
    expect(r.stdout).toMatch(/✓ identical: 20,000 events replayed/);
    expect(r.stdout).toMatch(/verify\s+identical \(exit 0\)/);
    expect(r.stdout).toMatch(/record\s+[0-9,]+ events\/s/);
    expect(r.stdout).toMatch(/bytes on disk\s+[0-9.]+ MiB recording vs [0-9.]+ MiB JSON lines/);
    expect(existsSync(join(work, "rec", "manifest.json"))).toBe(true);
  });

  it("never deletes a --work directory holding files it did not make", () => {
    const dir = join(work, "foreign");
    mkdirSync(dir);
    writeFileSync(join(dir, "keep.txt"), "mine");
    const r = spawnSync(process.execPath, ["scripts/demo.mjs", "--work", dir, "--no-build"], {
      cwd: root,
      encoding: "utf8",
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/holds files the demo did not make \(keep\.txt\)/);
    expect(readFileSync(join(dir, "keep.txt"), "utf8")).toBe("mine");
  });

  it("rejects a bad option with one line and exit code 2", () => {
    const r = spawnSync(process.execPath, ["scripts/demo.mjs", "--events", "abc"], {
      cwd: root,
      encoding: "utf8",
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^demo: --events abc: expected an integer/);
  });
});
