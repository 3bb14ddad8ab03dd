/**
 * Loading an app module (.ts or .js, no build step) and computing its build id.
 *
 * The build id is "sha256:<hex>" over the app module and every local module it imports by a
 * relative path within the app's own directory tree (recursively), each as its path relative
 * to the app's directory and its bytes, sorted by path. Imports of packages, and relative
 * imports that leave the app's directory (e.g. the hindsight library itself), are not part of
 * the app's build: the engine's version is recorded separately.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, extname, isAbsolute, relative, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { type Loader, transformSync } from "esbuild";
import { type App, isApp } from "../engine/app.js";
import { HindsightError } from "../errors.js";

export interface LoadedApp {
  readonly app: App;
  /** Absolute path of the module. */
  readonly path: string;
  /** "sha256:<hex>" (see the module comment). */
  readonly buildId: string;
  /** Files hashed into the build id, relative to the app's directory. */
  readonly files: readonly string[];
}

/**
 * Relative module specifiers in a module's text: static imports and re-exports (`from` with or
 * without spaces around it, names spread over lines), side-effect imports, and `import("./x")`
 * with or without options. Read twice: in the source as written (so that type-only imports
 * count too), and in esbuild's rewrite of it to plain JavaScript, where comments are gone and
 * every import is written one way (so that a comment or an odd layout hides none).
 */
