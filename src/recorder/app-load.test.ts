import { mkdirSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { isHindsightError } from "../errors.js";
import { tempDir } from "../log/test-helpers.js";
import { buildIdOf, loadApp } from "./app-load.js";

const tmp = tempDir();
afterAll(() => tmp.cleanup());

/** Writes `files` (path → text) under a fresh directory; returns it. */
function tree(name: string, files: Record<string, string>): string {
  const root = join(tmp.dir, name);
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(join(root, p, ".."), { recursive: true });
    writeFileSync(join(root, p), text);
  }
  return root;
}

describe("buildIdOf", () => {
  it("finds every local module, however its import is written", () => {
    const root = tree("forms", {
      "app/app.ts": [
        "import {",
        "  LIMIT, // the alert threshold, in dollars",
        "  NAME, /* its name */",
        '} from "./config.ts";',
        'import {A,B}from"./dep.ts";',
        'import type { T } from "./types";',
        'import "./side.js";',
        'export * from "./re.js";',
        'const late = await import("./dyn.ts", { with: {} });',
        'import { inner } from "./sub/inner.ts";',
        'import { lib } from "../outside.ts";',
        'import { codecs } from "hindsight";',
        "export default [LIMIT, NAME, A, B, late, inner, lib, codecs] as unknown as T;",
      ].join("\n"),
      "app/config.ts": 'export const LIMIT = 100;\nexport const NAME = "x";\n',
      "app/dep.ts": "export const A = 1, B = 2;\n",
      "app/types.ts": "export type T = number;\n",
      "app/side.ts": "globalThis.x = 1;\n",
      "app/re.ts": "export const r = 1;\n",
      "app/dyn.ts": "export const d = 1;\n",
      // An import that leaves a subdirectory and comes back into the app's directory counts.
      "app/sub/inner.ts": 'export { A as inner } from "../dep.ts";\nimport "../data.json";\n',
      "app/data.json": "{}\n",
      "outside.ts": "export const lib = 1;\n",
    });
    const { files } = buildIdOf(join(root, "app/app.ts"));
    expect(files).toEqual([
      "app.ts",
      "config.ts",
      "data.json",
      "dep.ts",
      "dyn.ts",
      "re.ts",
      "side.ts",
      "sub/inner.ts",
      "types.ts",
    ]);
  });

  it("changes when an imported module changes, not when a module outside the app's directory does", () => {
    const files = {
      "app/app.ts":
        'import {\n  LIMIT, // comment\n} from "./config.ts";\nimport "../lib.ts";\nexport default LIMIT;\n',
      "app/config.ts": "export const LIMIT = 100;\n",
      "lib.ts": "export const x = 1;\n",
    };
    const a = buildIdOf(join(tree("v1", files), "app/app.ts")).buildId;
    const b = buildIdOf(
      join(tree("v2", { ...files, "app/config.ts": "export const LIMIT = 120;\n" }), "app/app.ts"),
    );
    const c = buildIdOf(join(tree("v3", { ...files, "lib.ts": "export const x = 2;\n" }), "app/app.ts"));
    expect(b.buildId).not.toBe(a);
    expect(c.buildId).toBe(a);
    expect(a).toMatch(/^sha256:[0-9a-f]{64}$/);
    // A path relative to the working directory gives the same id (it used to throw a TypeError).
    const relativePath = relative(process.cwd(), join(tree("v4", files), "app/app.ts"));
    expect(buildIdOf(relativePath).buildId).toBe(a);
  });
});

describe("loadApp", () => {
  // An app with top-level await: an ES module. A .ts file is compiled as CommonJS outside a
  // package whose package.json says "type": "module", which top-level await cannot be.
  const index = pathToFileURL(join(import.meta.dirname, "../index.ts")).href;
  const tla = [
    `import { codecs, defineApp, map } from ${JSON.stringify(index)};`,
    "const cfg = await Promise.resolve({ k: 1 });",
    "export default defineApp({",
    '  name: "tla",',
    "  inputs: { a: codecs.json<{ n: number }>() },",
    "  sinks: { b: codecs.json() },",
    '  steps: { s: map({ from: "a", to: "b", fn: (v: { n: number }) => ({ ...v, k: cfg.k }) }) },',
    "});",
    "",
  ].join("\n");
  const loadError = async (path: string) => {
    const e = await loadApp(path).then(
      () => undefined,
      (x: unknown) => x,
    );
    if (!isHindsightError(e)) throw new Error(`expected a HindsightError, got ${String(e)}`);
    return e;
  };

  it("a .ts app with top-level await that is compiled as CommonJS is one error saying what to do", async () => {
    // No package.json in its directory (nor, in a temporary directory, one saying "module" above).
    const bare = tree("tla-bare", { "app.ts": tla });
    const e = await loadError(join(bare, "app.ts"));
    expect(e.code).toBe("APP_LOAD");
    expect(e.exitCode).toBe(2);
    expect(e.message).toMatch(/failed to load: .*Top-level await .* "cjs" output format/);
    expect(e.hint).toMatch(
      /^the module was compiled as CommonJS, as .*"type": "module": add .*"type": "module"/,
    );
    expect(e.hint).toContain(`or name the file ${join(bare, "app.mts")}`);
    // A package.json that does not say "type": "module" is named.
    const pkg = tree("tla-pkg", { "app.ts": tla, "package.json": '{ "name": "x" }\n' });
    const p = await loadError(join(pkg, "app.ts"));
    expect(p.hint).toBe(
      `the module was compiled as CommonJS, as the nearest package.json (${join(pkg, "package.json")}) does not say "type": "module": add "type": "module" to it, or name the file ${join(pkg, "app.mts")}`,
    );
    expect(p.oneLine().split("\n")).toHaveLength(1);
  });

  it("either way the hint gives, the app loads", async () => {
    const mts = tree("tla-mts", { "app.mts": tla, "package.json": '{ "name": "x" }\n' });
    expect((await loadApp(join(mts, "app.mts"))).app.name).toBe("tla");
    const mod = tree("tla-module", { "app.ts": tla, "package.json": '{ "type": "module" }\n' });
    expect((await loadApp(join(mod, "app.ts"))).app.name).toBe("tla");
  });
});
