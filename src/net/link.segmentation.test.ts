/**
 * The injector decides per frame, not per TCP read: a raw client writes the same frames cut
 * at random byte boundaries (many small writes, Nagle off), and the receiver applies the same
 * fault plan every time — the plan computed offline from the seed.
 */
import net from "node:net";
import { describe, expect, it } from "vitest";
import { type Fault, SeededFaults } from "../faults/plan.js";
import { splitmix64 } from "../faults/prng.js";
import { encodeBye, encodeData } from "./frame.js";
import { LinkReceiver, LOOPBACK } from "./link.js";

const N = 400;
const RATES = { drop: 0, delay: 0.03, dup: 0.05, maxDelayMs: 2 };

async function runWithCuts(cutSeed: bigint): Promise<{ faults: Fault[]; got: number[]; chunks: number }> {
  const faults: Fault[] = [];
  const got: number[] = [];
  const r = await LinkReceiver.listen({
    name: "raw",
    faults: new SeededFaults(77n, RATES),
    onFault: (f) => faults.push(f),
    deliver: (_s, p) => {
      got.push(Number(Buffer.from(p).toString()));
      return true;
    },
  });
  const frames = Array.from({ length: N }, (_, i) => encodeData(i, Buffer.from(String(i))));
  frames.push(encodeData(N, new Uint8Array(0), true));
  const bytes = Buffer.concat(frames);
  const sock = net.connect({ host: LOOPBACK, port: r.port, noDelay: true });
  let chunks = 0;
  const timer = setTimeout(() => sock.destroy(), 10_000);
  try {
    await new Promise<void>((res, rej) => {
      sock.once("data", () => res()); // HELLO
      sock.once("error", rej);
    });
    // Random cuts from 1 to 40 bytes, a turn of the event loop between writes.
    let off = 0;
    let k = 0;
    while (off < bytes.length) {
      const len = 1 + Number(splitmix64(cutSeed, k++) % 40n);
      sock.write(bytes.subarray(off, off + len));
      chunks++;
      off += len;
      await new Promise((res) => setImmediate(res));
    }
    // Wait for the ACK of the end frame, then say BYE.
    await new Promise<void>((res) => {
      const check = () => (r.ended ? res() : setTimeout(check, 5));
      check();
    });
    sock.write(encodeBye());
    await r.finished;
  } finally {
    clearTimeout(timer);
    sock.destroy();
    r.close();
  }
  return { faults, got, chunks };
}

describe("fault plan vs segmentation", () => {
  it("is the same for any cut of the byte stream, and equals the plan drawn offline", async () => {
    const offline = new SeededFaults(77n, RATES);
    const expected: Fault[] = [];
    for (let i = 0; i <= N; i++) {
      const f = offline.decide(i, i);
      if (f) expected.push(f);
    }
    expect(expected.some((f) => f.kind === "dup")).toBe(true);
    expect(expected.some((f) => f.kind === "delay")).toBe(true);
    for (const cutSeed of [1n, 2n, 3n]) {
      const run = await runWithCuts(cutSeed);
      expect(run.chunks).toBeGreaterThan(N / 4);
      expect(run.faults).toEqual(expected);
      expect(run.got).toEqual(Array.from({ length: N }, (_, i) => i));
    }
  });
});