const IMPORT_RE =
  /(?:^|[\s;})])(?:import|export)\s*(?:type\s+)?(?:[^"'`;()]*?\bfrom\s*)?["'](\.{1,2}\/[^"']+)["']|\bimport\(\s*["'](\.{1,2}\/[^"']+)["']\s*[,)]/g;

const LOADERS: Readonly<Record<string, Loader>> = {
  ".ts": "ts",
  ".mts": "ts",
  ".cts": "ts",
  ".tsx": "tsx",
  ".js": "js",
  ".mjs": "js",
  ".cjs": "js",
  ".jsx": "jsx",
};

/** The relative specifiers a module imports (see IMPORT_RE). */
function localSpecifiers(file: string, text: string): Set<string> {
  const specs = new Set<string>();
  const scan = (t: string) => {
    for (const m of t.matchAll(IMPORT_RE)) {
      const spec = m[1] ?? m[2];
      if (spec) specs.add(spec);
    }
  };
  scan(text);
  const loader = LOADERS[extname(file)];
  if (loader !== undefined)
    try {
      scan(transformSync(text, { loader, format: "esm", target: "esnext", logLevel: "silent" }).code);
    } catch {
      // A module esbuild cannot read fails to load anyway (loadApp says why).
    }
  return specs;
}

function resolveLocal(fromFile: string, spec: string): string | undefined {
  const base = resolve(dirname(fromFile), spec);
  const candidates = [base];
  const ext = extname(base);
  if (ext === ".js") candidates.push(`${base.slice(0, -3)}.ts`);
  else if (ext === ".mjs") candidates.push(`${base.slice(0, -4)}.mts`);
  else if (ext === ".cjs") candidates.push(`${base.slice(0, -4)}.cts`);
  else if (ext === "") candidates.push(`${base}.ts`, `${base}.js`, `${base}/index.ts`, `${base}/index.js`);
  for (const c of candidates) if (existsSync(c) && statSync(c).isFile()) return c;
  return undefined;
}

/** Build id of the module at `path` (see the module comment). */
export function buildIdOf(modulePath: string): { buildId: string; files: string[] } {
  // Absolute: the files found are keyed by absolute path (a relative one was not found again).
  const path = resolve(modulePath);
  const root = dirname(path);
  const seen = new Map<string, Buffer>();
  const todo = [path];
  while (todo.length) {
    const f = todo.pop() as string;
    if (seen.has(f)) continue;
    const bytes = readFileSync(f);
    seen.set(f, bytes);
    for (const spec of localSpecifiers(f, bytes.toString("utf8"))) {
      const target = resolveLocal(f, spec);
      if (!target) continue;
      const rel = relative(root, target);
      if (rel.startsWith("..") || isAbsolute(rel)) continue; // outside the app: not its build
      todo.push(target);
    }
  }
  const files = [...seen.keys()].map((f) => relative(root, f).split(sep).join("/")).sort();
  const h = createHash("sha256");
  for (const rel of files) {
    const b = seen.get(resolve(root, rel)) as Buffer;
    h.update(`${rel}\u0000${b.length}\u0000`);
    h.update(b);
  }
  return { buildId: `sha256:${h.digest("hex")}`, files };
}

/**
 * Imports an app module (TypeScript through tsx, JavaScript natively) and validates its default export.
 * @throws HindsightError NOT_FOUND (no such file), APP_LOAD (import failed), APP_INVALID (no app as default export).
 */
export async function loadApp(modulePath: string, cwd: string = process.cwd()): Promise<LoadedApp> {
  const path = resolve(cwd, modulePath);
  if (!existsSync(path))
    throw new HindsightError("NOT_FOUND", `app module ${modulePath} does not exist`, {
      where: cwd,
      hint: "pass the path of a .ts or .js module whose default export is defineApp(...)",
    });
  let mod: Record<string, unknown>;
  try {
    if (/\.[mc]?ts$/.test(path)) {
      const { tsImport } = await import("tsx/esm/api");
      mod = (await tsImport(pathToFileURL(path).href, import.meta.url)) as Record<string, unknown>;
    } else mod = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
  } catch (e) {
    if (e instanceof HindsightError) throw e;
    // defineApp refusing the app, from another copy of hindsight than this one (an app importing
    // the sources while the CLI runs from dist/): its own message and hint, not "failed to load".
    const other = e as { name?: unknown; code?: unknown; hint?: unknown; message?: unknown };
    if (e instanceof Error && other.name === "HindsightError" && other.code === "APP_INVALID")
      throw new HindsightError("APP_INVALID", `app module ${modulePath}: ${oneLineMessage(e)}`, {
        where: path,
        ...(typeof other.hint === "string" ? { hint: other.hint } : {}),
        cause: e,
      });
    const dir = statSync(path).isDirectory();
    throw new HindsightError(
      "APP_LOAD",
      dir
        ? `app module ${modulePath} is a directory`
        : `app module ${modulePath} failed to load: ${oneLineMessage(e)}`,
      {
        where: path,
        hint: dir
          ? "pass the app's module file (e.g. app.ts), not its directory"
          : /Cannot find (module|package) 'hindsight'/.test(oneLineMessage(e))
            ? "the app imports hindsight: keep it in the clone's directory tree, or run `npm install <path-to-hindsight>` where it is"
            : /with the "cjs" output format/.test(oneLineMessage(e))
              ? compiledAsCommonJs(path)
              : "fix the module (run it with `npx tsx` to see the full error)",
        cause: e,
      },
    );
  }
  let app = mod["default"];
  // tsx may wrap a CommonJS-style module: { default: { default: app } }.
  if (!isApp(app) && app && typeof app === "object" && isApp((app as Record<string, unknown>)["default"]))
    app = (app as Record<string, unknown>)["default"];
  if (!isApp(app))
    throw new HindsightError("APP_INVALID", `app module ${modulePath} has no app as its default export`, {
      where: path,
      hint: "end the module with `export default defineApp({...})`",
    });
  const { buildId, files } = buildIdOf(path);
  return { app, path, buildId, files };
}

/**
 * The hint for a TypeScript module compiled as CommonJS (what makes top-level await fail): a
 * `.ts` file is an ES module only inside a package whose package.json says "type": "module".
 */
function compiledAsCommonJs(path: string): string {
  const ext = extname(path);
  const mts = `${path.slice(0, -ext.length)}.mts`;
  if (ext === ".cts") return `a .cts file is CommonJS: name it ${mts} to load it as an ES module`;
  const pkg = nearestPackageJson(dirname(path));
  return pkg
    ? `the module was compiled as CommonJS, as the nearest package.json (${pkg}) does not say "type": "module": add "type": "module" to it, or name the file ${mts}`
    : `the module was compiled as CommonJS, as no package.json above it says "type": "module": add a package.json holding {"type": "module"} to ${dirname(path)}, or name the file ${mts}`;
}

/** The package.json Node reads a module's type from: the nearest one in `dir` or above. */
function nearestPackageJson(dir: string): string | undefined {
  for (let d = dir; ; d = dirname(d)) {
    const p = resolve(d, "package.json");
    if (existsSync(p)) return p;
    if (dirname(d) === d) return undefined;
  }
}

/**
 * A load error's message on one line: Node's "Require stack" list and the loader's
 * `?namespace=` suffixes dropped, the lines of a compile error ("Transform failed with 1
 * error: file:1:16: ERROR: ...") joined.
 */
export function oneLineMessage(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  const lines: string[] = [];
  for (const l of text.split(/\r?\n/)) {
    const t = l.trim();
    if (/^Require stack:/.test(t)) break;
    if (t) lines.push(t.replace(/\?namespace=[\w-]+/g, ""));
  }
  return lines.join(" ");
}
