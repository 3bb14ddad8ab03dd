/**
 * Fault plans: which fault (if any) the injector applies to the i-th DATA message that
 * crosses a link. A plan is either drawn from a seed (SeededFaults: a pure function of the
 * seed and the message index, so the kernel's segmentation and the timing of the run cannot
 * change it) or read back from a recording (RecordedFaults), so a failing run replays
 * exactly, fault by fault.
 *
 * An applied fault is recorded as a FAULT decision (see `faultDecision`):
 *   kind = DecisionKind.fault, name = "drop" | "delay" | "dup", step = the link's name,
 *   eventSeq = the link sequence number of the faulted frame (the `streamSeq` of the input
 *   record it carries), value = UTF-8 JSON `{"msg":<index>,"seq":<seq>[,"ms":<delay>]}`.
 */
import { HindsightError } from "../errors.js";
import { DecisionKind, type DecisionRecord, type LogRecord, rec } from "../format/records.js";
import { fastUnitDraw, type Seed32, seed32 } from "./prng.js";

export type FaultKind = "drop" | "delay" | "dup";
export const FAULT_KINDS: readonly FaultKind[] = ["drop", "delay", "dup"];

export interface Fault {
  readonly kind: FaultKind;
  /** Index of the DATA message on the link (0-based, counted across reconnections). */
  readonly msg: number;
  /** The frame's link sequence number. */
  readonly seq: number;
  /** For a delay: how long the injector holds the frame (and everything behind it) back. */
  readonly ms?: number;
}

export interface FaultRates {
  /** Probability, per message, of dropping the connection before the message is delivered. Defaults to 0. */
  drop: number;
  /** Probability of holding the message back for 1..maxDelayMs ms. Defaults to 0. */
  delay: number;
  /** Probability of delivering the message twice. Defaults to 0. */
  dup: number;
}

export interface FaultOptions extends FaultRates {
  /** Fewest messages between two dropped connections (at least 2, so a link always makes progress). Defaults to 10. */
  minDropGap: number;
  /** Longest delay in ms. Defaults to 5. */
  maxDelayMs: number;
}

export const DEFAULT_FAULT_OPTIONS: Readonly<FaultOptions> = Object.freeze({
  drop: 0,
  delay: 0,
  dup: 0,
  minDropGap: 10,
  maxDelayMs: 5,
});

/** Decides the fault for each message of a link, in message order. */
export interface FaultSource {
  /** The fault for message `msg` carrying link sequence number `seq`, or undefined. Called once per message, in order. */
  decide(msg: number, seq: number): Fault | undefined;
}

/** Merges and checks options. Throws USAGE on a rate outside [0, 1], rates summing above 1, or a bad gap/delay. */
export function faultOptions(partial: Partial<FaultOptions> = {}): FaultOptions {
  const o: FaultOptions = { ...DEFAULT_FAULT_OPTIONS, ...partial };
  for (const k of FAULT_KINDS) {
    const p = o[k];
    if (!(p >= 0 && p <= 1))
      throw new HindsightError("USAGE", `fault rate ${k}=${p} is not a probability`, {
        where: "--faults",
        hint: "give each rate as a number from 0 to 1, e.g. drop=0.01",
      });
  }
  if (o.drop + o.delay + o.dup > 1)
    throw new HindsightError("USAGE", `fault rates add up to ${o.drop + o.delay + o.dup}, more than 1`, {
      where: "--faults",
      hint: "at most one fault applies per message: keep drop+delay+dup at or below 1",
    });
  if (!Number.isInteger(o.minDropGap) || o.minDropGap < 2)
    throw new HindsightError("USAGE", `minimum gap between drops ${o.minDropGap} is below 2`, {
      where: "--faults",
      hint: "use gap=<n> with n >= 2 so a link always delivers something between drops",
    });
  if (!Number.isInteger(o.maxDelayMs) || o.maxDelayMs < 1 || o.maxDelayMs > 60_000)
    throw new HindsightError("USAGE", `longest delay ${o.maxDelayMs} ms is outside 1..60000`, {
      where: "--faults",
      hint: "use maxdelay=<ms> with a whole number of milliseconds",
    });
  return o;
}

/**
 * Parses `drop=0.01,delay=0.05,dup=0.02[,gap=10][,maxdelay=5]` (any subset, any order).
 * Throws USAGE naming the bad part.
 */
export function parseFaultSpec(spec: string): FaultOptions {
  const partial: Partial<FaultOptions> = {};
  const text = spec.trim();
  if (text === "" || text === "none") return faultOptions({});
  for (const part of text.split(",")) {
    const m = /^\s*([a-z]+)\s*=\s*([0-9.eE+-]+)\s*$/.exec(part);
    const value = m ? Number(m[2]) : Number.NaN;
    if (!m || !Number.isFinite(value))
      throw new HindsightError("USAGE", `cannot read fault setting "${part}"`, {
        where: "--faults",
        hint: "write kind=probability pairs separated by commas, e.g. drop=0.01,delay=0.05,dup=0.02",
      });
    const key = m[1]!;
    if (key === "drop" || key === "delay" || key === "dup") partial[key] = value;
    else if (key === "gap") partial.minDropGap = value;
    else if (key === "maxdelay") partial.maxDelayMs = value;
    else
      throw new HindsightError("USAGE", `unknown fault kind "${key}"`, {
        where: "--faults",
        hint: "known settings: drop, delay, dup (probabilities), gap (messages), maxdelay (ms)",
      });
  }
  return faultOptions(partial);
}

