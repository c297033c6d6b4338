#!/usr/bin/env node
// The `endymion` command. `endymion lua` loads only the engine and the interpreter command,
// so that running a Lua file starts fast; every other command loads the full CLI (main.ts).

const argv = process.argv;
if (argv[2] === "lua" && argv.length > 3 && argv[3] !== "--endymion-help") {
  const { runLuaCommand } = await import("./lua/command.js");
  process.exit(runLuaCommand(argv[3], argv.slice(4)));
} else {
  await import("./main.js");
}
