#!/usr/bin/env node
// The `endymion` command. `endymion lua <file>` loads only the interpreter: the one-file
// bundle the build makes of it and the engine, with its code cache (lua-loader.ts), or the
// modules when there is no bundle. Every other command loads the full CLI (main.ts).

import { type LuaCommand, loadLuaBundle } from "./lua-loader.js";

const argv = process.argv;
if (argv[2] === "lua" && argv.length > 3 && argv[3] !== "--help" && argv[3] !== "--endymion-help") {
  const bundle = loadLuaBundle();
  const command: LuaCommand = bundle?.command ?? (await import("./lua/command.js"));
  const status = command.runLuaCommand(argv.slice(3));
  // the build's bundle step runs a warm-up script with this set to write the code cache
  const cacheFile = process.env.ENDYMION_WRITE_CODE_CACHE;
  if (cacheFile && bundle) bundle.writeCache(cacheFile);
  process.exit(status);
} else {
  await import("./main.js");
}
