// Buffered raw-byte output to a file descriptor: Lua strings are byte strings, written as
// latin1 so every byte goes out unchanged.

import fs from "node:fs";

export class ByteOutput {
  private parts: string[] = [];
  private size = 0;
  constructor(private fd: number) {}

  /** Queues bytes; flushes when the buffer grows past 64 KiB. */
  write(bytes: string): void {
    this.parts.push(bytes);
    this.size += bytes.length;
    if (this.size > 65536) this.flush();
  }

  /** Writes everything queued. */
  flush(): void {
    if (this.size === 0) return;
    const buf = Buffer.from(this.parts.join(""), "latin1");
    this.parts = [];
    this.size = 0;
    let off = 0;
    while (off < buf.length) {
      try {
        off += fs.writeSync(this.fd, buf, off);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === "EAGAIN") continue;
        if ((e as NodeJS.ErrnoException).code === "EPIPE") return;
        throw e;
      }
    }
  }
}