/** Renders options back to the `--faults` syntax (only what differs from the defaults, plus all rates). */
export function formatFaultSpec(o: FaultOptions): string {
  let s = `drop=${o.drop},delay=${o.delay},dup=${o.dup}`;
  if (o.minDropGap !== DEFAULT_FAULT_OPTIONS.minDropGap) s += `,gap=${o.minDropGap}`;
  if (o.maxDelayMs !== DEFAULT_FAULT_OPTIONS.maxDelayMs) s += `,maxdelay=${o.maxDelayMs}`;
  return s;
}

/**
 * Faults drawn from a seed. Message i uses draws 2i (which fault) and 2i+1 (how long a
 * delay lasts) of SplitMix64(seed), so the plan is a pure function of the seed, the
 * options and the message index. `stream` separates the plans of different links run with
 * the same seed.
 */
export class SeededFaults implements FaultSource {
  private readonly seed: Seed32;
  private lastDrop = Number.NEGATIVE_INFINITY;
  private nextMsg = 0;
  private readonly options: FaultOptions;

  constructor(seed: bigint, options: Partial<FaultOptions>, stream = 0) {
    this.options = faultOptions(options);
    // Each link draws from its own SplitMix64 sequence: offset the start by a large odd stride.
    this.seed = seed32(seed + BigInt(stream) * 0xd1b54a32d192ed03n);
  }

  decide(msg: number, seq: number): Fault | undefined {
    if (msg !== this.nextMsg)
      throw new HindsightError("INTERNAL", `fault plan asked for message ${msg} out of order`, {
        where: `expected message ${this.nextMsg}`,
      });
    this.nextMsg++;
    const { drop, delay, dup } = this.options;
    if (drop + delay + dup === 0) return undefined;
    const r = fastUnitDraw(this.seed, 2 * msg);
    if (r < drop) {
      if (msg - this.lastDrop < this.options.minDropGap) return undefined;
      this.lastDrop = msg;
      return { kind: "drop", msg, seq };
    }
    if (r < drop + delay) {
      const ms = 1 + Math.floor(fastUnitDraw(this.seed, 2 * msg + 1) * this.options.maxDelayMs);
      return { kind: "delay", msg, seq, ms };
    }
    if (r < drop + delay + dup) return { kind: "dup", msg, seq };
    return undefined;
  }
}

/**
 * Replays a recorded plan: the fault recorded for message i, whatever the seed. Throws
 * DIVERGENCE when the run reaches a recorded message with a different sequence number (the
 * link is not carrying what it carried when the plan was recorded).
 */
export class RecordedFaults implements FaultSource {
  private readonly byMsg = new Map<number, Fault>();

  constructor(
    faults: readonly Fault[],
    private readonly where = "recorded fault plan",
  ) {
    for (const f of faults) this.byMsg.set(f.msg, f);
  }

  decide(msg: number, seq: number): Fault | undefined {
    const f = this.byMsg.get(msg);
    if (f && f.seq !== seq)
      throw new HindsightError(
        "DIVERGENCE",
        `message ${msg} carries seq ${seq}, the recorded ${f.kind} was on seq ${f.seq}`,
        {
          where: this.where,
          hint: "the run diverged from the recorded one before this fault; compare the recordings",
        },
      );
    return f;
  }

  get size(): number {
    return this.byMsg.size;
  }
}

const enc = new TextEncoder();
const dec = new TextDecoder();

/** The FAULT decision record for an applied fault on link `link`. */
export function faultDecision(link: string, f: Fault, timeNs = 0n): DecisionRecord {
  const value: Record<string, number> = { msg: f.msg, seq: f.seq };
  if (f.ms !== undefined) value["ms"] = f.ms;
  return rec.decision({
    kind: DecisionKind.fault,
    name: f.kind,
    step: link,
    eventSeq: f.seq,
    value: enc.encode(JSON.stringify(value)),
    timeNs,
  });
}

/** The fault a FAULT decision describes, or undefined for any other record. Throws CORRUPT_RECORD on a malformed one. */
export function faultFromRecord(r: LogRecord, where = "log"): { link: string; fault: Fault } | undefined {
  if (r.type !== "decision" || r.kind !== DecisionKind.fault) return undefined;
  let v: unknown;
  try {
    v = JSON.parse(dec.decode(r.value));
  } catch {
    v = undefined;
  }
  const o = v as { msg?: unknown; seq?: unknown; ms?: unknown } | undefined;
  const kind = r.name as FaultKind;
  if (
    !FAULT_KINDS.includes(kind) ||
    typeof o !== "object" ||
    o === null ||
    typeof o.msg !== "number" ||
    typeof o.seq !== "number" ||
    (kind === "delay" && typeof o.ms !== "number")
  )
    throw new HindsightError("CORRUPT_RECORD", `malformed fault decision "${r.name}"`, {
      where,
      hint: "the recording's fault plan cannot be replayed",
    });
  const fault: Fault =
    kind === "delay"
      ? { kind, msg: o.msg, seq: o.seq, ms: o.ms as number }
      : { kind, msg: o.msg, seq: o.seq };
  return { link: r.step, fault };
}

/** One line per fault, for reports: `msg 12 seq 9 delay 3ms`. */
export function describeFault(f: Fault): string {
  return `msg ${f.msg} seq ${f.seq} ${f.kind}${f.ms !== undefined ? ` ${f.ms}ms` : ""}`;
}
