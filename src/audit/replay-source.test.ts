/**
 * Audit rows from a replay of the golden recordings: every reference into the recording
 * points at the right record, the decision inputs are the quote the decision was made on,
 * the lineage is the minimal set (the order and the quote that set the spread), and the
 * app hook decides which outputs are rows.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { App } from "../engine/app.js";
import { LogReader } from "../log/index.js";
import { loadApp } from "../recorder/app-load.js";
import { exportRecordingAudit } from "./replay-source.js";

const root = join(import.meta.dirname, "../..");
const dir = mkdtempSync(join(tmpdir(), "hindsight-audit-replay-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Row = Record<string, string | number | null>;
const readRows = (p: string): Row[] =>
  readFileSync(p, "utf8")
    .trimEnd()
    .split("\n")
    .map((l) => JSON.parse(l) as Row);

describe("audit rows from a replay", () => {
  it("market-spread: one row per decision, with references, the quote and the minimal lineage", async () => {
    const { app } = await loadApp("examples/market-spread/app.ts", root);
    const reader = LogReader.open(join(root, "recordings/v1/market-spread"));
    try {
      const out = join(dir, "ms.jsonl");
      const res = await exportRecordingAudit(reader, app, { out });
      const rows = readRows(out);
      const outputs = [...reader.records({ types: ["output"] })];
      expect(res.rows).toBe(outputs.length);
      expect(rows.length).toBe(outputs.length);
      const m = reader.manifest;
      let withQuote = 0;
      for (const [i, r] of rows.entries()) {
        expect(r["row"]).toBe(i);
        expect(r["sink_seq"]).toBe(i);
        expect(r["app_build_id"]).toBe(m.app.buildId);
        expect(r["recording_id"]).toBe(m.recordingId);
        expect(r["clock_source"]).toBe(m.clockSource);
        // The output record, its input event and its clock decision, by sequence number
        // (random reads are slow: every 25th row).
        if (i % 25 === 0) {
          const o = reader.get(r["output_seq"] as number);
          expect(o).toMatchObject({ type: "output", sinkSeq: i, eventSeq: r["input_seq"] });
          const ev = reader.get(r["input_seq"] as number);
          expect(ev.type).toBe("input");
          expect(r["input_time_ns"]).toBe(ev.timeNs.toString());
        }
        expect(r["input_stream"]).toBe("orders");
        const out = JSON.parse(r["output"] as string) as {
          decision: string;
          reason: string;
          decidedAt: string;
          orderId: string;
          quote: { seq: number; bid: string; offer: string } | null;
        };
        expect(JSON.parse(r["input"] as string)).toMatchObject({ orderId: out.orderId });
        expect(r["decision"]).toBe(out.decision);
        expect(r["reason"]).toBe(out.reason);
        expect(r["clock_ns"]).toBe(out.decidedAt);
        const lineage = JSON.parse(r["lineage"] as string) as { inputs: number[]; decisions: number[] };
        expect(lineage.decisions).toHaveLength(1);
        if (i % 25 === 0)
          expect(reader.get(lineage.decisions[0]!)).toMatchObject({
            type: "decision",
            kind: 1,
            eventSeq: r["input_seq"],
          });
        const di = JSON.parse(r["decision_inputs"] as string) as {
          state: { writer: { seq: number; event: { bid: number; offer: number } } | null }[];
        };
        if (out.quote) {
          withQuote++;
          // Minimal: the order itself and the quote that set the spread, nothing else.
          expect(lineage.inputs).toEqual([out.quote.seq, r["input_seq"]]);
          const w = di.state[0]!.writer!;
          expect(w.seq).toBe(out.quote.seq);
          expect(String(w.event.bid)).toBe(String(Number(out.quote.bid)));
          expect(String(w.event.offer)).toBe(String(Number(out.quote.offer)));
        } else {
          expect(lineage.inputs).toEqual([r["input_seq"]]);
          expect(di.state[0]!.writer).toBeNull();
        }
      }
      expect(withQuote).toBeGreaterThan(rows.length / 2);
    } finally {
      reader.close();
    }
  });

  it("the app hook decides: undefined is no row; decision, reason, decisionInputs fill their columns", async () => {
    const { app } = await loadApp("examples/double-halve/app.ts", root);
    const hooked: App = {
      ...app,
      audit: (o: { sinkSeq: number; value: unknown }) =>
        o.sinkSeq % 3 === 0
          ? { decision: "pass", reason: `n=${String(o.value)}`, decisionInputs: { n: o.value }, extra: 1 }
          : undefined,
    };
    const reader = LogReader.open(join(root, "recordings/v1/double-halve"));
    try {
      const out = join(dir, "dh.csv.jsonl");
      const res = await exportRecordingAudit(reader, hooked, { out });
      const total = [...reader.records({ types: ["output"] })].length;
      const rows = readRows(out);
      expect(res.rows).toBe(Math.ceil(total / 3));
      for (const r of rows) {
        expect((r["sink_seq"] as number) % 3).toBe(0);
        expect(r["decision"]).toBe("pass");
        expect(r["reason"]).toBe(`n=${JSON.parse(r["output"] as string)}`);
        expect(JSON.parse(r["decision_inputs"] as string)).toEqual({ n: JSON.parse(r["output"] as string) });
        expect(JSON.parse(r["fields"] as string)).toEqual({ extra: 1 });
      }
    } finally {
      reader.close();
    }
  });
});
