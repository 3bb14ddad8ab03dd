/**
 * Crash safety: a child process appending with each fsync policy is killed with SIGKILL at
 * chosen moments; the log must reopen, recover (truncating any torn tail), and hold every
 * record the policy promised — for a process crash, every record of a block whose write had
 * returned (reported by the child after flush()) — each exactly as written.
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { SeqRecord } from "../format/records.js";
import { fsck } from "./fsck.js";
import { LogReader } from "./reader.js";
import { recordAt, tempDir } from "./test-helpers.js";
import { LogWriter } from "./writer.js";

const root = tempDir("hindsight-crash-");
afterAll(() => root.cleanup());
const child = join(import.meta.dirname, "../../test/fixtures/crash-writer.ts");

function runAndKill(dir: string, policy: string, killAfterMs: number, offload: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ["--import", "tsx", child, dir, policy, offload], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let durable = 0;
    let buf = "";
    let stderr = "";
    let timer: NodeJS.Timeout | undefined;
    p.stdout.on("data", (d: Buffer) => {
      buf += d.toString();
      let nl = buf.indexOf("\n");
      while (nl >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        if (line === "R" && !timer) timer = setTimeout(() => p.kill("SIGKILL"), killAfterMs);
        else if (line.startsWith("D ")) durable = Number(line.slice(2));
        nl = buf.indexOf("\n");
      }
    });
    p.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
    });
    const guard = setTimeout(() => p.kill("SIGKILL"), 20_000);
    p.on("exit", (_code, signal) => {
      clearTimeout(guard);
      if (signal !== "SIGKILL") reject(new Error(`child exited without being killed: ${stderr}`));
      else resolve(durable);
    });
  });
}

const same = (r: SeqRecord, i: number) => {
  const want = recordAt(i);
  const { seq, ...got } = r;
  return seq === i && canon(got) === canon(want);
};
const canon = (o: object) =>
  JSON.stringify(
    Object.fromEntries(
      Object.entries(o)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, rep(k, v)]),
    ),
  );
const rep = (_k: string, v: unknown) =>
  typeof v === "bigint" ? v.toString() : v instanceof Uint8Array ? Buffer.from(v).toString("hex") : v;

describe("crash safety under SIGKILL", () => {
  const cases = [
    ...["always", "interval", "never"].flatMap((policy) =>
      [150, 400].map((killAfterMs) => ({ policy, killAfterMs, offload: "none" })),
    ),
    // Blocks compressed and written on the block-writer thread.
    { policy: "interval", killAfterMs: 400, offload: "thread" },
    { policy: "never", killAfterMs: 150, offload: "thread" },
  ];
  for (const { policy, killAfterMs, offload } of cases) {
    it(`fsync=${policy}, offload=${offload}, killed after ${killAfterMs} ms`, async () => {
      const dir = join(root.dir, `${policy}-${killAfterMs}-${offload}`);
      const durable = await runAndKill(dir, policy, killAfterMs, offload);
      expect(durable).toBeGreaterThan(0);
      const report = fsck(dir);
      expect(report.corrupt).toEqual([]);
      const { writer, recovery } = LogWriter.openAppend(dir, { fsync: "never" });
      writer.close();
      expect(recovery.nextSeq).toBeGreaterThanOrEqual(durable);
      const r = LogReader.open(dir);
      let n = 0;
      for (const rec of r.records()) {
        expect(same(rec, n), `record ${n}`).toBe(true);
        n++;
      }
      r.close();
      expect(n).toBe(recovery.nextSeq);
      expect(n).toBeGreaterThanOrEqual(durable);
      expect(fsck(dir).ok).toBe(true);
    });
  }
});
