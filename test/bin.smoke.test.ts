/** The real binary, as a user runs it after `npm install` (dist/ is built by `prepare`/`pretest`). */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { marketSpreadLines } from "../examples/market-spread/generate.js";
import { writeStepApp } from "./pad-app.js";

const root = join(import.meta.dirname, "..");
const bin = join(root, "bin/hindsight.js");
const tmp = mkdtempSync(join(tmpdir(), "hindsight-bin-"));
/** Processes started in the background: a failed test must not leave one running. */
const children = new Set<ChildProcess>();
afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
  rmSync(tmp, { recursive: true, force: true });
});
const run = (...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", cwd: root });
const app = join(root, "examples/market-spread/app.ts");

/** The binary started in the background: its stderr so far, and its exit code to come. */
function start(args: string[], keepStdin = false) {
  const child = spawn(process.execPath, [bin, ...args], { cwd: root, stdio: ["pipe", "pipe", "pipe"] });
  children.add(child);
  if (!keepStdin) child.stdin.end();
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => {
    stderr += d.toString();
  });
  let stdout = "";
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return {
    child,
    exited,
    stderr: () => stderr,
    /** What the child wrote on stdout (read only by a test that does not read child.stdout itself). */
    collectStdout: () => {
      child.stdout.on("data", (d: Buffer) => {
        stdout += d.toString();
      });
      return () => stdout;
    },
  };
}

/** Writes 30 quotes, at times t0, t0 + 1 …, to a recording child's stdin (left open). */
function writeQuotes(child: { stdin: NodeJS.WritableStream }, t0: bigint): void {
  const quote = (i: number) =>
    `{"ts":${t0 + BigInt(i)},"symbol":"S${i % 7}","bid":1.${i % 9},"offer":2.5,"bidSize":1,"offerSize":1}`;
  child.stdin.write(`${Array.from({ length: 30 }, (_, i) => quote(i)).join("\n")}\n`);
}

/**
 * How many input events of the recording at `out` are on disk, polled until there are `n` (the
 * open block is written within flushIntervalMs, 200 ms) or 15 s have passed.
 */
async function inputsOnDisk(out: string, n: number): Promise<number> {
  let seen = 0;
  for (let i = 0; i < 300 && seen < n; i++) {
    await new Promise((r) => setTimeout(r, 50));
    const c = spawnSync(process.execPath, [bin, "cat", out, "--type", "input", "--payload"], {
      encoding: "utf8",
    });
    seen = c.status === 0 ? c.stdout.split("\n").filter(Boolean).length : 0;
  }
  return seen;
}

/** Seeded market-spread input files; returns the --input flags for them. */
function marketFiles(name: string, seed: number, quotes: number, orders: number): string[] {
  const q: string[] = [];
  const o: string[] = [];
  for (const l of marketSpreadLines({ seed, quotes, orders })) (l.stream === "quotes" ? q : o).push(l.line);
  writeFileSync(join(tmp, `${name}-q.jsonl`), `${q.join("\n")}\n`);
  writeFileSync(join(tmp, `${name}-o.jsonl`), `${o.join("\n")}\n`);
  return ["-i", `quotes=${join(tmp, `${name}-q.jsonl`)}`, "-i", `orders=${join(tmp, `${name}-o.jsonl`)}`];
}

/**
 * An app module of one step `s` from stream `a` to sink `out` (`body`: the step's async body,
 * `v` the event), and --input flags for five events k0…k4.
 */
function oneStepApp(name: string, body: string): { app: string; inputs: string[] } {
  const app = writeStepApp(join(tmp, `${name}.ts`), { name: "one-step", input: "a", body });
  const input = join(tmp, `${name}.jsonl`);
  writeFileSync(input, `${[0, 1, 2, 3, 4].map((i) => `{"k":"k${i}"}`).join("\n")}\n`);
  return { app, inputs: ["-i", `a=${input}`] };
}

/** An app whose look-up for key "k2" never settles: `hang` is the promise its fetch returns. */
const hangingApp = (name: string, hang: string) =>
  oneStepApp(
    name,
    `return { k: v.k, ref: await ctx.lookup("ref", v.k, (k) => (k === "k2" ? ${hang} : { k })) };`,
  );

