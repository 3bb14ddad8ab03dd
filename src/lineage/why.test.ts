import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import doubleHalve from "../../examples/double-halve/app.js";
import marketSpread from "../../examples/market-spread/app.js";
import { parseJson } from "../engine/json.js";
import { codecs, defineApp, keyed } from "../index.js";
import { LogReader } from "../log/reader.js";
import { tempDir } from "../log/test-helpers.js";
import { startRun } from "../recorder/app-run.js";
import { renderLineage, why } from "./why.js";

const golden = join(import.meta.dirname, "../../recordings/v1");
const tmp = tempDir();
afterAll(() => tmp.cleanup());

describe("why: market-spread (golden recording)", () => {
  const dir = join(golden, "market-spread");

  /** Independently of the engine: order seq → seq of the last quote for its symbol before it. */
  function expectedWitnesses(): Map<number, number[]> {
    const r = LogReader.open(dir);
    const quotes = r.manifest.streams.findIndex((s) => s.name === "quotes");
    const lastQuote = new Map<string, number>();
    const out = new Map<number, number[]>();
    for (const rec of r.records({ types: ["input"] })) {
      if (rec.type !== "input") continue;
      const o = JSON.parse(Buffer.from(rec.payload).toString()) as { symbol: string };
      if (rec.stream === quotes) lastQuote.set(o.symbol, rec.seq);
      else {
        const q = lastQuote.get(o.symbol);
        out.set(rec.seq, q === undefined ? [rec.seq] : [q, rec.seq]);
      }
    }
    r.close();
    return out;
  }

  it("is exactly the order and the last quote of its symbol, for chosen outputs", async () => {
    const expected = expectedWitnesses();
    const r = LogReader.open(dir);
    const outputs = [...r.records({ types: ["output"] })].filter((x) => x.type === "output");
    // Chosen: the first outputs (mostly no-quote rejects) and a spread across the recording.
    const chosen = [0, 1, 8, 9, 25, Math.floor(outputs.length / 2), outputs.length - 1];
    let withQuote = 0;
    for (const k of chosen) {
      const o = outputs[k]!;
      if (o.type !== "output") continue;
      const [l] = await why(r, marketSpread, { sink: "decisions", index: o.sinkSeq }, { depth: 3 });
      expect(l!.output?.eventSeq).toBe(o.eventSeq);
      expect(l!.events, `output ${k}`).toEqual(expected.get(o.eventSeq));
      if (l!.events.length === 2) withQuote++;
      // The decision it consumed is the recorded clock reading.
      expect(l!.root.decisions.map((d) => d.kind)).toEqual([1]);
      // (The output's value is exact JSON: the nanosecond bigint as its integer literal.)
      const decided = parseJson(l!.output!.value) as { decidedAt: bigint };
      expect(l!.root.decisions[0]!.value).toBe(decided.decidedAt);
    }
    expect(withQuote).toBeGreaterThan(2);
    r.close();
  });

  it("renders a tree naming the quote that set the spread", async () => {
    const r = LogReader.open(dir);
    const [l] = await why(r, marketSpread, { sink: "decisions", index: 8 });
    const text = renderLineage(l!);
    expect(text).toMatch(/^output decisions:8 = /);
    expect(text).toMatch(/read spread\["[A-Z]+"\], last written by seq \d+/);
    expect(text).toMatch(/input seq \d+ quotes\[\d+\]/);
    r.close();
  });

  it("names what is missing: unknown sink, output past the end, a non-input seq", async () => {
    const r = LogReader.open(dir);
    await expect(why(r, marketSpread, { sink: "trades", index: 0 })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(why(r, marketSpread, { sink: "decisions", index: 10_000_000 })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(why(r, marketSpread, { seq: 0 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    r.close();
  });
});

describe("why: double-halve (golden recording)", () => {
  it("an output's witness is its one input event, through double then halve", async () => {
    const r = LogReader.open(join(golden, "double-halve"));
    for (const index of [0, 7, 100]) {
      const [l] = await why(r, doubleHalve, { sink: "numbers", index });
      expect(l!.events).toEqual([l!.output!.eventSeq]);
      expect(l!.output!.path).toEqual(["double", "halve"]);
      expect(l!.root.decisions).toEqual([]);
      expect(l!.root.reads).toEqual([]);
      expect(JSON.parse(l!.output!.value).n).toBe(JSON.parse(l!.root.event.payload).n);
    }
    r.close();
  });
});

describe("why: chains of state writers", () => {
  // A running total per key: each event reads the total the previous event of its key wrote.
  const app = defineApp({
    name: "running-total",
    inputs: { adds: codecs.json<{ k: string; v: number }>() },
    sinks: { totals: codecs.json() },
    steps: {
      total: keyed<{ k: string; v: number }, number, unknown>({
        from: "adds",
        to: "totals",
        key: (e) => e.k,
        handle: (e, ctx) => {
          const t = (ctx.state ?? 0) + e.v;
          ctx.state = t;
          return { k: e.k, total: t };
        },
      }),
    },
  });

  it("follows writers exactly --depth levels, skipping other keys", async () => {
    const out = join(tmp.dir, "totals");
    const run = await startRun(app, { out, clock: () => 1n });
    const keys = ["a", "b", "a", "c", "a", "b", "a", "a"];
    let t = 1_000n;
    for (const [i, k] of keys.entries()) {
      t += 10n;
      await run.push("adds", { k, v: i + 1 }, t);
    }
    await run.stop();
    const r = LogReader.open(out);
    const inputs = [...r.records({ types: ["input"] })].map((x) => x.seq);
    // Output 7 is the 5th "a": a-events are inputs 0, 2, 4, 6, 7.
    const aSeqs = [0, 2, 4, 6, 7].map((i) => inputs[i]!);
    const [d1] = await why(r, app, { sink: "totals", index: 7 }, { depth: 1 });
    expect(d1!.events).toEqual(aSeqs.slice(3));
    expect(d1).toMatchObject({ depth: 1, levels: 1, notFollowed: 1 });
    expect(renderLineage(d1!, "raise --depth")).toMatch(
      /; cut at depth 1: 1 event\(s\) whose own reads were not followed \(raise --depth\)$/,
    );
    const [d3] = await why(r, app, { sink: "totals", index: 7 }, { depth: 3 });
    expect(d3!.events).toEqual(aSeqs.slice(1));
    expect(d3).toMatchObject({ depth: 3, levels: 3, notFollowed: 1 });
    const [all] = await why(r, app, { sink: "totals", index: 7 }, { depth: 10 });
    expect(all!.events).toEqual(aSeqs);
    expect(all).toMatchObject({ depth: 10, levels: 4, notFollowed: 0 });
    expect(renderLineage(all!)).toMatch(/; complete: 4 level\(s\) of state writers \(--depth 10\)$/);
    expect(JSON.parse(all!.output!.value)).toEqual({ k: "a", total: 1 + 3 + 5 + 7 + 8 });
    r.close();
  });
});
