/** The real binary, as a user runs it after `npm install` (dist/ is built by `prepare`/`pretest`). */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");
const bin = join(root, "bin/hindsight.js");
const tmp = mkdtempSync(join(tmpdir(), "hindsight-bin-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const run = (...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", cwd: root });

describe("bin/hindsight.js", () => {
  it("prints its version and help", () => {
    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
    const v = run("--version");
    expect(v.status).toBe(0);
    expect(v.stdout.trim()).toBe(pkg.version);
    const h = run("--help");
    expect(h.status).toBe(0);
    expect(h.stdout).toContain("Exit codes");
  });

  it("records and reproduces a golden input, and reports errors in one line with the exit code", () => {
    const out = join(tmp, "rec");
    const inputs = join(root, "recordings/v1/log/inputs");
    const r = run("record", "-i", `quotes=${join(inputs, "quotes.jsonl")}`, "-o", out, "--time-field", "ts");
    expect(r.status).toBe(0);
    const c = run("cat", out, "--payload");
    expect(c.stdout).toBe(readFileSync(join(inputs, "quotes.jsonl"), "utf8"));
    const bad = run("fsck", join(root, "recordings/v1/log/bitflip-payload"));
    expect(bad.status).toBe(4);
    const missing = run("inspect", join(tmp, "nothing-here"));
    expect(missing.status).toBe(2);
    expect(missing.stderr.trim().split("\n")).toHaveLength(1);
    expect(missing.stderr).not.toContain("    at ");
  });
});
