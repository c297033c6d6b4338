#!/usr/bin/env node
// The `endymion` command. `endymion lua <file>` loads only the interpreter: the one-file
// bundle the build makes of it and the engine (lua-bundle.js), or the modules when there is
// no bundle. Every other command loads the full CLI (main.ts).

const argv = process.argv;
if (argv[2] === "lua" && argv.length > 3 && argv[3] !== "--help" && argv[3] !== "--endymion-help") {
  type LuaCommand = { runLuaCommand: (argv: string[]) => number };
  const bundle = "./lua-bundle.js";
  let mod: LuaCommand;
  try {
    mod = (await import(bundle)) as LuaCommand;
  } catch {
    mod = await import("./lua/command.js");
  }
  process.exit(mod.runLuaCommand(argv.slice(3)));
} else {
  await import("./main.js");
}