describe("bin/hindsight.js", () => {
  it("prints its version and help", () => {
    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
    const v = run("--version");
    expect(v.status, v.stderr).toBe(0);
    expect(v.stdout.trim()).toBe(pkg.version);
    const h = run("--help");
    expect(h.status, h.stderr).toBe(0);
    expect(h.stdout).toContain("Exit codes");
    // Descriptions are paragraphs wrapped to the width (100 off a terminal), not broken twice:
    // no line is over it, and none is a stub left by a second break.
    for (const cmd of ["record", "replay", "verify", "why", "fsck", "cat", "inspect", "torture"]) {
      const lines = run(cmd, "--help").stdout.split("\n");
      expect(
        lines.filter((l) => l.length > 100),
        cmd,
      ).toEqual([]);
      // A stub: a short line whose paragraph goes on below it at the same indent.
      const indent = (l: string) => l.length - l.trimStart().length;
      const stubs = lines.filter((l, i) => {
        const next = lines[i + 1] ?? "";
        return (
          l.trim().length > 0 &&
          l.length < 60 &&
          !/[.:]$/.test(l) &&
          next.trim().length > 0 &&
          indent(next) === indent(l) &&
          indent(l) > 2 &&
          !next.trimStart().startsWith("-")
        );
      });
      expect(stubs, cmd).toEqual([]);
    }
  });

  it("records and reproduces a golden input, and reports errors in one line with the exit code", () => {
    const out = join(tmp, "rec");
    const inputs = join(root, "recordings/v1/log/inputs");
    const r = run("record", "-i", `quotes=${join(inputs, "quotes.jsonl")}`, "-o", out, "--time-field", "ts");
    expect(r.status, r.stderr).toBe(0);
    const c = run("cat", out, "--payload");
    expect(c.stdout).toBe(readFileSync(join(inputs, "quotes.jsonl"), "utf8"));
    const bad = run("fsck", join(root, "recordings/v1/log/bitflip-payload"));
    expect(bad.status, bad.stderr).toBe(4);
    const missing = run("inspect", join(tmp, "nothing-here"));
    expect(missing.status, missing.stderr).toBe(2);
    expect(missing.stderr.trim().split("\n")).toHaveLength(1);
    expect(missing.stderr).not.toContain("    at ");
  });

  it("Ctrl-C while recording an app from an idle pipe seals the recording (exit 130), which verifies", async () => {
    const out = join(tmp, "live");
    const { child, exited, stderr } = start(["record", "--app", app, "-i", "quotes=-", "-o", out], true);
    writeQuotes(child, 1793629800000000000n);
    // The pipe then stays open and idle: the interrupt must not wait for more input.
    expect(await inputsOnDisk(out, 30)).toBe(30);
    child.kill("SIGINT");
    expect(await exited).toBe(130);
    expect(stderr()).toMatch(/hindsight: interrupted: the recording was sealed after 30 events/);
    const m = run("cat", out, "--type", "marker", "--json");
    expect(JSON.parse(m.stdout.trim().split("\n").at(-1) as string)).toMatchObject({
      kind: "stop",
      status: "interrupted",
      events: 30,
    });
    const v = run("verify", out, "--app", app);
    expect(v.status, v.stderr).toBe(0);
  }, 30_000);

  it("Ctrl-C while a named pipe is idle ends the capture at once (exit 130), its writer still holding it", async () => {
    const fifo = join(tmp, "idle.fifo");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    const writer = spawn("sh", ["-c", `exec 3>"${fifo}"; printf '{"ts":1}\\n{"ts":2}\\n' >&3; sleep 60`], {
      stdio: "ignore",
    });
    children.add(writer);
    const out = join(tmp, "fifo-rec");
    const { child, exited } = start(["record", "-i", `q=${fifo}`, "-o", out]);
    expect(await inputsOnDisk(out, 2)).toBe(2);
    const t0 = Date.now();
    child.kill("SIGINT");
    expect(await exited).toBe(130);
    // It used to wait for the pipe's writer to close it (a blocking read in libuv's pool).
    expect(Date.now() - t0).toBeLessThan(10_000);
    writer.kill("SIGKILL");
  }, 60_000);

  it("Ctrl-C while a merge by time waits on an idle pipe records nothing more from the other inputs", async () => {
    const base = 1793629800000000000n;
    const order = (i: number) =>
      `{"ts":${base + 10n + BigInt(i)},"orderId":"o${i}","clientId":"c1","symbol":"S${i % 7}","side":"buy","qty":1,"price":2}`;
    const orders = join(tmp, "merge-orders.jsonl");
    writeFileSync(orders, `${Array.from({ length: 3000 }, (_, i) => order(i)).join("\n")}\n`);
    const out = join(tmp, "merge-live");
    const { child, exited } = start(
      ["record", "--app", app, "-i", "quotes=-", "-i", `orders=${orders}`, "--time-field", "ts", "-o", out],
      true,
    );
    writeQuotes(child, base);
    // The merge records what it can order (30 quotes, the 19 orders before the last quote's time),
    // then waits for the pipe's next time.
    expect(await inputsOnDisk(out, 49)).toBe(49);
    child.kill("SIGINT");
    expect(await exited).toBe(130);
    // Nothing after the interrupt: the orders still buffered are not recorded.
    const m = run("cat", out, "--type", "marker", "--json");
    expect(JSON.parse(m.stdout.trim().split("\n").at(-1) as string)).toMatchObject({
      kind: "stop",
      status: "interrupted",
      events: 49,
    });
  }, 30_000);

  it("Ctrl-C while recording an app --from a recording stops it too (reading a recording never waits)", async () => {
    const src = join(tmp, "capture");
    const cap = run("record", ...marketFiles("m9", 9, 240_000, 60_000), "--time-field", "ts", "-o", src);
    expect(cap.status, cap.stderr).toBe(0);
    const out = join(tmp, "from");
    const { child, exited, stderr } = start(["record", "--app", app, "--from", src, "-o", out]);
    // The run has started (and listens for the interrupt) once its manifest is written.
    const manifest = join(out, "manifest.json");
    for (let i = 0; i < 600 && !(existsSync(manifest) && statSync(manifest).size > 0); i++)
      await new Promise((r) => setTimeout(r, 10));
    child.kill("SIGINT");
    expect(await exited).toBe(130);
    expect(stderr()).toMatch(/hindsight: interrupted: the recording was sealed after [\d,]+ events/);
    const v = run("verify", out, "--app", app, "--json");
    expect(v.status, v.stderr).toBe(0);
    const events = (JSON.parse(v.stdout) as { events: number }[])[0]!.events;
    expect(events).toBeLessThan(300_000);
  }, 60_000);

  it("an error an app leaves running outside its steps is one line (exit 1), its stack only with --debug; the recording is sealed", () => {
    const { app: stray, inputs } = oneStepApp(
      "stray",
      'Promise.resolve().then(() => { throw new Error("late boom"); }); return { k: v.k };',
    );
    const sinkFile = join(tmp, "stray-out.jsonl");
    const r = run("record", "--app", stray, ...inputs, "-o", join(tmp, "stray"), "--sink", `out=${sinkFile}`);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /^hindsight: an error escaped the app's steps \(from code it left running outside them\): late boom; the recording was sealed after [\d,]+ events?(, the last \(seq \d+\) unfinished)? \(run with --debug for the stack trace\)\n$/,
    );
    // Sealed: a STOP marker saying why, and nothing for fsck to report.
    const m = run("cat", join(tmp, "stray"), "--type", "marker", "--json");
    const stop = JSON.parse(m.stdout.trim().split("\n").at(-1) as string) as {
      kind: string;
      status: string;
      events: number;
    };
    expect(stop).toMatchObject({ kind: "stop" });
    expect(stop.status).toMatch(
      /^(sealed inside event seq \d+: )?an error escaped the app's steps: late boom$/,
    );
    expect(r.stderr).toContain(`sealed after ${stop.events} event`);
    const f = run("fsck", join(tmp, "stray"), "--json");
    expect(f.status, f.stdout).toBe(0);
    // The sink got every output the recording holds (what it held was written out, not dropped).
    const outputs = run("cat", join(tmp, "stray"), "--type", "output", "--json").stdout.trim().split("\n");
    expect(outputs.length).toBeGreaterThan(0);
    expect(readFileSync(sinkFile, "utf8").trim().split("\n")).toHaveLength(outputs.length);
    const d = run("record", "--app", stray, ...inputs, "-o", join(tmp, "stray-debug"), "--debug");
    expect(d.status).toBe(1);
    expect(d.stderr).toMatch(/\nError: late boom\n\s+at /);
  });

  it("verify and replay report an error escaping the app's steps with the recording's result: a divergence (exit 3), or what the recorded run did (exit 0)", () => {
    const { app: fine, inputs } = oneStepApp("no-escape", "return { k: v.k };");
    const { app: drops } = oneStepApp(
      "escapes",
      'if (v.k === "k2") Promise.reject(new Error("dropped rejection")); return { k: v.k };',
    );
    const clean = join(tmp, "no-escape-rec");
    expect(run("record", "--app", fine, ...inputs, "-o", clean).status).toBe(0);
    // A build whose dropped promise rejects: the recording's result says so, nothing comes after it.
    const junit = join(tmp, "escapes.xml");
    const v = run("verify", clean, "--app", drops, "--json", "--junit", junit);
    expect(v.stderr).toBe("");
    expect(v.status).toBe(3);
    const [res] = JSON.parse(v.stdout) as {
      status: string;
      divergence: { kind: string; eventSeq: number; message: string; error: { message: string } };
    }[];
    expect(res?.status).toBe("diverged");
    // Events are at seq 1, 3, 5…: k2 is event seq 5, which left the promise running.
    expect(res?.divergence).toMatchObject({
      kind: "app-error",
      eventSeq: 5,
      error: { message: "dropped rejection" },
    });
    expect(res?.divergence.message).toBe(
      "an error escaped the app's steps (from code it left running outside them) while event seq 5 was replayed (or right after it): dropped rejection",
    );
    expect(readFileSync(junit, "utf8")).toMatch(
      /<failure type="diverged" message="an error escaped the app&apos;s steps .*: dropped rejection">/,
    );
    const text = run("verify", clean, "--app", drops);
    expect(text.status).toBe(3);
    expect(text.stderr).toBe("");
    expect(text.stdout).toMatch(
      /^✗ .*: DIVERGED at event seq 5 .*\n {2}app-error: an error escaped the app's steps .*: dropped rejection\n/,
    );
    const r = run("replay", clean, "--app", drops);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(3);
    expect(r.stdout).toMatch(
      /^DIVERGED at event seq 5: an error escaped the app's steps .*: dropped rejection/m,
    );
    // Recorded with that build, the run ended with the error escaping: the replay does the same.
    const sealed = join(tmp, "escapes-rec");
    const rec = run("record", "--app", drops, ...inputs, "-o", sealed);
    expect(rec.status).toBe(1);
    expect(rec.stderr).toContain(
      "an error escaped the app's steps (from code it left running outside them): dropped rejection",
    );
    const same = run("verify", sealed, "--app", drops, "--json");
    expect(same.stderr).toBe("");
    expect(same.status).toBe(0);
    const [ok] = JSON.parse(same.stdout) as {
      status: string;
      escapedAsRecorded: { message: string };
      notes: string[];
    }[];
    expect(ok?.status).toBe("identical");
    expect(ok?.escapedAsRecorded.message).toBe("dropped rejection");
    expect(ok?.notes).toContain(
      "the recorded run ended with an error escaping the app's steps, and the same error escapes on replay: dropped rejection",
    );
    const again = run("replay", sealed, "--app", drops);
    expect(again.stderr).toBe("");
    expect(again.status).toBe(0);
    // One result per recording, the exit code the highest of theirs.
    const both = run("verify", sealed, clean, "--app", drops, "--json");
    expect(both.stderr).toBe("");
    expect(both.status).toBe(3);
    expect((JSON.parse(both.stdout) as { status: string }[]).map((x) => x.status)).toEqual([
      "identical",
      "diverged",
    ]);
  });

  it("a look-up that can never settle seals the recording with its event unfinished (exit 1), and it verifies", () => {
    // Nothing keeps the process alive while the fetch's promise waits: Node would end it (exit 13)
    // with the open block, and the two events before, unwritten.
    const { app: hang, inputs } = hangingApp("stall", "new Promise(() => {})");
    const out = join(tmp, "stalled");
    const r = run("record", "--app", hang, ...inputs, "-o", out);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(
      /event seq 9 \(.*stall\.jsonl line 3\) never finished: it waits on look-up 'ref' of step 's', which nothing left in the process can settle; the recording was sealed after 3 events/,
    );
    const m = run("cat", out, "--type", "marker", "--json");
    expect(JSON.parse(m.stdout.trim().split("\n").at(-1) as string)).toMatchObject({
      kind: "stop",
      status:
        "sealed inside event seq 9: stalled: it waited on look-up 'ref' of step 's', which nothing left in the process could settle",
      events: 3,
    });
    const v = run("verify", out, "--app", hang, "--json");
    expect(v.status, v.stdout).toBe(0);
    expect(v.stdout).toContain(
      "the recording ends inside event seq 9 (the run was sealed before it finished",
    );
  });

  it("verify and replay of a build whose step waits on something that never comes report it (exit 3); why says so in one line", () => {
    const { app: ok, inputs } = oneStepApp("fine", "return { k: v.k };");
    const out = join(tmp, "fine");
    expect(run("record", "--app", ok, ...inputs, "-o", out).status).toBe(0);
    const { app: stuck, inputs: stuckInputs } = oneStepApp(
      "stuck",
      'if (v.k === "k2") await new Promise(() => {}); return { k: v.k };',
    );
    const v = run("verify", out, "--app", stuck);
    expect(v.status, v.stderr).toBe(3);
    expect(v.stdout).toMatch(
      /DIVERGED at event seq 5 .*\n {2}app-error: event seq 5 never finished: step 's' waits on a promise that nothing left in the process can settle/,
    );
    const r = run("replay", out, "--app", stuck);
    expect(r.status, r.stderr).toBe(3);
    expect(r.stdout).toMatch(/DIVERGED at event seq 5: event seq 5 never finished/);
    const w = run("why", out, "--app", stuck, "--output", "out:3");
    expect(w.status, w.stderr).toBe(1);
    expect(w.stderr.trim().split("\n")).toEqual([
      "hindsight: the command cannot finish: it waits on a promise that nothing left in the process can settle (an app step awaiting something other than ctx.lookup?)",
    ]);
    // Recorded with that build, the run is sealed inside the event; replayed, it stalls there
    // again: what the recorded run did.
    const sealed = join(tmp, "stuck-rec");
    const rec = run("record", "--app", stuck, ...stuckInputs, "-o", sealed);
    expect(rec.status, rec.stderr).toBe(1);
    expect(rec.stderr).toMatch(/never finished: it waits on a promise of step 's', which nothing left/);
    const again = run("verify", sealed, "--app", stuck);
    expect(again.status, again.stdout).toBe(0);
    expect(again.stdout).toContain(
      "the recording ends inside event seq 5 (the run was sealed before it finished",
    );
  });

  it("a second Ctrl-C while an event waits on a look-up seals the recording without it (exit 130)", async () => {
    // This fetch keeps the process busy (a timer; strict mode off lets it) and never settles.
    const { app: hang, inputs } = hangingApp("busy", "new Promise(() => setInterval(() => undefined, 1000))");
    const out = join(tmp, "busy");
    const { child, exited, stderr, collectStdout } = start([
      "record",
      "--app",
      hang,
      ...inputs,
      "--strict",
      "off",
      "--json",
      "-o",
      out,
    ]);
    const stdout = collectStdout();
    const manifest = join(out, "manifest.json");
    for (let i = 0; i < 600 && !(existsSync(manifest) && statSync(manifest).size > 0); i++)
      await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, 300));
    child.kill("SIGINT");
    // The first Ctrl-C waits for the event, and says so after a second.
    for (let i = 0; i < 300 && !stderr().includes("press Ctrl-C again"); i++)
      await new Promise((r) => setTimeout(r, 20));
    expect(stderr()).toMatch(
      /hindsight: stopping after event seq 9, which waits on look-up 'ref' of step 's'; press Ctrl-C again to seal the recording without finishing it/,
    );
    child.kill("SIGINT");
    expect(await exited).toBe(130);
    expect(stderr()).toMatch(
      /hindsight: interrupted: the recording was sealed after 3 events, the last \(seq 9, .*busy\.jsonl line 3\) unfinished/,
    );
    // --json: the summary on stdout, as after a first Ctrl-C.
    expect(JSON.parse(stdout())).toMatchObject({
      events: 3,
      status:
        "sealed inside event seq 9: interrupted by a second Ctrl-C while it waited on look-up 'ref' of step 's'",
    });
    const v = run("verify", out, "--app", hang);
    expect(v.status, v.stdout).toBe(0);
  }, 30_000);

  it("a sink on stdout whose reader goes away (| head) stops the recording sealed, not cut off", async () => {
    const out = join(tmp, "piped");
    const { child, exited, stderr } = start([
      "record",
      "--app",
      app,
      ...marketFiles("m5", 5, 80_000, 20_000),
      "--time-field",
      "ts",
      "--sink",
      "decisions=-",
      "-o",
      out,
    ]);
    // Read the first chunk of decisions, then close the pipe, as `head -1` does.
    await new Promise<void>((resolve) => child.stdout.once("data", () => resolve()));
    child.stdout.destroy();
    expect(await exited).toBe(130);
    expect(stderr()).toMatch(/hindsight: interrupted: the recording was sealed after [\d,]+ events/);
    const m = run("cat", out, "--type", "marker", "--json");
    expect(JSON.parse(m.stdout.trim().split("\n").at(-1) as string)).toMatchObject({
      kind: "stop",
      status: "interrupted",
    });
    expect(run("verify", out, "--app", app).status).toBe(0);
  }, 60_000);
});
