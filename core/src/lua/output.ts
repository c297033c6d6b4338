// Buffered raw-byte output to a file descriptor, as C's stdio buffers a FILE: Lua strings are
// byte strings, written as latin1 so every byte goes out unchanged.

import { writeSync } from "node:fs";

/** setvbuf's modes: unbuffered, fully buffered, flushed at each newline. */
export type BufferMode = "no" | "full" | "line";

/** Where a file's writes go: a buffer in front of a descriptor, or a collector (io.popen). */
export interface Output {
  write(bytes: string): void;
  /** Writes everything queued; throws the Node error of a failed write. */
  flush(): void;
  /** Bytes queued and not yet written. */
  readonly pending: number;
  /** The file offset of the first queued byte; null writes at the descriptor's own position. */
  at: number | null;
  setvbuf(mode: BufferMode, size: number): void;
}

export class ByteOutput implements Output {
  private parts: string[] = [];
  private size = 0;
  at: number | null = null;
  /**
   * `before` runs before bytes reach the descriptor: standard error flushes standard output
   * there, so that the two appear in the order the program wrote them.
   */
  constructor(
    private fd: number,
    private mode: BufferMode = "full",
    private limit = 65536,
    private before?: () => void,
  ) {}

  get pending(): number {
    return this.size;
  }

  /** Queues bytes; flushes as the buffering mode asks. */
  write(bytes: string): void {
    if (bytes.length === 0) return;
    this.parts.push(bytes);
    this.size += bytes.length;
    if (this.mode === "no" || this.size >= this.limit || (this.mode === "line" && bytes.includes("\n"))) this.flush();
  }

  setvbuf(mode: BufferMode, size: number): void {
    this.flush();
    this.mode = mode;
    this.limit = Math.max(1, size);
  }

  /** Writes everything queued. A closed pipe on the other side drops the bytes silently. */
  flush(): void {
    if (this.size === 0) return;
    this.before?.();
    const buf = Buffer.from(this.parts.length === 1 ? this.parts[0] : this.parts.join(""), "latin1");
    this.parts = [];
    this.size = 0;
    let off = 0;
    while (off < buf.length) {
      try {
        const n = writeSync(this.fd, buf, off, buf.length - off, this.at);
        off += n;
        if (this.at !== null) this.at += n;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === "EAGAIN") continue;
        if ((e as NodeJS.ErrnoException).code === "EPIPE") return;
        throw e;
      }
    }
  }
}
