/** Messages between the torture harness and its stage workers (IPC, JSON). */
import type { UnsafeMode } from "../net/link.js";
import type { Fault, FaultOptions } from "./plan.js";

export interface StartMessage {
  type: "start";
  app: string;
  cwd: string;
  stage: string;
  /** Decimal. */
  seed: string;
  linkIn: string;
  linkOut: string;
  /** Index of the inbound link (selects its fault stream). */
  linkIndex: number;
  faults: FaultOptions;
  /** A recorded plan for the inbound link: applied instead of drawing from the seed. */
  plan?: Fault[];
  unsafe?: UnsafeMode;
  logDir: string;
  window: number;
  /** Deterministic run description for the start marker. */
  config: Record<string, unknown>;
}

export interface ConnectMessage {
  type: "connect";
  port: number;
}

/** Ends the current run (the worker seals its log and answers "done"). */
export interface StopMessage {
  type: "stop";
}

/** Ends the worker process. */
export interface ExitMessage {
  type: "exit";
}

export type ToWorker = StartMessage | ConnectMessage | StopMessage | ExitMessage;

export interface WorkerStats {
  received: number;
  sent: number;
  duplicates: number;
  gaps: number;
  connections: number;
  faults: number;
  /** Drop-to-next-delivery times on the inbound link, ms (statistics only). */
  recoveryMs: number[];
  /** CPU time (user + system) the worker used for this run, µs (statistics only). */
  cpuUs: number;
}

export type FromWorker =
  | { type: "listening"; port: number }
  | { type: "done"; status: "ok" | "stopped"; stats: WorkerStats }
  | { type: "error"; code: string; message: string };
