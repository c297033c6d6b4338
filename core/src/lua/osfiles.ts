// The os functions that touch files and processes, which only `endymion lua` has: remove,
// rename, tmpname and execute (loslib.c's), beside the engine's sandboxed os library.

import { closeSync, openSync, renameSync, rmdirSync, unlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { args as A, type LuaState, type LuaTable, type LuaValue, makeLib, nativeError } from "@endymion/native";
import { errnoError } from "./file.js";
import { osError } from "./oserror.js";
import { execute, shellExists } from "./process.js";

const NAME_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** Creates an empty file "lua_XXXXXX" in the temporary folder, as mkstemp does; returns its name. */
export function createTempFile(): string {
  for (let tries = 0; tries < 100; tries++) {
    // (exclusive creation makes the name safe; the letters need not be unpredictable, and
    // node:crypto would cost start-up time)
    let suffix = "";
    for (let i = 0; i < 6; i++) suffix += NAME_CHARS[Math.floor(Math.random() * NAME_CHARS.length)];
    const name = join(tmpdir(), `lua_${suffix}`);
    try {
      closeSync(openSync(name, "wx", 0o600));
      return name;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    }
  }
  throw errnoError("EEXIST");
}

/** A Lua byte string as a path (the bytes unchanged). */
const pathOf = (name: string) => Buffer.from(name, "latin1");

/** nil, the message (after "name: " when a name is given) and errno of a failed call. */
function failure(e: unknown, name?: string): LuaValue[] {
  if (typeof (e as NodeJS.ErrnoException).code !== "string") throw e;
  const { errno, text } = osError(e);
  return [undefined, name === undefined ? text : `${name}: ${text}`, errno];
}

/** Adds os.remove, os.rename, os.tmpname and os.execute; `flush` runs before a command. */
export function openOsFiles(L: LuaState, os: LuaTable, flush: () => void): void {
  const lib = makeLib(L, "os", {
    execute: (_L, args) => {
      if (args[0] === undefined) return [shellExists()];
      const cmd = A.checkString(args, 1);
      flush();
      return execute(cmd);
    },
    remove: (_L, args) => {
      const name = A.checkString(args, 1);
      try {
        unlinkSync(pathOf(name));
      } catch (e) {
        // C's remove() takes an empty folder away too
        if ((e as NodeJS.ErrnoException).code !== "EISDIR") return failure(e, name);
        try {
          rmdirSync(pathOf(name));
        } catch (e2) {
          return failure(e2, name);
        }
      }
      return [true];
    },
    rename: (_L, args) => {
      const from = A.checkString(args, 1);
      const to = A.checkString(args, 2);
      try {
        renameSync(pathOf(from), pathOf(to));
      } catch (e) {
        return failure(e);
      }
      return [true];
    },
    tmpname: () => {
      try {
        return [Buffer.from(createTempFile(), "utf8").toString("latin1")];
      } catch {
        return nativeError("unable to generate a unique filename");
      }
    },
  });
  for (let k = lib.next(undefined); k; k = lib.next(k[0])) os.set(k[0], k[1]);
}
