/**
 * What a divergence report says about the difference: where in a long string, how many fields,
 * bytes that differ under equal values, an output written to another sink, a state that differs
 * at a checkpoint; and a JUnit report even when the run stops before verifying anything.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../../test/cli-io.js";
import { writeStepApp } from "../../test/pad-app.js";

const root = join(import.meta.dirname, "../..");
const index = JSON.stringify(pathToFileURL(join(root, "src/index.ts")).href);
const tmp = mkdtempSync(join(tmpdir(), "hindsight-verify-report-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const input = join(tmp, "n.jsonl");
writeFileSync(input, '{"n":1}\n{"n":2}\n{"n":3}\n');

interface Report {
  status: string;
  divergence?: {
    kind: string;
    message: string;
    diff?: { path: string; expected?: string; actual?: string; detail?: string }[];
    diffCount?: number;
    output?: { sink: string; expected?: string; expectedAt?: string };
    lineage?: { current?: unknown; recorded?: unknown; error?: string };
  };
}

/** Records app module `app` over the three events into `dir` (options `extra`); the run must succeed. */
async function recordApp(app: string, dir: string, ...extra: string[]): Promise<void> {
  const r = await runCli(["record", "--app", app, "-i", `n=${input}`, "-o", dir, ...extra]);
  expect(r.code).toBe(0);
}

/** Records `app` (one step `s` to sink `out`, body `body`) over three events; returns the recording. */
async function recordStep(name: string, body: string, extra: string[] = []): Promise<string> {
  const app = writeStepApp(join(tmp, `${name}-a.ts`), { name: "step", input: "n", body, sync: true });
  const dir = join(tmp, `${name}-rec`);
  await recordApp(app, dir, "--outputs", "full", ...extra);
  return dir;
}

/** Verifies `dir` against the step app with body `body`: the text report and the JSON one. */
async function verifyStep(dir: string, name: string, body: string): Promise<{ text: string; json: Report }> {
  const app = writeStepApp(join(tmp, `${name}-b.ts`), { name: "step", input: "n", body, sync: true });
  const text = await runCli(["verify", dir, "--app", app]);
  expect(text.code).toBe(3);
  const json = await runCli(["verify", dir, "--app", app, "--json"]);
  expect(json.code).toBe(3);
  return { text: text.stdout, json: (JSON.parse(json.stdout) as Report[])[0] as Report };
}

