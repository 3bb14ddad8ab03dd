#!/usr/bin/env node
/**
 * `npm run demo`: hindsight's main job, end to end, with the real CLI.
 *
 *   1. generate 1 M events of market data (800 k quotes, 200 k orders; seeded)
 *   2. record the market-spread app over them (checkpoints every 100 k events)
 *   3. inspect the recording
 *   4. replay --until a point 70% of the way in, and show the state there
 *   5. verify the recording (full replay, every output compared byte for byte)
 *   6. print a summary: events/s recording and replaying, bytes on disk vs JSON lines, verdict
 *
 * Works in .demo/ (removed at the start). Options: --events N (default 1000000), --seed S
 * (default 1), --work DIR (instead of .demo/; removed at the start too), --no-build (never
 * rebuild dist/, even when it looks older than the sources).
 * Exit code 0 when every step succeeded and verify found the replay identical; otherwise 1,
 * naming the step that failed with its stderr.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const APP = "examples/market-spread/app.ts";
const CHECKPOINT_EVERY = 100_000;
/** How many lines of a command's output to show before eliding the rest. */
const EXCERPT_LINES = 24;

const t0 = performance.now();
const tty = Boolean(process.stdout.isTTY);
const bold = (s) => (tty ? `\x1b[1m${s}\x1b[22m` : s);
const dim = (s) => (tty ? `\x1b[2m${s}\x1b[22m` : s);
const say = (s = "") => process.stdout.write(`${s}\n`);

let opts;
try {
  opts = parseArgs({
    options: {
      events: { type: "string", default: "1000000" },
      seed: { type: "string", default: "1" },
      work: { type: "string", default: join(root, ".demo") },
      "no-build": { type: "boolean", default: false },
    },
    strict: true,
  }).values;
} catch (e) {
  process.stderr.write(`demo: ${e.message} (options: --events N, --seed S, --work DIR, --no-build)\n`);
  process.exit(2);
}
const events = Number(opts.events.replace(/_/g, ""));
const work = resolve(opts.work);
const data = join(work, "data");
const rec = join(work, "rec");
if (!Number.isSafeInteger(events) || events < 10) {
  process.stderr.write(`demo: --events ${opts.events}: expected an integer ≥ 10\n`);
  process.exit(2);
}

/** A failed step: which one, the command, its exit code and stderr. */
class StepFailed extends Error {
  constructor(step, cmd, result) {
    super(`step "${step}" failed`);
    this.step = step;
    this.cmd = cmd;
    this.result = result;
  }
}

/** Runs a command to completion, capturing its output; resolves with code, stdout, stderr, seconds. */
function exec(args, { allowCodes = [0] } = {}) {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, args, { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
    const out = [];
    const err = [];
    child.stdout.on("data", (b) => out.push(b));
    child.stderr.on("data", (b) => err.push(b));
    child.on("error", reject);
    child.on("close", (code, signal) => {
      const r = {
        code: code ?? 1,
        signal,
        stdout: Buffer.concat(out).toString("utf8"),
        stderr: Buffer.concat(err).toString("utf8"),
        seconds: (performance.now() - start) / 1000,
      };
      r.ok = signal === null && allowCodes.includes(r.code);
      resolve(r);
    });
  });
}

let stepNo = 0;
/** Runs one numbered step; throws StepFailed (with the step's stderr) when it fails. */
async function step(title, args, options) {
  stepNo++;
  say(bold(`[${stepNo}] ${title}`));
  say(dim(`    $ ${display(args)}`));
  // On a terminal, a ticking "running… N s" line while the step works (erased when it ends).
  const started = performance.now();
  const ticker = tty
    ? setInterval(() => {
        process.stdout.write(
          `\r${dim(`    running… ${Math.round((performance.now() - started) / 1000)} s`)}`,
        );
      }, 1000)
    : undefined;
  let r;
  try {
    r = await exec(args, options);
  } finally {
    if (ticker) {
      clearInterval(ticker);
      process.stdout.write("\r\x1b[2K");
    }
  }
  if (!r.ok) throw new StepFailed(`${stepNo} (${title})`, display(args), r);
  return r;
}

/** The command as a user would type it (`hindsight ...`, `npx tsx ...`), paths relative to the repo. */
function display(args) {
  const a = args.map((x) => x.split(`${root}/`).join(""));
  if (a[0] === "bin/hindsight.js") return `hindsight ${a.slice(1).join(" ")}`;
  if (a[0] === "--import") return `npx tsx ${a.slice(2).join(" ")}`;
  return `node ${a.join(" ")}`;
}

function excerpt(text, n = EXCERPT_LINES) {
  const lines = text.replace(/\n+$/, "").split("\n");
  const shown = lines.slice(0, n).map((l) => `    ${l}`);
  if (lines.length > n) shown.push(dim(`    … ${lines.length - n} more lines`));
  return shown.join("\n");
}

