/** The README's app example is real code: load it, record with it, verify the recording. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "./cli-io.js";

const root = join(import.meta.dirname, "..");
const tmp = mkdtempSync(join(tmpdir(), "hindsight-readme-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("README", () => {
  const readme = readFileSync(join(root, "README.md"), "utf8");

  it("its app example records and verifies", async () => {
    const m = /```ts\n(import \{[^`]*?defineApp[^`]*?)```/.exec(readme);
    expect(m).not.toBeNull();
    // Inside the repository the package resolves to its own source.
    const code = m![1]!.replace(`from "hindsight"`, `from ${JSON.stringify(join(root, "src/index.ts"))}`);
    writeFileSync(join(tmp, "app.ts"), code);
    const T = 1_794_061_800_000_000_000n;
    writeFileSync(
      join(tmp, "quotes.jsonl"),
      `{"ts":${T},"symbol":"A","bid":1.00,"offer":1.02}\n{"ts":${T + 5n},"symbol":"B","bid":2.00,"offer":2.10}\n`,
    );
    writeFileSync(
      join(tmp, "orders.jsonl"),
      `{"ts":${T + 1n},"orderId":"o1","symbol":"A"}\n{"ts":${T + 6n},"orderId":"o2","symbol":"B"}\n{"ts":${T + 7n},"orderId":"o3","symbol":"C"}\n`,
    );
    const out = join(tmp, "rec");
    const rec = await runCli([
      "record",
      "--app",
      join(tmp, "app.ts"),
      "-i",
      `quotes=${join(tmp, "quotes.jsonl")}`,
      "-i",
      `orders=${join(tmp, "orders.jsonl")}`,
      "--time-field",
      "ts",
      "--out",
      out,
      "--outputs",
      "full",
    ]);
    expect(rec.stderr).toBe("");
    expect(rec.code).toBe(0);
    const outputs = (await runCli(["cat", out, "--type", "output", "--json"])).stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(JSON.parse(l).data));
    expect(outputs.map((o: { orderId: string; decision: string }) => [o.orderId, o.decision])).toEqual([
      ["o1", "accept"],
      ["o2", "reject"],
      ["o3", "reject"],
    ]);
    const v = await runCli(["verify", out, "--app", join(tmp, "app.ts")]);
    expect(v.code).toBe(0);
  });

  it("documents the test command and every exit code", () => {
    expect(readme).toContain("npm test");
    expect(readme).toContain("npm install && npm run demo");
    for (const code of [0, 1, 2, 3, 4]) expect(readme).toMatch(new RegExp(`^\\| ${code} +\\| \\S`, "m"));
  });
});
