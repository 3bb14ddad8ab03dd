import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LogReader } from "../../src/log/index.js";
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
    // A tree: the event's last child is drawn └─, and what hangs under it is not joined by │.
    expect(r.stdout).toMatch(
      /\n {3}├─ decision clock .*\n {3}└─ read spread\["UNH"\], last written by seq 6\n {6}└─ input seq 6 /,
    );
    // The output record's own seq, or its decision's: the same lineage.
    const reader = LogReader.open(rec);
    const outRec = [...reader.records({ types: ["output"] })].find(
      (x) => x.type === "output" && x.sinkSeq === 8,
    );
    const decRec = [...reader.records({ types: ["decision"] })].find(
      (x) => x.type === "decision" && x.eventSeq === byOut.output.eventSeq,
    );
    const marker = [...reader.records({ types: ["marker"] })][0];
    reader.close();
    for (const seq of [outRec?.seq, decRec?.seq]) {
      // --seq always gives an array (here of one), --output one object.
      const again = JSON.parse(
        (await runCli(["why", rec, "--app", app, "--seq", String(seq), "--json"])).stdout,
      );
      expect(again).toHaveLength(1);
      expect(again[0].output).toEqual(byOut.output);
    }
    const m = await runCli(["why", rec, "--app", app, "--seq", String(marker?.seq)]);
    expect(m.code).toBe(2);
    expect(m.stderr).toMatch(/is a marker record, not an event, a decision or an output/);
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

describe("hindsight why, asked for an output the recording does not have", () => {
  it("says which outputs the sink holds (exit 2)", async () => {
    const r = await runCli(["why", rec, "--app", app, "--output", "decisions:999999"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^hindsight: the recording has no output decisions:999999; outputs are numbered from 0 within their sink \(this sink has 0\.\.\d+\)/,
    );
  });
});
