import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { readU64le } from "../../src/engine/bytes.js";
import { formatTime } from "../../src/format/time.js";
import { LogReader, LogWriter } from "../../src/log/index.js";
import { runCli } from "../../test/cli-io.js";
import { writeStepApp } from "../../test/pad-app.js";
import { type Io, wantsProgress } from "../io.js";

const root = join(import.meta.dirname, "../..");
const golden = "recordings/v1/market-spread";
const app = "examples/market-spread/app.ts";
const tmp = mkdtempSync(join(tmpdir(), "hindsight-replay-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface ReplayJson {
  until: number;
  reachedSeq: number;
  lastEventSeq: number;
  eventsReplayed: number;
  eventsHandled: number;
  startedFrom: { refSeq: number; eventSeq: number; location: string } | null;
  rejectedCheckpoints: { location: string; reason: string }[];
  state: Record<string, Record<string, { bid: number; offer: number; ts: string; seq: number }>>;
  recentEvents: { seq: number; stream: string; payload: string }[];
  recentDecisions: { seq: number; kind: string }[];
  notes: string[];
}

async function replayJson(args: string[], dir = golden): Promise<ReplayJson> {
  const r = await runCli(["replay", dir, "--app", app, "--json", ...args], { cwd: root });
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as ReplayJson;
}

describe("hindsight replay --until", () => {
  it("by sequence number: starts from the nearest checkpoint and matches a replay from the start", async () => {
    // The golden recording was made by an earlier build of the app: its checkpoints are used
    // only when trusted (the app keeps its state the same way).
    const fast = await replayJson(["--until", "15000", "--trust-checkpoints"]);
    const slow = await replayJson(["--until", "15000", "--no-checkpoints"]);
    expect(fast.startedFrom?.location).toBe("checkpoints/ckpt-000000014406.state");
    expect(slow.startedFrom).toBeNull();
    expect(fast.eventsReplayed).toBeLessThan(slow.eventsReplayed / 5);
    expect(fast.state).toEqual(slow.state);
    // ...and prints the same, key order included (restored state keeps its keys sorted).
    expect(JSON.stringify(fast.state)).toBe(JSON.stringify(slow.state));
    expect(fast.eventsHandled).toBe(slow.eventsHandled);
    expect(fast.reachedSeq).toBe(slow.reachedSeq);
    expect(fast.reachedSeq).toBeGreaterThanOrEqual(15000);
    expect(Object.keys(fast.state["spread"] ?? {}).length).toBeGreaterThan(400);
    expect(fast.recentEvents).toHaveLength(5);
    expect(fast.recentEvents.every((e) => e.seq <= fast.reachedSeq)).toBe(true);
    expect(fast.recentDecisions.length).toBeGreaterThan(0);
    // Bigints come as decimal strings, exact (a clock reading is beyond 2^53; ts is a bigint).
    const reader = LogReader.open(join(root, golden));
    const d = reader.get(fast.recentDecisions.at(-1)!.seq);
    reader.close();
    expect(d.type === "decision" && (fast.recentDecisions.at(-1) as { value?: unknown }).value).toBe(
      d.type === "decision" ? readU64le(d.value).toString() : "",
    );
    expect(typeof (fast.state["spread"]?.["AAL"] as { ts?: unknown } | undefined)?.ts).toBe("string");
  });

  it("the state of a key is that of the last quote of its symbol at or before the point", async () => {
    const until = 9000;
    const reader = LogReader.open(join(root, golden));
    let last: { seq: number; bid: number } | undefined;
    let key = "";
    for (const r of reader.records({ toSeq: until, types: ["input"] }))
      if (r.type === "input" && r.stream === 0) {
        const q = JSON.parse(Buffer.from(r.payload).toString()) as { symbol: string; bid: number };
        if (key === "") key = q.symbol;
        if (q.symbol === key) last = { seq: r.seq, bid: q.bid };
      }
    reader.close();
    const res = await replayJson(["--until", String(until), "--key", key]);
    expect(Object.keys(res.state["spread"] ?? {})).toEqual([key]);
    const st = res.state["spread"]?.[key];
    expect(st?.seq).toBe(last?.seq);
    expect(st?.bid).toBe(Math.round((last?.bid ?? 0) * 1e6));
  });

  it("by ISO time: every event at or before that time is handled", async () => {
    const reader = LogReader.open(join(root, golden));
    const target = reader.get(12345);
    reader.close();
    const iso = formatTime(target.timeNs);
    const res = await replayJson(["--until", iso]);
    const reader2 = LogReader.open(join(root, golden));
    const after = reader2.get(res.reachedSeq + 1);
    const at = reader2.get(res.lastEventSeq);
    reader2.close();
    expect(at.timeNs).toBeLessThanOrEqual(target.timeNs);
    expect(after.timeNs).toBeGreaterThan(target.timeNs);
  });

  it("by ISO time outside the recording: says so, with the recording's time range", async () => {
    const reader = LogReader.open(join(root, golden));
    const [first, last] = reader.timeRange ?? [0n, 0n];
    reader.close();
    const before = await replayJson(["--until", formatTime(first - 1n)]);
    expect(before.lastEventSeq).toBe(-1);
    expect(before.eventsHandled).toBe(0);
    expect(before.notes[0]).toMatch(
      new RegExp(
        `is before the recording's first record \\(its times are ${formatTime(first)} \\.\\. ${formatTime(last)}`,
      ),
    );
    const text = await runCli(["replay", golden, "--app", app, "--until", formatTime(first - 1n)], {
      cwd: root,
    });
    expect(text.stdout).toMatch(
      /^replayed market-spread to seq \d+ \(no event yet\) from the start: 0 events/,
    );
    const after = await replayJson(["--until", formatTime(last + 1n)]);
    expect(after.notes[0]).toMatch(/is after the recording's last record .*: replayed to the end$/);
    const end = await replayJson([]);
    expect(after.reachedSeq).toBe(end.reachedSeq);
    const inside = await replayJson(["--until", formatTime(last)]);
    expect(inside.notes.filter((n) => n.startsWith("--until"))).toEqual([]);
  });

  it("with another build of the app, starts from the beginning unless told to trust the checkpoints", async () => {
    // A build that keeps one more field in its state (and decides the same).
    const src = readFileSync(join(root, app), "utf8")
      .replace('"../../src/index.js"', JSON.stringify(pathToFileURL(join(root, "src/index.ts")).href))
      .replace("seq: ctx.eventSeq,", "seq: ctx.eventSeq, v: 2,");
    const other = join(tmp, "v2.ts");
    writeFileSync(other, src);
    const run = async (...more: string[]) => {
      const r = await runCli(["replay", golden, "--app", other, "--json", "--until", "15000", ...more], {
        cwd: root,
      });
      expect(r.code).toBe(0);
      return JSON.parse(r.stdout) as ReplayJson;
    };
    const fresh = await run();
    expect(fresh.startedFrom).toBeNull();
    expect(fresh.notes[0]).toMatch(
      /^the app's build differs from the recording's, .*replayed from the start/,
    );
    const states = Object.values(fresh.state["spread"] ?? {});
    expect(states.length).toBeGreaterThan(400);
    expect(states.every((v) => (v as { v?: number }).v === 2)).toBe(true);
    const trusted = await run("--trust-checkpoints");
    expect(trusted.startedFrom?.location).toBe("checkpoints/ckpt-000000014406.state");
    expect(trusted.notes).toContain(
      "checkpoints of the recorded build are trusted although the app's build differs",
    );
    // The recorded build's state: keys last written before the checkpoint lack the new field.
    expect(
      Object.values(trusted.state["spread"] ?? {}).some((v) => (v as { v?: number }).v === undefined),
    ).toBe(true);
  });

  it("prints a readable state in text mode", async () => {
    const r = await runCli(["replay", golden, "--app", app, "--until", "3000", "--key", "AAPL"], {
      cwd: root,
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^replayed market-spread to seq \d+ \(last event \d+\) from the start: /);
    expect(r.stdout).toContain(`state of step 'spread' key "AAPL":`);
    expect(r.stdout).toMatch(/last events:\n {2}seq \d+ (quotes|orders) 2026-/);
  });

  it("a tampered checkpoint is rejected (digest) and an earlier one is used", async () => {
    const copy = join(tmp, "tampered");
    cpSync(join(root, golden), copy, { recursive: true });
    const files = readdirSync(join(copy, "checkpoints")).sort();
    const victim = "ckpt-000000014406.state";
    expect(files).toContain(victim);
    writeFileSync(join(copy, "checkpoints", victim), "{}");
    const r = await runCli(
      ["replay", copy, "--app", app, "--until", "15000", "--json", "--trust-checkpoints"],
      {
        cwd: root,
      },
    );
    expect(r.code).toBe(0);
    const res = JSON.parse(r.stdout) as ReplayJson;
    expect(res.rejectedCheckpoints.map((x) => x.location)).toEqual([`checkpoints/${victim}`]);
    expect(res.startedFrom?.location).toBe("checkpoints/ckpt-000000010637.state");
    const clean = await replayJson(["--until", "15000", "--trust-checkpoints"]);
    expect(res.state).toEqual(clean.state);
    // fsck finds it (exit 4), verify notes it, and fsck --repair removes it: then only a note.
    const f = await runCli(["fsck", copy], { cwd: root });
    expect(f.code).toBe(4);
    expect(f.stdout).toMatch(
      new RegExp(`DAMAGED CHECKPOINT checkpoints/${victim}: its SHA-256 [0-9a-f]{16}… is not the digest`),
    );
    const v = await runCli(["verify", copy, "--app", app, "--json"], { cwd: root });
    expect(v.code).toBe(0);
    expect(JSON.parse(v.stdout)[0].notes).toContainEqual(
      expect.stringMatching(
        new RegExp(`^1 checkpoint file\\(s\\) do not match the log: checkpoints/${victim}`),
      ),
    );
    const repaired = await runCli(["fsck", copy, "--repair", "--json"], { cwd: root });
    expect(repaired.code).toBe(0);
    expect(JSON.parse(repaired.stdout).checkpoints).toMatchObject({
      checked: 8,
      damaged: [{ file: `checkpoints/${victim}`, removed: true }],
    });
    const after = await runCli(["fsck", copy], { cwd: root });
    expect(after.code).toBe(0);
    expect(after.stdout).toMatch(/note: 1 checkpoint file\(s\) the log names are missing/);
  });

  it("damage before the checkpoint it starts from does not stop a replay: the last events shown start after it", async () => {
    const copy = join(tmp, "damaged-before");
    cpSync(join(root, golden), copy, { recursive: true });
    const reader = LogReader.open(copy);
    const blocks = Array.from({ length: reader.blockCount }, (_, i) => reader.blockInfo(i));
    reader.close();
    // The block just before the one holding the checkpoint record (seq 14406).
    const at = blocks.findIndex((b) => b.firstSeq + b.recordCount > 14406);
    const victim = blocks[at - 1]!;
    expect(victim.firstSeq + victim.recordCount).toBeGreaterThan(14406 - 64 * 6);
    const seg = join(copy, "segment-000001.hsl");
    const bytes = readFileSync(seg);
    const i = victim.offset + 56 + 10;
    bytes[i] = (bytes[i] as number) ^ 0xff;
    writeFileSync(seg, bytes);
    const r = await runCli(
      ["replay", copy, "--app", app, "--until", "14420", "--trust-checkpoints", "--json"],
      {
        cwd: root,
      },
    );
    expect(r.code, r.stderr).toBe(0);
    const res = JSON.parse(r.stdout) as ReplayJson;
    expect(res.startedFrom?.location).toBe("checkpoints/ckpt-000000014406.state");
    expect(res.notes).toContainEqual(
      expect.stringMatching(
        /^the records before the checkpoint the replay started from cannot be read \(block payload checksum mismatch/,
      ),
    );
    expect(res.recentEvents.every((e) => e.seq > 14406)).toBe(true);
  });

  it("a checkpoint whose file is missing is noted, and the replay starts from an earlier one", async () => {
    const copy = join(tmp, "missing-checkpoint");
    cpSync(join(root, golden), copy, { recursive: true });
    rmSync(join(copy, "checkpoints", "ckpt-000000014406.state"));
    const res = await replayJson(["--until", "15000", "--trust-checkpoints"], copy);
    expect(res.startedFrom?.location).toBe("checkpoints/ckpt-000000010637.state");
    expect(res.notes).toContainEqual(
      expect.stringContaining(
        "1 checkpoint(s) the log holds before the point have no file (checkpoints/ckpt-000000014406.state)",
      ),
    );
    const clean = await replayJson(["--until", "15000", "--trust-checkpoints"]);
    expect(clean.notes.join(" ")).not.toContain("have no file");
    expect(res.state).toEqual(clean.state);
  });

  it("exit 2 for a bad --until and for a directory that is not a recording", async () => {
    const a = await runCli(["replay", golden, "--app", app, "--until", "yesterday"], { cwd: root });
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/--until takes a sequence number or an ISO-8601 time/);
    // A time in ns given as a number: no sequence number is that large (it used to replay to the
    // end, the number rounded in its note).
    const ns = await runCli(["replay", golden, "--app", app, "--until", "1793629800000097533"], {
      cwd: root,
    });
    expect(ns.code).toBe(2);
    expect(ns.stderr).toMatch(
      /^hindsight: --until 1793629800000097533 is too large for a sequence number \(up to 2\^53-1\).*give a time in ISO-8601/,
    );
    const b = await runCli(["replay", tmp, "--app", app], { cwd: root });
    expect(b.code).toBe(2);
    const none = await runCli(
      ["replay", golden, "--app", app, "--until", "2000", "--recent", "0", "--json"],
      {
        cwd: root,
      },
    );
    expect(none.code).toBe(0);
    expect(JSON.parse(none.stdout)).toMatchObject({ recentEvents: [], recentDecisions: [] });
    const c = await runCli(["replay", golden, "--app", app, "--recent", "-1"], { cwd: root });
    expect(c.code).toBe(2);
    expect(c.stderr).toMatch(/--recent takes a whole number/);
  });

  /** Writes app `name`: one keyed step `s` over stream `ev` ({k, i}) whose handler runs `body` (m, ctx); returns its path. */
  const writeStateApp = (name: string, body: string): string => {
    const mod = join(tmp, `${name}.ts`);
    writeFileSync(
      mod,
      `import { codecs, defineApp, keyed } from ${JSON.stringify(pathToFileURL(join(root, "src/index.ts")).href)};
export default defineApp({
  name: ${JSON.stringify(name)},
  inputs: { ev: codecs.json<{ k: string; i: number }>() },
  sinks: {},
  steps: {
    s: keyed<{ k: string; i: number }, Record<string, unknown>>({
      from: "ev",
      key: (m) => m.k,
      handle(m, ctx) {
        ${body}
        return undefined;
      },
    }),
  },
});
`,
    );
    return mod;
  };

  it("shows state a checkpoint could not hold (NaN, a Map, a cycle, odd keys) as what it is, in one line a key", async () => {
    const mod = writeStateApp(
      "odd-state",
      `const st: Record<string, unknown> = { i: m.i, nan: Number.NaN, neg: -0, m: new Map([["a", 1]]) };
        st["self"] = st;
        ctx.state = st;`,
    );
    const input = join(tmp, "odd.jsonl");
    writeFileSync(
      input,
      `${JSON.stringify({ k: "", i: 1 })}\n${JSON.stringify({ k: 'say "hi"\n', i: 2 })}\n`,
    );
    const rec = join(tmp, "odd-rec");
    const r = await runCli(["record", "--app", mod, "--input", `ev=${input}`, "--out", rec], { cwd: root });
    expect(r.code).toBe(0);
    const text = await runCli(["replay", rec, "--app", mod], { cwd: root });
    expect(text.stderr).toBe("");
    expect(text.code).toBe(0);
    const lines = text.stdout.split("\n");
    expect(lines).toContain('  "": {"i":1,"m":Map [["a",1]],"nan":NaN,"neg":-0,"self":[Circular]}');
    expect(lines).toContain(
      '  "say \\"hi\\"\\n": {"i":2,"m":Map [["a",1]],"nan":NaN,"neg":-0,"self":[Circular]}',
    );
    expect(text.stdout).toMatch(
      /note: the state holds values JSON cannot hold \(.*NaN.*\): shown as text; a checkpoint would refuse all but -0$/m,
    );
    const json = await runCli(["replay", rec, "--app", mod, "--json"], { cwd: root });
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout).state.s[""]).toEqual({
      i: 1,
      m: 'Map [["a",1]]',
      nan: "NaN",
      neg: "-0",
      self: "[Circular]",
    });
  });

  it("shows a property holding undefined (a checkpoint keeps it) and says so", async () => {
    const mod = writeStateApp("undef-state", "ctx.state = { i: m.i, note: undefined };");
    const input = join(tmp, "undef.jsonl");
    writeFileSync(input, `${JSON.stringify({ k: "a", i: 1 })}\n${JSON.stringify({ k: "a", i: 2 })}\n`);
    const rec = join(tmp, "undef-rec");
    const r = await runCli(
      ["record", "--app", mod, "--input", `ev=${input}`, "--out", rec, "--checkpoint-every", "1"],
      { cwd: root },
    );
    expect(r.code).toBe(0);
    for (const from of [[], ["--no-checkpoints"]]) {
      const text = await runCli(["replay", rec, "--app", mod, ...from], { cwd: root });
      expect(text.code).toBe(0);
      expect(text.stdout.split("\n")).toContain('  a: {"i":2,"note":undefined}');
      expect(text.stdout).toMatch(
        /note: the state holds values JSON cannot hold \(undefined as a property\): shown as text; a checkpoint keeps them$/m,
      );
    }
  });
});

describe("replay of a run that failed or stopped inside an event", () => {
  const input = join(tmp, "four.jsonl");
  writeFileSync(input, [1, 2, 3, 4].map((n) => `{"ts":${n},"n":${n}}\n`).join(""));
  /** Records a one-step app `name` (step body `body`) over the four events; its module, recording and exit code. */
  const recordStep = async (name: string, body: string) => {
    const mod = writeStepApp(join(tmp, `${name}.ts`), { name, input: "a", sync: true, body });
    const rec = join(tmp, `${name}-rec`);
    const r = await runCli(
      ["record", "--app", mod, "--input", `a=${input}`, "--out", rec, "--time-field", "ts"],
      {
        cwd: root,
      },
    );
    return { mod, rec, code: r.code };
  };

  it("the event the recorded run failed in is the last event reached, counted, and listed as failed", async () => {
    const { mod, rec, code } = await recordStep(
      "throws",
      'if (v.n === 3) throw new TypeError("n is three"); return v;',
    );
    expect(code).toBe(1);
    // Events at seq 1, 3 and 5 (each with its output); the third failed: the STOP marker is 6.
    const text = await runCli(["replay", rec, "--app", mod], { cwd: root });
    expect(text.stderr).toBe("");
    expect(text.code).toBe(0);
    const lines = text.stdout.split("\n");
    expect(lines[0]).toMatch(
      /^replayed throws to seq 5 \(last event 5, which failed\) from the start: 3 events in [\d.]+ s; 3 events handled in total$/,
    );
    expect(lines).toContain(
      "event seq 5 failed, as in the recorded run; the state shown includes what it wrote before it failed",
    );
    const listed = lines.slice(lines.indexOf("last events:") + 1).filter((l) => l.startsWith("  seq "));
    expect(listed.map((l) => l.split(" ")[3])).toEqual(["1", "3", "5"]);
    expect(listed[2]).toMatch(/\{"ts":3,"n":3\} \(failed, as in the recorded run\)$/);
    const json = JSON.parse(
      (await runCli(["replay", rec, "--app", mod, "--json"], { cwd: root })).stdout,
    ) as ReplayJson & {
      failedAsRecorded: { eventSeq: number } | null;
    };
    expect(json).toMatchObject({ reachedSeq: 5, lastEventSeq: 5, eventsReplayed: 3, eventsHandled: 3 });
    expect(json.failedAsRecorded?.eventSeq).toBe(5);
    expect(json.recentEvents.map((e) => e.seq)).toEqual([1, 3, 5]);
  });

  it("an event the recording ends inside is named in the summary and marked in the list", async () => {
    const { mod, rec, code } = await recordStep("draws", "return { n: v.n, r: ctx.random() };");
    expect(code).toBe(0);
    // A copy cut right after the third event's input (a crash: no STOP marker), its draw unwritten.
    const reader = LogReader.open(rec);
    const { kind: _k, formatVersion: _f, writer: _w, ...init } = reader.manifest;
    const all = [...reader.records()];
    reader.close();
    const third = all.filter((x) => x.type === "input")[2] as { seq: number };
    const cut = join(tmp, "draws-cut");
    const w = LogWriter.create(cut, init);
    for (const x of all.filter((x) => x.seq <= third.seq)) w.append(x);
    w.close();
    const text = await runCli(["replay", cut, "--app", mod], { cwd: root });
    expect(text.stderr).toBe("");
    expect(text.code).toBe(0);
    const lines = text.stdout.split("\n");
    expect(lines[0]).toMatch(
      new RegExp(
        `^replayed draws to seq ${third.seq} \\(last event ${third.seq - 3}; the recording ends inside event ${third.seq}: see the note\\) from the start: 2 events in [\\d.]+ s; 2 events handled in total$`,
      ),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(
        new RegExp(`^ {2}seq ${third.seq} a .*\\(unfinished: the recording ends inside it\\)$`),
      ),
    );
    const json = JSON.parse(
      (await runCli(["replay", cut, "--app", mod, "--json"], { cwd: root })).stdout,
    ) as ReplayJson & {
      endsInside: number | null;
    };
    expect(json.endsInside).toBe(third.seq);
  });

  it("a replay that diverges lists the event it diverged in, and does not count it as handled", async () => {
    const { rec, code } = await recordStep("drawing", "return { n: v.n, r: ctx.random() };");
    expect(code).toBe(0);
    // Another build that does not draw for the third event: the recording has a draw it did not ask for.
    const other = writeStepApp(join(tmp, "drawing-other.ts"), {
      name: "drawing",
      input: "a",
      sync: true,
      body: "return v.n === 3 ? { n: v.n } : { n: v.n, r: ctx.random() };",
    });
    const text = await runCli(["replay", rec, "--app", other], { cwd: root });
    expect(text.stderr).toBe("");
    expect(text.code).toBe(3);
    const lines = text.stdout.split("\n");
    // Events at seq 1, 4 and 7 (input, draw, output each).
    expect(lines[0]).toMatch(
      /^replayed drawing to seq 6 \(last event 4\) from the start: 2 events in [\d.]+ s; 2 events handled in total$/,
    );
    expect(lines[1]).toMatch(
      /^DIVERGED at event seq 7: missing decision: .*; the state shown includes what that event wrote before the replay stopped$/,
    );
    const listed = lines.slice(lines.indexOf("last events:") + 1).filter((l) => l.startsWith("  seq "));
    expect(listed.map((l) => l.split(" ")[3])).toEqual(["1", "4", "7"]);
    expect(listed[2]).toMatch(/\{"ts":3,"n":3\} \(diverged\)$/);
    const json = JSON.parse(
      (await runCli(["replay", rec, "--app", other, "--json"], { cwd: root })).stdout,
    ) as ReplayJson;
    expect(json).toMatchObject({ reachedSeq: 6, lastEventSeq: 4, eventsReplayed: 2, eventsHandled: 2 });
    expect(json.recentEvents.map((e) => e.seq)).toEqual([1, 4, 7]);
  });
});

describe("replay's options and progress", () => {
  it("--trust-checkpoints with --no-checkpoints is a usage error, not a silent choice", async () => {
    const r = await runCli(["replay", golden, "--app", app, "--trust-checkpoints", "--no-checkpoints"], {
      cwd: root,
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^hindsight: --trust-checkpoints and --no-checkpoints contradict each other; give one/,
    );
  });

  it("shows progress on a terminal unless CI is set to something other than 0, false or nothing", () => {
    const io = (ci: string | undefined, isTTY = true) =>
      ({ stderr: { isTTY }, env: ci === undefined ? {} : { CI: ci } }) as unknown as Io;
    expect([undefined, "", "0", "false", "FALSE"].map((ci) => wantsProgress(io(ci)))).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(["1", "true", "yes"].map((ci) => wantsProgress(io(ci)))).toEqual([false, false, false]);
    expect(wantsProgress(io(undefined, false))).toBe(false);
  });
});
