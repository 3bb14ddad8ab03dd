import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import doubleHalve from "../../examples/double-halve/app.js";
import marketSpread from "../../examples/market-spread/app.js";
import { parseJson } from "../engine/json.js";
import { codecs, defineApp, keyed, map } from "../index.js";
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

describe("why: writers at the depth limit", () => {
  it("a quote writer that read nothing makes a complete witness at --depth 1 (market-spread)", async () => {
    const r = LogReader.open(join(golden, "market-spread"));
    const [l] = await why(r, marketSpread, { sink: "decisions", index: 8 }, { depth: 1 });
    expect(l!.events).toHaveLength(2);
    expect(l).toMatchObject({ depth: 1, levels: 1, notFollowed: 0 });
    expect(renderLineage(l!)).not.toMatch(/not followed/);
    r.close();
  });

  it("shows the decisions of the writers at the limit", async () => {
    // Each event adds a random draw to its key's sum: a writer consumed one decision.
    const app = defineApp({
      name: "drawn-sum",
      inputs: { adds: codecs.json<{ k: string }>() },
      sinks: { sums: codecs.json() },
      steps: {
        sum: keyed<{ k: string }, number, unknown>({
          from: "adds",
          to: "sums",
          key: (e) => e.k,
          handle: (e, ctx) => {
            const s = (ctx.state ?? 0) + ctx.random("r");
            ctx.state = s;
            return { k: e.k, s };
          },
        }),
      },
    });
    const out = join(tmp.dir, "drawn");
    const run = await startRun(app, { out, seed: "7" });
    for (let i = 0; i < 3; i++) await run.push("adds", { k: "a" }, BigInt(1_000 + i));
    await run.stop();
    const r = LogReader.open(out);
    const [l] = await why(r, app, { sink: "sums", index: 2 }, { depth: 1 });
    const writer = l!.root.reads[0]!.writer!;
    expect(writer.truncated).toBe(true); // it read the first event's sum
    expect(writer.decisions.map((d) => d.name)).toEqual(["r"]);
    expect(l).toMatchObject({ decisionCount: 2, notFollowed: 1 });
    // The text shows that writer's decision too, as the JSON does.
    const text = renderLineage(l!).split("\n");
    const at = text.findIndex((x) => x.includes(`└─ input seq ${writer.event.seq} `));
    expect(text[at + 1]).toMatch(/^ +├─ decision random 'r' \(step sum\) = 0\.\d+$/);
    expect(text[at + 2]).toMatch(/^ +\(deeper lineage not followed\)$/);
    r.close();
  });
});