describe("verify: what the diff says", () => {
  it("a long string: where it first differs, with a window around it, not the string cut from its start", async () => {
    const dir = await recordStep("long", 'return { n: v.n, text: "x".repeat(3000) };');
    const { text, json } = await verifyStep(
      dir,
      "long",
      'return { n: v.n, text: "x".repeat(1500) + "y" + "x".repeat(1499) };',
    );
    expect(json.divergence?.diff).toEqual([
      {
        path: "text",
        detail: `strings differ at character 1500 ("x" → "y"; both 3000 long): …${"x".repeat(40)}… → …${"x".repeat(20)}y${"x".repeat(19)}…`,
      },
    ]);
    expect(text).toContain(
      '  diff (expected → actual):\n    text: strings differ at character 1500 ("x" → "y"',
    );
    // The whole values are cut shorter when a diff says where they differ.
    const expected = text.split("\n").find((l) => l.startsWith("    expected: ")) as string;
    expect(expected).toMatch(/^ {4}expected: \{"n":1,"text":"x+… \(2,\d{3} more characters\)$/);
    expect(expected.length).toBeLessThan(340);
  });

  it("many differences: the first 20 listed, and how many there are in all", async () => {
    const fields = (k: string) =>
      `return Object.fromEntries(Array.from({ length: 50 }, (_, i) => ["f" + i, ${k}]));`;
    const dir = await recordStep("many", fields("i"));
    const { text, json } = await verifyStep(dir, "many", fields("i + 1"));
    expect(json.divergence?.diff).toHaveLength(20);
    expect(json.divergence?.diff?.[0]).toEqual({ path: "f0", expected: "0", actual: "1" });
    expect(json.divergence?.diffCount).toBe(50);
    expect(text).toContain("    f19: 19 → 20\n    … and 30 more differences\n");
  });

  it("equal values in other bytes (key order): the report says so and where the bytes differ", async () => {
    const dir = await recordStep("order", "return { a: v.n, b: 2 };");
    const { text, json } = await verifyStep(dir, "order", "return { b: 2, a: v.n };");
    expect(json.divergence?.diff).toEqual([
      {
        path: "(bytes)",
        detail:
          'the decoded values are equal; the texts differ at character 2 ("a" → "b"; both 13 long): {"a":1,"b":2} → {"b":2,"a":1}',
      },
    ]);
    expect(text).toContain("(bytes): the decoded values are equal");
    expect(json.divergence?.diffCount).toBeUndefined();
  });
});

/** An app of one step `s` writing each event to sink `to`, its sinks listed in `sinks` order. */
function writeSinkApp(file: string, sinks: string[], to: string): string {
  writeFileSync(
    file,
    `import { codecs, defineApp, map } from ${index};
export default defineApp({
  name: "sinks",
  inputs: { n: codecs.json() },
  sinks: { ${sinks.map((s) => `${s}: codecs.json()`).join(", ")} },
  steps: { s: map({ from: "n", fn(v, ctx) { ctx.emit(${JSON.stringify(to)}, { n: v.n, at: ${JSON.stringify(to)} }); } }) },
});
`,
  );
  return file;
}

describe("verify and why: outputs by their sink's name, not its number", () => {
  const recorded = async (name: string): Promise<string> => {
    const dir = join(tmp, `sinks-rec-${name}`);
    const app = writeSinkApp(join(tmp, "sinks-a.ts"), ["ledger", "alerts"], "ledger");
    await recordApp(app, dir, "--lineage", "--outputs", "full");
    return dir;
  };

  it("an output written to another sink: decoded by its own sink, placed, and both lineages shown", async () => {
    const dir = await recorded("moved");
    const moved = writeSinkApp(join(tmp, "sinks-moved.ts"), ["ledger", "alerts"], "alerts");
    const r = await runCli(["verify", dir, "--app", moved, "--json"]);
    expect(r.code).toBe(3);
    const [res] = JSON.parse(r.stdout) as Report[];
    const d = res?.divergence;
    expect(d?.output).toMatchObject({
      sink: "alerts",
      expectedAt: "ledger:0",
      expected: '{"n":1,"at":"ledger"}',
    });
    expect(d?.diff).toEqual([{ path: "(sink)", detail: "recorded to ledger:0, written to alerts:0" }]);
    expect(d?.lineage?.current).toBeDefined();
    expect(d?.lineage?.recorded).toBeDefined();
    expect(d?.lineage?.error).toBeUndefined();
  });

  it("a sink the build does not have: incompatible, naming the sinks it has", async () => {
    const dir = await recorded("renamed");
    const renamed = writeSinkApp(join(tmp, "sinks-renamed.ts"), ["book", "alerts"], "alerts");
    const r = await runCli(["verify", dir, "--app", renamed, "--json"]);
    expect(r.code).toBe(3);
    const [res] = JSON.parse(r.stdout) as { status: string; incompatible: string[] }[];
    expect(res?.incompatible).toEqual([
      "recording has sink 'ledger', which app sinks does not have (it has book, alerts)",
    ]);
  });

  it("a build that lists its sinks in another order verifies identical, and why finds the output", async () => {
    const dir = await recorded("reordered");
    const reordered = writeSinkApp(join(tmp, "sinks-reordered.ts"), ["alerts", "ledger"], "ledger");
    expect((await runCli(["verify", dir, "--app", reordered])).code).toBe(0);
    const why = await runCli(["why", dir, "--app", reordered, "--output", "ledger:2", "--json"]);
    expect(why.stderr).toBe("");
    expect(why.code).toBe(0);
    const l = JSON.parse(why.stdout) as { output: { sink: string; sinkSeq: number; value: string } };
    expect(l.output).toMatchObject({ sink: "ledger", sinkSeq: 2, value: '{"n":3,"at":"ledger"}' });
  });
});

describe("verify: a state that differs at a checkpoint", () => {
  it("is shown field by field against the recorded checkpoint's file, at the event after which it was taken", async () => {
    // A value a step reads from outside ctx (the environment): strict mode does not cover it.
    const file = join(tmp, "env.ts");
    writeFileSync(
      file,
      `import { codecs, defineApp, keyed } from ${index};
export default defineApp({
  name: "env",
  inputs: { n: codecs.json() },
  sinks: { out: codecs.json() },
  steps: {
    k: keyed({ from: "n", key: (m) => String(m.n % 2), handle(m, ctx) {
      ctx.state = { seen: (ctx.state?.seen ?? 0) + 1, region: process.env.HINDSIGHT_TEST_REGION ?? "eu" };
    } }),
  },
});
`,
    );
    const dir = join(tmp, "env-rec");
    await recordApp(file, dir, "--checkpoint-every", "2");
    process.env.HINDSIGHT_TEST_REGION = "us";
    try {
      const r = await runCli(["verify", dir, "--app", file]);
      expect(r.code).toBe(3);
      expect(r.stdout).toMatch(/^✗ .*env-rec: DIVERGED at event seq 2 \(stream n #1, time /);
      expect(r.stdout).toContain(
        '  diff (expected → actual, the state):\n    k["0"].region: "eu" → "us"\n    k["1"].region: "eu" → "us"\n',
      );
    } finally {
      delete process.env.HINDSIGHT_TEST_REGION;
    }
  });
});

describe("verify --junit when the run stops early", () => {
  it("an app that does not load: the report says so for every recording (an old passing report is not left)", async () => {
    const dir = await recordStep("junit", "return v;");
    const junit = join(tmp, "j.xml");
    const good = writeStepApp(join(tmp, "junit-ok.ts"), {
      name: "step",
      input: "n",
      body: "return v;",
      sync: true,
    });
    expect((await runCli(["verify", dir, dir, "--app", good, "--junit", junit])).code).toBe(0);
    expect(readFileSync(junit, "utf8")).toContain('tests="2" failures="0" errors="0"');
    const bad = join(tmp, "junit-bad.mjs");
    writeFileSync(bad, 'throw new Error("kaboom");\n');
    const r = await runCli(["verify", dir, dir, "--app", bad, "--junit", junit]);
    expect(r.code).toBe(2);
    const xml = readFileSync(junit, "utf8");
    expect(xml).toContain('tests="2" failures="0" errors="2"');
    expect(xml).toContain('<testcase classname="hindsight.verify.junit-bad.mjs" name="');
    expect(xml).toMatch(
      /<error type="APP_LOAD" message="not verified: app module .*junit-bad\.mjs failed to load: kaboom/,
    );
  });

  it("a batch's text summary counts each status", async () => {
    const dir = await recordStep("sum", "return v;");
    const other = writeStepApp(join(tmp, "sum-b.ts"), {
      name: "step",
      input: "n",
      body: "return { v };",
      sync: true,
    });
    const r = await runCli(["verify", dir, dir, join(tmp, "nothing-here"), "--app", other]);
    expect(r.code).toBe(3);
    expect(r.stdout.trimEnd().split("\n").at(-1)).toBe("0 of 3 recordings identical (2 diverged, 1 error)");
  });
});

describe("verify: the recorded values of decisions", () => {
  it("a decision that differs shows the recorded value; preceding look-ups show their values, not only their hashes", async () => {
    const body = (third: string) =>
      `const p = await ctx.lookup("price", String(v.n), () => ({ px: v.n * 10 })); return { n: v.n, p, r: ${third} };`;
    const a = writeStepApp(join(tmp, "values-a.ts"), {
      name: "step",
      input: "n",
      body: body('ctx.random("r")'),
    });
    const dir = join(tmp, "values-rec");
    await recordApp(a, dir);
    // The third event draws from another stream: decision #1 of event 3 differs.
    const b = writeStepApp(join(tmp, "values-b.ts"), {
      name: "step",
      input: "n",
      body: body('v.n === 3 ? ctx.random("s") : ctx.random("r")'),
    });
    const text = await runCli(["verify", dir, "--app", b]);
    expect(text.code).toBe(3);
    expect(text.stdout).toMatch(
      /^ {4}expected: \{"kind":"random","name":"r","step":"s","seq":\d+,"value":0\.\d+\}$/m,
    );
    expect(text.stdout).toMatch(/^ {4}seq \d+ event \d+ #0 lookup 'price' step 's' key "2" = \{"px":20\}$/m);
    // And what the recording has for the diverged event itself, in order, with values.
    expect(text.stdout).toMatch(
      /\n {2}decisions the recording has for event seq (\d+):\n {4}seq \d+ event \1 #0 lookup 'price' step 's' key "3" = \{"px":30\}\n {4}seq \d+ event \1 #1 random 'r' step 's' = 0\.\d+\n/,
    );
    const json = await runCli(["verify", dir, "--app", b, "--json"]);
    const [res] = JSON.parse(json.stdout) as {
      divergence: {
        decision: { expected: { value: number } };
        precedingDecisions: { kind: string; key?: string; value: unknown; blob?: string }[];
        eventDecisions: { index: number; kind: string; value: unknown }[];
      };
    }[];
    expect(typeof res?.divergence.decision.expected.value).toBe("number");
    const looked = res?.divergence.precedingDecisions.find((d) => d.kind === "lookup" && d.key === "2");
    expect(looked?.value).toEqual({ px: 20 });
    expect(looked?.blob).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(res?.divergence.eventDecisions.map((d) => [d.index, d.kind])).toEqual([
      [0, "lookup"],
      [1, "random"],
    ]);
    expect(res?.divergence.eventDecisions[0]?.value).toEqual({ px: 30 });
  });

  it("a failed look-up shows its error, apart from a value; replay from a checkpoint shows look-up values stored before it", async () => {
    // Event 2's fetch throws (the step falls back); event 3's returns a value shaped like an error.
    const fetch = `() => { if (v.n === 2) throw new Error("no price for 2"); return v.n === 3 ? { error: "shaped" } : { px: v.n * 10 }; }`;
    const body = (third: string) =>
      `let p; try { p = await ctx.lookup("price", String(v.n), ${fetch}); } catch (e) { p = null; } return { n: v.n, p, r: ${third} };`;
    const a = writeStepApp(join(tmp, "failed-a.ts"), {
      name: "step",
      input: "n",
      body: body('ctx.random("r")'),
    });
    const dir = join(tmp, "failed-rec");
    await recordApp(a, dir, "--checkpoint-every", "1");
    const b = writeStepApp(join(tmp, "failed-b.ts"), {
      name: "step",
      input: "n",
      body: body('v.n === 3 ? ctx.random("s") : ctx.random("r")'),
    });
    const text = await runCli(["verify", dir, "--app", b]);
    expect(text.code).toBe(3);
    expect(text.stdout).toMatch(
      /^ {4}seq \d+ event \d+ #0 lookup 'price' step 's' key "2" = failed: no price for 2$/m,
    );
    expect(text.stdout).toMatch(
      /^ {4}seq \d+ event \d+ #0 lookup 'price' step 's' key "3" = \{"error":"shaped"\}$/m,
    );
    const json = await runCli(["verify", dir, "--app", b, "--json"]);
    const [res] = JSON.parse(json.stdout) as {
      divergence: {
        precedingDecisions: { kind: string; key?: string; value?: unknown; error?: string }[];
        eventDecisions: { kind: string; key?: string; value?: unknown; error?: string }[];
      };
    }[];
    const failed = res?.divergence.precedingDecisions.find((d) => d.key === "2");
    expect(failed).toMatchObject({ kind: "lookup", error: "no price for 2" });
    expect(failed).not.toHaveProperty("value");
    expect(res?.divergence.eventDecisions[0]).toMatchObject({ key: "3", value: { error: "shaped" } });
    expect(res?.divergence.eventDecisions[0]).not.toHaveProperty("error");
    // Replayed from the last checkpoint, the look-ups listed before it show their values too.
    const r = await runCli(["replay", dir, "--app", a, "--json", "--recent", "8"]);
    expect(r.code).toBe(0);
    const rj = JSON.parse(r.stdout) as {
      startedFrom: unknown;
      recentDecisions: { kind: string; key?: string; value?: unknown; error?: string }[];
    };
    expect(rj.startedFrom).not.toBeNull();
    const lookups = rj.recentDecisions.filter((d) => d.kind === "lookup");
    expect(lookups.map((d) => [d.key, d.value ?? d.error])).toEqual([
      ["1", { px: 10 }],
      ["2", "no price for 2"],
      ["3", { error: "shaped" }],
    ]);
  });
});
