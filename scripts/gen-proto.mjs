// Regenerates src/gen/ from proto/hindsight/v1/*.proto with protobufjs-cli.
// `--check` regenerates into a temporary directory and fails when the committed code differs.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const check = process.argv.includes("--check");
const root = new URL("..", import.meta.url).pathname;
const protoDir = join(root, "proto/hindsight/v1");
const protos = readdirSync(protoDir)
  .filter((f) => f.endsWith(".proto"))
  .sort()
  .map((f) => join(protoDir, f));
const outDir = check ? mkdtempSync(join(tmpdir(), "hindsight-gen-")) : join(root, "src/gen");
const bin = (name) => join(root, "node_modules/.bin", name);

const js = join(outDir, "hindsight.js");
execFileSync(
  bin("pbjs"),
  ["-t", "static-module", "-w", "es6", "--es6", "--no-beautify", "--no-typeurl", "-o", js, ...protos],
  { stdio: "inherit" },
);
// The ESM wrapper imports "protobufjs/minimal" without an extension; Node's ESM resolver needs it.
writeFileSync(
  js,
  readFileSync(js, "utf8").replace('from "protobufjs/minimal"', 'from "protobufjs/minimal.js"'),
);
execFileSync(bin("pbts"), ["--no-comments", "-o", join(outDir, "hindsight.d.ts"), js], { stdio: "inherit" });

if (check) {
  const stale = [];
  for (const f of ["hindsight.js", "hindsight.d.ts"]) {
    const want = readFileSync(join(outDir, f), "utf8");
    let have = "";
    try {
      have = readFileSync(join(root, "src/gen", f), "utf8");
    } catch {}
    if (want !== have) stale.push(f);
  }
  rmSync(outDir, { recursive: true, force: true });
  if (stale.length) {
    console.error(
      `gen:check: src/gen/${stale.join(", src/gen/")} differ from proto/: run 'npm run gen' and commit the result`,
    );
    process.exit(1);
  }
  console.log("gen:check: src/gen is up to date with proto/");
}
