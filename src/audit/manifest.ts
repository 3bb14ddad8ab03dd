/**
 * The audit manifest (`<export>.manifest.json`): what an export must hash to, and, when
 * signed, an Ed25519 signature over its canonical bytes (docs/AUDIT.md, "Manifest").
 *
 * The file is written in one deterministic form (keys sorted, two-space indent, LF at the
 * end) and a reader insists on exactly that form, so every byte of it is covered: a byte
 * either changes a value, which is cross-checked against the export, or breaks the form.
 */
import { createHash, createPrivateKey, createPublicKey, type KeyObject, sign, verify } from "node:crypto";
import { HindsightError } from "../errors.js";
import { canonicalJson, type JsonValue } from "./canonical.js";
import type { Genesis } from "./row.js";
import type { AuditFormat } from "./writers.js";

export interface AuditSignature {
  readonly algorithm: "ed25519";
  /** The signer's public key: base64 of its DER SubjectPublicKeyInfo. */
  readonly public_key: string;
  /** SHA-256 (hex) of that DER: the key's fingerprint. */
  readonly public_key_sha256: string;
  /** Base64 of the 64-byte Ed25519 signature over the canonical JSON of the unsigned manifest. */
  readonly value: string;
}

export interface AuditManifest {
  readonly kind: "hindsight.audit.manifest";
  readonly version: number;
  readonly format: AuditFormat;
  readonly rows: number;
  readonly file_bytes: number;
  readonly file_sha256: string;
  readonly genesis: Genesis;
  readonly genesis_hash: string;
  readonly final_hash: string;
  readonly signature?: AuditSignature;
}

export const MANIFEST_SUFFIX = ".manifest.json";
export const manifestPathFor = (exportPath: string): string => exportPath + MANIFEST_SUFFIX;

function sortDeep(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortDeep);
  if (v !== null && typeof v === "object") {
    const o = v as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(o).sort()) if (o[k] !== undefined) out[k] = sortDeep(o[k]);
    return out;
  }
  return v;
}

/** The one form a manifest file is written in. */
export function serializeManifest(m: AuditManifest): string {
  return JSON.stringify(sortDeep(m), null, 2) + "\n";
}

/** The bytes the signature covers: canonical JSON of the manifest without `signature`. */
export function signedBytes(m: AuditManifest): Buffer {
  const { signature: _s, ...unsigned } = m;
  return Buffer.from(canonicalJson(unsigned as unknown as JsonValue), "utf8");
}

function readPem(pem: string | Uint8Array, what: "private" | "public", where: string): KeyObject {
  let key: KeyObject;
  try {
    key = what === "private" ? createPrivateKey(pem as string) : createPublicKey(pem as string);
  } catch (e) {
    // Say what the file holds when it is a key of the other kind, or one locked with a passphrase.
    const text = Buffer.from(pem as Uint8Array).toString("latin1");
    const encrypted = /-----BEGIN ENCRYPTED PRIVATE KEY-----|Proc-Type: 4,ENCRYPTED/.test(text);
    const why = encrypted
      ? what === "private"
        ? "it is encrypted with a passphrase, which hindsight does not ask for"
        : "it is a private key encrypted with a passphrase"
      : what === "private" && /-----BEGIN PUBLIC KEY-----/.test(text)
        ? "it is a public key"
        : (e as Error).message;
    throw new HindsightError("BAD_INPUT", `cannot read the ${what} key: ${why}`, {
      where,
      hint: !encrypted
        ? `give an Ed25519 ${what} key in PEM form (openssl genpkey -algorithm ed25519)`
        : what === "private"
          ? "give the key unencrypted (openssl pkey -in key.pem -out plain.pem), kept where only the signer can read it"
          : "give the signer's public key (openssl pkey -in key.pem -pubout -out pub.pem)",
    });
  }
  if (key.asymmetricKeyType !== "ed25519") {
    throw new HindsightError(
      "BAD_INPUT",
      `the ${what} key is ${key.asymmetricKeyType ?? "not asymmetric"}, not Ed25519`,
      {
        where,
        hint: `give an Ed25519 ${what} key in PEM form (openssl genpkey -algorithm ed25519)`,
      },
    );
  }
  return key;
}

/** Reads an Ed25519 private key (PEM). @throws HindsightError BAD_INPUT */
export const readPrivateKey = (pem: string | Uint8Array, where = "--sign"): KeyObject =>
  readPem(pem, "private", where);
/** Reads an Ed25519 public key (PEM; a private key PEM also gives its public key). @throws HindsightError BAD_INPUT */
export const readPublicKey = (pem: string | Uint8Array, where = "--pubkey"): KeyObject =>
  readPem(pem, "public", where);

function spki(key: KeyObject): Buffer {
  const pub = key.type === "public" ? key : createPublicKey(key);
  return pub.export({ type: "spki", format: "der" });
}

/** Returns `m` with an Ed25519 signature by `privateKey`. */
export function signManifest(m: AuditManifest, privateKey: KeyObject): AuditManifest {
  const { signature: _s, ...unsigned } = m;
  const der = spki(privateKey);
  const value = sign(null, signedBytes(unsigned), privateKey);
  return {
    ...unsigned,
    signature: {
      algorithm: "ed25519",
      public_key: der.toString("base64"),
      public_key_sha256: createHash("sha256").update(der).digest("hex"),
      value: value.toString("base64"),
    },
  };
}

