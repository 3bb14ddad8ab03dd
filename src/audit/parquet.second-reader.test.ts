/**
 * The Parquet export read back with a second, independent Parquet implementation
 * (@dsnp/parquetjs: Thrift-generated metadata, its own page decoders) gives exactly the rows
 * of the JSONL export of the same source, and an auditor can recompute the hash chain from
 * what that reader returns.
 */
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import parquet from "@dsnp/parquetjs";
import { afterAll, describe, expect, it } from "vitest";
import { canonicalJson } from "./canonical.js";
import { exportAudit } from "./export.js";
import { SYNTHETIC_IDENTITY, syntheticRows } from "./synthetic.js";
import { verifyAudit } from "./verify.js";

const dir = mkdtempSync(join(tmpdir(), "hindsight-audit-pq-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function readWithParquetjs(path: string): Promise<Record<string, unknown>[]> {
  const reader = await parquet.ParquetReader.openFile(path);
  try {
    const cursor = reader.getCursor();
    const rows: Record<string, unknown>[] = [];
    for (let r = await cursor.next(); r; r = await cursor.next()) {
      const o: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(r as Record<string, unknown>))
        o[k] = typeof v === "bigint" ? Number(v) : v;
      rows.push(o);
    }
    return rows;
  } finally {
    await reader.close();
  }
}

describe("Parquet export, second reader", () => {
  it("@dsnp/parquetjs reads the same rows as the JSONL export, across row groups, nulls and awkward text", async () => {
    const N = 2_500;
    const pq = join(dir, "a.parquet");
    const jl = join(dir, "a.jsonl");
    await exportAudit(syntheticRows(N, { awkward: true }), SYNTHETIC_IDENTITY, {
      out: pq,
      format: "parquet",
      tuning: { rowGroupRows: 1000 },
    });
    await exportAudit(syntheticRows(N, { awkward: true }), SYNTHETIC_IDENTITY, { out: jl, format: "jsonl" });
    const expected = readFileSync(jl, "utf8")
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const got = await readWithParquetjs(pq);
    expect(got.length).toBe(N);
    expect(got).toEqual(expected);
    // Nulls really are nulls (not empty strings) and the awkward strings survived.
    expect(got.some((r) => r["clock_ns"] === null)).toBe(true);
    expect(got.some((r) => r["reason"] === "")).toBe(true);
    expect(got.some((r) => r["reason"] === "line1\nline2")).toBe(true);
  });

  it("an auditor recomputes every row_hash and the chain from the second reader's rows", async () => {
    const pq = join(dir, "b.parquet");
    const res = await exportAudit(syntheticRows(300, { awkward: true }), SYNTHETIC_IDENTITY, {
      out: pq,
      format: "parquet",
      tuning: { rowGroupRows: 128 },
    });
    const manifest = JSON.parse(readFileSync(`${pq}.manifest.json`, "utf8")) as {
      genesis: unknown;
      genesis_hash: string;
      final_hash: string;
    };
    const sha = (s: string) => createHash("sha256").update(s, "utf8").digest("hex");
    expect(sha(canonicalJson(manifest.genesis))).toBe(manifest.genesis_hash);
    let prev = manifest.genesis_hash;
    for (const row of await readWithParquetjs(pq)) {
      const { row_hash, ...rest } = row;
      expect(rest["prev_hash"]).toBe(prev);
      expect(sha(canonicalJson(rest))).toBe(row_hash);
      prev = row_hash as string;
    }
    expect(prev).toBe(manifest.final_hash);
    expect(prev).toBe(res.finalHash);
  });
});

describe("a Parquet export rewritten by another writer", () => {
  it("is read by its columns whatever its root group is called: only the file digest differs", async () => {
    const pq = join(dir, "c.parquet");
    await exportAudit(syntheticRows(20), SYNTHETIC_IDENTITY, { out: pq, format: "parquet" });
    // Another writer names the root group otherwise (pyarrow: "schema"); same length keeps the footer valid.
    const bytes = readFileSync(pq);
    const at = bytes.lastIndexOf(Buffer.from("root"));
    expect(at).toBeGreaterThan(0);
    bytes.write("tree", at);
    writeFileSync(pq, bytes);
    const r = await verifyAudit(pq);
    expect(r.rowsVerified).toBe(20);
    expect(r.problems.map((p) => p.kind)).toEqual(["file"]);
  });
});
