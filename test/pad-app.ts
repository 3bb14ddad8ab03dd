/** App modules written by tests: one input stream, one map step `s` to sink `out`. */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const index = pathToFileURL(join(import.meta.dirname, "../src/index.ts")).href;

/**
 * Writes to `file` an app of one step `s` from stream `input` to sink `out`, whose body is
 * `body` (the event is `v`, the context `ctx`; an async function unless `sync`), and returns `file`.
 */
export function writeStepApp(
  file: string,
  o: { name: string; input: string; body: string; sync?: boolean },
): string {
  writeFileSync(
    file,
    `import { codecs, defineApp, map } from ${JSON.stringify(index)};
export default defineApp({
  name: ${JSON.stringify(o.name)},
  inputs: { ${o.input}: codecs.json() },
  sinks: { out: codecs.json() },
  steps: { s: map({ from: ${JSON.stringify(o.input)}, to: "out", ${o.sync ? "" : "async "}fn(v, ctx) { ${o.body} } }) },
});
`,
  );
  return file;
}

/** Writes the app to `file` (each output is its input plus `fill` repeated `times`) and returns `file`. */
export function writePadApp(
  file: string,
  o: { name: string; input: string; fill: string; times: number },
): string {
  return writeStepApp(file, {
    name: o.name,
    input: o.input,
    body: `return { e: v, pad: ${JSON.stringify(o.fill)}.repeat(${o.times}) };`,
    sync: true,
  });
}
