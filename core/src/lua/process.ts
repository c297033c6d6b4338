// Commands run through the shell, synchronously: os.execute, and io.popen's pipes. A
// command read with popen(cmd, "r") runs to its end at the popen and its output is then read
// from memory; one written with popen(cmd, "w") runs at the close, with what was written as
// its standard input.

import type * as ChildProcess from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { constants } from "node:os";
import { type CloseResult, LuaFile } from "./file.js";
import { osError } from "./oserror.js";
import type { BufferMode, Output } from "./output.js";

const SHELL = "/bin/sh";

/** Whether a shell exists (C's system(NULL)). */
export function shellExists(): boolean {
  return existsSync(SHELL);
}

type Spawned = ReturnType<typeof ChildProcess.spawnSync>;

/** node:child_process, loaded on first use (loading it costs `endymion lua` 5 ms of start-up). */
let childProcess: typeof ChildProcess | undefined;
const load = createRequire(import.meta.url);
function spawnSync(command: string, args: string[], options: ChildProcess.SpawnSyncOptions): Spawned {
  childProcess ??= load("node:child_process") as typeof ChildProcess;
  return childProcess.spawnSync(command, args, options);
}

/**
 * luaL_execresult: true or nil, then "exit" and the status, or "signal" and the signal's
 * number; a command that could not start gives nil, the strerror text and errno.
 */
export function execResult(r: Spawned): CloseResult {
  if (r.error) {
    const { errno, text } = osError(r.error);
    return [undefined, text, errno];
  }
  if (r.signal) return [undefined, "signal", constants.signals[r.signal] ?? 0];
  const code = r.status ?? 0;
  return [code === 0 ? true : undefined, "exit", code];
}

/** Runs a command with the process's own standard streams (os.execute). */
export function execute(cmd: string): CloseResult {
  return execResult(spawnSync(SHELL, ["-c", Buffer.from(cmd, "latin1").toString()], { stdio: "inherit" }));
}

/** What a "w" pipe collects until its command runs. */
class Collector implements Output {
  parts: string[] = [];
  at: number | null = null;
  get pending(): number {
    return 0;
  }
  write(bytes: string): void {
    this.parts.push(bytes);
  }
  flush(): void {}
  setvbuf(_mode: BufferMode, _size: number): void {}
}

/** A file returned by io.popen. */
export class PipeFile extends LuaFile {
  private result: Spawned | undefined;

  private constructor(
    private cmd: string,
    mode: "r" | "w",
  ) {
    super(
      undefined,
      { read: mode === "r", write: mode === "w", append: false },
      false,
      mode === "w" ? new Collector() : undefined,
    );
  }

  /** Starts `cmd` as popen does; for "r" the command runs now, to its end. */
  static open(cmd: string, mode: "r" | "w"): PipeFile {
    const f = new PipeFile(cmd, mode);
    if (mode === "r") {
      f.result = spawnSync(SHELL, ["-c", f.command()], {
        stdio: ["inherit", "pipe", "inherit"],
        maxBuffer: Number.POSITIVE_INFINITY,
      });
      if (f.result.error) throw f.result.error;
      f.rbuf = (f.result.stdout as Buffer).toString("latin1");
    }
    return f;
  }

  private command(): string {
    return Buffer.from(this.cmd, "latin1").toString();
  }

  /** Waits for the command (pclose): a "w" pipe's command runs now, fed what was written. */
  override close(): CloseResult {
    this.closed = true;
    if (this.out instanceof Collector) {
      const input = Buffer.from(this.out.parts.join(""), "latin1");
      this.out.parts = [];
      this.result = spawnSync(SHELL, ["-c", this.command()], {
        input,
        stdio: ["pipe", "inherit", "inherit"],
        maxBuffer: Number.POSITIVE_INFINITY,
      });
    }
    return execResult(this.result as Spawned);
  }
}
