// Loading text chunks: parse, compile, and close the main function over _ENV.

import { compileChunk } from "./compiler/compiler.js";
import { parse } from "./parser/parser.js";
import { Closure, type Proto, UpVal } from "./vm/function.js";
import type { LuaState } from "./vm/state.js";
import type { LuaValue } from "./vm/value.js";

/** Compiles source text (a byte string) into a main prototype; throws LuaSyntaxError. */
export function compile(source: string, chunkName: string, skipComment = false): Proto {
  const ast = parse(source, chunkName, { skipComment });
  const p = compileChunk(ast);
  const all: Proto[] = [];
  const walk = (q: Proto) => {
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
export function loadChunk(_L: LuaState, source: string, chunkName: string, env: LuaValue, skipComment = false): Closure {
  const p = compile(source, chunkName, skipComment);
  return mainClosure(p, env);
}