describe("why: an output's own path, not its event's other branches", () => {
  type Tx = { acct: string; merchant: string; amt: number };
  // tx feeds two branches: a running total per account (sink totals), and a merchant check (sink
  // flags) that reads the merchant's risk, which the merchants stream writes.
  const app = defineApp({
    name: "two-branches",
    inputs: { tx: codecs.json<Tx>(), merchants: codecs.json<{ merchant: string; risk: number }>() },
    sinks: { totals: codecs.json(), flags: codecs.json() },
    steps: {
      total: keyed<Tx, number, unknown>({
        from: "tx",
        to: "totals",
        key: (e) => e.acct,
        handle: (e, ctx) => {
          const t = (ctx.state ?? 0) + e.amt + ctx.random("t");
          ctx.state = t;
          return { acct: e.acct, t };
        },
      }),
      merch: keyed<Tx | { merchant: string; risk: number }, number, unknown>({
        from: ["tx", "merchants"],
        to: "flags",
        key: (e) => e.merchant,
        handle: (e, ctx) => {
          if (ctx.from === "merchants") {
            ctx.state = (e as { risk: number }).risk;
            return undefined;
          }
          return { merchant: e.merchant, risk: ctx.state, r: ctx.random("m") };
        },
      }),
    },
  });

  it("leaves out the decisions and state reads of the other branch, at every level", async () => {
    const out = join(tmp.dir, "branches");
    const run = await startRun(app, { out, seed: "3" });
    await run.push("merchants", { merchant: "M", risk: 5 }, 1_000n); // seq 1
    await run.push("tx", { acct: "A", merchant: "M", amt: 10 }, 1_001n); // seq 2
    await run.push("tx", { acct: "A", merchant: "M", amt: 20 }, 1_002n); // seq 7
    await run.stop();
    const r = LogReader.open(out);
    const inputs = [...r.records({ types: ["input"] })].map((x) => x.seq);
    const [m, tx1, tx2] = inputs as [number, number, number];
    const [total] = await why(r, app, { sink: "totals", index: 1 }, { depth: 5 });
    expect(total!.output!.path).toEqual(["total"]);
    expect(total!.events).toEqual([tx1, tx2]); // not the merchants event
    expect(total!.root.decisions.map((d) => d.name)).toEqual(["t"]);
    expect(total!.root.reads.map((x) => [x.step, x.writerSeq])).toEqual([["total", tx1]]);
    // The writer's part: its total step's draw, not its merchant check's draw or read.
    const w = total!.root.reads[0]!.writer!;
    expect(w.decisions.map((d) => d.name)).toEqual(["t"]);
    expect(w.reads.map((x) => [x.step, x.writerSeq])).toEqual([["total", -1]]);
    expect(total).toMatchObject({ decisionCount: 2, notFollowed: 0 });
    const [flag] = await why(r, app, { sink: "flags", index: 1 }, { depth: 5 });
    expect(flag!.events).toEqual([m, tx2]);
    expect(flag!.root.decisions.map((d) => d.name)).toEqual(["m"]);
    expect(flag!.root.reads.map((x) => [x.step, x.writerSeq])).toEqual([["merch", m]]);
    r.close();
  });

  it("keeps what a step's state written earlier in the same event, on another path, depended on", async () => {
    // x feeds a and b; s (keyed) keeps what came from a, and emits it with what comes from b.
    const joinApp = defineApp({
      name: "join-in-event",
      inputs: { x: codecs.json<{ k: string }>() },
      sinks: { out: codecs.json() },
      steps: {
        a: map<{ k: string }, unknown>({ from: "x", fn: (e, ctx) => ({ k: e.k, ra: ctx.random("ra") }) }),
        b: map<{ k: string }, unknown>({ from: "x", fn: (e, ctx) => ({ k: e.k, rb: ctx.random("rb") }) }),
        s: keyed<{ k: string; ra?: number; rb?: number }, number, unknown>({
          from: ["a", "b"],
          to: "out",
          key: (e) => e.k,
          handle: (e, ctx) => {
            if (ctx.from === "a") {
              ctx.state = e.ra as number;
              return undefined;
            }
            return { ra: ctx.state, rb: e.rb };
          },
        }),
      },
    });
    const out = join(tmp.dir, "join");
    const run = await startRun(joinApp, { out, seed: "3" });
    await run.push("x", { k: "K" }, 1_000n);
    await run.stop();
    const r = LogReader.open(out);
    const [l] = await why(r, joinApp, { sink: "out", index: 0 });
    expect(l!.output!.path).toEqual(["b", "s"]);
    expect(l!.root.decisions.map((d) => d.name)).toEqual(["ra", "rb"]);
    r.close();
  });
});

describe("why: an event the recorded run failed in", () => {
  it("says so", async () => {
    const app = defineApp({
      name: "fails-on-bad",
      inputs: { a: codecs.json<{ k: string }>() },
      sinks: { out: codecs.json() },
      steps: {
        s: map<{ k: string }, unknown>({
          from: "a",
          to: "out",
          fn: (e) => {
            if (e.k === "bad") throw new Error("bad key");
            return e;
          },
        }),
      },
    });
    const out = join(tmp.dir, "fails");
    const run = await startRun(app, { out });
    await run.push("a", { k: "ok" }, 1_000n);
    await expect(async () => run.push("a", { k: "bad" }, 1_001n)).rejects.toThrow(/bad key/);
    await run.stop();
    const r = LogReader.open(out);
    const [ok, bad] = [...r.records({ types: ["input"] })].map((x) => x.seq) as [number, number];
    const [l] = await why(r, app, { seq: bad });
    expect(l!.notes).toEqual([
      `the recorded run failed in this event (the replay fails the same way): step 's' threw while handling event seq ${bad}: bad key`,
    ]);
    expect(renderLineage(l!)).toMatch(/\nnote: the recorded run failed in this event/);
    const [fine] = await why(r, app, { seq: ok });
    expect(fine!.notes).toEqual([]);
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
    // The first "a" read only state nothing had written: at depth 4 the witness is whole.
    const [d4] = await why(r, app, { sink: "totals", index: 7 }, { depth: 4 });
    expect(d4!.events).toEqual(aSeqs);
    expect(d4).toMatchObject({ depth: 4, levels: 4, notFollowed: 0 });
    const [all] = await why(r, app, { sink: "totals", index: 7 }, { depth: 10 });
    expect(all!.events).toEqual(aSeqs);
    expect(all).toMatchObject({ depth: 10, levels: 4, notFollowed: 0 });
    expect(renderLineage(all!)).toMatch(/; complete: 4 level\(s\) of state writers \(--depth 10\)$/);
    expect(JSON.parse(all!.output!.value)).toEqual({ k: "a", total: 1 + 3 + 5 + 7 + 8 });
    r.close();
  });
});
