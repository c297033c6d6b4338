// The string library: the `string` table and the metatable every string shares.
//
// Strings are byte strings (one JS char per byte), so lengths, positions and
// string.byte/char are exact. Pattern matching lives in patterns.ts, string.format in
// format.ts and string.pack/unpack in pack.ts; this file holds the simple functions.

import { Op } from "../compiler/opcodes.js";
import { dumpProto } from "../loader.js";
import { argError, LuaError, NativeError, nativeError } from "../vm/errors.js";
import { Closure } from "../vm/function.js";
import { account } from "../vm/heap.js";
import { arithRaw, getMetamethod, stringArithMessage, VMError } from "../vm/meta.js";
import type { LuaState } from "../vm/state.js";
import type { LuaTable } from "../vm/table.js";
import { type LuaValue, truthy } from "../vm/value.js";
import { checkInt, checkInteger, checkString, checkType, optString } from "./args.js";
import { strFormat } from "./format.js";
import { makeLib } from "./lib.js";
import { strPack, strPacksize, strUnpack } from "./pack.js";
import { makeGmatchIterator, startPosition, strFind, strGmatch, strGsub, strMatch } from "./patterns.js";

/** Longest string string.rep builds (lstrlib's MAXSIZE for a 32-bit int). */
const MAXSIZE = 0x7fffffff;
/** Most values string.byte returns at once (the stack limit of PUC-Rio). */
const MAXRESULTS = 999000;

/** An integer argument as a position: exact for safe integers, clamped beyond. */
function posArg(args: LuaValue[], i: number, def: number): number {
  const v = args[i - 1];
  if (typeof v === "number" && Number.isInteger(v)) return v;
  if (v === undefined) return def;
  return checkInt(args, i);
}

/** An end position relative to a string of length len (getendpos): 0..len. */
function endPosition(pos: number, len: number): number {
  if (pos > len) return len;
  if (pos >= 0) return pos;
  if (pos < -len) return 0;
  return len + pos + 1;
}

function strLen(_L: LuaState, args: LuaValue[]): LuaValue[] {
  return [checkString(args, 1).length];
}

function strSub(_L: LuaState, args: LuaValue[]): LuaValue[] {
  const s = checkString(args, 1);
  const l = s.length;
  const i = args[1];
  let start = typeof i === "number" && Number.isInteger(i) ? i : checkInt(args, 2);
  start = start > 0 ? start : start === 0 || start < -l ? 1 : l + start + 1;
  const end = endPosition(posArg(args, 3, -1), l);
  if (start <= end) return [start === 1 && end === l ? s : s.slice(start - 1, end)];
  return [""];
}

function strByte(_L: LuaState, args: LuaValue[]): LuaValue[] {
  const s = checkString(args, 1);
  const l = s.length;
  const pi = posArg(args, 2, 1);
  const pose = endPosition(posArg(args, 3, pi), l);
  const posi = startPosition(pi, l);
  if (posi > pose) return [];
  const n = pose - posi + 1;
  if (n === 1) return [s.charCodeAt(posi - 1)];
  if (n >= MAXRESULTS) nativeError("stack overflow (string slice too long)");
  const out: LuaValue[] = new Array(n);
  for (let k = 0; k < n; k++) out[k] = s.charCodeAt(posi - 1 + k);
  return out;
}

/** A byte string from char codes, in chunks small enough for fromCharCode's argument list. */
function fromBytes(codes: number[]): string {
  if (codes.length <= 8192) return String.fromCharCode.apply(null, codes);
  const parts: string[] = [];
  for (let i = 0; i < codes.length; i += 8192) parts.push(String.fromCharCode.apply(null, codes.slice(i, i + 8192)));
  return parts.join("");
}

function strChar(_L: LuaState, args: LuaValue[]): LuaValue[] {
  const n = args.length;
  const codes: number[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const v = args[i];
    const c = typeof v === "number" && Number.isInteger(v) ? v : checkInteger(args, i + 1);
    if (!(c >= 0 && c <= 255)) argError(i + 1, "value out of range");
    codes[i] = Number(c);
  }
  if (n === 1) return [String.fromCharCode(codes[0])];
  return [fromBytes(codes)];
}

