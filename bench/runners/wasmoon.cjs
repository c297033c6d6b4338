#!/usr/bin/env node
// Run a Lua script under wasmoon (PUC-Rio Lua 5.4 compiled to WebAssembly), the way
// the `lua` binary does: `node bench/runners/wasmoon.cjs script.lua [args...]`.
// The script sees arg[0] = script path, arg[1..] = args. Output goes to stdout.
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const { LuaFactory } = require("wasmoon");

async function run(script, args) {
  const factory = new LuaFactory();
  const engine = await factory.createEngine();
  try {
    // Build the global `arg` table from inside Lua so it is a plain Lua table.
    const makeArg = engine.doStringSync(
      "return function(script, ...)\n" +
        "  local t = table.pack(...)\n" +
        "  t.n = nil\n" +
        "  t[0] = script\n" +
        "  arg = t\n" +
        "end",
    );
    makeArg(script, ...args);
    // The wasm module has its own file system: copy the script into it at the same path.
    const full = path.resolve(script);
    await factory.mountFile(full, fs.readFileSync(full));
    await engine.doFile(full);
  } finally {
    engine.global.close();
  }
}

const [script, ...args] = process.argv.slice(2);
if (!script) {
  process.stderr.write("usage: wasmoon.cjs script.lua [args...]\n");
  process.exit(2);
}
run(script, args).then(
  () => process.exit(0),
  (e) => {
    process.stderr.write(`wasmoon: ${e?.stack ?? e}\n`);
    process.exit(1);
  },
);
