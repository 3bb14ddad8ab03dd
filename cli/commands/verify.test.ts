import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { type LogRecord, MarkerKind, rec } from "../../src/format/records.js";
import { LogReader, LogWriter } from "../../src/log/index.js";
import { runCli } from "../../test/cli-io.js";
import { writePadApp } from "../../test/pad-app.js";

const root = join(import.meta.dirname, "../..");
const ms = "recordings/v1/market-spread";
const dh = "recordings/v1/double-halve";
const tmp = mkdtempSync(join(tmpdir(), "hindsight-verify-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("hindsight verify", () => {
  it("one result per recording: identical, incompatible (with why), and a JUnit report", async () => {
    const junit = join(tmp, "report.xml");
    const r = await runCli(
      ["verify", dh, ms, "--app", "examples/double-halve/app.ts", "--json", "--junit", junit],
      { cwd: root },
    );
    expect(r.code).toBe(3);
    const res = JSON.parse(r.stdout) as {
      recording: string;
      status: string;
      incompatible?: string[];
      buildChanged: boolean;
    }[];
    expect(res.map((x) => [x.recording, x.status])).toEqual([
      [dh, "identical"],
      [ms, "incompatible"],
    ]);
    expect(res[1]?.incompatible).toContain(
      "recording has input stream 'quotes', which app double-halve does not read (it reads numbers)",
    );
    const xml = readFileSync(junit, "utf8");
    expect(xml).toMatch(/<testsuite name="hindsight verify" tests="2" failures="1" errors="0"/);
    expect(xml).toContain(`<testcase classname="hindsight.verify.double-halve" name="${dh}"`);
    expect(xml).toMatch(
      /<failure type="incompatible" message="incompatible: recording is of app &apos;market-spread&apos;, not &apos;double-halve&apos;; recording has input stream &apos;quotes&apos;/,
    );
  });

  it("--junit: its directory is created; a path that cannot be written fails before any replay", async () => {
    const nested = join(tmp, "reports", "ci", "hindsight.xml");
    const ok = await runCli(["verify", dh, "--app", "examples/double-halve/app.ts", "--junit", nested], {
      cwd: root,
    });
    expect(ok.code).toBe(0);
    expect(readFileSync(nested, "utf8")).toMatch(/<testsuite name="hindsight verify" tests="1" failures="0"/);
    const isDir = await runCli(["verify", dh, "--app", "examples/double-halve/app.ts", "--junit", tmp], {
      cwd: root,
    });
    expect(isDir.code).toBe(1);
    expect(isDir.stdout).toBe("");
    expect(isDir.stderr).toBe(
      `hindsight: cannot write --junit ${tmp}: it is a directory; choose a file in a writable directory\n`,
    );
    const blocker = join(tmp, "a-file");
    writeFileSync(blocker, "");
    const under = await runCli(
      ["verify", dh, "--app", "examples/double-halve/app.ts", "--junit", join(blocker, "x.xml")],
      { cwd: root },
    );
    expect(under.code).toBe(1);
    expect(under.stdout).toBe("");
    expect(under.stderr).toMatch(
      /^hindsight: cannot write --junit .*a-file\/x\.xml: a part of its path is a file/,
    );
    // A report inside a recording (a slip of the keyboard) would replace its files: refused.
    const copy = join(tmp, "dh-copy");
    cpSync(join(root, dh), copy, { recursive: true });
    const manifest = readFileSync(join(copy, "manifest.json"));
    for (const target of [join(copy, "manifest.json"), join(copy, "checkpoints", "r.xml")]) {
      const r = await runCli(["verify", copy, "--app", "examples/double-halve/app.ts", "--junit", target], {
        cwd: root,
      });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(
        /^hindsight: --junit .* is inside the recording .*dh-copy: writing it would damage the recording/,
      );
    }
    expect(readFileSync(join(copy, "manifest.json")).equals(manifest)).toBe(true);
    // A directory with some other manifest.json is no recording.
    writeFileSync(join(tmp, "manifest.json"), '{"name":"a web app"}');
    const web = await runCli(
      ["verify", dh, "--app", "examples/double-halve/app.ts", "--junit", join(tmp, "r.xml")],
      {
        cwd: root,
      },
    );
    expect(web.code).toBe(0);
  });

  it("a recording that ends inside its last event (no STOP marker) is identical up to there; sealed, it diverges", async () => {
    const reader = LogReader.open(join(root, ms));
    const { kind: _k, formatVersion: _f, writer: _w, ...init } = reader.manifest;
    const all = [...reader.records()];
    reader.close();
    // Cut right after an order's input: its clock decision and output were never written.
    const cut = all.findIndex((r) => r.seq > 1000 && r.type === "input" && r.stream === 1);
    const copy = (name: string, more: LogRecord[] = []) => {
      const dir = join(tmp, name);
      const w = LogWriter.create(dir, init);
      for (const r of [...all.slice(0, cut + 1), ...more]) w.append(r);
      w.close();
      return dir;
    };
    const app = "examples/market-spread/app.ts";
    const crashed = await runCli(["verify", copy("cut"), "--app", app, "--json"], { cwd: root });
    expect(crashed.code).toBe(0);
    const [res] = JSON.parse(crashed.stdout) as { status: string; notes: string[]; events: number }[];
    expect(res?.status).toBe("identical");
    // Every input event the recording holds, the one it ends inside too (as record counted it).
    expect(res?.events).toBe(all.slice(0, cut + 1).filter((r) => r.type === "input").length);
    expect(res?.notes).toContain(
      `the recording ends inside event seq ${cut} (the run did not end cleanly, and the rest of that event was not written): it was compared up to there`,
    );
    const sealed = copy("cut-sealed", [rec.marker({ kind: MarkerKind.stop, events: 1, status: "ok" })]);
    const r = await runCli(["verify", sealed, "--app", app, "--json"], { cwd: root });
    expect(r.code).toBe(3);
    const [div] = JSON.parse(r.stdout) as { divergence: { kind: string; eventSeq: number } }[];
    expect(div?.divergence).toMatchObject({ kind: "decision-extra", eventSeq: cut });
  });

  it("the text report cuts long values (a 5 000-character output) to 1 000 characters a line", async () => {
    const mk = (fill: string) =>
      writePadApp(join(tmp, `pad-${fill}.ts`), { name: "pad", input: "numbers", fill, times: 5000 });
    const input = join(tmp, "n.jsonl");
    writeFileSync(input, '{"n":1}\n');
    const dir = join(tmp, "pad-rec");
    const made = await runCli([
      "record",
      "--app",
      mk("y"),
      "-i",
      `numbers=${input}`,
      "-o",
      dir,
      "--outputs",
      "full",
    ]);
    expect(made.code).toBe(0);
    const r = await runCli(["verify", dir, "--app", mk("z")]);
    expect(r.code).toBe(3);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines.find((l) => l.startsWith("    expected: "))).toMatch(
      /^ {4}expected: \{.*y… \(4,\d{3} more characters\)$/,
    );
    for (const l of lines) expect(l.length).toBeLessThan(1040);
  });

  it("a new build that keeps its state differently but decides the same is identical, with a note", async () => {
    const src = readFileSync(join(root, "examples/market-spread/app.ts"), "utf8")
      .replace('"../../src/index.js"', JSON.stringify(pathToFileURL(join(root, "src/index.ts")).href))
      .replace("seq: ctx.eventSeq,", "seq: ctx.eventSeq, v: 2,");
    const other = join(tmp, "v2.ts");
    writeFileSync(other, src);
    const r = await runCli(["verify", ms, "--app", other, "--json"], { cwd: root });
    expect(r.code).toBe(0);
    const [res] = JSON.parse(r.stdout) as { status: string; buildChanged: boolean; notes: string[] }[];
    expect(res?.status).toBe("identical");
    expect(res?.buildChanged).toBe(true);
    expect(res?.notes).toContainEqual(
      expect.stringMatching(
        /^the state differs from the recorded build's at 8 checkpoint\(s\), the first after event \d+ \(checkpoints\/ckpt-\d+\.state\): expected when/,
      ),
    );
  });

  it("text output: a line per recording and a batch summary; exit 0 when all identical", async () => {
    const r = await runCli(["verify", ms, "--app", "examples/market-spread/app.ts"], { cwd: root });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^✓ recordings\/v1\/market-spread: identical \(20,000 events, 4,000 decisions, 4,000 outputs, 8 checkpoints, /,
    );
  });

  it("exit 4 for a corrupt recording, reported as an error result", async () => {
    const copy = join(tmp, "corrupt");
    cpSync(join(root, dh), copy, { recursive: true });
    const seg = join(copy, "segment-000001.hsl");
    const b = readFileSync(seg);
    const at = Math.floor(statSync(seg).size / 2);
    b[at] = (b[at] as number) ^ 0xff;
    writeFileSync(seg, b);
    const r = await runCli(["verify", copy, "--app", "examples/double-halve/app.ts", "--json"], {
      cwd: root,
    });
    expect(r.code).toBe(4);
    const [res] = JSON.parse(r.stdout) as { status: string; error: { code: string } }[];
    expect(res?.status).toBe("error");
    expect(res?.error.code).toMatch(/^CORRUPT_/);
  });

  it("a closed recording cut short afterwards is corrupt (exit 4); one torn in a crash is verified up to the tear, with a note", async () => {
    const app = "examples/double-halve/app.ts";
    const cutCopy = (name: string, keepIndex: boolean) => {
      const copy = join(tmp, name);
      cpSync(join(root, dh), copy, { recursive: true });
      const r = LogReader.open(copy);
      const b = r.blockInfo(Math.floor(r.blockCount / 2));
      r.close();
      const seg = join(copy, "segment-000001.hsl");
      // Half-way into a block: a torn write, unless the index says the segment was closed longer.
      writeFileSync(seg, readFileSync(seg).subarray(0, b.offset + 100));
      if (!keepIndex) rmSync(join(copy, "segment-000001.hsi"));
      return { copy, tornAt: b.offset };
    };
    const cut = cutCopy("cut-after-close", true);
    const r = await runCli(["verify", cut.copy, "--app", app, "--json"], { cwd: root });
    expect(r.code).toBe(4);
    const [res] = JSON.parse(r.stdout) as { status: string; error: { code: string; message: string } }[];
    expect(res?.status).toBe("error");
    expect(res?.error.code).toBe("CORRUPT_SEGMENT");
    expect(res?.error.message).toContain("segment is cut short");
    // fsck --repair keeps what is left, and says so in the recording: verify then tells it from a crash.
    expect((await runCli(["fsck", cut.copy, "--repair"], { cwd: root })).code).toBe(0);
    const repaired = await runCli(["verify", cut.copy, "--app", app, "--json"], { cwd: root });
    expect(repaired.code).toBe(0);
    const [fixed] = JSON.parse(repaired.stdout) as { status: string; notes: string[] }[];
    expect(fixed?.notes[0]).toMatch(
      new RegExp(
        `^fsck --repair changed this recording at \\d{4}-.*: cut segment-000001\\.hsl back to its last whole block \\(offset ${cut.tornAt}\\)`,
      ),
    );
    expect(fixed?.notes).toContain("the recording has no STOP marker (fsck --repair cut it off, see above)");
    const torn = cutCopy("torn-in-crash", false);
    const t = await runCli(["verify", torn.copy, "--app", app, "--json"], { cwd: root });
    expect(t.code).toBe(0);
    const [ok] = JSON.parse(t.stdout) as { status: string; notes: string[] }[];
    expect(ok?.status).toBe("identical");
    expect(ok?.notes.join("\n")).toContain(
      `the recording ends in a torn tail (an interrupted write): 100 bytes after the last whole block of segment-000001.hsl (offset ${torn.tornAt})`,
    );
  });

  it("a recording made by another engine version is incompatible (exit 3), saying why", async () => {
    const copy = join(tmp, "engine-2");
    cpSync(join(root, dh), copy, { recursive: true });
    const m = join(copy, "manifest.json");
    const text = readFileSync(m, "utf8");
    expect(text).toContain('"engineVersion": "1"');
    writeFileSync(m, text.replace('"engineVersion": "1"', '"engineVersion": "2"'));
    const r = await runCli(["verify", copy, "--app", "examples/double-halve/app.ts", "--json"], {
      cwd: root,
    });
    expect(r.code).toBe(3);
    const [res] = JSON.parse(r.stdout) as { status: string; incompatible: string[] }[];
    expect(res?.status).toBe("incompatible");
    expect(res?.incompatible).toEqual([
      "recording was made by engine version 2; this build runs engine version 1 (use a hindsight release that runs it)",
    ]);
  });

  it("a format version this build does not know is incompatible (exit 3), saying why", async () => {
    const copy = join(tmp, "future");
    cpSync(join(root, dh), copy, { recursive: true });
    const m = join(copy, "manifest.json");
    writeFileSync(m, readFileSync(m, "utf8").replace('"formatVersion": 1', '"formatVersion": 99'));
    const r = await runCli(["verify", copy, "--app", "examples/double-halve/app.ts", "--json"], {
      cwd: root,
    });
    expect(r.code).toBe(3);
    const [res] = JSON.parse(r.stdout) as { status: string; incompatible: string[] }[];
    expect(res?.status).toBe("incompatible");
    expect(res?.incompatible.join(" ")).toMatch(/99/);
  });

  it("an app that fails to load: one line, and with --debug the app's own stack trace too", async () => {
    const bad = join(tmp, "throws-at-load.mjs");
    writeFileSync(
      bad,
      'function boom() { throw new Error("kaboom at load"); }\nboom();\nexport default {};\n',
    );
    const plain = await runCli(["verify", dh, "--app", bad], { cwd: root });
    expect(plain.code).toBe(2);
    expect(plain.stderr.trim().split("\n")).toHaveLength(1);
    expect(plain.stderr).toMatch(/failed to load: kaboom at load/);
    const debug = await runCli(["verify", dh, "--app", bad, "--debug"], { cwd: root });
    expect(debug.code).toBe(2);
    expect(debug.stderr).toMatch(/\ncaused by: Error: kaboom at load\n\s+at boom \(/);
  });

  it("an app defineApp refuses, and a directory given as --app: one line each, saying so", async () => {
    const cyclic = join(tmp, "cyclic.ts");
    writeFileSync(
      cyclic,
      `import { codecs, defineApp, map } from ${JSON.stringify(join(root, "src", "index.js"))};\n` +
        `export default defineApp({ name: "c", inputs: { numbers: codecs.json() }, sinks: { numbers: codecs.json() },\n` +
        `  steps: { a: map({ from: ["numbers", "b"], fn: (x) => x }), b: map({ from: "a", to: "numbers", fn: (x) => x }) } });\n`,
    );
    const c = await runCli(["verify", dh, "--app", cyclic], { cwd: root });
    expect(c.code).toBe(2);
    expect(c.stderr.trim().split("\n")).toHaveLength(1);
    expect(c.stderr).toMatch(/cyclic\.ts: steps form a cycle: a → b → a .*; fix the app definition/);
    expect(c.stderr).not.toMatch(/failed to load|npx tsx/);
    const d = await runCli(["verify", dh, "--app", "examples"], { cwd: root });
    expect(d.code).toBe(2);
    expect(d.stderr.trim()).toBe(
      `hindsight: app module examples is a directory (${join(root, "examples")}); pass the app's module file (e.g. app.ts), not its directory`,
    );
  });

  it("a step that throws: the report names where in the app only with --debug", async () => {
    const app = join(root, "examples", "double-halve", "throws-qa.tmp.ts");
    writeFileSync(
      app,
      readFileSync(join(root, "examples", "double-halve", "app.ts"), "utf8").replace(
        "fn: (e) => ({ ...e, n: half(e.n) }),",
        'fn: (e) => {\n        if (Number(e.n) % 7 === 3) throw new RangeError("no sevens");\n        return { ...e, n: half(e.n) };\n      },',
      ),
    );
    try {
      const plain = await runCli(["verify", dh, "--app", app], { cwd: root });
      expect(plain.code).toBe(3);
      expect(plain.stdout).toMatch(/app-error: step 'halve' threw while handling event seq \d+: no sevens/);
      expect(plain.stdout).not.toContain("throws-qa.tmp.ts:");
      const debug = await runCli(["verify", dh, "--app", app, "--debug"], { cwd: root });
      expect(debug.code).toBe(3);
      expect(debug.stdout).toMatch(
        /\n {2}error: APP_ERROR .*\n {4}at (Object\.)?fn \(.*throws-qa\.tmp\.ts(\?[^:]*)?:\d+:\d+\)\n {2}last matching checkpoint/,
      );
      const json = await runCli(["verify", dh, "--app", app, "--json"], { cwd: root });
      expect(json.stdout).not.toContain('"stack"');
    } finally {
      rmSync(app, { force: true });
    }
  });

  it("the same build id diverging points at what the build id does not cover (a module outside the app's directory)", async () => {
    const base = join(tmp, "outside");
    mkdirSync(join(base, "app"), { recursive: true });
    mkdirSync(join(base, "lib"), { recursive: true });
    writeFileSync(join(base, "lib", "factor.ts"), "export const factor = 2;\n");
    const app = join(base, "app", "app.ts");
    writeFileSync(
      app,
      `import { codecs, defineApp, map } from ${JSON.stringify(join(root, "src", "index.js"))};\n` +
        `import { factor } from "../lib/factor.ts";\n` +
        `export default defineApp({ name: "outside", inputs: { numbers: codecs.json() }, sinks: { out: codecs.json() },\n` +
        `  steps: { m: map({ from: "numbers", to: "out", fn: (e: any) => ({ n: Number(e.n) * factor }) }) } });\n`,
    );
    const input = join(base, "in.jsonl");
    writeFileSync(input, '{"n":1}\n{"n":2}\n');
    const rec = join(base, "rec");
    expect(
      (await runCli(["record", "--app", app, "--input", `numbers=${input}`, "--out", rec], { cwd: root }))
        .code,
    ).toBe(0);
    expect((await runCli(["verify", rec, "--app", app], { cwd: root })).code).toBe(0);
    // The same app directory elsewhere, beside another lib (a fresh path: modules are cached).
    const other = join(tmp, "outside-2");
    mkdirSync(join(other, "lib"), { recursive: true });
    cpSync(join(base, "app"), join(other, "app"), { recursive: true });
    writeFileSync(join(other, "lib", "factor.ts"), "export const factor = 3;\n");
    const v = await runCli(["verify", rec, "--app", join(other, "app", "app.ts")], { cwd: root });
    expect(v.code).toBe(3);
    expect(v.stdout).toMatch(
      /note: the app's build id is the recording's, yet it diverged: .*a module outside it/,
    );
  });

  it("a recording with no whole block is an error (exit 4), not a verified one; fsck says so", async () => {
    const input = join(tmp, "three.jsonl");
    writeFileSync(input, '{"ts":1,"n":1}\n{"ts":2,"n":2}\n{"ts":3,"n":3}\n');
    const rec = join(tmp, "only-block-torn");
    const made = await runCli(
      ["record", "--app", "examples/double-halve/app.ts", "--input", `numbers=${input}`, "--out", rec],
      { cwd: root },
    );
    expect(made.code).toBe(0);
    rmSync(join(rec, "segment-000001.hsi"));
    const seg = join(rec, "segment-000001.hsl");
    const bytes = readFileSync(seg);
    writeFileSync(seg, bytes.subarray(0, bytes.length - 10));
    const v = await runCli(["verify", rec, "--app", "examples/double-halve/app.ts", "--json"], { cwd: root });
    expect(v.code).toBe(4);
    const [res] = JSON.parse(v.stdout) as { status: string; error: { code: string; message: string } }[];
    expect(res?.status).toBe("error");
    expect(res?.error.code).toBe("TORN_TAIL");
    expect(res?.error.message).toMatch(/^the recording has no whole block: its only one is torn/);
    const f = await runCli(["fsck", rec], { cwd: root });
    expect(f.code).toBe(4);
    expect(f.stdout).toMatch(/bytes after the last whole block \(.*\); no whole block before it/);
  });

  it("exit 2 without --app", async () => {
    const r = await runCli(["verify", ms], { cwd: root });
    expect(r.code).toBe(2);
  });
});
