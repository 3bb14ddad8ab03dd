import { describe, expect, it } from "vitest";
import { type Fault, SeededFaults } from "../faults/plan.js";
import { LinkReceiver, LinkSender, type UnsafeMode } from "./link.js";

const enc = new TextEncoder();
const dec = new TextDecoder();

interface LinkRun {
  got: number[];
  faults: Fault[];
  receiver: LinkReceiver;
  sender: LinkSender;
  ended: boolean;
}

/** Sends 0..n-1 through one link with seeded faults; stops by itself after `limitMs`. */
async function runLink(
  n: number,
  seed: bigint,
  rates: { drop: number; delay: number; dup: number },
  opts: {
    receiverUnsafe?: UnsafeMode;
    senderUnsafe?: UnsafeMode;
    window?: number;
    limitMs?: number;
    pauseEvery?: number;
  } = {},
): Promise<LinkRun> {
  const got: number[] = [];
  const faults: Fault[] = [];
  let ended = false;
  let receiver: LinkReceiver | undefined;
  receiver = await LinkReceiver.listen({
    name: "test",
    faults: new SeededFaults(seed, { ...rates, minDropGap: 5, maxDelayMs: 2 }),
    onFault: (f) => faults.push(f),
    deliver: (_seq, payload) => {
      got.push(Number(dec.decode(payload)));
      if (opts.pauseEvery && got.length % opts.pauseEvery === 0) {
        setTimeout(() => receiver?.resume(), 1);
        return false;
      }
      return true;
    },
    onEnd: () => {
      ended = true;
    },
    ...(opts.receiverUnsafe ? { unsafe: opts.receiverUnsafe } : {}),
  });
  const sender = new LinkSender({
    name: "test",
    port: receiver.port,
    window: opts.window ?? 64,
    ...(opts.senderUnsafe ? { unsafe: opts.senderUnsafe } : {}),
  });
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<void>((res) => {
    timer = setTimeout(res, opts.limitMs ?? 10_000);
  });
  try {
    const work = (async () => {
      for (let i = 0; i < n; i++) {
        if (!sender.send(enc.encode(String(i)))) await sender.whenWritable();
      }
      await sender.end();
      await receiver.finished;
    })();
    await Promise.race([work, limit]);
  } finally {
    clearTimeout(timer);
    sender.close();
    receiver.close();
  }
  return { got, faults, receiver, sender, ended };
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe("link over 127.0.0.1", () => {
  it("delivers exactly once, in order, without faults", async () => {
    const r = await runLink(5000, 1n, { drop: 0, delay: 0, dup: 0 });
    expect(r.got).toEqual(range(5000));
    expect(r.ended).toBe(true);
    expect(r.receiver.stats.connections).toBe(1);
  });

  it("delivers exactly once, in order, under drops, delays and duplicates", async () => {
    for (const seed of [1n, 2n, 3n]) {
      const r = await runLink(1500, seed, { drop: 0.02, delay: 0.02, dup: 0.05 }, { pauseEvery: 97 });
      expect(r.got).toEqual(range(1500));
      expect(r.ended).toBe(true);
      const kinds = new Set(r.faults.map((f) => f.kind));
      expect(kinds).toEqual(new Set(["drop", "delay", "dup"]));
      expect(r.receiver.stats.connections).toBe(r.receiver.stats.drops + 1);
      expect(r.receiver.stats.duplicates).toBeGreaterThanOrEqual(r.receiver.stats.dups);
      expect(r.sender.stats.resent).toBeGreaterThan(0);
    }
  });

  it("applies the same fault plan on every run of a seed", async () => {
    const a = await runLink(1000, 11n, { drop: 0.03, delay: 0.02, dup: 0.03 });
    const b = await runLink(1000, 11n, { drop: 0.03, delay: 0.02, dup: 0.03 }, { window: 7 });
    expect(a.got).toEqual(range(1000));
    expect(b.got).toEqual(range(1000));
    expect(b.faults).toEqual(a.faults);
    expect(b.receiver.stats.messages).toBe(a.receiver.stats.messages);
  });

  it("delivers duplicates when dedupe is switched off", async () => {
    const r = await runLink(500, 4n, { drop: 0, delay: 0, dup: 0.05 }, { receiverUnsafe: "no-dedupe" });
    expect(r.got.length).toBe(500 + r.faults.length);
    expect(r.faults.length).toBeGreaterThan(5);
  });

  it("loses messages when resend is switched off", async () => {
    const r = await runLink(
      2000,
      5n,
      { drop: 0.02, delay: 0, dup: 0 },
      { senderUnsafe: "no-resend", limitMs: 1500 },
    );
    expect(r.faults.length).toBeGreaterThan(0);
    expect(r.got).not.toEqual(range(2000));
    // Whatever did arrive is still a prefix, in order: the receiver refuses gaps.
    expect(r.got).toEqual(range(r.got.length));
    expect(r.receiver.stats.gaps).toBeGreaterThan(0);
  });
});
