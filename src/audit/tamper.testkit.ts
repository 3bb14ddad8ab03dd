/**
 * Tamper evidence: every single-byte change, byte insertion/deletion, row deletion,
 * insertion and swap in an export (each format), and every single-byte change of its
 * manifest, makes `verifyAudit` fail, naming the first bad row where there is one.
 * Positions are drawn by fast-check, bounded so each test file stays fast. Used by
 * verify.tamper.text.test.ts and verify.tamper.parquet.test.ts.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportAudit } from "./export.js";
import { manifestPathFor } from "./manifest.js";
import { readExport } from "./readers.js";
import { type AuditRecord, rowHash } from "./row.js";
import { SYNTHETIC_IDENTITY, syntheticRows } from "./synthetic.js";
import { verifyAudit } from "./verify.js";
import { type AuditFormat, openWriter } from "./writers.js";

const ROWS = 12;
let dir: string;
const orig: Record<string, { path: string; bytes: Buffer; manifest: Buffer; records: AuditRecord[] }> = {};

/** Runs the tamper-evidence suite for the given formats (one test file per group keeps each file fast). */
export function tamperSuite(formats: readonly AuditFormat[]): void {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "hindsight-audit-tamper-"));
    for (const format of formats) {
      const path = join(dir, `orig.${format}`);
      // Small row groups so Parquet has several of them.
      await exportAudit(syntheticRows(ROWS, { awkward: true }), SYNTHETIC_IDENTITY, {
        out: path,
        format,
        tuning: { rowGroupRows: 5 },
      });
      const records: AuditRecord[] = [];
      for await (const item of readExport(format, path))
        if ("record" in item && item.record) records.push(item.record);
      orig[format] = {
        path,
        bytes: readFileSync(path),
        manifest: readFileSync(manifestPathFor(path)),
        records,
      };
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  let counter = 0;
  /** Writes `bytes` as a fresh export next to the original's manifest (or a given one). */
  function place(format: AuditFormat, bytes: Uint8Array, manifest?: Uint8Array): string {
    const p = join(dir, `t${counter++}.${format}`);
    writeFileSync(p, bytes);
    if (manifest) writeFileSync(manifestPathFor(p), manifest);
    else copyFileSync(manifestPathFor(orig[format]!.path), manifestPathFor(p));
    return p;
  }

  /** Rewrites the export with a tampered list of records, as a tamperer with the writer would. */
  function rewrite(format: AuditFormat, records: AuditRecord[]): string {
    const p = join(dir, `t${counter++}.${format}`);
    const w = openWriter(format, p, { rowGroupRows: 5 });
    for (const r of records) w.write(r);
    w.close();
    copyFileSync(manifestPathFor(orig[format]!.path), manifestPathFor(p));
    return p;
  }

  async function expectTampered(p: string, firstBadRow?: number) {
    const r = await verifyAudit(p, { parquetGroupTimeoutMs: 1500 });
    expect(r.ok).toBe(false);
    expect(r.problems.length).toBeGreaterThan(0);
    if (firstBadRow !== undefined) expect(r.problems[0]!.row).toBe(firstBadRow);
    rmSync(p, { force: true });
    rmSync(manifestPathFor(p), { force: true });
    return r;
  }

  describe.each(formats)("tamper evidence: %s", (format) => {
    // Damaged Parquet is decoded in an isolated worker (slower): fewer samples keep the file fast.
    const runs = (n: number) => (format === "parquet" ? Math.ceil(n / 4) : n);
    it("the untouched export verifies", async () => {
      const r = await verifyAudit(orig[format]!.path);
      expect(r.problems).toEqual([]);
      expect(r.ok).toBe(true);
      expect(r.rows).toBe(ROWS);
    });

    it("every single-byte change is detected", async () => {
      const bytes = orig[format]!.bytes;
      await fc.assert(
        fc.asyncProperty(
          fc.nat({ max: bytes.length - 1 }),
          fc.integer({ min: 1, max: 255 }),
          async (pos, delta) => {
            const b = Buffer.from(bytes);
            b[pos] = (b[pos]! + delta) & 0xff;
            await expectTampered(place(format, b));
          },
        ),
        {
          numRuns: runs(120),
          examples: [
            [0, 1],
            [bytes.length - 1, 1],
            [Math.floor(bytes.length / 2), 128],
          ],
        },
      );
    });

    it("a byte inserted or removed anywhere is detected", async () => {
      const bytes = orig[format]!.bytes;
      await fc.assert(
        fc.asyncProperty(
          fc.nat({ max: bytes.length }),
          fc.boolean(),
          fc.integer({ min: 0, max: 255 }),
          async (pos, ins, v) => {
            const b = ins
              ? Buffer.concat([bytes.subarray(0, pos), Buffer.from([v]), bytes.subarray(pos)])
              : Buffer.concat([
                  bytes.subarray(0, Math.min(pos, bytes.length - 1)),
                  bytes.subarray(Math.min(pos, bytes.length - 1) + 1),
                ]);
            await expectTampered(place(format, b));
          },
        ),
        { numRuns: runs(40) },
      );
    });

    it("a row removed anywhere is detected and named", async () => {
      for (let i = 0; i < ROWS; i++) {
        const recs = orig[format]!.records.filter((_, j) => j !== i);
        // The row after the gap is the first bad one; removing the last row shows as a short count.
        await expectTampered(rewrite(format, recs), i);
      }
    });

    it("a row inserted anywhere (a copy, or a forged row with its own hash fixed up) is detected", async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.nat({ max: ROWS }),
          fc.nat({ max: ROWS - 1 }),
          fc.boolean(),
          async (at, from, forge) => {
            const recs = [...orig[format]!.records];
            let extra: AuditRecord = { ...recs[from]! };
            if (forge) {
              extra = {
                ...extra,
                decision: "accept",
                reason: "forged",
                row: at,
                prev_hash: at > 0 ? recs[at - 1]!.row_hash : recs[0]!.prev_hash,
              };
              extra.row_hash = rowHash(extra);
            }
            recs.splice(at, 0, extra);
            const r = await expectTampered(rewrite(format, recs));
            // Caught at the inserted row, or, when it is indistinguishable from the row it copies or
            // fits the chain before it, at the row after it (or by the row count).
            expect(r.problems[0]!.row).toBeLessThanOrEqual(at + 1);
          },
        ),
        { numRuns: runs(30) },
      );
    });

    it("two rows swapped are detected at the earlier one", async () => {
      await fc.assert(
        fc.asyncProperty(fc.nat({ max: ROWS - 2 }), fc.integer({ min: 1, max: ROWS - 1 }), async (i, d) => {
          const j = Math.min(ROWS - 1, i + d);
          const recs = [...orig[format]!.records];
          [recs[i], recs[j]] = [recs[j]!, recs[i]!];
          await expectTampered(rewrite(format, recs), i);
        }),
        { numRuns: 20 },
      );
    });

    it("every bad row is listed, not only the first", async () => {
      // Two rows changed: both named.
      const two = orig[format]!.records.map((r, i) => (i === 2 || i === 8 ? { ...r, reason: "edited" } : r));
      const r2 = await expectTampered(rewrite(format, two), 2);
      expect(r2.problems.filter((p) => p.kind === "row").map((p) => p.row)).toEqual([2, 8]);
      // A row removed, then one changed further on: the chain goes on from the gap, so the change
      // is named at its own position (one less), and the gap once.
      const cut = orig[format]!.records.map((r, i) => (i === 9 ? { ...r, reason: "edited" } : r)).filter(
        (_, i) => i !== 3,
      );
      const r3 = await expectTampered(rewrite(format, cut), 3);
      expect(r3.problems.filter((p) => p.kind === "row" || p.kind === "chain").map((p) => p.row)).toEqual([
        3, 8,
      ]);
      expect(r3.problems.map((p) => p.kind)).toContain("count");
    });

    it("rows renumbered and re-hashed after a removal are still caught by the manifest", async () => {
      // A careful tamperer drops row 3 and re-chains everything after it.
      const recs = orig[format]!.records.filter((_, j) => j !== 3);
      let prev = recs[0]!.prev_hash;
      const fixed = recs.map((r, i) => {
        const n = { ...r, row: i, prev_hash: prev };
        n.row_hash = rowHash(n);
        prev = n.row_hash as string;
        return n;
      });
      const r = await expectTampered(rewrite(format, fixed));
      expect(r.problems.map((p) => p.kind)).toContain("count");
    });

    it("every single-byte change of the manifest is detected", async () => {
      const m = orig[format]!.manifest;
      await fc.assert(
        fc.asyncProperty(
          fc.nat({ max: m.length - 1 }),
          fc.integer({ min: 1, max: 255 }),
          async (pos, delta) => {
            const b = Buffer.from(m);
            b[pos] = (b[pos]! + delta) & 0xff;
            await expectTampered(place(format, orig[format]!.bytes, b));
          },
        ),
        { numRuns: 120 },
      );
    });

    it("a missing manifest fails verification", async () => {
      const p = join(dir, `nomanifest.${format}`);
      writeFileSync(p, orig[format]!.bytes);
      const r = await verifyAudit(p);
      expect(r.ok).toBe(false);
      expect(r.problems[0]!.message).toMatch(/manifest is missing/);
    });
  });
}
