/**
 * Lineage as a verification tool: when a new build's output differs, verify shows how the new
 * build arrived at it and, for a recording made with --lineage, how the recorded run did.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseJson } from "../src/engine/json.js";
import { runCli } from "./cli-io.js";
import { marketSpreadMutant } from "./mutant.js";

const root = join(import.meta.dirname, "..");
const golden = join(root, "recordings/v1/market-spread");
const app = join(root, "examples/market-spread/app.ts");
const tmp = mkdtempSync(join(tmpdir(), "hindsight-vlin-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("verify shows the lineage of the first wrong output", () => {
  it("in this build and as recorded", async () => {
    for (const s of ["quotes", "orders"]) {
      const r = await runCli(["cat", golden, "--stream", s, "--payload"]);
      writeFileSync(join(tmp, `${s}.jsonl`), r.stdoutBytes);
    }
    const rec = join(tmp, "rec");
    const made = await runCli([
      "record",
      "--app",
      app,
      "-i",
      `quotes=${join(tmp, "quotes.jsonl")}`,
      "-i",
      `orders=${join(tmp, "orders.jsonl")}`,
      "--time-field",
      "ts",
      "--out",
      rec,
      "--lineage",
      "--outputs",
      "full",
    ]);
    expect(made.code).toBe(0);
    expect((await runCli(["verify", rec, "--app", app])).code).toBe(0);

    const mutant = marketSpreadMutant(
      tmp,
      "mutant",
      'const MAX_SPREAD = "0.05";',
      'const MAX_SPREAD = "0.06";',
    );
    const v = await runCli(["verify", rec, "--app", mutant, "--json"]);
    expect(v.code).toBe(3);
    const d = JSON.parse(v.stdout)[0].divergence;
    expect(d.kind).toBe("output-mismatch");
    const cur = d.lineage.current;
    const was = d.lineage.recorded;
    // Same witness both ways: the order and the quote that set its symbol's spread.
    expect(cur.events).toHaveLength(2);
    expect(was.events).toEqual(cur.events);
    expect(cur.output.eventSeq).toBe(d.eventSeq);
    expect(cur.root.reads[0].writer.event.stream).toBe("quotes");
    expect(JSON.parse(cur.output.value).decision).toBe("accept");
    expect(JSON.parse(was.output.value).decision).toBe("reject");
    // The clock reading it decided with, exact (a nanosecond bigint as its decimal string, not a
    // rounded number), and its kind by name.
    const decided = parseJson(cur.output.value) as { decidedAt: bigint };
    expect(cur.root.decisions).toEqual([
      expect.objectContaining({ kind: "clock", value: String(decided.decidedAt) }),
    ]);
    const text = await runCli(["verify", rec, "--app", mutant]);
    expect(text.stdout).toContain("lineage of the output in this build:");
    expect(text.stdout).toContain("lineage of the output when recorded:");

    // why checks its replayed lineage against the recorded one: the same build, the same.
    const same = await runCli(["why", rec, "--app", app, "--output", "decisions:8"]);
    expect(same.code).toBe(0);
    expect(same.stdout).toContain("\nrecorded at run time (record --lineage): the same\n");
    // A build whose decisions pass through one more step: the same outputs, another path.
    const routed = marketSpreadMutant(tmp, "routed", 'ctx.emit("decisions", {', "return {");
    const tail = "        });\n        return undefined;\n      },\n    }),\n  },\n  audit:";
    const source = readFileSync(routed, "utf8");
    expect(source).toContain(tail);
    writeFileSync(
      routed,
      source
        .replace(
          tail,
          '        };\n      },\n    }),\n    pass: map({ from: "spread", to: "decisions", fn: (d: unknown) => d }),\n  },\n  audit:',
        )
        .replace("import { codecs, defineApp, keyed }", "import { codecs, defineApp, keyed, map }"),
    );
    expect((await runCli(["verify", rec, "--app", routed])).code).toBe(0);
    const other = await runCli(["why", rec, "--app", routed, "--output", "decisions:8", "--json"]);
    expect(other.code).toBe(0);
    expect(JSON.parse(other.stdout).recorded).toEqual({
      differs: "path spread recorded, spread → pass replayed",
    });
  });
});
