import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../../test/cli-io.js";

const dir = mkdtempSync(join(tmpdir(), "hindsight-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const T = 1_794_061_800_000_000_000n;
const quotes =
  Array.from(
    { length: 500 },
    (_, i) => `{"ts":${T + BigInt(i) * 2n},"symbol":"S${i % 7}","bid":1.${i % 90},"offer":1.99}`,
  ).join("\n") + "\n";
const orders =
  Array.from(
    { length: 120 },
    (_, i) => `{"orderId":"o${i}", "ts": ${T + BigInt(i) * 8n + 1n},"qty":${i}}`,
  ).join("\n") + "\n";
writeFileSync(join(dir, "quotes.jsonl"), quotes);
writeFileSync(join(dir, "orders.jsonl"), orders);

describe("record / inspect / cat / fsck", () => {
  it("records two streams interleaved by time and reproduces each byte for byte", async () => {
    const out = join(dir, "rec");
    const r = await runCli([
      "record",
      "--input",
      `quotes=${join(dir, "quotes.jsonl")}`,
      "--input",
      `orders=${join(dir, "orders.jsonl")}`,
      "--time-field",
      "ts",
      "--out",
      out,
      "--block-size",
      "2k",
      "--json",
    ]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s.events).toBe(620);
    expect(s.perStream).toEqual({ quotes: 500, orders: 120 });
    for (const [name, text] of [
      ["quotes", quotes],
      ["orders", orders],
    ] as const) {
      const c = await runCli(["cat", out, "--stream", name, "--payload"]);
      expect(c.code).toBe(0);
      expect(c.stdout).toBe(text);
    }
    // The recorded interleaving is by time; ties go to the stream given first.
    const all = await runCli(["cat", out, "--type", "input", "--json"]);
    const times = all.stdout
      .trim()
      .split("\n")
      .map((l) => BigInt(JSON.parse(l).timeNs));
    expect(times).toEqual([...times].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const insp = JSON.parse((await runCli(["inspect", out, "--json"])).stdout);
    expect(insp.byType.input).toBe(620);
    expect(insp.streams[1]).toMatchObject({ name: "orders", events: 120 });
    expect(insp.timeRange[0]).toBe(String(T));
    const f = await runCli(["fsck", out]);
    expect(f.code).toBe(0);
    expect(f.stdout).toContain("ok");
  });

  it("cat ranges by sequence and time are inclusive", async () => {
    const out = join(dir, "rec");
    const bySeq = (await runCli(["cat", out, "--from-seq", "10", "--to-seq", "14", "--json"])).stdout
      .trim()
      .split("\n");
    expect(bySeq.map((l) => JSON.parse(l).seq)).toEqual([10, 11, 12, 13, 14]);
    const from = T + 100n;
    const byTime = (
      await runCli(["cat", out, "--from-time", String(from), "--to-time", String(from + 4n), "--json"])
    ).stdout
      .trim()
      .split("\n");
    expect(byTime.map((l) => BigInt(JSON.parse(l).timeNs)).every((t) => t >= from && t <= from + 4n)).toBe(
      true,
    );
    expect(byTime.length).toBeGreaterThanOrEqual(3);
    const iso = (
      await runCli(["cat", out, "--from-time", "2026-11-07T14:30:00.000000100Z", "--limit", "1", "--json"])
    ).stdout;
    expect(BigInt(JSON.parse(iso).timeNs)).toBe(from);
  });

  it("without --time-field, streams interleave round-robin in --input order", async () => {
    const out = join(dir, "rr");
    const r = await runCli([
      "record",
      "-i",
      `a=${join(dir, "orders.jsonl")}`,
      "-i",
      `b=${join(dir, "quotes.jsonl")}`,
      "-o",
      out,
    ]);
    expect(r.code).toBe(0);
    const lines = (await runCli(["cat", out, "--type", "input", "--limit", "6", "--json"])).stdout
      .trim()
      .split("\n");
    expect(lines.map((l) => JSON.parse(l).stream)).toEqual(["a", "b", "a", "b", "a", "b"]);
  });

  it("without --app, the app's flags are noted as having no effect (and no sink file is made)", async () => {
    const out = join(dir, "no-app");
    const sink = join(dir, "no-app-sink.jsonl");
    const r = await runCli([
      "record",
      "-i",
      `q=${join(dir, "quotes.jsonl")}`,
      "-o",
      out,
      "--sink",
      `decisions=${sink}`,
      "--outputs",
      "full",
      "--strict",
      "off",
      "--seed",
      "7",
    ]);
    expect(r.code).toBe(0);
    for (const flag of ["--seed", "--sink", "--outputs", "--strict"])
      expect(r.stderr).toContain(`hindsight: note: ${flag} has no effect without --app`);
    expect(r.stderr).not.toContain("--lineage");
    const plain = await runCli([
      "record",
      "-i",
      `q=${join(dir, "quotes.jsonl")}`,
      "-o",
      join(dir, "no-app-2"),
    ]);
    expect(plain.stderr).toBe("");
    // No sink is written without --app: an error is still the JSON object on stdout.
    const missing = await runCli([
      "record",
      "-i",
      `q=${join(dir, "nothing-here.jsonl")}`,
      "-o",
      join(dir, "no-app-3"),
      "--sink",
      "decisions=-",
      "--json",
    ]);
    expect(missing.code).toBe(2);
    expect(JSON.parse(missing.stdout)).toMatchObject({ error: { code: "NOT_FOUND", exitCode: 2 } });
  });

  it("shows each decision's value decoded too (exact), in text and JSON", async () => {
    const golden = join(import.meta.dirname, "../../recordings/v1/market-spread");
    const j = await runCli(["cat", golden, "--type", "decision", "-n", "1", "--json"]);
    expect(JSON.parse(j.stdout)).toMatchObject({
      kind: "clock",
      value: "4ba3677c6337ea18",
      decoded: "1795308301889020747",
    });
    const t = await runCli(["cat", golden, "--type", "decision", "-n", "1"]);
    expect(t.stdout).toMatch(/kind=clock .* value=4ba3677c6337ea18 decoded=1795308301889020747\n$/);
  });

  it("cat prints one line a record, control characters in a payload escaped", async () => {
    const out = join(dir, "controls");
    const line = '{"ts":1,"note":"red \u001b[31m here"}\r';
    const r = await runCli(["record", "--input", "q=-", "--out", out], { stdin: `${line}\n` });
    expect(r.code).toBe(0);
    const text = (await runCli(["cat", out, "--type", "input"])).stdout;
    expect(text.trim().split("\n")).toHaveLength(1);
    expect(text).not.toMatch(/[\u001b\r]/);
    expect(text).toContain("red \\x1b[31m here");
    // --payload stays byte for byte.
    expect((await runCli(["cat", out, "--payload"])).stdout).toBe(`${line}\n`);
  });

  it("reads a stream from stdin", async () => {
    const out = join(dir, "stdin");
    const r = await runCli(["record", "--input", "q=-", "--out", out], { stdin: quotes });
    expect(r.code).toBe(0);
    expect((await runCli(["cat", out, "--payload"])).stdout).toBe(quotes);
  });

  it("gives one clear line and exit 2 for usage errors", async () => {
    const cases: [string[], RegExp][] = [
      [["record", "--input", "nofile", "--out", join(dir, "x")], /--input takes <name>=<file>/],
      [
        ["record", "--input", `q=${join(dir, "missing.jsonl")}`, "--out", join(dir, "x2")],
        /input file not found/,
      ],
      [["record", "--input", `q=${join(dir, "quotes.jsonl")}`, "--out", join(dir, "rec")], /not empty/],
      [
        [
          "record",
          "--input",
          `q=${join(dir, "quotes.jsonl")}`,
          "--out",
          join(dir, "x3"),
          "--fsync",
          "sometimes",
        ],
        /--fsync must be one of/,
      ],
      [["cat", join(dir, "nope")], /no such recording directory/],
      [["cat", dir], /is not a hindsight recording/],
      [["cat", join(dir, "rec"), "--from-seq", "50", "--to-seq", "10"], /--from-seq is after --to-seq/],
      [
        ["cat", join(dir, "rec"), "--from-seq", "99999999999999999999"],
        /--from-seq takes a whole number up to 2\^53-1/,
      ],
      [
        ["cat", join(dir, "rec"), "--payload", "--type", "output"],
        /--payload prints input events' bytes: it cannot go with --type output/,
      ],
      [["cat", join(dir, "rec"), "--stream", "trades"], /no stream "trades"/],
      [["cat", join(dir, "rec"), "--from-time", "soon"], /--from-time takes/],
      [
        ["cat", join(dir, "rec"), "--to-time", "2026-11-02"],
        /--to-time takes .*: a day alone: give a time and its zone\), e\.g\. 2026-11-02T00:00:00Z/,
      ],
      [["frobnicate"], /unknown command 'frobnicate' \(run with --help for usage\)/],
      [["cat", join(dir, "rec"), "--bogus"], /unknown option '--bogus'/],
      // commander's suggestion, on the same line.
      [
        ["cat", join(dir, "rec"), "--jsn"],
        /unknown option '--jsn'; did you mean --json\? \(run with --help for usage\)\n$/,
      ],
      [["verify", join(dir, "rec")], /required option '--app <module>' not specified/],
      // An unknown option is named before a required one that is missing.
      [["record", "--bogus"], /unknown option '--bogus'/],
      [["audit", "export", join(dir, "rec"), "--app", "x.ts", "--bogus"], /unknown option '--bogus'/],
      [["record", "--input", `q=${join(dir, "x.jsonl")}`], /required option '-o, --out <dir>' not specified/],
      [["cat", join(dir, "rec"), "--limit", "-3"], /--limit/],
      // An option of one value given twice: not the last one silently (--input may repeat).
      [
        ["record", "--input", `q=${join(dir, "x.jsonl")}`, "-o", join(dir, "a"), "--out", join(dir, "b")],
        /option '-o, --out <dir>' given more than once \(it takes one value\)/,
      ],
      [
        ["cat", join(dir, "rec"), "--limit", "1", "--limit", "2"],
        /option '-n, --limit <n>' given more than once/,
      ],
    ];
    for (const [argv, msg] of cases) {
      const r = await runCli(argv);
      expect(r.code, argv.join(" ")).toBe(2);
      expect(r.stderr, argv.join(" ")).toMatch(msg);
      expect(r.stderr, argv.join(" ")).toMatch(/^hindsight: [^\n]+\n$/);
    }
    // No command at all (or a command group without its subcommand): the help, on stderr, exit 2.
    for (const argv of [[], ["audit"]]) {
      const r = await runCli(argv);
      expect(r.code, argv.join(" ")).toBe(2);
      expect(r.stderr).toMatch(/^Usage: hindsight/);
      expect(r.stdout).toBe("");
    }
    // With --json, an error is also one JSON object on stdout.
    const j = await runCli(["fsck", join(dir, "nope"), "--json"]);
    expect(j.code).toBe(2);
    expect(JSON.parse(j.stdout)).toMatchObject({ error: { code: "NOT_FOUND", exitCode: 2 } });
    expect(j.stderr).toMatch(/^hindsight: no such recording directory/);
    // A usage error that commander finds too, and none after the command printed its own JSON.
    for (const argv of [
      ["fsck", dir, "--json", "--bogus"],
      ["verify", dir, "--json"],
    ]) {
      const u = await runCli(argv);
      expect(u.code, argv.join(" ")).toBe(2);
      expect(JSON.parse(u.stdout), argv.join(" ")).toMatchObject({ error: { code: "USAGE", exitCode: 2 } });
    }
    const help = await runCli(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: hindsight/);
  });

  it("says where a line lacks the time field", async () => {
    writeFileSync(join(dir, "bad.jsonl"), `{"ts":1}\n{"tz":2}\n`);
    const r = await runCli([
      "record",
      "-i",
      `q=${join(dir, "bad.jsonl")}`,
      "-o",
      join(dir, "bad"),
      "--time-field",
      "ts",
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.jsonl line 2/);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    // The line before the bad one is recorded, and the error says what was left in --out.
    expect(r.stderr).toMatch(
      /the recording in .*bad was sealed after 1 event: remove it, or pick another --out/,
    );
    expect((await runCli(["cat", join(dir, "bad"), "--payload"])).stdout).toBe(`{"ts":1}\n`);
  });

  it("prints help for every command and the exit-code table", async () => {
    const h = await runCli(["--help"]);
    expect(h.code).toBe(0);
    expect(h.stdout).toContain("Exit codes");
    for (const c of ["record", "inspect", "cat", "fsck"]) {
      const r = await runCli([c, "--help"]);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`Usage: hindsight ${c}`);
    }
  });

  it("keeps the manifest free of absolute paths only when given relative inputs", () => {
    const m = JSON.parse(readFileSync(join(dir, "rec", "manifest.json"), "utf8"));
    expect(m.streams.map((s: { name: string }) => s.name)).toEqual(["quotes", "orders"]);
    expect(m.clockSource).toBe("input:ts");
  });

  it("an interrupt while standard input is idle ends the capture at once (exit 130)", async () => {
    const out = join(dir, "interrupted-idle");
    const stdin = new PassThrough();
    const ac = new AbortController();
    stdin.write(`${Array.from({ length: 20 }, (_, i) => `{"ts":${T + BigInt(i)},"n":${i}}`).join("\n")}\n`);
    setTimeout(() => ac.abort(), 300);
    const r = await runCli(["record", "-i", "live=-", "-o", out], { stdin, signal: ac.signal });
    stdin.end();
    expect(r.code).toBe(130);
    expect(r.stdout).toMatch(/^recorded 20 events/);
    const markers = (await runCli(["cat", out, "--type", "marker", "--json"])).stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(markers.at(-1)).toMatchObject({ kind: "stop", status: "interrupted", events: 20 });
  });

  it("an interrupt seals the recording (exit 130, STOP marker, fsck clean)", async () => {
    const out = join(dir, "interrupted");
    const stdin = new PassThrough();
    const ac = new AbortController();
    let n = 0;
    const feed = setInterval(() => {
      stdin.write(`{"ts":${T + BigInt(n)},"n":${n}}\n`);
      n++;
      if (n === 50) ac.abort();
    }, 1);
    const r = await runCli(["record", "-i", "live=-", "-o", out], { stdin, signal: ac.signal });
    clearInterval(feed);
    stdin.end();
    expect(r.code).toBe(130);
    expect(r.stderr).toMatch(/interrupted/);
    expect((await runCli(["fsck", out])).code).toBe(0);
    const markers = (await runCli(["cat", out, "--type", "marker", "--json"])).stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(markers.at(-1)).toMatchObject({ kind: "stop", status: "interrupted" });
    expect(markers.at(-1).events).toBeGreaterThan(0);
  });
});

describe("cat of a look-up decision", () => {
  it("says when its fetch settled in the turn it was asked in", async () => {
    const { recordToJson } = await import("./cat.js");
    const { rec } = await import("../../src/format/records.js");
    const { DecisionKind } = await import("../../src/format/records.js");
    const m = { streams: [], sinks: [] } as unknown as Parameters<typeof recordToJson>[1];
    const d = (settledAtOnce: boolean) =>
      recordToJson(
        { ...rec.decision({ kind: DecisionKind.lookup, eventSeq: 1, name: "fx", settledAtOnce }), seq: 2 },
        m,
      );
    expect(d(true)["settledAtOnce"]).toBe(true);
    expect("settledAtOnce" in d(false)).toBe(false);
  });
});

describe("cat shows what a look-up got", () => {
  it("decodes its value from its blob: passed on the way, filtered out, or before --from-seq; a failed one has its error", async () => {
    const { writeStepApp } = await import("../../test/pad-app.js");
    const app = writeStepApp(join(dir, "lookups.ts"), {
      name: "lookups",
      input: "n",
      body: `let p; try { p = await ctx.lookup("price", String(v.n % 2), () => { if (v.n === 3) throw new Error("no price"); return { px: v.n % 2 }; }); } catch (e) { p = null; } return { n: v.n, p };`,
    });
    const input = join(dir, "lookups.jsonl");
    writeFileSync(input, [1, 2, 3, 4, 5, 6].map((n) => `{"n":${n}}\n`).join(""));
    const out = join(dir, "lookups-rec");
    expect(
      (await runCli(["record", "--app", app, "-i", `n=${input}`, "-o", out, "--checkpoint-every", "2"])).code,
    ).toBe(0);
    type Line = {
      seq: number;
      type: string;
      kind?: string;
      key?: { text: string };
      decoded?: unknown;
      error?: string;
    };
    const cat = async (...args: string[]): Promise<Line[]> => {
      const r = await runCli(["cat", out, "--json", ...args]);
      expect(r.code).toBe(0);
      return r.stdout
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l) as Line);
    };
    const lookupsOf = (lines: Line[]) =>
      lines.filter((l) => l.kind === "lookup").map((l) => [l.key?.text, l.decoded ?? `error: ${l.error}`]);
    const expected = [
      ["1", { px: 1 }],
      ["0", { px: 0 }],
      ["1", "error: no price"],
      ["0", { px: 0 }],
      ["1", { px: 1 }],
      ["0", { px: 0 }],
    ];
    // Every record: each blob comes before the decisions naming it.
    const all = await cat();
    expect(lookupsOf(all)).toEqual(expected);
    // Decisions only: the blobs are read apart.
    expect(lookupsOf(await cat("--type", "decision"))).toEqual(expected);
    // From the last look-up on: its blob (stored after the checkpoint before it) is read apart.
    const last = all.filter((l) => l.kind === "lookup").at(-1) as Line;
    expect(lookupsOf(await cat("--from-seq", String(last.seq)))).toEqual([["0", { px: 0 }]]);
    // And in text.
    const text = await runCli(["cat", out, "--type", "decision"]);
    expect(text.stdout).toMatch(/ kind=lookup name=price .*decoded=\{"px":1\}/);
  });
});
