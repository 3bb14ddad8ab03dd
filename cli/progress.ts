/** Progress on stderr for long work: only when stderr is a terminal, never in pipes or CI. */
import { statSync } from "node:fs";
import cliProgress from "cli-progress";
import { type Io, wantsProgress } from "./io.js";

export interface Progress {
  update(done: number): void;
  stop(): void;
}

const NONE: Progress = { update() {}, stop() {} };

/**
 * A bar when `total` is known (units: "events", "bytes"...), else a counter with a rate.
 * Updates are throttled by cli-progress / by time.
 */
export function progress(io: Io, label: string, total?: number, unit = "events"): Progress {
  if (!wantsProgress(io)) return NONE;
  if (total !== undefined && total > 0) {
    const bar = new cliProgress.SingleBar(
      {
        stream: io.stderr as NodeJS.WriteStream,
        format: `${label} [{bar}] {percentage}% | {value}/{total} ${unit} | {eta_formatted} left`,
        hideCursor: true,
        clearOnComplete: true,
        fps: 10,
        // No estimate yet (nothing done, or no rate): "?", not cli-progress's "NULL"/"INF" cut to "NFs".
        formatTime: (t: unknown, o: cliProgress.Options, round: number) =>
          typeof t === "number" && Number.isFinite(t) ? cliProgress.Format.TimeFormat(t, o, round) : "?",
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0);
    return {
      update: (n) => bar.update(Math.min(n, total)),
      stop: () => bar.stop(),
    };
  }
  const started = performance.now();
  let last = 0;
  return {
    update(n) {
      const now = performance.now();
      if (now - last < 100) return;
      last = now;
      const rate = n / ((now - started) / 1000);
      io.stderr.write(
        `\r${label}: ${n.toLocaleString("en-US")} ${unit} (${Math.round(rate).toLocaleString("en-US")}/s)`,
      );
    },
    stop() {
      io.stderr.write("\r\x1b[K");
    },
  };
}

/** Progress of reading inputs: by bytes read or by events handed on, whichever is known. */
export interface InputProgress {
  /** Bytes read from the input files (given only when the progress is by bytes). */
  readonly onRead?: (bytes: number) => void;
  /** Events read so far. */
  readonly onEvents: (events: number) => void;
  stop(): void;
}

/**
 * A bar by megabytes read when every input is a file (their sizes are the total), else a
 * counter of events with a rate (standard input has no known end).
 */
export function inputProgress(io: Io, label: string, paths: readonly string[]): InputProgress {
  // `paths` are resolved (see inputSpecsFrom); "-" is standard input.
  if (!wantsProgress(io)) return { onEvents() {}, stop() {} };
  let total = 0;
  if (!paths.includes("-"))
    for (const p of paths)
      try {
        total += statSync(p).size;
      } catch {
        // the reader names a missing or unreadable file
      }
  if (total > 0) {
    const MB = 1e6;
    const bar = progress(io, label, Math.max(1, Math.ceil(total / MB)), "MB of input");
    let read = 0;
    return {
      onRead(n) {
        read += n;
        bar.update(Math.floor(read / MB));
      },
      onEvents() {},
      stop: () => bar.stop(),
    };
  }
  const bar = progress(io, label);
  return { onEvents: (n) => bar.update(n), stop: () => bar.stop() };
}
