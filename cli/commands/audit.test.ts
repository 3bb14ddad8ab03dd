import { generateKeyPairSync } from "node:crypto";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportAudit } from "../../src/audit/export.js";
import { readPrivateKey } from "../../src/audit/manifest.js";
import { SYNTHETIC_IDENTITY, syntheticRows } from "../../src/audit/synthetic.js";
import { runCli } from "../../test/cli-io.js";

const root = join(import.meta.dirname, "../..");
const tmp = mkdtempSync(join(tmpdir(), "hindsight-audit-cli-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const keyPair = () => {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  return {
    priv: privateKey.export({ type: "pkcs8", format: "pem" }) as string,
    pub: publicKey.export({ type: "spki", format: "pem" }) as string,
  };
};
const signer = keyPair();
const other = keyPair();
const signerPriv = join(tmp, "signer.pem");
const signerPub = join(tmp, "signer.pub.pem");
const otherPub = join(tmp, "other.pub.pem");

beforeAll(() => {
  writeFileSync(signerPriv, signer.priv);
  writeFileSync(signerPub, signer.pub);
  writeFileSync(otherPub, other.pub);
});

describe("hindsight audit verify", () => {
  it("exit 0 for an intact signed export with the right key; 4 with the wrong key", async () => {
    for (const format of ["jsonl", "csv", "parquet"] as const) {
      const out = join(tmp, `signed.${format}`);
      await exportAudit(syntheticRows(30, { awkward: true }), SYNTHETIC_IDENTITY, {
        out,
        format,
        signKey: readPrivateKey(signer.priv),
      });
      const ok = await runCli(["audit", "verify", out, "--pubkey", signerPub]);
      expect(ok.stderr).toBe("");
      expect(ok.code).toBe(0);
      expect(ok.stdout).toMatch(
        /30 rows, chain intact, final hash [0-9a-f]{64}; signature valid \(key [0-9a-f]{16}…, the given public key\)/,
      );
      // Without --pubkey the embedded key is used, and the output says so.
      const embedded = await runCli(["audit", "verify", out]);
      expect(embedded.code).toBe(0);
      expect(embedded.stdout).toMatch(/embedded key: pass --pubkey/);
      const wrong = await runCli(["audit", "verify", out, "--pubkey", otherPub]);
      expect(wrong.code).toBe(4);
      expect(wrong.stderr).toMatch(
        /^hindsight: audit export does not verify: the manifest is signed by key [0-9a-f]{16}…, not by the given public key/,
      );
    }
  });

  it("exit 4 when a signed manifest is edited (and the file with it); 4 when an unsigned export is checked with --pubkey", async () => {
    const out = join(tmp, "edited.jsonl");
    await exportAudit(syntheticRows(5), SYNTHETIC_IDENTITY, { out, signKey: readPrivateKey(signer.priv) });
    const mp = `${out}.manifest.json`;
    // A consistent rewrite of the manifest's row count (and the file truncated to match) breaks the signature.
    const lines = readFileSync(out, "utf8").split("\n").slice(0, 4);
    writeFileSync(out, lines.join("\n") + "\n");
    writeFileSync(mp, readFileSync(mp, "utf8").replace('"rows": 5', '"rows": 4'));
    const r = await runCli(["audit", "verify", out, "--pubkey", signerPub, "--json"]);
    expect(r.code).toBe(4);
    const res = JSON.parse(r.stdout) as { ok: boolean; problems: { kind: string; message: string }[] };
    expect(res.ok).toBe(false);
    // The headline is the signature: nothing the manifest says can be relied on.
    expect(res.problems[0]?.kind).toBe("signature");
    expect(r.stderr).toMatch(/check that --pubkey is the key the export was signed with, or re-export/);

    // Unsigned, only the manifest's count edited: the file is the one it names, so the manifest changed.
    const plain = join(tmp, "plain.jsonl");
    await exportAudit(syntheticRows(5), SYNTHETIC_IDENTITY, { out: plain });
    const pm = `${plain}.manifest.json`;
    const original = readFileSync(pm, "utf8");
    writeFileSync(pm, original.replace('"rows": 5', '"rows": 6'));
    const c = await runCli(["audit", "verify", plain]);
    expect(c.code).toBe(4);
    expect(c.stderr).toMatch(
      /the export has 5 rows, the manifest says 6: the manifest's count, or the file with the manifest's digest of it, was changed/,
    );
    // Another export's manifest beside it: row 0 does not follow its genesis.
    const other = join(tmp, "other.jsonl");
    await exportAudit(syntheticRows(5), { ...SYNTHETIC_IDENTITY, recordingId: "rec-other" }, { out: other });
    writeFileSync(pm, readFileSync(`${other}.manifest.json`, "utf8"));
    const s = await runCli(["audit", "verify", plain]);
    expect(s.code).toBe(4);
    expect(s.stderr).toMatch(
      /row 0 .*its prev_hash is not the manifest's genesis_hash: the manifest is another export's/,
    );

    const unsigned = join(tmp, "unsigned.csv");
    await exportAudit(syntheticRows(5), SYNTHETIC_IDENTITY, { out: unsigned, format: "csv" });
    expect((await runCli(["audit", "verify", unsigned])).code).toBe(0);
    const u = await runCli(["audit", "verify", unsigned, "--pubkey", signerPub]);
    expect(u.code).toBe(4);
    expect(u.stderr).toMatch(
      /the manifest is not signed, but a public key was given.*verify it without --pubkey/,
    );
  });

  it("exit 4 naming the first bad row, as one line on stderr, and --json with every problem", async () => {
    const out = join(tmp, "bad.csv");
    await exportAudit(syntheticRows(10), SYNTHETIC_IDENTITY, { out, format: "csv" });
    const text = readFileSync(out, "utf8");
    writeFileSync(out, text.replace(",reject,", ",accept,"));
    const r = await runCli(["audit", "verify", out]);
    expect(r.code).toBe(4);
    expect(r.stdout).toBe("");
    const first = text.split("\r\n").findIndex((l) => l.includes(",reject,")) - 1; // minus the header
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain(
      `row ${first} (record ${first + 1} after the header): its row_hash does not match its content`,
    );
    const j = await runCli(["audit", "verify", out, "--json"]);
    expect(j.code).toBe(4);
    const res = JSON.parse(j.stdout) as { problems: { row?: number; kind: string }[] };
    expect(res.problems[0]).toMatchObject({ kind: "row", row: first });
    expect(res.problems.map((p) => p.kind)).toContain("file");
  });

  it("exit 2 for usage errors: no such export, a missing or unreadable key, a key that is not Ed25519", async () => {
    expect((await runCli(["audit", "verify", join(tmp, "nope.jsonl")])).code).toBe(2);
    expect((await runCli(["audit", "verify"])).code).toBe(2);
    const out = join(tmp, "k.jsonl");
    await exportAudit(syntheticRows(2), SYNTHETIC_IDENTITY, { out });
    const missing = await runCli(["audit", "verify", out, "--pubkey", join(tmp, "nokey.pem")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read the key file/);
    const rsa = generateKeyPairSync("rsa", { modulusLength: 1024 }).publicKey.export({
      type: "spki",
      format: "pem",
    }) as string;
    writeFileSync(join(tmp, "rsa.pem"), rsa);
    const notEd = await runCli(["audit", "verify", out, "--pubkey", join(tmp, "rsa.pem")]);
    expect(notEd.code).toBe(2);
    expect(notEd.stderr).toMatch(/the public key is rsa, not Ed25519/);
    writeFileSync(join(tmp, "junk.pem"), "not a key");
    expect((await runCli(["audit", "verify", out, "--pubkey", join(tmp, "junk.pem")])).code).toBe(2);
    // A public key given to sign, or a key locked with a passphrase: said as such.
    const pair = generateKeyPairSync("ed25519");
    writeFileSync(join(tmp, "ed-pub.pem"), pair.publicKey.export({ type: "spki", format: "pem" }) as string);
    writeFileSync(
      join(tmp, "ed-enc.pem"),
      pair.privateKey.export({
        type: "pkcs8",
        format: "pem",
        cipher: "aes-128-cbc",
        passphrase: "x",
      }) as string,
    );
    /** audit export of the market-spread golden recording, signed with the key in `key`. */
    const signWith = (key: string) =>
      runCli([
        "audit",
        "export",
        join(root, "recordings/v1/market-spread"),
        "--app",
        join(root, "examples/market-spread/app.ts"),
        "--out",
        join(tmp, `${key}.jsonl`),
        "--sign",
        join(tmp, key),
      ]);
    for (const [key, why] of [
      ["ed-pub.pem", /cannot read the private key: it is a public key/],
      [
        "ed-enc.pem",
        /cannot read the private key: it is encrypted with a passphrase.*give the key unencrypted/,
      ],
    ] as const) {
      const r = await signWith(key);
      expect(r.code, key).toBe(2);
      expect(r.stderr, key).toMatch(why);
    }
    // An encrypted private key given to check with: the public key is what is asked for.
    const enc = await runCli(["audit", "verify", out, "--pubkey", join(tmp, "ed-enc.pem")]);
    expect(enc.code).toBe(2);
    expect(enc.stderr).toMatch(/a private key encrypted with a passphrase .*give the signer's public key/);
    // A file holding both keys (public first) still signs, as Node reads it.
    writeFileSync(
      join(tmp, "both.pem"),
      (pair.publicKey.export({ type: "spki", format: "pem" }) as string) +
        (pair.privateKey.export({ type: "pkcs8", format: "pem" }) as string),
    );
    const signed = await signWith("both.pem");
    expect(signed.code, signed.stderr).toBe(0);
  });
});

describe("hindsight audit export", () => {
  it("exports the market-spread golden recording, signed; verifies with the key; same chain in every format", async () => {
    // (JSONL is exported by the --from/--to test below.)
    const hashes = new Set<string>();
    for (const format of ["csv", "parquet"] as const) {
      const out = join(tmp, `ms.${format}`);
      const r = await runCli(
        [
          "audit",
          "export",
          "recordings/v1/market-spread",
          "--app",
          "examples/market-spread/app.ts",
          "--out",
          out,
          "--format",
          format,
          "--sign",
          signerPriv,
          "--json",
        ],
        { cwd: root },
      );
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      const res = JSON.parse(r.stdout) as { rows: number; finalHash: string; signed: boolean };
      expect(res.rows).toBe(4000);
      expect(res.signed).toBe(true);
      hashes.add(res.finalHash);
      const v = await runCli(["audit", "verify", out, "--pubkey", signerPub]);
      expect(v.code).toBe(0);
    }
    // The chain is over the rows' values, not the file bytes: the same in every format.
    expect(hashes.size).toBe(1);
  });

  it("exporting a recording that ends in a torn tail warns that the export stops there", async () => {
    const copy = join(tmp, "torn-rec");
    cpSync(join(root, "recordings/v1/double-halve"), copy, { recursive: true });
    const seg = join(copy, "segment-000001.hsl");
    rmSync(join(copy, "segment-000001.hsi")); // torn in a crash: no index for the segment
    writeFileSync(seg, readFileSync(seg).subarray(0, readFileSync(seg).length - 100));
    const r = await runCli(
      ["audit", "export", copy, "--app", "examples/double-halve/app.ts", "--out", join(tmp, "torn.jsonl")],
      { cwd: root },
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      /^hindsight: warning: \S+torn-rec ends in a torn tail in segment-000001\.hsl at offset \d+ \(\d+ bytes not readable\): the export holds the decisions recorded up to there/,
    );
  });

  it("an --out that cannot be written is named as such (not the file written beside it first)", async () => {
    const file = join(tmp, "a-file");
    writeFileSync(file, "");
    const out = join(file, "x.jsonl");
    const r = await runCli(
      [
        "audit",
        "export",
        "recordings/v1/market-spread",
        "--app",
        "examples/market-spread/app.ts",
        "--out",
        out,
      ],
      { cwd: root },
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `hindsight: cannot write ${out}: a part of its path is a file, not a directory (${out}); choose an --out in a directory you can write to\n`,
    );
  });

  it("--from/--to keep the outputs in the time range; an existing --out is refused (exit 2)", async () => {
    const out = join(tmp, "range.jsonl");
    const args = [
      "audit",
      "export",
      "recordings/v1/market-spread",
      "--app",
      "examples/market-spread/app.ts",
      "--out",
      out,
    ];
    const r = await runCli(
      [...args, "--from", "2026-11-02T14:30:00.5Z", "--to", "2026-11-02T14:30:01Z", "--json"],
      { cwd: root },
    );
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const rows = readFileSync(out, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { output_time_ns: string });
    expect(rows.length).toBe((JSON.parse(r.stdout) as { rows: number }).rows);
    for (const row of rows) {
      expect(BigInt(row.output_time_ns)).toBeGreaterThanOrEqual(1793629800500000000n);
      expect(BigInt(row.output_time_ns)).toBeLessThanOrEqual(1793629801000000000n);
    }
    const again = await runCli([...args], { cwd: root });
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exists/);
    const backwards = await runCli([...args.slice(0, -1), join(tmp, "b.jsonl"), "--from", "2", "--to", "1"], {
      cwd: root,
    });
    expect(backwards.code).toBe(2);
    expect(backwards.stderr).toMatch(/--from is after --to/);
    const inside = await runCli([...args.slice(0, -1), "recordings/v1/market-spread/audit.jsonl"], {
      cwd: root,
    });
    expect(inside.code).toBe(2);
    expect(inside.stderr).toMatch(
      /^hindsight: --out \S+ is inside the recording \S*recordings\/v1\/market-spread: /,
    );
    expect(existsSync(join(root, "recordings/v1/market-spread/audit.jsonl"))).toBe(false);
  });

  it("refuses an app that does not reproduce the recording and leaves no export behind", async () => {
    const out = join(tmp, "wrong-app.jsonl");
    const r = await runCli(
      [
        "audit",
        "export",
        "recordings/v1/market-spread",
        "--app",
        "examples/double-halve/app.ts",
        "--out",
        out,
      ],
      { cwd: root },
    );
    expect(r.code).toBe(3);
    expect(() => readFileSync(out)).toThrow();
    expect(() => readFileSync(`${out}.partial`)).toThrow();
  });
});
