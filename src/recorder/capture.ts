/**
 * `hindsight record` without an app: capture JSON-lines streams as input events, in the
 * interleaving readInputs() chooses, between START and STOP run markers.
 */
import { HindsightError } from "../errors.js";
import { MarkerKind, rec } from "../format/records.js";
import { LogWriter, type WriterOptions } from "../log/writer.js";
import { type InputSpec, readInputBatches, TimeOrder, type TimesBack } from "./inputs.js";

export interface CaptureOptions {
  readonly inputs: readonly InputSpec[];
  readonly out: string;
  readonly timeField?: string;
  readonly writer?: Partial<WriterOptions>;
  readonly stdin?: NodeJS.ReadableStream;
  readonly labels?: Record<string, string>;
  /** Called every few thousand events with the count so far. */
  readonly onProgress?: (events: number) => void;
  /** Called with the size of each chunk read from an input (for progress by bytes). */
  readonly onRead?: (bytes: number) => void;
  /** When aborted, capture stops after the current batch and seals the recording (status "interrupted"). */
  readonly signal?: AbortSignal;
}

export interface CaptureSummary {
  readonly dir: string;
  readonly events: number;
  readonly perStream: Record<string, number>;
  readonly records: number;
  readonly blocks: number;
  readonly bytesOnDisk: number;
  readonly rawBytes: number;
  readonly payloadBytes: number;
  readonly seconds: number;
  /** False when the capture was stopped by the signal before the inputs ended. */
  readonly complete: boolean;
  /** Set when some event's time is earlier than one read before it (see TimeOrder). */
  readonly timesBack?: TimesBack;
}

/** Throws NOT_FOUND / BAD_INPUT (inputs), ALREADY_EXISTS (out), USAGE. The partial recording is kept, sealed, on input errors. */
export async function captureInputs(o: CaptureOptions): Promise<CaptureSummary> {
  if (o.inputs.length === 0)
    throw new HindsightError("USAGE", "no --input given", { hint: "pass --input <stream>=<file.jsonl|->" });
  const started = performance.now();
  const w = LogWriter.create(
    o.out,
    {
      streams: o.inputs.map((i) => ({ name: i.stream, codec: "json-lines", source: i.path })),
      clockSource: o.timeField ? `input:${o.timeField}` : "none",
      labels: o.labels ?? {},
    },
    o.writer,
  );
  const perStream = o.inputs.map(() => 0);
  let events = 0;
  const order = new TimeOrder();
  const timesBack = () => {
    const back = order.report((e) => `${o.inputs[e.stream]?.path ?? "?"} line ${e.line}`);
    return back ? { timesBack: back } : {};
  };
  let payloadBytes = 0;
  let status = "ok";
  w.append(
    rec.marker({ kind: MarkerKind.start, configJson: JSON.stringify({ timeField: o.timeField ?? null }) }),
  );
  try {
    for await (const batch of readInputBatches(o.inputs, {
      ...(o.timeField ? { timeField: o.timeField } : {}),
      ...(o.stdin ? { stdin: o.stdin } : {}),
      ...(o.signal ? { signal: o.signal } : {}),
      ...(o.onRead ? { onRead: o.onRead } : {}),
    })) {
      for (const e of batch) {
        if (o.timeField) order.see(e);
        w.append(
          rec.input({ stream: e.stream, streamSeq: e.streamSeq, timeNs: e.timeNs, payload: e.payload }),
        );
        perStream[e.stream]!++;
        payloadBytes += e.payload.length;
        // Per record appended: a refusal mid-batch leaves the STOP marker's count exact.
        events++;
      }
      o.onProgress?.(events);
      if (o.signal?.aborted) break;
    }
    // Stopped by the signal (the reader also ends early on it, while waiting for input).
    if (o.signal?.aborted) status = "interrupted";
  } catch (e) {
    status = e instanceof HindsightError ? `error: ${e.code}` : "error";
    if (!(e instanceof HindsightError)) throw e;
    // What is left in --out: the events read before the failure, sealed (it reads as such).
    throw withSealedRecording(e, o.out, events);
  } finally {
    w.append(rec.marker({ kind: MarkerKind.stop, events, status }));
    w.close();
  }
  return {
    dir: o.out,
    events,
    perStream: Object.fromEntries(o.inputs.map((i, k) => [i.stream, perStream[k]!])),
    records: w.nextSeq,
    blocks: w.blocksWritten,
    bytesOnDisk: w.bytesWritten,
    rawBytes: w.rawBytes,
    payloadBytes,
    seconds: (performance.now() - started) / 1000,
    complete: status === "ok",
    ...timesBack(),
  };
}

/**
 * `e` with a hint saying what a failed record left in --out: a sealed recording of the events
 * before the failure (`note`: more about it), to remove before recording there again.
 */
export function withSealedRecording(
  e: HindsightError,
  dir: string,
  events: number,
  note?: string,
): HindsightError {
  const left = `the recording in ${dir} was sealed after ${events.toLocaleString("en-US")} event${events === 1 ? "" : "s"}${note ? ` (${note})` : ""}: remove it, or pick another --out, to record again`;
  return e.with({ hint: e.hint ? `${e.hint}; ${left}` : left });
}
