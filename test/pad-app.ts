/** App modules written by tests: one input stream, one map step adding a long field, sink `out`. */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const index = pathToFileURL(join(import.meta.dirname, "../src/index.ts")).href;

/** Writes the app to `file` (each output is its input plus `fill` repeated `times`) and returns `file`. */
export function writePadApp(
  file: string,
  o: { name: string; input: string; fill: string; times: number },
): string {
  writeFileSync(
    file,
    `import { codecs, defineApp, map } from ${JSON.stringify(index)};
export default defineApp({
  name: ${JSON.stringify(o.name)},
  inputs: { ${o.input}: codecs.json() },
  sinks: { out: codecs.json() },
  steps: { pad: map({ from: ${JSON.stringify(o.input)}, to: "out", fn: (e) => ({ e, pad: ${JSON.stringify(o.fill)}.repeat(${o.times}) }) }) },
});
`,
  );
  return file;
}
