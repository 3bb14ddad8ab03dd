/**
 * The determinism check bites: mutated copies of market-spread fail verify against the golden
 * recording, with the right first divergence (computed here independently from the recording).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { LogReader } from "../src/log/index.js";
import { runCli } from "./cli-io.js";
import { marketSpreadMutant } from "./mutant.js";

const root = join(import.meta.dirname, "..");
const golden = join(root, "recordings/v1/market-spread");
const tmp = mkdtempSync(join(tmpdir(), "hindsight-mutants-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A copy of the app with one change, importing hindsight from this checkout. */
const mutant = (name: string, from: string, to: string): string => marketSpreadMutant(tmp, name, from, to);

interface Report {
  status: string;
  divergence: {
    kind: string;
    eventSeq: number;
    step?: string;
    message: string;
    event: { seq: number; stream?: string; payload: string };
    output?: { sink: string; sinkSeq: number; expected?: string; actual?: string };
    diff?: { path: string; expected?: string; actual?: string; detail?: string }[];
    error?: { code?: string; message: string };
    lastMatchingCheckpoint: { refSeq: number; eventSeq: number } | null;
    precedingEvents: unknown[];
    precedingDecisions: { kind: string; name: string; step: string; value: unknown }[];
  };
}

async function verify(app: string): Promise<{ code: number; report: Report; text: string }> {
  const json = await runCli(["verify", golden, "--app", app, "--json"], { cwd: root });
  const text = await runCli(["verify", golden, "--app", app], { cwd: root });
  expect(text.code).toBe(json.code);
  return { code: json.code, report: (JSON.parse(json.stdout) as Report[])[0] as Report, text: text.stdout };
}

const micros = (s: string) => Math.round(Number(s) * 1e6);

describe("mutated market-spread fails verify with the right first divergence", () => {
  it("threshold 0.05 → 0.06: the first order whose spread is in [0.05, 0.06) diverges", async () => {
    // Independently: the first recorded decision rejected for an absolute spread below 0.06.
    const reader = LogReader.open(golden);
    let expected: { eventSeq: number; sinkSeq: number; decision: Record<string, unknown> } | undefined;
    let checkpoint: { refSeq: number; eventSeq: number } | null = null;
    for (const r of reader.records({ types: ["output", "checkpoint"] })) {
      if (r.type === "checkpoint") checkpoint = { refSeq: r.seq, eventSeq: r.eventSeq };
      if (r.type !== "output") continue;
      const d = JSON.parse(Buffer.from(r.data).toString()) as {
        reason: string;
        quote: { spread: string } | null;
      };
      if (d.reason === "spread-abs" && d.quote && micros(d.quote.spread) < 60_000) {
        expected = { eventSeq: r.eventSeq, sinkSeq: r.sinkSeq, decision: d };
        break;
      }
    }
    reader.close();
    expect(expected).toBeDefined();
    const { code, report, text } = await verify(
      mutant("threshold", 'const MAX_SPREAD = "0.05";', 'const MAX_SPREAD = "0.06";'),
    );
    expect(code).toBe(3);
    expect(report.status).toBe("diverged");
    const d = report.divergence;
    expect(d.kind).toBe("output-mismatch");
    expect(d.eventSeq).toBe(expected?.eventSeq);
    expect(d.step).toBe("spread");
    expect(d.event.stream).toBe("orders");
    expect(d.output?.sink).toBe("decisions");
    expect(d.output?.sinkSeq).toBe(expected?.sinkSeq);
    expect(d.diff).toContainEqual({
      path: "reason",
      expected: '"spread-abs"',
      actual: JSON.stringify(JSON.parse(d.output?.actual ?? "{}").reason),
    });
    expect(JSON.parse(d.output?.expected ?? "{}").reason).toBe("spread-abs");
    expect(d.lastMatchingCheckpoint).toEqual(checkpoint);
    expect(d.precedingEvents.length).toBeGreaterThan(0);
    // Preceding decisions are objects like the events, a clock reading exact (a decimal string).
    expect(d.precedingDecisions.at(-1)).toMatchObject({ kind: "clock", name: "clock", step: "spread" });
    expect(d.precedingDecisions.at(-1)?.value).toMatch(/^\d{19}$/);
    expect(text).toContain(`DIVERGED at event seq ${expected?.eventSeq} (stream orders`);
    expect(text).toContain("diff (expected → actual):");
    // why, asked about that very output, says it diverged at its event (not before it), and
    // about a later output, before it.
    const path = join(tmp, "threshold.ts");
    const at = await runCli(["why", golden, "--app", path, "--output", `decisions:${expected?.sinkSeq}`]);
    expect(at.code).toBe(3);
    expect(at.stderr).toMatch(/^hindsight: the app diverged from the recording at the event: /);
    const later = await runCli([
      "why",
      golden,
      "--app",
      path,
      "--output",
      `decisions:${(expected?.sinkSeq ?? 0) + 50}`,
    ]);
    expect(later.code).toBe(3);
    expect(later.stderr).toMatch(
      new RegExp(
        `^hindsight: the app diverged from the recording before the event \\(at event seq ${expected?.eventSeq}\\)`,
      ),
    );
  });

  it("reading Date.now() in the step: the first order diverges with a determinism violation", async () => {
    const reader = LogReader.open(golden);
    const ordersIdx = reader.manifest.streams.findIndex((s) => s.name === "orders");
    let firstOrder = -1;
    for (const r of reader.records({ types: ["input"] }))
      if (r.type === "input" && r.stream === ordersIdx) {
        firstOrder = r.seq;
        break;
      }
    reader.close();
    const { code, report, text } = await verify(
      mutant(
        "datenow",
        "const o = m as Order;",
        "const o = m as Order;\n        const wall = Date.now();\n        void wall;",
      ),
    );
    expect(code).toBe(3);
    expect(report.divergence.kind).toBe("app-error");
    expect(report.divergence.eventSeq).toBe(firstOrder);
    expect(report.divergence.step).toBe("spread");
    expect(report.divergence.error?.code).toBe("DETERMINISM_VIOLATION");
    expect(report.divergence.message).toContain("Date.now() called inside step 'spread'");
    expect(text).toContain(`DIVERGED at event seq ${firstOrder} (stream orders`);
  });

  it("the unmutated copy (same code, different path) still verifies identical", async () => {
    const { code, report } = await verify(mutant("same", "const o = m as Order;", "const o = m as Order;"));
    expect(report.status).toBe("identical");
    expect(code).toBe(0);
  });
});
