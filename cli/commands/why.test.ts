import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../test/cli-io.js";

const root = join(import.meta.dirname, "../..");
const rec = join(root, "recordings/v1/market-spread");
const app = join(root, "examples/market-spread/app.ts");

describe("hindsight why", () => {
  it("prints the witness of an output as JSON", async () => {
    const r = await runCli(["why", rec, "--app", app, "--output", "decisions:8", "--json"]);
    expect(r.code).toBe(0);
    const l = JSON.parse(r.stdout);
    expect(l.output.sink).toBe("decisions");
    expect(l.output.sinkSeq).toBe(8);
    expect(l.events).toHaveLength(2);
    expect(l.root.reads[0].writer.event.stream).toBe("quotes");
    // Decision kinds by name, as in the text report and the audit columns.
    expect(l.root.decisions).toEqual([
      expect.objectContaining({ kind: "clock", name: "clock", step: "spread" }),
    ]);
  });

  it("explains the outputs of an input event given by --seq", async () => {
    const byOut = JSON.parse(
      (await runCli(["why", rec, "--app", app, "--output", "decisions:8", "--json"])).stdout,
    );
    const r = await runCli(["why", rec, "--app", app, "--seq", String(byOut.output.eventSeq)]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("output decisions:8");
  });

  it("usage errors exit 2 with one line", async () => {
    for (const argv of [
      ["why", rec, "--app", app],
      ["why", rec, "--app", app, "--output", "decisions"],
      ["why", rec, "--app", app, "--output", "nosuch:1"],
      ["why", rec, "--app", app, "--seq", "0", "--output", "decisions:1"],
    ]) {
      const r = await runCli(argv);
      expect(r.code, argv.join(" ")).toBe(2);
      expect(r.stderr.trim().split("\n").length, argv.join(" ")).toBeLessThanOrEqual(2);
    }
  });
});
