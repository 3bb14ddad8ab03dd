#!/usr/bin/env node
/**
 * Benchmark launcher.
 *
 *   npm run bench                 lists the benchmarks (bench/<name>.ts) with their one-line descriptions
 *   npm run bench -- <name> [...] runs bench/<name>.ts under tsx, passing the remaining arguments
 *
 * Each benchmark runs in its own node process (`node --import tsx bench/<name>.ts`) so that one
 * benchmark's heap and JIT state never colour another's figures. The child's exit code is ours.
 */
import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const benchDir = dirname(fileURLToPath(import.meta.url));
const root = dirname(benchDir);

/** Files in bench/ that are not benchmarks themselves. */
const isBenchmark = (file) =>
  file.endsWith(".ts") && !file.endsWith(".d.ts") && !file.endsWith(".test.ts") && file !== "lib.ts";

function listBenchmarks() {
  return readdirSync(benchDir)
    .filter(isBenchmark)
    .sort()
    .map((file) => ({
      name: file.slice(0, -3),
      file: join(benchDir, file),
      description: describe(join(benchDir, file)),
    }));
}

/** The first sentence of the file's leading doc comment (its first paragraph, up to a full stop). */
function describe(file) {
  const text = readFileSync(file, "utf8");
  const m = /^\s*(?:#![^\n]*\n\s*)?\/\*\*([\s\S]*?)\*\//.exec(text);
  if (!m) return "";
  const lines = m[1].split("\n").map((l) => l.replace(/^\s*\*\s?/, "").trim());
  while (lines.length > 0 && lines[0] === "") lines.shift();
  const end = lines.indexOf("");
  const paragraph = (end < 0 ? lines : lines.slice(0, end)).join(" ");
  const sentence = /^(.*?\.)(?:\s|$)/.exec(paragraph)?.[1] ?? paragraph;
  const s = sentence.replace(/\.$/, "");
  return s.length > 110 ? `${s.slice(0, 107)}...` : s;
}

function usage(benchmarks, stream) {
  const lines = ["usage: npm run bench -- <name> [args...]", ""];
  if (benchmarks.length === 0) {
    lines.push(`no benchmarks yet (add bench/<name>.ts)`);
  } else {
    lines.push("benchmarks:");
    const width = Math.max(...benchmarks.map((b) => b.name.length));
    for (const b of benchmarks) lines.push(`  ${b.name.padEnd(width)}  ${b.description}`.trimEnd());
  }
  lines.push(
    "",
    "Each runs as `node --import tsx bench/<name>.ts [args...]`; see the file's header for its options.",
  );
  stream.write(`${lines.join("\n")}\n`);
}

const [name, ...args] = process.argv.slice(2);
const benchmarks = listBenchmarks();

if (name === undefined || name === "--help" || name === "-h" || name === "help" || name === "--list") {
  usage(benchmarks, process.stdout);
  process.exit(0);
}

const bench = benchmarks.find((b) => b.name === name || `${b.name}.ts` === name);
if (!bench) {
  process.stderr.write(
    `bench: no benchmark named "${name}" (${relative(root, join(benchDir, `${name}.ts`))} does not exist): ` +
      `run \`npm run bench\` to list them\n`,
  );
  process.exit(2);
}

// Resolve tsx from this package, not from wherever the user's cwd happens to be.
const tsxLoader = import.meta.resolve("tsx");
const child = spawn(process.execPath, ["--import", tsxLoader, bench.file, ...args], {
  cwd: root,
  stdio: "inherit",
});

// Ctrl-C reaches the child through the terminal's process group: wait for it to end rather than
// dying first. A SIGTERM aimed at this process alone is passed on.
process.on("SIGINT", () => {});
process.on("SIGTERM", () => child.kill("SIGTERM"));

child.on("error", (e) => {
  process.stderr.write(`bench: could not start ${bench.name}: ${e.message}\n`);
  process.exit(1);
});
child.on("exit", (code, signal) => {
  if (signal) {
    process.stderr.write(`bench: ${bench.name} was killed by ${signal}\n`);
    process.exit(1);
  }
  process.exit(code ?? 1);
});