function strRep(_L: LuaState, args: LuaValue[]): LuaValue[] {
  const s = checkString(args, 1);
  const nv = checkInteger(args, 2);
  const sep = optString(args, 3, "");
  if (nv <= 0) return [""];
  const l = s.length;
  const lsep = sep.length;
  // clamp to a safe number: anything that large is too large anyway
  const n = typeof nv === "number" ? nv : Number.MAX_SAFE_INTEGER;
  if (l + lsep > Math.floor(MAXSIZE / n)) nativeError("resulting string too large");
  if (l + lsep === 0) return [""];
  try {
    account(l * n + lsep * (n - 1));
    if (lsep === 0) return [s.repeat(n)];
    return [(s + sep).repeat(n - 1) + s];
  } catch (e) {
    if (e instanceof RangeError) throw new NativeError("not enough memory", 0, true);
    throw e;
  }
}

function strReverse(_L: LuaState, args: LuaValue[]): LuaValue[] {
  const s = checkString(args, 1);
  if (s.length <= 1) return [s];
  return [s.split("").reverse().join("")];
}

const NON_ASCII = /[\x80-\xff]/;

/** Maps the ASCII letters of s between cases (C locale: other bytes are unchanged). */
function mapCase(s: string, lo: number, hi: number, delta: number): string {
  const codes: number[] = new Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    codes[i] = c >= lo && c <= hi ? c + delta : c;
  }
  return fromBytes(codes);
}

function strLower(_L: LuaState, args: LuaValue[]): LuaValue[] {
  const s = checkString(args, 1);
  return [NON_ASCII.test(s) ? mapCase(s, 65, 90, 32) : s.toLowerCase()];
}

function strUpper(_L: LuaState, args: LuaValue[]): LuaValue[] {
  const s = checkString(args, 1);
  return [NON_ASCII.test(s) ? mapCase(s, 97, 122, -32) : s.toUpperCase()];
}

function strDump(_L: LuaState, args: LuaValue[]): LuaValue[] {
  checkType(args, 1, "function");
  const f = args[0];
  const bin = f instanceof Closure ? dumpProto(f.proto, truthy(args[1])) : undefined;
  return bin === undefined ? nativeError("unable to dump given function") : [bin];
}

/**
 * Opens the string library: the `string` global and the string metatable
 * {__index = string} that makes ("x"):rep(3) work.
 */
export function openString(L: LuaState): LuaTable {
  const lib = makeLib(L, "string", {
    byte: strByte,
    char: strChar,
    dump: strDump,
    find: strFind,
    format: strFormat,
    gmatch: strGmatch,
    gsub: strGsub,
    len: strLen,
    lower: strLower,
    match: strMatch,
    pack: strPack,
    packsize: strPacksize,
    rep: strRep,
    reverse: strReverse,
    sub: strSub,
    unpack: strUnpack,
    upper: strUpper,
  });
  L.globals.set("string", lib);
  // the prototype of gmatch's iterators, registered so the state format knows its name
  L.registerNative(makeGmatchIterator([])).make = makeGmatchIterator;
  // the metatable of strings: __index, and the arithmetic metamethods of lstrlib (the VM
  // coerces strings itself, so these serve code that fetches and calls them)
  const meta = makeLib(L, "string", {
    __add: stringArith(Op.Add, "__add"),
    __sub: stringArith(Op.Sub, "__sub"),
    __mul: stringArith(Op.Mul, "__mul"),
    __mod: stringArith(Op.Mod, "__mod"),
    __pow: stringArith(Op.Pow, "__pow"),
    __div: stringArith(Op.Div, "__div"),
    __idiv: stringArith(Op.IDiv, "__idiv"),
    __unm: stringArith(Op.Unm, "__unm"),
  });
  meta.set("__index", lib);
  L.stringMeta = meta;
  return lib;
}

/**
 * A string metamethod for arithmetic operator op: both operands converted to numbers, else
 * the other operand's own metamethod, else "attempt to add a 'string' with a 'table'".
 */
function stringArith(op: number, ev: string) {
  return (L: LuaState, args: LuaValue[]): LuaValue[] => {
    const a = args[0];
    const b = op === Op.Unm && args.length < 2 ? a : args[1];
    let r: LuaValue;
    try {
      r = arithRaw(op, a, b);
    } catch (e) {
      // division by zero and the like: raised by the operation, without a position
      if (e instanceof VMError) throw new LuaError(e.message);
      throw e;
    }
    if (r !== undefined) return [r];
    if (typeof b !== "string") {
      const mm = getMetamethod(L, b, ev);
      if (mm !== undefined) return [L.call(mm, [a, b])[0]];
    }
    return nativeError(stringArithMessage(ev, a, b));
  };
}
