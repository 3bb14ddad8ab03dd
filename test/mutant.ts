/** Mutated copies of the market-spread example, for tests that prove verify bites. */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { expect } from "vitest";

const root = join(import.meta.dirname, "..");
const source = readFileSync(join(root, "examples/market-spread/app.ts"), "utf8");

/**
 * Writes `<dir>/<name>.ts`: market-spread with `from` replaced by `to` (which must be there),
 * importing hindsight from this checkout. Returns its path.
 */
export function marketSpreadMutant(dir: string, name: string, from: string, to: string): string {
  expect(source).toContain(from);
  const path = join(dir, `${name}.ts`);
  writeFileSync(
    path,
    source
      .replace(from, to)
      .replace('"../../src/index.js"', JSON.stringify(pathToFileURL(join(root, "src/index.ts")).href)),
  );
  return path;
}
