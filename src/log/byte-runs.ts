/**
 * Byte strings laid end to end in one buffer, with the end offset of each: how output bytes
 * travel to the block-writer thread to be hashed (the writer's deferred digests, replay's
 * digest checks) in one transfer instead of one message each.
 */

/** Run i is `data[ends[i-1] ?? 0 .. ends[i]]`. */
export interface Runs {
  readonly data: Uint8Array;
  readonly ends: Uint32Array;
}

export class ByteRuns {
  private data = new Uint8Array(16 * 1024);
  private size = 0;
  private ends: number[] = [];

  /** Runs held. */
  get count(): number {
    return this.ends.length;
  }

  /** Bytes held. */
  get byteLength(): number {
    return this.size;
  }

  push(b: Uint8Array): void {
    const need = this.size + b.length;
    if (need > this.data.length) {
      const next = new Uint8Array(Math.max(need, this.data.length * 2));
      next.set(this.data.subarray(0, this.size));
      this.data = next;
    }
    this.data.set(b, this.size);
    this.size = need;
    this.ends.push(need);
  }

  /** Drops the last run. */
  pop(): void {
    this.ends.pop();
    this.size = this.ends.at(-1) ?? 0;
  }

  /**
   * Copies the runs held to `data` at `at` and their ends to `ends` at `endsAt`, and starts
   * empty again (keeping its buffer).
   */
  copyInto(data: Uint8Array, at: number, ends: Uint32Array, endsAt: number): void {
    data.set(this.data.subarray(0, this.size), at);
    const e = this.ends;
    for (let i = 0; i < e.length; i++) ends[endsAt + i] = e[i] as number;
    this.clear();
  }

  /** Drops every run, keeping the buffer. */
  clear(): void {
    this.size = 0;
    this.ends.length = 0;
  }

  /** The runs held, in buffers of their own (transferable), and starts empty again. */
  take(): Runs {
    const runs = { data: this.data.slice(0, this.size), ends: Uint32Array.from(this.ends) };
    this.size = 0;
    this.ends = [];
    return runs;
  }
}

/** Calls `f` with each run in order; stops early when `f` returns false. */
export function forEachRun(r: Runs, f: (run: Uint8Array, i: number) => boolean | undefined): void {
  let start = 0;
  for (let i = 0; i < r.ends.length; i++) {
    const end = r.ends[i] as number;
    if (f(r.data.subarray(start, end), i) === false) return;
    start = end;
  }
}
