// Loading chunks: parse, compile, and close the main function over _ENV; string.dump's
// binary chunks and loading them back.

import { compileChunk } from "./compiler/compiler.js";
import { parse } from "./parser/parser.js";
import { LuaSyntaxError } from "./vm/errors.js";
import { type ChunkInfo, Closure, type Proto, UpVal } from "./vm/function.js";
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
  if (source.charCodeAt(0) === 0x1b) return undump(source, chunkName, env);
  const p = compile(source, chunkName, skipComment);
  return mainClosure(p, env);
}

/*
 * Binary chunks. There is no bytecode format to dump: a binary chunk carries the text of the
 * function's chunk and the function's place in it, and loading one compiles that text again
 * (as the state format does with loaded chunks). It starts with PUC-Rio's header (signature,
 * version, format, LUAC_DATA, sizes, LUAC_INT and LUAC_NUM), then DUMP_MARK, a flags byte
 * (1 = stripped), decimal numbers each ended by ';' (the prototype's index, the length of the
 * chunk name, the length of the source), the name and the source.
 * A stripped function has no debug information: no line numbers (line -1 in messages), no
 * local or upvalue names, and "?" as its source.
 */
const PUC_HEADER =
  "\x1bLua\x54\x00\x19\x93\r\n\x1a\n\x04\x08\x08" + // signature, 5.4, format 0, LUAC_DATA, sizes
  "\x78\x56\x00\x00\x00\x00\x00\x00" + // LUAC_INT 0x5678, little-endian
  "\x00\x00\x00\x00\x00\x28\x77\x40"; // LUAC_NUM 370.5
const DUMP_MARK = "\xe5Endymion\n";
const DUMP_HEADER = PUC_HEADER + DUMP_MARK;

/** string.dump: the binary chunk of a Lua function's prototype; undefined when it has no chunk. */
export function dumpProto(p: Proto, strip: boolean): string | undefined {
  const info = p.chunk;
  if (info === undefined) return undefined;
  // a stripped chunk keeps no chunk name (it loads as "=?")
  const name = strip ? "" : info.name;
  return `${DUMP_HEADER}${strip ? "\x01" : "\x00"}${p.index};${name.length};${info.source.length};${name}${info.source}`;
}

/** Loads a binary chunk made by dumpProto: its first upvalue is env, the others are fresh. */
function undump(bin: string, chunkName: string, env: LuaValue): Closure {
  const where = chunkName.charCodeAt(0) === 0x1b ? "binary string" : chunkDisplayName(chunkName);
  const bad = (why: string): never => {
    throw new LuaSyntaxError(`${where}: bad binary format (${why})`);
  };
  if (!bin.startsWith(DUMP_HEADER)) {
    const n = Math.min(bin.length, DUMP_HEADER.length);
    if (bin.slice(0, n) !== DUMP_HEADER.slice(0, n)) {
      if (bin.startsWith(PUC_HEADER)) bad("precompiled by luac: only chunks from Endymion's string.dump load");
      bad("not a Lua 5.4 chunk from Endymion");
    }
    bad("truncated chunk");
  }
  let at = DUMP_HEADER.length;
  const flags = bin.charCodeAt(at++);
  const num = (): number => {
    const end = bin.indexOf(";", at);
    const text = end < 0 ? "" : bin.slice(at, end);
    if (!/^[0-9]{1,15}$/.test(text)) bad(end < 0 ? "truncated chunk" : "malformed header");
    at = end + 1;
    return Number(text);
  };
  const index = num();
  const nameLen = num();
  const sourceLen = num();
  if (flags > 1 || Number.isNaN(flags)) bad("malformed header");
  if (bin.length !== at + nameLen + sourceLen)
    bad(bin.length < at + nameLen + sourceLen ? "truncated chunk" : "extra bytes");
  const strip = flags === 1;
  const name = strip ? "=?" : bin.slice(at, at + nameLen);
  const source = bin.slice(at + nameLen);
  const main = compile(source, name, source.charCodeAt(0) === 0x23);
  const all = (main.chunk as ChunkInfo).protos;
  const p = all[index] ?? bad("function index out of range");
  if (strip) for (const q of all) stripProto(q);
  const ups: UpVal[] = [];
  for (let i = 0; i < p.upvals.length; i++) ups.push(new UpVal(undefined, 0));
  if (ups.length > 0) ups[0].value = env;
  return new Closure(p, ups);
}

/** Drops a prototype's debug information (string.dump with strip). */
function stripProto(p: Proto): void {
  p.lineInfo = new Int32Array(0);
  p.locVars = [];
  for (const u of p.upvals) u.name = "";
  p.source = "?";
}
