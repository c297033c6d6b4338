// Where `run --dehydrate-after` writes states and where `resume` reads them: a file
// (written atomically: a temporary file beside it, then rename), a directory (a new named
// file inside, whose path is printed), or "-" (standard output / standard input, raw bytes).

import { randomBytes } from "node:crypto";
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** Reads a state from a file or from standard input ("-"). */
export function readState(source: string): Buffer {
  if (source === "-") {
    try {
      return readFileSync(0);
    } catch (e) {
      throw new UsageError(`cannot read the state from standard input: ${(e as Error).message}`);
    }
  }
  let st: ReturnType<typeof statSync>;
  try {
    st = statSync(source);
  } catch {
    throw new UsageError(`state file not found: ${source}`);
  }
  if (st.isDirectory()) throw new UsageError(`--state ${source} is a directory: give the state file to resume`);
  return readFileSync(source);
}

/** Writes bytes to path atomically. */
export function writeFileAtomic(path: string, bytes: Uint8Array): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  const fd = openSync(tmp, "w", 0o600);
  try {
    writeSync(fd, bytes);
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    unlinkSync(tmp);
    throw e;
  }
  closeSync(fd);
  try {
    renameSync(tmp, path);
  } catch (e) {
    unlinkSync(tmp);
    throw e;
  }
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Writes a state to its destination; returns where it went (a path, or "-"). A directory
 * gets a new file named after the handler and the time.
 */
export function writeState(dest: string, bytes: Uint8Array, handler: string): string {
  if (dest === "-") {
    process.stdout.write(bytes);
    return "-";
  }
  let path = dest;
  if (isDirectory(dest)) {
    const stamp = new Date().toISOString().replace(/[:.]/g, "-");
    path = join(dest, `${handler}-${stamp}-${randomBytes(3).toString("hex")}.state`);
  } else if (!isDirectory(dirname(dest))) {
    throw new UsageError(`cannot write the state to ${dest}: folder ${dirname(dest)} does not exist`);
  }
  writeFileAtomic(path, bytes);
  return path;
}
