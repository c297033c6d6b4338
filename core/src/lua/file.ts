// A Lua file handle's stream, as C's FILE is one: a read buffer filled from a descriptor on
// demand, an Output buffering the writes, and a position kept here (Node has no lseek, so
// seekable files are read and written at explicit offsets). Operations throw Node-style
// errors carrying an errno `code`; the io library turns them into nil, message, errno.

import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { type BufferMode, ByteOutput, type Output } from "./output.js";

/** An error as Node's fs raises it, for conditions found here rather than by the kernel. */
export function errnoError(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(code), { code });
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));

/** readSync that waits out EAGAIN (a non-blocking descriptor shared with a terminal) and maps EOF. */
function readFd(fd: number, buf: Buffer, position: number | null): number {
  for (;;) {
    try {
      return readSync(fd, buf, 0, buf.length, position);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "EAGAIN") Atomics.wait(sleeper, 0, 0, 10);
      else if (code === "EOF") return 0;
      else throw e;
    }
  }
}

/** What a stream may do, from its open mode. */
export interface Access {
  read: boolean;
  write: boolean;
  /** Writes go to the end whatever the position (modes a and a+). */
  append: boolean;
}

/** What closing a file gives back to Lua: true, or the values of a failure. */
export type CloseResult = (string | number | boolean | undefined)[];

export class LuaFile {
  closed = false;
  /** The logical position: where the next byte is read or written (seekable files). */
  protected pos = 0;
  /** Bytes read ahead and the index of the next one to hand out. */
  protected rbuf = "";
  protected rofs = 0;
  /** Whether an append-mode write happened since the position was last taken from the size. */
  private appended = false;
  /** Runs before the descriptor is read (standard input flushes standard output there). */
  beforeRead?: () => void;

  /**
   * A stream over `fd`; `seekable` files are read and written at explicit offsets, others
   * (pipes, terminals, standard streams) at the descriptor's own position.
   */
  constructor(
    readonly fd: number | undefined,
    readonly access: Access,
    readonly seekable: boolean,
    readonly out: Output | undefined,
  ) {}

  /** Opens a file by name with a mode already checked ("r", "w+", "ab", ...). */
  static open(name: string, mode: string): LuaFile {
    const plus = mode.includes("+");
    const kind = mode[0];
    const fd = openSync(Buffer.from(name, "latin1"), `${kind}${plus ? "+" : ""}`, 0o666);
    const access = { read: kind === "r" || plus, write: kind !== "r" || plus, append: kind === "a" };
    let seekable = false;
    let size = 0;
    try {
      const st = fstatSync(fd);
      seekable = st.isFile() || st.isBlockDevice();
      size = st.size;
    } catch {
      /* not seekable */
    }
    const out = access.write ? new ByteOutput(fd, "full", 4096) : undefined;
    const f = new LuaFile(fd, access, seekable, out);
    // glibc starts a write-only append stream at the end, an "a+" one at the start
    if (kind === "a" && !plus) f.pos = size;
    return f;
  }

  // --- reading ------------------------------------------------------------------------

  /** Reads more bytes when the buffer is used up; false at end of file. */
  protected fill(): boolean {
    if (this.rofs < this.rbuf.length) return true;
    if (!this.access.read || this.fd === undefined) {
      if (!this.access.read) throw errnoError("EBADF");
      return false;
    }
    this.syncWrites();
    this.beforeRead?.();
    const buf = Buffer.allocUnsafe(65536);
    const n = readFd(this.fd, buf, this.seekable ? this.pos : null);
    this.rbuf = buf.toString("latin1", 0, n);
    this.rofs = 0;
    return n > 0;
  }

  /** The next byte's code, -1 at end of file (C's getc). */
  getc(): number {
    if (!this.fill()) return -1;
    this.pos++;
    return this.rbuf.charCodeAt(this.rofs++);
  }

  /** Gives back the byte getc just returned (C's ungetc of it). */
  ungetc(c: number): void {
    if (c < 0) return;
    this.rofs--;
    this.pos--;
  }

  /** Whether a byte is left to read, without taking it. */
  atEof(): boolean {
    return !this.fill();
  }

  /** Bytes up to n from the buffer. */
  private take(n: number): string {
    const s = this.rbuf.slice(this.rofs, this.rofs + n);
    this.rofs += s.length;
    this.pos += s.length;
    return s;
  }

  /** A line without (or with) its newline; undefined when nothing is left. */
  readLine(keepNewline: boolean): string | undefined {
    const parts: string[] = [];
    let newline = false;
    while (this.fill()) {
      const nl = this.rbuf.indexOf("\n", this.rofs);
      if (nl >= 0) {
        parts.push(this.take(nl - this.rofs));
        this.take(1);
        newline = true;
        break;
      }
      parts.push(this.take(this.rbuf.length - this.rofs));
    }
    const line = parts.join("");
    if (!newline && line.length === 0) return undefined;
    return newline && keepNewline ? `${line}\n` : line;
  }

  /** Up to n bytes; undefined when nothing is left. */
  readChars(n: number): string | undefined {
    const parts: string[] = [];
    let got = 0;
    while (got < n && this.fill()) {
      const s = this.take(n - got);
      parts.push(s);
      got += s.length;
    }
    return got > 0 ? parts.join("") : undefined;
  }

  /** Everything left (possibly ""). */
  readAll(): string {
    const parts: string[] = [];
    while (this.fill()) parts.push(this.take(this.rbuf.length - this.rofs));
    return parts.join("");
  }

  // --- writing ------------------------------------------------------------------------

  /** Queues bytes at the position (or at the end, in append mode). */
  write(s: string): void {
    const out = this.out;
    if (!out || !this.access.write) throw errnoError("EBADF");
    if (this.rofs < this.rbuf.length) {
      // switching from reading to writing: the read-ahead is dropped, the position stays
      this.rbuf = "";
      this.rofs = 0;
    }
    if (this.seekable && out.pending === 0) out.at = this.access.append ? null : this.pos;
    out.write(s);
    if (this.access.append) this.appended = true;
    else this.pos += s.length;
  }

  /** Writes what is queued; an append-mode file's position is then its size. */
  private syncWrites(): void {
    if (this.out && this.out.pending > 0) this.out.flush();
    if (this.appended && this.fd !== undefined) {
      this.appended = false;
      this.pos = fstatSync(this.fd).size;
    }
  }

  flush(): void {
    this.syncWrites();
  }

  setvbuf(mode: BufferMode, size: number): void {
    this.out?.setvbuf(mode, size);
  }

  /** Moves the position (fseek) and returns it (ftell). */
  seek(whence: string, offset: number): number {
    if (!this.seekable || this.fd === undefined) throw errnoError("ESPIPE");
    this.syncWrites();
    const base = whence === "set" ? 0 : whence === "cur" ? this.pos : fstatSync(this.fd).size;
    const to = base + offset;
    if (to < 0 || !Number.isSafeInteger(to)) throw errnoError("EINVAL");
    this.rbuf = "";
    this.rofs = 0;
    this.pos = to;
    return to;
  }

  /** Flushes and closes the descriptor (fclose). */
  close(): CloseResult {
    this.closed = true;
    try {
      this.syncWrites();
    } finally {
      if (this.fd !== undefined) closeSync(this.fd);
    }
    return [true];
  }
}

/** A standard stream: never closed, read and written at the descriptor's own position. */
export class StdFile extends LuaFile {
  constructor(fd: number, access: Access, out: Output | undefined) {
    super(fd, access, false, out);
  }

  override close(): CloseResult {
    return [undefined, "cannot close standard file"];
  }
}
