/**
 * A buffered, synchronous line writer: lines are copied (as Latin-1: the generated data is
 * ASCII) into a 1 MiB buffer that is written with one `writeSync` when full. This keeps
 * generators at millions of lines per second without a stream's per-write cost or the
 * garbage of joining strings.
 */
import { closeSync, openSync, writeSync } from "node:fs";

export class LineWriter {
  private readonly fd: number;
  private readonly buf: Buffer;
  private pos = 0;
  /** Bytes written so far. */
  bytes = 0;
  lines = 0;

  constructor(
    readonly path: string,
    chunkBytes = 1 << 20,
  ) {
    this.buf = Buffer.allocUnsafe(chunkBytes);
    this.fd = openSync(path, "w");
  }

  /** Appends one line; `line` must be ASCII without a newline. */
  write(line: string): void {
    const need = line.length + 1;
    if (this.pos + need > this.buf.length) {
      this.flush();
      if (need > this.buf.length) {
        writeSync(this.fd, `${line}\n`);
        this.bytes += need;
        this.lines++;
        return;
      }
    }
    this.pos += this.buf.write(line, this.pos, "latin1");
    this.buf[this.pos++] = 10;
    this.bytes += need;
    this.lines++;
  }

  flush(): void {
    let off = 0;
    while (off < this.pos) off += writeSync(this.fd, this.buf, off, this.pos - off);
    this.pos = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}