export type SignatureCheck =
  | { readonly status: "absent" }
  | { readonly status: "valid"; readonly keyFingerprint: string; readonly trusted: boolean }
  | { readonly status: "invalid"; readonly reason: string };

/**
 * Checks the manifest's signature. With `publicKey`, the manifest must be signed by that
 * key (`trusted: true`); without, the embedded key is used, which proves only that the
 * manifest is unchanged since someone holding that key signed it (`trusted: false`).
 */
export function checkSignature(m: AuditManifest, publicKey?: KeyObject): SignatureCheck {
  const s = m.signature;
  if (s === undefined) {
    return publicKey === undefined
      ? { status: "absent" }
      : { status: "invalid", reason: "the manifest is not signed, but a public key was given" };
  }
  if (s.algorithm !== "ed25519")
    return { status: "invalid", reason: `unknown signature algorithm ${s.algorithm}` };
  let embedded: KeyObject;
  let der: Buffer;
  try {
    der = Buffer.from(s.public_key, "base64");
    embedded = createPublicKey({ key: der, format: "der", type: "spki" });
  } catch {
    return { status: "invalid", reason: "the manifest's public key cannot be read" };
  }
  if (embedded.asymmetricKeyType !== "ed25519" || der.toString("base64") !== s.public_key) {
    return { status: "invalid", reason: "the manifest's public key is not a canonical Ed25519 key" };
  }
  const fingerprint = createHash("sha256").update(der).digest("hex");
  if (fingerprint !== s.public_key_sha256) {
    return { status: "invalid", reason: "the manifest's public key fingerprint does not match its key" };
  }
  if (publicKey !== undefined && !spki(publicKey).equals(der)) {
    return {
      status: "invalid",
      reason: `the manifest is signed by key ${fingerprint.slice(0, 16)}…, not by the given public key`,
    };
  }
  const sig = Buffer.from(s.value, "base64");
  if (sig.length !== 64 || sig.toString("base64") !== s.value) {
    return { status: "invalid", reason: "the signature value is not a canonical 64-byte Ed25519 signature" };
  }
  if (!verify(null, signedBytes(m), embedded, sig)) {
    return {
      status: "invalid",
      reason: "the signature does not verify: the manifest was changed after signing",
    };
  }
  return { status: "valid", keyFingerprint: fingerprint, trusted: publicKey !== undefined };
}

const HEX64 = /^[0-9a-f]{64}$/;

/**
 * Parses manifest text, insisting on the exact form `serializeManifest` writes and on the
 * shape of every member. Returns the manifest or the reason it is not one.
 */
export function parseManifest(text: string): { manifest: AuditManifest } | { problem: string } {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    return { problem: `the manifest is not JSON (${(e as Error).message})` };
  }
  if (v === null || typeof v !== "object" || Array.isArray(v))
    return { problem: "the manifest is not a JSON object" };
  const m = v as Record<string, unknown>;
  if (m["kind"] !== "hindsight.audit.manifest")
    return { problem: "the manifest's kind is not hindsight.audit.manifest" };
  if (m["version"] !== 1)
    return { problem: `the manifest's version ${String(m["version"])} is not supported (1)` };
  if (m["format"] !== "jsonl" && m["format"] !== "csv" && m["format"] !== "parquet")
    return { problem: `the manifest's format ${String(m["format"])} is unknown` };
  for (const k of ["rows", "file_bytes"]) {
    const n = m[k];
    if (typeof n !== "number" || !Number.isSafeInteger(n) || n < 0)
      return { problem: `the manifest's ${k} is not a count` };
  }
  for (const k of ["file_sha256", "genesis_hash", "final_hash"]) {
    if (typeof m[k] !== "string" || !HEX64.test(m[k] as string))
      return { problem: `the manifest's ${k} is not a SHA-256 hex digest` };
  }
  const g = m["genesis"];
  if (g === null || typeof g !== "object" || Array.isArray(g))
    return { problem: "the manifest's genesis is not an object" };
  const allowed = new Set([
    "kind",
    "version",
    "format",
    "rows",
    "file_bytes",
    "file_sha256",
    "genesis",
    "genesis_hash",
    "final_hash",
    "signature",
  ]);
  for (const k of Object.keys(m))
    if (!allowed.has(k)) return { problem: `the manifest has an unknown member ${k}` };
  const s = m["signature"];
  if (s !== undefined) {
    if (s === null || typeof s !== "object" || Array.isArray(s))
      return { problem: "the manifest's signature is not an object" };
    const so = s as Record<string, unknown>;
    const keys = Object.keys(so).sort().join(",");
    if (
      keys !== "algorithm,public_key,public_key_sha256,value" ||
      Object.values(so).some((x) => typeof x !== "string")
    )
      return {
        problem:
          "the manifest's signature does not have the members algorithm, public_key, public_key_sha256, value",
      };
  }
  const manifest = m as unknown as AuditManifest;
  if (serializeManifest(manifest) !== text) {
    return { problem: "the manifest is not in the form hindsight writes (bytes were changed)" };
  }
  return { manifest };
}
