#!/usr/bin/env node
// Run a Lua script under fengari (a Lua 5.3 VM written in JavaScript), the way the
// `lua` binary does: `node bench/runners/fengari.cjs script.lua [args...]`.
// The script sees arg[0] = script path, arg[1..] = args. Output goes to stdout.
"use strict";

const { lua, lauxlib, lualib, to_luastring } = require("fengari");

const [script, ...args] = process.argv.slice(2);
if (!script) {
  process.stderr.write("usage: fengari.cjs script.lua [args...]\n");
  process.exit(2);
}

const L = lauxlib.luaL_newstate();
lualib.luaL_openlibs(L);

// arg = { [0] = script, args... }
lua.lua_createtable(L, args.length, 1);
[script, ...args].forEach((value, i) => {
  lua.lua_pushstring(L, to_luastring(value));
  lua.lua_rawseti(L, -2, i);
});
lua.lua_setglobal(L, to_luastring("arg"));

// message handler: append a traceback to runtime errors
lua.lua_pushcfunction(L, (Ls) => {
  const msg = lua.lua_tostring(Ls, 1);
  lauxlib.luaL_traceback(Ls, Ls, msg, 1);
  return 1;
});
const handler = lua.lua_gettop(L);

let status = lauxlib.luaL_loadfile(L, to_luastring(script));
if (status === lua.LUA_OK) status = lua.lua_pcall(L, 0, 0, handler);
if (status !== lua.LUA_OK) {
  process.stderr.write(`fengari: ${lua.lua_tojsstring(L, -1)}\n`);
  process.exit(1);
}
