/**
 * Replays one worker's recording through its stage: every recorded input, in log order, with
 * the recorded decisions served back, and compares what the stage sends on with the recorded
 * output digests. FAULT decisions belong to the link, not to the stage, and are skipped. This
 * is how a torture run checks that each process's log, on its own, reproduces that process.
 */
import { sha256 } from "../engine/bytes.js";
import { HindsightError } from "../errors.js";
import { DecisionKind, type DecisionRecord, decisionKindName, type OutputRecord } from "../format/records.js";
import { LogReader } from "../log/index.js";
import type { PipelineApp, RecordedDecisions } from "./apps.js";

export interface StageReplay {
  process: string;
  /** Input events replayed. */
  events: number;
  /** Outputs compared. */
  outputs: number;
  /** The first difference, or undefined when the replay reproduced every output. */
  divergence?: string;
}

interface RecordedEvent {
  seq: number;
  streamSeq: number;
  timeNs: bigint;
  payload: Uint8Array;
  decisions: DecisionRecord[];
  outputs: OutputRecord[];
}

const hex = (b: Uint8Array) => Buffer.from(b).toString("hex");

/**
 * Replays the recording in `dir` of stage `stage` of `app`. Never throws for a divergence (it
 * is returned); throws like LogReader.open for an unreadable recording.
 */
export async function replayStageLog(
  app: PipelineApp,
  stage: string,
  dir: string,
  seed: bigint,
): Promise<StageReplay> {
  const events: RecordedEvent[] = [];
  const blobs = new Map<string, Uint8Array>();
  const reader = LogReader.open(dir);
  try {
    for (const r of reader.records()) {
      const last = events[events.length - 1];
      if (r.type === "input")
        events.push({
          seq: r.seq,
          streamSeq: r.streamSeq,
          timeNs: r.timeNs,
          payload: r.payload,
          decisions: [],
          outputs: [],
        });
      else if (r.type === "blob") blobs.set(hex(r.hash), r.data);
      else if (r.type === "decision" && r.kind !== DecisionKind.fault && last && r.eventSeq === last.seq)
        last.decisions.push(r);
      else if (r.type === "output" && last && r.eventSeq === last.seq) last.outputs.push(r);
    }
  } finally {
    reader.close();
  }

  let current: RecordedEvent | undefined;
  let used = 0;
  const recorded: RecordedDecisions = {
    next(eventSeq, kind, name, step) {
      const d = current?.seq === eventSeq ? current.decisions[used] : undefined;
      if (!d || d.kind !== kind || d.name !== name || d.step !== step)
        throw new HindsightError(
          "DIVERGENCE",
          `event seq ${eventSeq}: step ${step} asked for ${decisionKindName(kind)} "${name}" as decision #${used}, ` +
            (d
              ? `the recording has ${decisionKindName(d.kind)} "${d.name}" of step ${d.step}`
              : "the recording has none"),
        );
      used++;
      return { value: d.value, contentHash: d.contentHash };
    },
    blob(hash) {
      const b = blobs.get(hex(hash));
      if (!b)
        throw new HindsightError(
          "DIVERGENCE",
          `look-up value ${hex(hash).slice(0, 16)}… is not in the recording`,
        );
      return b;
    },
  };

  const result: StageReplay = { process: stage, events: 0, outputs: 0 };
  const rt = await app.openStage(stage, { seed, record: () => -1, recorded });
  try {
    for (const e of events) {
      current = e;
      used = 0;
      let outs: Uint8Array[];
      try {
        const r = rt.handle(e.payload, e.seq, e.timeNs);
        outs = r instanceof Promise ? await r : r;
      } catch (err) {
        const msg =
          err instanceof HindsightError ? err.oneLine() : err instanceof Error ? err.message : String(err);
        if (e.outputs.length === 0 && e === events[events.length - 1]) {
          // The recording ends with this event and no output: the stage failed on it when recorded too.
          result.events++;
          break;
        }
        result.divergence = `event seq ${e.seq} (link seq ${e.streamSeq}): the stage failed on replay: ${msg}`;
        return result;
      }
      result.events++;
      if (used !== e.decisions.length) {
        result.divergence = `event seq ${e.seq} (link seq ${e.streamSeq}): the recording has ${e.decisions.length} decision(s), the replay asked for ${used}`;
        return result;
      }
      if (outs.length !== e.outputs.length) {
        result.divergence = `event seq ${e.seq} (link seq ${e.streamSeq}): the recording has ${e.outputs.length} output(s), the replay made ${outs.length}`;
        return result;
      }
      for (const [i, o] of outs.entries()) {
        const want = e.outputs[i]!.digest;
        if (hex(sha256(o)) !== hex(want)) {
          result.divergence = `event seq ${e.seq} (link seq ${e.streamSeq}): output #${i} differs: replay gives ${app.show(o).slice(0, 120)} (digest ${hex(sha256(o)).slice(0, 16)}…), the recording has digest ${hex(want).slice(0, 16)}…`;
          return result;
        }
        result.outputs++;
      }
    }
  } finally {
    await rt.close?.();
  }
  return result;
}