/** Like excerpt, but each indented block (e.g. a state with hundreds of keys) is cut to `perBlock` lines. */
function excerptBlocks(text, perBlock = 8) {
  const out = [];
  let run = 0;
  let hidden = 0;
  const flush = () => {
    if (hidden > 0) out.push(dim(`      … ${hidden} more`));
    hidden = 0;
  };
  for (const line of text.replace(/\n+$/, "").split("\n")) {
    if (/^\s/.test(line)) {
      run++;
      if (run > perBlock) {
        hidden++;
        continue;
      }
    } else {
      flush();
      run = 0;
    }
    out.push(`    ${line}`);
  }
  flush();
  return out.join("\n");
}

/** A path relative to the current directory when it is inside it, else absolute. */
function shownPath(p) {
  return p.startsWith(`${process.cwd()}/`) ? relative(process.cwd(), p) : p;
}

function parseJson(text, what) {
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`${what} did not print JSON: ${text.slice(0, 200)}`);
  }
}

function diskBytes(path) {
  const st = statSync(path);
  if (!st.isDirectory()) return st.size;
  let total = 0;
  for (const e of readdirSync(path)) total += diskBytes(join(path, e));
  return total;
}

function newestMtime(dir) {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestMtime(p));
    else if (e.name.endsWith(".ts") && !e.name.endsWith(".test.ts"))
      newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

const fmtInt = (n) => Math.round(n).toLocaleString("en-US");
const fmtRate = (n, s) => (s > 0 ? `${fmtInt(n / s)} events/s` : "n/a");
// MiB, as `hindsight inspect` gives sizes.
const fmtMB = (b) => `${(b / 2 ** 20).toFixed(1)} MiB`;
const fmtS = (s) => `${s.toFixed(2)} s`;

function table(rows) {
  const w = Math.max(...rows.map((r) => r[0].length));
  return rows.map(([k, v]) => `    ${k.padEnd(w)}  ${v}`).join("\n");
}

