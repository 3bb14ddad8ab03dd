/** Progress on stderr for long work: only when stderr is a terminal, never in pipes or CI. */
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
