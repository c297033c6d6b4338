// Loading text chunks: parse, compile, and close the main function over _ENV.

import { compileChunk } from "./compiler/compiler.js";
import { parse } from "./parser/parser.js";
import { Closure, type Proto, UpVal } from "./vm/function.js";
import type { LuaState } from "./vm/state.js";
import type { LuaValue } from "./vm/value.js";

/** Most fuel a call charges (see vm/limits.ts). */
const CALL_COST_MAX = 64;

/** The display name of a chunk (luaO_chunkid). */
export function chunkDisplayName(source: string): string {
  if (source.startsWith("=")) return source.slice(1, 60);
  if (source.startsWith("@")) {
    const s = source.slice(1);
    return s.length <= 59 ? s : `...${s.slice(s.length - 56)}`;
  }
  const nl = source.indexOf("\n");
  const max = 45;
  if (nl < 0 && source.length < max) return `[string "${source}"]`;
  let len = nl >= 0 ? nl : source.length;
  if (len > max) len = max;
  return `[string "${source.slice(0, len)}..."]`;
}

/**
 * Compiles source text (a byte string) into a main prototype; throws LuaSyntaxError.
 * chunkName is the raw name ("@file.lua", "=stdin" or the source itself), as load takes it.
 */
export function compile(source: string, chunkName: string, skipComment = false): Proto {
  const ast = parse(source, chunkDisplayName(chunkName), { skipComment });
  const p = compileChunk(ast);
  const all: Proto[] = [];
  const walk = (q: Proto) => {
    q.index = all.length;
    q.cost = Math.min(q.code.length >>> 2, CALL_COST_MAX) || 1;
    all.push(q);
    for (const c of q.protos) walk(c);
  };
  walk(p);
  const info = { name: chunkName, source, protos: all };
  for (const q of all) q.chunk = info;
  return p;
}

/** A closure of a main prototype with _ENV bound to env. */
export function mainClosure(p: Proto, env: LuaValue): Closure {
  const uv = new UpVal(undefined, 0);
  uv.value = env;
  return new Closure(p, [uv]);
}

/** L.load: compile and close over env (default: the globals). */
export function loadChunk(
  _L: LuaState,
  source: string,
  chunkName: string,
  env: LuaValue,
  skipComment = false,
): Closure {
  const p = compile(source, chunkName, skipComment);
  return mainClosure(p, env);
}
