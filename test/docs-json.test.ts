/**
 * docs/CLI-JSON.md against the code: each command documented there is run with --json, and the
 * fields of what it prints (nested ones too, where the tables list them) must be those its table
 * lists: no field the table leaves out, and every field it does not mark "(only …)". Each field
 * marked "(only …)" must show up in some run here, unless NOT_PRODUCED says it does not.
 */
import { generateKeyPairSync } from "node:crypto";
import {
  appendFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  truncateSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable, Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProgram } from "../cli/program.js";
import { runCli } from "./cli-io.js";
import { writeStepApp } from "./pad-app.js";

const root = join(import.meta.dirname, "..");
const golden = join(root, "recordings/v1");
const marketApp = join(root, "examples/market-spread/app.ts");

/** One row of a field table: `a.b` and whether it is marked "(only …)". */
interface Row {
  readonly path: string;
  readonly optional: boolean;
}

/**
 * The field tables of a markdown text, by heading: "<h2>" or "<h2> / <h3>" (the headings
 * nearest above the table, without backticks).
 */
function parseTables(md: string): Map<string, Row[]> {
  const tables = new Map<string, Row[]>();
  let h2 = "";
  let h3 = "";
  let rows: Row[] | null = null;
  for (const line of md.split("\n")) {
    const h = /^(#{2,3}) (.*)$/.exec(line);
    if (h) {
      const title = h[2]!.replaceAll("`", "").trim();
      if (h[1] === "##") {
        h2 = title;
        h3 = "";
      } else h3 = title;
      rows = null;
      continue;
    }
    if (/^\|\s*field\s*\|\s*what\s*\|\s*$/.test(line)) {
      const key = h3 ? `${h2} / ${h3}` : h2;
      if (tables.has(key)) throw new Error(`two tables under "${key}"`);
      rows = [];
      tables.set(key, rows);
      continue;
    }
    if (rows === null) continue;
    if (!line.startsWith("|")) {
      rows = null;
      continue;
    }
    if (/^\|\s*-+\s*\|/.test(line)) continue;
    const cells = line.split("|");
    const names = [...(cells[1] ?? "").matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
    if (names.length === 0) throw new Error(`a row of "${h2} ${h3}" names no field: ${line}`);
    const optional = /^\(only\b/.test(cells.slice(2).join("|").trim());
    for (const path of names) rows.push({ path, optional });
  }
  return tables;
}

const doc = readFileSync(join(root, "docs/CLI-JSON.md"), "utf8");
const tables = parseTables(doc);
/** Documented paths seen in some output, by table. */
const seen = new Map<string, Set<string>>();

/**
 * Optional fields no run here produces (they need what a test cannot make quickly: a partition
 * key on an input record, bytes that are not UTF-8 from an app, a torture run that crashes).
 */
const NOT_PRODUCED: Record<string, readonly string[]> = {
  "cat --json / cat: input": ["key"],
  "cat --json / cat: decision": ["key.base64"],
  "cat --json / cat: output": ["dataBase64"],
  "torture --json": ["seeds.problem"],
};

function rowsOf(table: string): Row[] {
  const rows = tables.get(table);
  if (!rows) throw new Error(`docs/CLI-JSON.md has no table under "${table}"`);
  return rows;
}

/** What is wrong with `value` against the table's rows under `prefix` ("" for the top). */
function shapeProblems(value: unknown, rows: readonly Row[], seenHere: Set<string>, prefix = ""): string[] {
  // An array stands for each of its elements (`a.b`: field b of each element of a).
  if (Array.isArray(value)) return value.flatMap((v) => shapeProblems(v, rows, seenHere, prefix));
  if (value === null || typeof value !== "object") return [];
  const problems: string[] = [];
  const at = (name: string) => (prefix ? `${prefix}.${name}` : name);
  const documented = rows.filter((r) => {
    const dot = r.path.lastIndexOf(".");
    return (dot < 0 ? "" : r.path.slice(0, dot)) === prefix;
  });
  const names = new Set(documented.map((r) => r.path.slice(r.path.lastIndexOf(".") + 1)));
  for (const [k, v] of Object.entries(value)) {
    const path = at(k);
    if (!names.has(k)) {
      problems.push(`undocumented field "${path}"`);
      continue;
    }
    seenHere.add(path);
    // Descend where the table lists the field's own fields.
    if (rows.some((r) => r.path.startsWith(`${path}.`)))
      problems.push(...shapeProblems(v, rows, seenHere, path));
  }
  for (const r of documented)
    if (!r.optional && !(r.path.slice(r.path.lastIndexOf(".") + 1) in value))
      problems.push(`documented field "${r.path}" is missing`);
  return problems;
}

/** Checks `value` against the table (or tables, their rows together) and notes what it saw. */
function expectDocumented(value: unknown, ...names: string[]): void {
  const rows = names.flatMap(rowsOf);
  const seenHere = new Set<string>();
  const problems = shapeProblems(value, rows, seenHere);
  for (const name of names) {
    const s = seen.get(name) ?? new Set<string>();
    for (const p of seenHere) if (rowsOf(name).some((r) => r.path === p)) s.add(p);
    seen.set(name, s);
  }
  expect(problems, `against docs/CLI-JSON.md "${names.join('" + "')}"`).toEqual([]);
}

async function json(argv: string[], code = 0): Promise<unknown> {
  const r = await runCli(argv);
  expect(r.code, `${argv.join(" ")}: ${r.stderr}`).toBe(code);
  return JSON.parse(r.stdout);
}

let dir: string;
const p = (...parts: string[]) => join(dir, ...parts);
/** A copy of `from` at `name` in the scratch directory. */
const copy = (from: string, name: string) => {
  cpSync(from, p(name), { recursive: true });
  return p(name);
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "hindsight-docs-json-"));
  // The golden market-spread recording's first events, as input files.
  for (const s of ["quotes", "orders"]) {
    const c = await runCli([
      "cat",
      join(golden, "market-spread"),
      "--stream",
      s,
      "--to-seq",
      "150",
      "--payload",
    ]);
    expect(c.code).toBe(0);
    writeFileSync(p(`${s}.jsonl`), c.stdout);
  }
  // Times that go back (timesBack), a line that is not UTF-8 (payloadBase64).
  writeFileSync(p("back.jsonl"), '{"ts":1794061800000000009}\n{"ts":1794061800000000001}\n');
  writeFileSync(p("raw.jsonl"), Buffer.from('{"a":1}\n\xff\n', "latin1"));
  // An app that looks up (a blob, a failed look-up) and draws; its input's times go back.
  writeStepApp(p("lookup.ts"), {
    name: "lookup",
    input: "a",
    body: `const ref = await ctx.lookup("ref", v.k, (k) => (k === "k1" ? Promise.reject(new Error("no ref")) : { k })).catch((e) => e.message);
      return { k: v.k, ref, r: ctx.random() };`,
  });
  writeFileSync(
    p("lookup.jsonl"),
    '{"k":"k0","ts":1794061800000000009}\n{"k":"k1","ts":1794061800000000001}\n',
  );
  const rec = await runCli([
    "record",
    "--app",
    marketApp,
    "-i",
    `quotes=${p("quotes.jsonl")}`,
    "-i",
    `orders=${p("orders.jsonl")}`,
    "--time-field",
    "ts",
    "--out",
    p("app"),
    "--checkpoint-every",
    "10",
    "--outputs",
    "full",
    "--lineage",
    "--json",
  ]);
  expect(rec.code, rec.stderr).toBe(0);
  expectDocumented(JSON.parse(rec.stdout), "record --json / record --app");
}, 30_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("docs/CLI-JSON.md", () => {
  it("has a section for every command with --json but replay and verify", () => {
    const withJson: string[] = [];
    const walk = (c: ReturnType<typeof createProgram>, names: string[]) => {
      for (const sub of c.commands) {
        const name = [...names, sub.name()];
        if (sub.options.some((o) => o.long === "--json")) withJson.push(name.join(" "));
        walk(sub, name);
      }
    };
    const sink = new Writable({ write: (_c, _e, done) => done() });
    walk(
      createProgram({
        io: { stdout: sink, stderr: sink, stdin: Readable.from([]), cwd: root, env: {} },
        debug: false,
        exitCode: 0,
      }),
      [],
    );
    const documented = [...tables.keys()]
      .map((k) => /^(.+) --json(?: \/|$)/.exec(k)?.[1])
      .filter((k): k is string => k !== undefined);
    expect(new Set(documented)).toEqual(new Set(withJson.filter((c) => c !== "replay" && c !== "verify")));
  });

  it("record: input capture", async () => {
    const s = await json([
      "record",
      "-i",
      `quotes=${p("quotes.jsonl")}`,
      "-i",
      `back=${p("back.jsonl")}`,
      "--time-field",
      "ts",
      "--out",
      p("capture"),
      "--json",
    ]);
    expectDocumented(s, "record --json / record (input capture)");
    expect(s).toHaveProperty("timesBack");
    expectDocumented(
      await json(["record", "-i", `raw=${p("raw.jsonl")}`, "--out", p("raw"), "--json"]),
      "record --json / record (input capture)",
    );
  });

  it("record --app (and cat of every record type)", async () => {
    const s = await json([
      "record",
      "--app",
      p("lookup.ts"),
      "-i",
      `a=${p("lookup.jsonl")}`,
      "--time-field",
      "ts",
      "--out",
      p("lookup"),
      "--json",
    ]);
    expectDocumented(s, "record --json / record --app");
    expect(s).toHaveProperty("timesBack");
    const lines: unknown[] = [];
    for (const rec of [p("lookup"), p("app"), p("raw")]) {
      const c = await runCli(["cat", rec, "--json"]);
      expect(c.code, c.stderr).toBe(0);
      lines.push(
        ...c.stdout
          .trimEnd()
          .split("\n")
          .map((l) => JSON.parse(l)),
      );
    }
    const types = new Set<string>();
    for (const l of lines as { type: string }[]) {
      types.add(l.type);
      expectDocumented(l, "cat --json / cat: every record", `cat --json / cat: ${l.type}`);
    }
    expect([...types].sort()).toEqual([
      "blob",
      "checkpoint",
      "decision",
      "input",
      "lineage",
      "marker",
      "output",
    ]);
  });

  it("inspect and fsck, clean, damaged and repaired", async () => {
    const I = "inspect --json";
    const F = "fsck --json";
    expectDocumented(await json(["inspect", p("app"), "--json"]), I);
    expectDocumented(await json(["fsck", p("app"), "--json"]), F);
    expectDocumented(await json(["inspect", join(golden, "log/torn-tail"), "--json"]), I);
    expectDocumented(await json(["fsck", join(golden, "log/torn-tail"), "--json"], 4), F);
    expectDocumented(await json(["fsck", join(golden, "log/bitflip-payload"), "--json"], 4), F);
    // Repairs: a torn tail, a segment cut short (with a repairs.json that cannot be read), a
    // damaged checkpoint file; inspect then lists them.
    const torn = copy(join(golden, "log/torn-tail"), "torn");
    expectDocumented(await json(["fsck", torn, "--repair", "--json"]), F);
    expectDocumented(await json(["inspect", torn, "--json"]), I);
    const cut = copy(join(golden, "log/cut-after-close"), "cut");
    expectDocumented(await json(["fsck", cut, "--json"], 4), F);
    writeFileSync(join(cut, "repairs.json"), "not json");
    expectDocumented(await json(["fsck", cut, "--repair", "--json"]), F);
    expectDocumented(await json(["inspect", cut, "--json"]), I);
    const ck = copy(p("app"), "ck");
    const files = readdirSync(join(ck, "checkpoints")).sort();
    appendFileSync(join(ck, "checkpoints", files[0]!), "x");
    unlinkSync(join(ck, "checkpoints", files[files.length - 1]!));
    // A writer on another host has it open.
    writeFileSync(join(ck, "writer.lock"), JSON.stringify({ pid: process.pid, host: "elsewhere.invalid" }));
    expectDocumented(await json(["fsck", ck, "--json"], 4), F);
    expectDocumented(await json(["inspect", ck, "--json"]), I);
    unlinkSync(join(ck, "writer.lock"));
    expectDocumented(await json(["fsck", ck, "--repair", "--json"]), F);
    expectDocumented(await json(["inspect", ck, "--json"]), I);
    // Index files missing, one of them a directory.
    const idx = copy(join(golden, "log/valid"), "idx");
    unlinkSync(join(idx, "segment-000001.hsi"));
    unlinkSync(join(idx, "segment-000002.hsi"));
    mkdirSync(join(idx, "segment-000002.hsi"));
    expectDocumented(await json(["fsck", idx, "--json"]), F);
    // No records at all: a writer that ended before its first block.
    const empty = copy(p("raw"), "empty");
    for (const f of readdirSync(empty)) if (f.endsWith(".hsi")) unlinkSync(join(empty, f));
    truncateSync(join(empty, "segment-000001.hsl"), 32);
    const e = await json(["fsck", empty, "--json"]);
    expectDocumented(e, F);
    expect(e).toHaveProperty("empty", true);
  });

  it("why", async () => {
    const W = "why --json";
    const one = await json(["why", p("app"), "--app", marketApp, "--output", "decisions:8", "--json"]);
    expectDocumented(one, W);
    expect(one).toHaveProperty("recorded", "same");
    const many = await json(["why", p("app"), "--app", marketApp, "--seq", "1", "--json"]);
    expect(many).toEqual([expect.objectContaining({ output: null })]);
    expectDocumented(many, W);
  });

  it("audit export and audit verify", async () => {
    const { privateKey } = generateKeyPairSync("ed25519");
    writeFileSync(p("key.pem"), privateKey.export({ type: "pkcs8", format: "pem" }));
    const out = p("audit.jsonl");
    const x = [
      "audit",
      "export",
      p("app"),
      "--app",
      marketApp,
      "--out",
      out,
      "--sign",
      p("key.pem"),
      "--json",
    ];
    expectDocumented(await json(x), "audit export --json");
    expectDocumented(await json(["audit", "verify", out, "--json"]), "audit verify --json");
    // A changed row; then no manifest at all.
    const rows = readFileSync(out, "utf8").split("\n");
    rows[1] = rows[1]!.replace(
      /("row_hash":")(.)/,
      (_m, k: string, c: string) => `${k}${c === "0" ? "1" : "0"}`,
    );
    writeFileSync(out, rows.join("\n"));
    expectDocumented(await json(["audit", "verify", out, "--json"], 4), "audit verify --json");
    unlinkSync(`${out}.manifest.json`);
    expectDocumented(await json(["audit", "verify", out, "--json"], 4), "audit verify --json");
  });

  it("torture", async () => {
    // Seed 1 passes, seed 2 fails (a duplicate, with delays near it).
    const r = (await json(
      [
        "torture",
        "--app",
        "double-halve",
        "--seeds",
        "1..2",
        "--events",
        "10",
        "--faults",
        "dup=0.02,delay=0.3",
        "--unsafe",
        "no-dedupe",
        "--keep",
        p("kept"),
        "--json",
      ],
      3,
    )) as { seeds: { ok: boolean }[] };
    expect(r.seeds.map((s) => s.ok)).toEqual([true, false]);
    expectDocumented(r, "torture --json");
  }, 30_000);

  it("errors", async () => {
    expectDocumented(await json(["inspect", p("nothing-here"), "--json"], 2), "Errors");
    expectDocumented(
      await json(["torture", "--app", "double-halve", "--seeds", "5..1", "--json"], 2),
      "Errors",
    );
  });

  // Last: what the runs above saw.
  it("every optional field shows up in some run, or is known not to", () => {
    const unseen: string[] = [];
    for (const [name, rows] of tables)
      for (const r of rows)
        if (!seen.get(name)?.has(r.path) && !NOT_PRODUCED[name]?.includes(r.path))
          unseen.push(`${name}: ${r.path}`);
    expect(unseen).toEqual([]);
    for (const [name, paths] of Object.entries(NOT_PRODUCED))
      for (const path of paths) {
        const row = rowsOf(name).find((r) => r.path === path);
        expect(row, `${name}: ${path}`).toMatchObject({ optional: true });
        expect(seen.get(name)?.has(path) ?? false, `${name}: ${path} is produced now`).toBe(false);
      }
  });
});
