import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { marketSpreadLines } from "../../examples/market-spread/generate.js";
import { LogReader } from "../../src/log/index.js";
import { runCli } from "../../test/cli-io.js";
import { writePadApp } from "../../test/pad-app.js";

const root = join(import.meta.dirname, "../..");
const tmp = mkdtempSync(join(tmpdir(), "hindsight-record-app-"));
const app = join(root, "examples/market-spread/app.ts");
let quotes = "";
let orders = "";
let nOrders = 0;

beforeAll(() => {
  const q: string[] = [];
  const o: string[] = [];
  for (const l of marketSpreadLines({ seed: 3, quotes: 1600, orders: 400 }))
    (l.stream === "quotes" ? q : o).push(l.line);
  nOrders = o.length;
  quotes = join(tmp, "quotes.jsonl");
  orders = join(tmp, "orders.jsonl");
  writeFileSync(quotes, `${q.join("\n")}\n`);
  writeFileSync(orders, `${o.join("\n")}\n`);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The --input flags for a quotes file and an orders file. */
const inputs = (q: string, o: string) => ["--input", `quotes=${q}`, "--input", `orders=${o}`];
const base = () => ["record", "--app", app, ...inputs(quotes, orders), "--time-field", "ts"];

describe("hindsight record --app", () => {
  it("notes events whose time goes back, and replay --until a time says what that leaves out", async () => {
    const q = (ts: bigint) => `{"ts":${ts},"symbol":"A","bid":1,"offer":2,"bidSize":1,"offerSize":1}`;
    const t0 = 1793629800000000000n;
    const file = join(tmp, "back.jsonl");
    writeFileSync(file, `${[q(t0 + 5n), q(t0 + 9n), q(t0 - 60_000_000_000n), q(t0 + 10n)].join("\n")}\n`);
    for (const withApp of [true, false]) {
      const out = join(tmp, `back-${withApp}`);
      const r = await runCli(
        [
          "record",
          ...(withApp ? ["--app", app] : []),
          "-i",
          `quotes=${file}`,
          "--time-field",
          "ts",
          "-o",
          out,
        ],
        { cwd: tmp },
      );
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toMatch(
        /^hindsight: note: 1 event has a time earlier than an event read before \(first: \S*back\.jsonl line 3\)/,
      );
    }
    // Between the early time and the rest: the replay stops before seq 1, and says seq 3 is earlier.
    const rep = await runCli(
      ["replay", join(tmp, "back-true"), "--app", app, "--until", "2026-11-02T14:29:30Z", "--json"],
      { cwd: tmp },
    );
    expect(rep.code).toBe(0);
    // It names the record read from line 3 (the third input event).
    const reader = LogReader.open(join(tmp, "back-true"));
    const third = [...reader.records({ types: ["input"] })][2]!.seq;
    reader.close();
    expect(JSON.parse(rep.stdout).notes).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `the recording's times go back in places.*\\(the first: seq ${third}\\): give --until ${third} `,
        ),
      ),
    );
    // In order: no note.
    const inOrder = await runCli([...base(), "--out", join(tmp, "in-order")], { cwd: tmp });
    expect(inOrder.stderr).toBe("");
  });

  it("without --time-field an event's time and ctx.now() read one clock: no reading before its event", async () => {
    const file = join(tmp, "lag.ts");
    writeFileSync(
      file,
      `import { codecs, defineApp, map } from ${JSON.stringify(pathToFileURL(join(root, "src/index.ts")).href)};
export default defineApp({
  name: "lag",
  inputs: { n: codecs.json() },
  sinks: { out: codecs.json() },
  steps: { s: map({ from: "n", to: "out", fn(v, ctx) { return { lag: String(ctx.now() - ctx.eventTime) }; } }) },
});
`,
    );
    const lines = Array.from({ length: 300 }, (_, i) => `{"n":${i}}`).join("\n");
    const sink = join(tmp, "lag.jsonl");
    // (Two clocks built apart from Date.now(), whose resolution is a millisecond, differed by up to
    // one: in about half of the runs an event was stamped after a ctx.now() its step read.)
    const r = await runCli(
      ["record", "--app", file, "-i", "n=-", "-o", join(tmp, "lag-rec"), "--sink", `out=${sink}`],
      {
        stdin: `${lines}\n`,
      },
    );
    expect(r.code).toBe(0);
    const lags = readFileSync(sink, "utf8")
      .trimEnd()
      .split("\n")
      .map((l) => BigInt((JSON.parse(l) as { lag: string }).lag));
    expect(lags).toHaveLength(300);
    expect(lags.filter((x) => x < 0n)).toEqual([]);
  });

  it("--time-field with no name is a usage error", async () => {
    const r = await runCli([
      "record",
      "--app",
      app,
      "-i",
      `quotes=${quotes}`,
      "-o",
      join(tmp, "tf"),
      "--time-field",
      "",
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--time-field takes a field name \(got an empty one\)/);
    expect(existsSync(join(tmp, "tf"))).toBe(false);
  });

  it("records inputs, decisions, outputs and checkpoints, and writes the sink", async () => {
    const out = join(tmp, "rec-a");
    const sink = join(tmp, "decisions.jsonl");
    const r = await runCli(
      [...base(), "--out", out, "--checkpoint-every", "500", "--sink", `decisions=${sink}`, "--json"],
      { cwd: tmp },
    );
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout) as {
      events: number;
      outputs: number;
      decisions: number;
      checkpoints: number;
      buildId: string;
    };
    expect(s).toMatchObject({ events: 2000, outputs: nOrders, decisions: nOrders, checkpoints: 4 });
    expect(s.buildId).toMatch(/^sha256:[0-9a-f]{64}$/);
    const lines = readFileSync(sink, "utf8").trimEnd().split("\n");
    expect(lines).toHaveLength(nOrders);
    expect(JSON.parse(lines[0] as string)).toHaveProperty("decision");
    const reader = LogReader.open(out);
    expect(reader.manifest.app).toMatchObject({ name: "market-spread", buildId: s.buildId });
    expect(reader.manifest.streams.map((x) => [x.name, x.codec])).toEqual([
      ["quotes", "json"],
      ["orders", "json"],
    ]);
    expect(reader.manifest.writer).toMatchObject({ outputs: "digest", checkpointEvery: 500 });
    const first = reader.get(0);
    const last = reader.get(reader.endSeq - 1);
    expect(first.type === "marker" && first.kind).toBe(1);
    expect(last.type === "marker" && [last.kind, last.events, last.status]).toEqual([2, 2000, "ok"]);
    reader.close();
  });

  it("a sink on stdout gets the sink's bytes only; the summary goes to stderr", async () => {
    const r = await runCli([...base(), "--out", join(tmp, "rec-b"), "--sink", "decisions=-"], { cwd: tmp });
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split("\n")).toHaveLength(nOrders);
    expect(r.stderr).toMatch(/^recorded app market-spread over 2,000 events/);
  });

  it("a sink file's directory is created; one that cannot be written fails before the recording starts", async () => {
    const sink = join(tmp, "sinks", "today", "decisions.jsonl");
    const out = join(tmp, "rec-sink-dir");
    const ok = await runCli([...base(), "--out", out, "--sink", `decisions=${sink}`]);
    expect(ok.code).toBe(0);
    expect(readFileSync(sink, "utf8").trimEnd().split("\n")).toHaveLength(nOrders);
    const blocker = join(tmp, "not-a-dir");
    writeFileSync(blocker, "");
    const out2 = join(tmp, "rec-sink-bad");
    const bad = await runCli([...base(), "--out", out2, "--sink", `decisions=${join(blocker, "d.jsonl")}`]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(
      /^hindsight: cannot write --sink decisions=.*not-a-dir\/d\.jsonl: a part of its path is a file, not a directory; /,
    );
    expect(bad.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(existsSync(out2)).toBe(false);
    const onFile = await runCli([...base(), "--out", blocker]);
    expect(onFile.code).toBe(2);
    expect(onFile.stderr).toMatch(
      /^hindsight: .*not-a-dir is a file, not a directory; choose a new or empty --out directory\n$/,
    );
    const badOut = await runCli([...base(), "--out", join(blocker, "rec")]);
    expect(badOut.code).toBe(1);
    expect(badOut.stderr).toMatch(
      /^hindsight: cannot create the recording directory .*not-a-dir\/rec: a part of its path is a file/,
    );
  });

  it("exit 2 for an input stream or sink the app does not have, and for a missing app module", async () => {
    const a = await runCli(
      ["record", "--app", app, "--input", `trades=${quotes}`, "--out", join(tmp, "x1")],
      { cwd: tmp },
    );
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/app market-spread has no input stream 'trades'.*its inputs are quotes, orders/);
    const b = await runCli([...base(), "--out", join(tmp, "x2"), "--sink", "fills=-"], { cwd: tmp });
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/has no sink 'fills'/);
    const c = await runCli(
      ["record", "--app", "nope.ts", "--input", `quotes=${quotes}`, "--out", join(tmp, "x3")],
      { cwd: tmp },
    );
    expect(c.code).toBe(2);
    expect(c.stderr).toMatch(/app module nope.ts does not exist/);
    expect(existsSync(join(tmp, "x1"))).toBe(false);
    // Inputs that cannot be read together are refused before the recording is created.
    for (const [more, msg] of [
      [["--input", `quotes=${quotes}`, "--input", `quotes=${quotes}`], /stream "quotes" is given twice/],
      [["--input", "quotes=-", "--input", "orders=-"], /only one input can read standard input/],
    ] as const) {
      const r = await runCli(["record", "--app", app, ...more, "--out", join(tmp, "x5")], { cwd: tmp });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(msg);
      expect(existsSync(join(tmp, "x5"))).toBe(false);
    }
    // A module that does not load: one line, whatever the loader's message looked like.
    writeFileSync(join(tmp, "imports-missing.ts"), 'import x from "./not-there.js";\nexport default x;\n');
    writeFileSync(join(tmp, "syntax.ts"), "export default {;\n");
    for (const [m, why] of [
      ["imports-missing.ts", /failed to load: Cannot find module '\.\/not-there\.js'/],
      [
        "syntax.ts",
        /failed to load: Transform failed with 1 error: \S*syntax\.ts:1:16: ERROR: Expected identifier/,
      ],
    ] as const) {
      const r = await runCli(
        ["record", "--app", m, "--input", `quotes=${quotes}`, "--out", join(tmp, "x4")],
        {
          cwd: tmp,
        },
      );
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(why);
      expect(r.stderr).not.toMatch(/namespace=/);
      expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    }
  });

  it("an output too large to record (--outputs full) is exit 2 naming it; the run is sealed; digests fit", async () => {
    const big = writePadApp(join(tmp, "big.ts"), {
      name: "big",
      input: "quotes",
      fill: "x",
      times: 17_000_000,
    });
    const two = join(tmp, "two.jsonl");
    writeFileSync(two, readFileSync(quotes, "utf8").split("\n").slice(0, 2).join("\n"));
    const out = join(tmp, "big-full");
    const recordBig = (dir: string, ...more: string[]) =>
      runCli(["record", "--app", big, "--input", `quotes=${two}`, "--out", dir, ...more]);
    const r = await recordBig(out, "--outputs", "full");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^hindsight: output #0 of event seq 1 \(sink 'out', 17000\d{3} bytes\) cannot be recorded: record of \d+ bytes exceeds the limit of 16777216 bytes \(\S*two\.jsonl line 1\); emit smaller outputs, or record only their digests \(--outputs digest\); the recording in \S*big-full was sealed after 1 event \(its STOP marker says why\): remove it, or pick another --out, to record again\n$/,
    );
    const reader = LogReader.open(out);
    const last = reader.get(reader.endSeq - 1);
    expect(last.type === "marker" && last.status).toMatch(/^failed: output #0 of event seq 1/);
    reader.close();
    // The refused output ended the run inside event 1: verify compares up to there.
    const v = await runCli(["verify", out, "--app", big, "--json"]);
    expect(v.code).toBe(0);
    const [res] = JSON.parse(v.stdout) as { status: string; notes: string[] }[];
    expect(res?.status).toBe("identical");
    expect(res?.notes).toContainEqual(
      expect.stringMatching(
        /^the recording ends inside event seq 1 \(the recorded run failed there: output #0 of event seq 1 .* cannot be recorded: .*\): it was compared up to there$/,
      ),
    );
    // replay (no outputs compared) says so too; it ran the event to its end, and counts it.
    const rp = await runCli(["replay", out, "--app", big, "--json"]);
    expect(rp.code).toBe(0);
    const rj = JSON.parse(rp.stdout) as {
      endsInside: number | null;
      notes: string[];
      eventsReplayed: number;
      eventsHandled: number;
      lastEventSeq: number;
    };
    expect(rj).toMatchObject({ endsInside: 1, eventsReplayed: 1, eventsHandled: 1, lastEventSeq: 1 });
    expect(rj.notes).toContainEqual(
      expect.stringMatching(
        /^the recording ends inside event seq 1 \(the recorded run failed there: output #0 of event seq 1 .*\): this replay, comparing no outputs, ran that event to its end, past where the recorded run stopped$/,
      ),
    );
    const d = await recordBig(join(tmp, "big-digest"));
    expect(d.code).toBe(0);
  });

  it("exit 2 for a module without an app, 1 for a determinism violation and for a step that throws", async () => {
    const noApp = join(tmp, "noapp.ts");
    writeFileSync(noApp, "export default 42;\n");
    const a = await runCli(
      ["record", "--app", noApp, "--input", `quotes=${quotes}`, "--out", join(tmp, "y1")],
      { cwd: tmp },
    );
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/has no app as its default export/);
    const src = readFileSync(app, "utf8").replace(
      '"../../src/index.js"',
      JSON.stringify(pathToFileURL(join(root, "src/index.ts")).href),
    );
    const bad = join(tmp, "bad.ts");
    writeFileSync(
      bad,
      src.replace(
        "const o = m as Order;",
        "const o = m as Order;\n        if (Math.random() > 2) return undefined;",
      ),
    );
    const b = await runCli([...base().map((x) => (x === app ? bad : x)), "--out", join(tmp, "y2")], {
      cwd: tmp,
    });
    // The app fails, as a step that throws does (exit 1), at the event's input file and line.
    expect(b.code).toBe(1);
    expect(b.stderr).toMatch(
      /^hindsight: Math\.random\(\) called inside step 'spread' \(event seq \d+\) \(.*orders\.jsonl line \d+, strict mode\)/,
    );
    expect(b.stderr).toMatch(/use ctx\.random/);
    const throws = join(tmp, "throws.ts");
    writeFileSync(
      throws,
      src.replace(
        "const o = m as Order;",
        'const o = m as Order;\n        if (o.qty > 0) throw new Error("boom");',
      ),
    );
    const c = await runCli([...base().map((x) => (x === app ? throws : x)), "--out", join(tmp, "y3")], {
      cwd: tmp,
    });
    expect(c.code).toBe(1);
    expect(c.stderr).toMatch(
      /step 'spread' threw while handling event seq \d+: boom \(.*orders\.jsonl line 1, app /,
    );
    // The failed run is still a readable recording whose STOP marker says why.
    const reader = LogReader.open(join(tmp, "y3"));
    const last = reader.get(reader.endSeq - 1);
    expect(last.type === "marker" && last.status).toMatch(/^failed: .*boom/);
    reader.close();
    // ...and it replays faithfully: the same failure at the same event is not a divergence.
    const v = await runCli(["verify", join(tmp, "y3"), "--app", throws], { cwd: tmp });
    expect(v.stdout).toMatch(
      /identical.*\n.*note: the recorded run failed at event seq \d+, and the replay fails the same way: step 'spread' threw/,
    );
    expect(v.code).toBe(0);
    // replay to the end shows the state where it failed, as recorded: no divergence either.
    const rp = await runCli(["replay", join(tmp, "y3"), "--app", throws, "--json"], { cwd: tmp });
    expect(rp.code).toBe(0);
    const rj = JSON.parse(rp.stdout);
    expect(rj.divergence).toBeNull();
    expect(rj.failedAsRecorded).toMatchObject({ message: expect.stringMatching(/boom/) });
    expect(rj.notes.join("\n")).toMatch(
      /the recorded run failed at event seq \d+, and the replay fails the same way/,
    );
    const rpFixed = await runCli(["replay", join(tmp, "y3"), "--app", app], { cwd: tmp });
    expect(rpFixed.code).toBe(3);
    expect(rpFixed.stdout).toMatch(/DIVERGED at event seq \d+/);
    // A build that no longer fails there decides something the recorded run never did.
    const fixed = await runCli(["verify", join(tmp, "y3"), "--app", app], { cwd: tmp });
    expect(fixed.code).toBe(3);
    expect(fixed.stdout).toMatch(/DIVERGED at event seq \d+ .*\n {2}decision-extra: /);
  });

  it("blank lines are not events; a line that does not decode is exit 2 naming its file and line", async () => {
    const q = readFileSync(quotes, "utf8").split("\n").slice(0, 3);
    const o = readFileSync(orders, "utf8").split("\n").slice(0, 2);
    const q2 = join(tmp, "q-blank.jsonl");
    const o2 = join(tmp, "o-blank.jsonl");
    const o3 = join(tmp, "o-bad.jsonl");
    writeFileSync(q2, `\n${q[0]}\n  \n${q[1]}\r\n\r\n${q[2]}\n\n`);
    writeFileSync(o2, `${o[0]}\n\t\n${o[1]}`);
    writeFileSync(o3, `${o[0]}\n\n{"ts":1,"orderId":\n${o[1]}\n`);
    const recordWith = (ordersFile: string, out: string, more: string[]) =>
      runCli(["record", "--app", app, ...inputs(q2, ordersFile), "--out", out, ...more], { cwd: tmp });
    for (const tf of [[], ["--time-field", "ts"]]) {
      const out = join(tmp, `blank${tf.length}`);
      const r = await recordWith(o2, out, [...tf, "--json"]);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ events: 5, outputs: 2 });
      const reader = LogReader.open(out);
      const payloads = [...reader.records({ types: ["input"] })].map((x) =>
        x.type === "input" ? Buffer.from(x.payload).toString() : "",
      );
      // Where the event times came from: the field, or the wall clock when each line was read.
      expect(reader.manifest.clockSource).toBe(tf.length ? "input:ts" : "wall");
      reader.close();
      expect(payloads.sort()).toEqual([q[0], `${q[1]}\r`, q[2], o[0], o[1]].sort());
      const bad = await recordWith(o3, join(tmp, `bad${tf.length}`), tf);
      expect(bad.code).toBe(2);
      expect(bad.stderr.trimEnd().split("\n")).toHaveLength(1);
      expect(bad.stderr).toMatch(/does not decode with codec json: .*\(.*o-bad\.jsonl line 3, payload/);
    }
  });

  it("a sink file that is an input, inside --out, or given twice is refused before anything is written", async () => {
    const inputCopy = join(tmp, "orders-copy.jsonl");
    writeFileSync(inputCopy, readFileSync(orders));
    const out = join(tmp, "sink-clash");
    const cases: [string[], RegExp][] = [
      [
        ["--input", `orders=${inputCopy}`, "--sink", "decisions=./orders-copy.jsonl"],
        /--sink decisions=\.\/orders-copy\.jsonl is also the file of --input orders: writing the sink would empty the input it reads/,
      ],
      [
        ["--input", `orders=${orders}`, "--sink", `decisions=${join(out, "d.jsonl")}`],
        /is inside the recording directory/,
      ],
      [
        ["--input", `orders=${orders}`, "--sink", "decisions=a.jsonl", "--sink", "decisions=b.jsonl"],
        /--sink decisions is given twice/,
      ],
    ];
    for (const [more, msg] of cases) {
      const r = await runCli(["record", "--app", app, "--input", `quotes=${quotes}`, ...more, "--out", out], {
        cwd: tmp,
      });
      expect(r.code, more.join(" ")).toBe(2);
      expect(r.stderr).toMatch(msg);
      expect(existsSync(out)).toBe(false);
    }
    expect(readFileSync(inputCopy).equals(readFileSync(orders))).toBe(true);
    expect(existsSync(join(tmp, "a.jsonl"))).toBe(false);
    // A run that cannot start (--out holds a recording) leaves an existing sink file as it was.
    const kept = join(tmp, "kept-sink.jsonl");
    writeFileSync(kept, "yesterday's decisions\n");
    const occupied = join(tmp, "occupied");
    mkdirSync(occupied);
    writeFileSync(join(occupied, "notes.txt"), "x");
    const taken = await runCli([...base(), "--sink", `decisions=${kept}`, "--out", occupied], {
      cwd: tmp,
    });
    expect(taken.code).toBe(2);
    expect(taken.stderr).toMatch(/is not empty/);
    expect(readFileSync(kept, "utf8")).toBe("yesterday's decisions\n");
  });

  it("--from records an app's run over another recording's input events, in its order and with its times", async () => {
    const cap = join(tmp, "from-capture");
    const c = await runCli(["record", ...inputs(quotes, orders), "--time-field", "ts", "--out", cap], {
      cwd: tmp,
    });
    expect(c.code).toBe(0);
    const direct = join(tmp, "from-direct");
    expect((await runCli([...base(), "--out", direct], { cwd: tmp })).code).toBe(0);
    const fromCap = join(tmp, "from-run");
    const r = await runCli(["record", "--app", app, "--from", cap, "--out", fromCap, "--json"], { cwd: tmp });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ events: 2000, outputs: nOrders });
    const inputsOf = (dir: string) => {
      const reader = LogReader.open(dir);
      const xs = [...reader.records({ types: ["input"] })].map((x) =>
        x.type === "input"
          ? [x.stream, x.streamSeq, String(x.timeNs), Buffer.from(x.payload).toString()]
          : [],
      );
      reader.close();
      return xs;
    };
    // The same events, in the same order, with the same times as recording from the files.
    expect(inputsOf(fromCap)).toEqual(inputsOf(direct));
    expect((await runCli(["verify", fromCap, "--app", app], { cwd: tmp })).code).toBe(0);
    // An app recording is a source too: a new build's run over an old run's events.
    const again = join(tmp, "from-app-run");
    expect(
      (await runCli(["record", "--app", app, "--from", fromCap, "--out", again], { cwd: tmp })).code,
    ).toBe(0);
    expect(inputsOf(again)).toEqual(inputsOf(direct));
    // A source cut short by a crash: its events up to the torn tail, and a warning saying so.
    const torn = join(tmp, "from-torn");
    cpSync(cap, torn, { recursive: true });
    rmSync(join(torn, "segment-000001.hsi"), { force: true });
    const seg = join(torn, "segment-000001.hsl");
    truncateSync(seg, statSync(seg).size - 100);
    const t = await runCli(
      ["record", "--app", app, "--from", torn, "--out", join(tmp, "from-torn-run"), "--json"],
      {
        cwd: tmp,
      },
    );
    expect(t.code).toBe(0);
    expect(t.stderr).toMatch(
      /^hindsight: warning: --from \S+ ends in a torn tail in segment-000001\.hsl at offset \d+/,
    );
    expect((JSON.parse(t.stdout) as { events: number }).events).toBeLessThan(2000);
    // A corrupt source: exit 4, and the error names the source, not the recording being made.
    const bent = join(tmp, "from-corrupt");
    cpSync(cap, bent, { recursive: true });
    const bytes = readFileSync(join(bent, "segment-000001.hsl"));
    bytes[Math.floor(bytes.length / 2)]! ^= 0xff;
    writeFileSync(join(bent, "segment-000001.hsl"), bytes);
    const k = await runCli(["record", "--app", app, "--from", bent, "--out", join(tmp, "from-corrupt-run")], {
      cwd: tmp,
    });
    expect(k.code).toBe(4);
    expect(k.stderr).toMatch(
      /^hindsight: --from \S+from-corrupt: block (payload checksum mismatch|header is invalid)/,
    );
    // Every event readable before the damage is recorded (the batch in hand included).
    const readable = (() => {
      const r = LogReader.open(bent);
      let n = 0;
      try {
        for (const x of r.records({ types: ["input"] })) if (x.type === "input") n++;
      } catch {
        // the damage
      }
      r.close();
      return n;
    })();
    expect(k.stderr).toMatch(new RegExp(`sealed after ${readable.toLocaleString("en-US")} events`));
    // Misuse is a usage error, before anything is created.
    const bad: [string[], RegExp][] = [
      [["record", "--from", cap], /--from needs --app/],
      [
        ["record", "--app", app, "--from", cap, "--input", `quotes=${quotes}`],
        /give no --input or --time-field/,
      ],
      [
        ["record", "--app", join(root, "examples/double-halve/app.ts"), "--from", cap],
        /--from \S+: its stream 'quotes': app double-halve has no input stream 'quotes'/,
      ],
      [["record"], /no --input given/],
    ];
    for (const [argv, msg] of bad) {
      const b = await runCli([...argv, "--out", join(tmp, "from-bad")], { cwd: tmp });
      expect(b.code, argv.join(" ")).toBe(2);
      expect(b.stderr).toMatch(msg);
      expect(existsSync(join(tmp, "from-bad"))).toBe(false);
    }
  });

  it("on a terminal, progress is a bar by megabytes of input files, and a counter of events for standard input", async () => {
    const big = join(tmp, "big-quotes.jsonl");
    const one = readFileSync(quotes, "utf8");
    writeFileSync(big, one.repeat(Math.ceil(3e6 / one.length)));
    const r = await runCli(["record", "--app", app, "--input", `quotes=${big}`, "--out", join(tmp, "p1")], {
      cwd: tmp,
      tty: true,
    });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/recording \[.*\] \d+% \| \d+\/[34] MB of input/);
    const s = await runCli(["record", "--app", app, "--input", "quotes=-", "--out", join(tmp, "p2")], {
      cwd: tmp,
      tty: true,
      stdin: Readable.from(
        (async function* () {
          const lines = one.split("\n");
          for (let i = 0; i < 3; i++) {
            yield Buffer.from(`${lines.slice(i * 100, i * 100 + 100).join("\n")}\n`);
            await new Promise((res) => setTimeout(res, 150));
          }
        })(),
      ),
    });
    expect(s.code).toBe(0);
    expect(s.stderr).toMatch(/recording: [\d,]+ events \([\d,]+\/s\)/);
    const quiet = await runCli(
      ["record", "--app", app, "--input", `quotes=${big}`, "--out", join(tmp, "p3")],
      {
        cwd: tmp,
      },
    );
    expect(quiet.stderr).toBe("");
  });

  it("with --strict record, ambient calls are recorded and the recording verifies", async () => {
    const src = readFileSync(app, "utf8").replace(
      '"../../src/index.js"',
      JSON.stringify(pathToFileURL(join(root, "src/index.ts")).href),
    );
    const amb = join(tmp, "ambient.ts");
    writeFileSync(
      amb,
      src.replace("decidedAt: ctx.now(),", "decidedAt: ctx.now(),\n          wall: Date.now(),"),
    );
    const out = join(tmp, "rec-amb");
    const r = await runCli(
      [...base().map((x) => (x === app ? amb : x)), "--out", out, "--strict", "record"],
      { cwd: tmp },
    );
    expect(r.code).toBe(0);
    const v = await runCli(["verify", out, "--app", amb], { cwd: tmp });
    expect(v.stdout).toMatch(/identical/);
    expect(v.code).toBe(0);
  });
});