async function main() {
  say(bold(`hindsight demo: record, replay and verify the market-spread app over ${fmtInt(events)} events`));
  say();

  // bin/hindsight.js runs the compiled CLI in dist/: build it when missing or older than the sources.
  const built = join(root, "dist", "cli", "main.js");
  const srcTime = Math.max(newestMtime(join(root, "src")), newestMtime(join(root, "cli")));
  if (!existsSync(built) || (!opts["no-build"] && statSync(built).mtimeMs < srcTime)) {
    say(bold("[0] build (dist/ is missing or older than the sources)"));
    const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
    const r = await exec([tsc, "-p", "tsconfig.build.json"], { allowCodes: [0, 1, 2] });
    if (!existsSync(built)) throw new StepFailed("0 (build)", "npm run build", r);
    if (r.code !== 0) say(dim("    (the compiler reported errors, but the CLI was emitted; continuing)"));
  }

  // Clean the work directory, but never delete a directory the demo did not make.
  if (existsSync(work)) {
    const foreign = readdirSync(work).filter((e) => e !== "data" && e !== "rec");
    if (foreign.length > 0)
      throw new Error(
        `${shownPath(work)} holds files the demo did not make (${foreign.slice(0, 3).join(", ")}): ` +
          "remove them or pick another --work directory",
      );
  }
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });

  // 1. Market data.
  const tsx = import.meta.resolve("tsx");
  const orders = Math.round(events / 5);
  const gen = await step("generate market data", [
    "--import",
    tsx,
    join(root, "examples/market-spread/generate.ts"),
    "--seed",
    opts.seed,
    "--events",
    String(events),
    "--out",
    data,
  ]);
  const quotesFile = join(data, "quotes.jsonl");
  const ordersFile = join(data, "orders.jsonl");
  const jsonlBytes = diskBytes(quotesFile) + diskBytes(ordersFile);
  say(
    `    ${fmtInt(events - orders)} quotes + ${fmtInt(orders)} orders, ${fmtMB(jsonlBytes)} of JSON lines, ${fmtS(gen.seconds)}`,
  );
  say();

  // 2. Record.
  const recorded = await step("record market-spread over both streams", [
    "bin/hindsight.js",
    "record",
    "--app",
    APP,
    "--input",
    `quotes=${quotesFile}`,
    "--input",
    `orders=${ordersFile}`,
    "--time-field",
    "ts",
    "--out",
    rec,
    "--checkpoint-every",
    String(CHECKPOINT_EVERY),
    "--json",
  ]);
  const r = parseJson(recorded.stdout, "record --json");
  // The engine's own time (without node start-up and app loading), else the command's.
  const recordSeconds = typeof r.seconds === "number" ? r.seconds : recorded.seconds;
  say(
    `    ${fmtInt(r.events ?? events)} events → ${fmtInt(r.decisions ?? 0)} decisions, ${fmtInt(r.outputs ?? 0)} outputs, ` +
      `${fmtInt(r.checkpoints ?? 0)} checkpoints in ${fmtS(recordSeconds)} (${fmtRate(r.events ?? events, recordSeconds)})`,
  );
  say();

  // 3. Inspect.
  const inspected = await step("inspect the recording", ["bin/hindsight.js", "inspect", rec]);
  say(excerpt(inspected.stdout, 30));
  say();
  // Record counts come from record --json (inspect --json would cost another full scan).
  let firstSeq = 0;
  let lastSeq = typeof r.records === "number" ? r.records - 1 : undefined;
  const inputEvents = typeof r.events === "number" ? r.events : events;
  if (lastSeq === undefined) {
    const info = parseJson(
      (await exec(["bin/hindsight.js", "inspect", rec, "--json"])).stdout,
      "inspect --json",
    );
    [firstSeq, lastSeq] = info.seqRange ?? [0, 0];
  }
  const bytesOnDisk = diskBytes(rec);

  // 4. Replay until ~70%.
  const until = firstSeq + Math.floor((lastSeq - firstSeq) * 0.7);
  const replayed = await step(`replay --until ${until} (70% of the way in) and show the state there`, [
    "bin/hindsight.js",
    "replay",
    rec,
    "--app",
    APP,
    "--until",
    String(until),
  ]);
  say(excerptBlocks(replayed.stdout));
  say();

  // 5. Verify (exit 3 = divergence: a result to show, not a crash).
  const verified = await step(
    "verify: replay everything and compare every output byte for byte",
    ["bin/hindsight.js", "verify", rec, "--app", APP, "--json"],
    { allowCodes: [0, 3] },
  );
  const identical = verified.code === 0;
  const vj = parseJson(verified.stdout, "verify --json");
  const v = Array.isArray(vj) ? (vj[0] ?? {}) : vj;
  const verifySeconds = typeof v.seconds === "number" ? v.seconds : verified.seconds;
  if (identical) {
    say(
      `    ✓ identical: ${fmtInt(v.events ?? inputEvents)} events replayed, ${fmtInt(v.outputs ?? 0)} outputs and ` +
        `${fmtInt(v.decisions ?? 0)} decisions match, ${fmtInt(v.checkpointsVerified ?? 0)} checkpoints verified, ` +
        `${fmtS(verifySeconds)} (${fmtRate(v.events ?? inputEvents, verifySeconds)})`,
    );
  } else {
    // Show the human-readable divergence report.
    const report = await exec(["bin/hindsight.js", "verify", rec, "--app", APP], { allowCodes: [0, 3] });
    say(excerptBlocks(report.stdout || report.stderr, 12));
  }
  say();

  // Where the replay started: "checkpoint checkpoints/ckpt-….state" or "the start".
  const from = /\bfrom (checkpoint \S+|the start)/.exec(replayed.stdout);
  const startedFrom = from ? `from ${from[1]}` : "";

  // 6. Summary.
  const wall = (performance.now() - t0) / 1000;
  say(bold("summary"));
  say(
    table([
      ["input events", `${fmtInt(inputEvents)} (quotes and orders, interleaved by ts)`],
      [
        "record",
        `${fmtRate(inputEvents, recordSeconds)}  (${fmtS(recordSeconds)}; command ${fmtS(recorded.seconds)})`,
      ],
      [
        "replay (verify, full)",
        `${fmtRate(inputEvents, verifySeconds)}  (${fmtS(verifySeconds)}; command ${fmtS(verified.seconds)})`,
      ],
      ["replay --until 70%", `command ${fmtS(replayed.seconds)}${startedFrom ? `  (${startedFrom})` : ""}`],
      [
        "bytes on disk",
        `${fmtMB(bytesOnDisk)} recording vs ${fmtMB(jsonlBytes)} JSON lines input (${((100 * bytesOnDisk) / jsonlBytes).toFixed(0)}%)`,
      ],
      ["verify", identical ? "identical (exit 0)" : `DIVERGED (exit ${verified.code})`],
      ["wall time", `${fmtS(wall)} in total`],
    ]),
  );
  say(
    dim('    (events/s from the engine\'s own timing; "command" includes node start-up and loading the app)'),
  );
  say();
  const shown = shownPath(rec);
  say(`The recording is in ${shown}; try: npx hindsight cat ${shown} --stream orders --payload | head`);
  return identical ? 0 : 1;
}

try {
  process.exitCode = await main();
} catch (e) {
  if (e instanceof StepFailed) {
    const r = e.result;
    const how = r.signal ? `was killed by ${r.signal}` : `exited with code ${r.code}`;
    process.stderr.write(`\ndemo: step ${e.step} failed: the command ${how}\n    $ ${e.cmd}\n`);
    // Its stderr (the error), or else what it printed (a report), with long blocks cut.
    const stderr = r.stderr.trim();
    if (stderr) process.stderr.write(`${excerpt(stderr.split("\n").slice(-20).join("\n"), 20)}\n`);
    else if (r.stdout.trim()) process.stderr.write(`${excerpt(excerptBlocks(r.stdout, 6), 40)}\n`);
    process.stderr.write(`demo: files so far are in ${shownPath(work)}\n`);
  } else {
    process.stderr.write(`demo: ${e instanceof Error ? e.message : String(e)}\n`);
  }
  process.exitCode = 1;
}
