/** `--app` takes a plain JavaScript module too (loaded natively, no tsx). */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "./cli-io.js";

const root = join(import.meta.dirname, "..");
const tmp = mkdtempSync(join(tmpdir(), "hindsight-appjs-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("a .js app", () => {
  it("records, replays and verifies", async () => {
    const dist = pathToFileURL(join(root, "dist/src/index.js")).href;
    writeFileSync(
      join(tmp, "count.mjs"),
      `import { codecs, defineApp, keyed } from ${JSON.stringify(dist)};
export default defineApp({
  name: "count",
  inputs: { words: codecs.json() },
  sinks: { counts: codecs.json() },
  steps: {
    count: keyed({
      from: "words",
      to: "counts",
      key: (w) => w.word,
      handle: (w, ctx) => {
        if (ctx.state === undefined) ctx.timers.every("recount", 1000000n);
        ctx.state = (ctx.state ?? 0) + 1;
        return { word: w.word, n: ctx.state };
      },
      onTick: () => {},
    }),
  },
});
`,
    );
    writeFileSync(
      join(tmp, "words.jsonl"),
      ["a", "b", "a", "c", "a", ...Array.from({ length: 22 }, (_, i) => `w${i}`)]
        .map((w, i) => `{"ts":${i + 1},"word":"${w}"}`)
        .join("\n") + "\n",
    );
    const out = join(tmp, "rec");
    const r = await runCli([
      "record",
      "--app",
      join(tmp, "count.mjs"),
      "-i",
      `words=${join(tmp, "words.jsonl")}`,
      "--time-field",
      "ts",
      "-o",
      out,
      "--sink",
      `counts=${join(tmp, "counts.jsonl")}`,
    ]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const v = await runCli(["verify", out, "--app", join(tmp, "count.mjs")]);
    expect(v.code).toBe(0);
    const s = await runCli(["replay", out, "--app", join(tmp, "count.mjs"), "--key", "a", "--json"]);
    expect(s.code).toBe(0);
    expect(JSON.parse(s.stdout).state).toEqual({ count: { a: 3 } });
    // --key shows that key's timers only; the text lists 20 and says how many more there are.
    expect(JSON.parse(s.stdout).timers).toEqual([
      { step: "count", key: "a", name: "recount", due: "1000001", period: "1000000" },
    ]);
    const all = await runCli(["replay", out, "--app", join(tmp, "count.mjs")]);
    expect(all.stdout).toMatch(
      /timers \(25\):\n( {2}count\[[a-z0-9]+\] 'recount' due [^\n]+\n){20} {2}… 5 more/,
    );
  });
});
