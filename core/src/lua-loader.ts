// Loads `endymion lua` from the one-file bundle the build makes (lua-bundle.cjs) with the
// V8 code cache the build writes beside it (lua-bundle.cache), so that start-up neither
// resolves the engine's modules one by one nor compiles their code again. A cache made by
// another Node version or with other V8 flags is rejected by V8 and the bundle is compiled
// from source; without a bundle (a tsc-only build) the caller loads the modules instead.

import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { Script } from "node:vm";

export type LuaCommand = { runLuaCommand: (argv: string[]) => number };

export interface LoadedBundle {
  command: LuaCommand;
  /** "accepted", "rejected" (made by another Node or other flags) or "absent". */
  cache: "accepted" | "rejected" | "absent";
  /** Writes V8's code cache of the bundle, with what has been compiled so far, to file. */
  writeCache(file: string): void;
}

export function loadLuaBundle(): LoadedBundle | undefined {
  const file = fileURLToPath(new URL("./lua-bundle.cjs", import.meta.url));
  let source: string;
  try {
    source = readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(fileURLToPath(new URL("./lua-bundle.cache", import.meta.url)));
  } catch {
    cachedData = undefined;
  }
  // the function Node wraps a CommonJS module in
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: file,
    cachedData,
  });
  const module = { exports: {} as LuaCommand };
  script.runInThisContext()(
    module.exports,
    createRequire(file),
    module,
    file,
    fileURLToPath(new URL(".", import.meta.url)),
  );
  return {
    command: module.exports,
    cache: cachedData === undefined ? "absent" : script.cachedDataRejected ? "rejected" : "accepted",
    writeCache: (to) => writeFileSync(to, script.createCachedData()),
  };
}
