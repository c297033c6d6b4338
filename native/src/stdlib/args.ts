// Argument checking for natives: the luaL_check* family with PUC-Rio's messages.

import { argError } from "../vm/errors.js";
import type { LuaState } from "../vm/state.js";
import { LuaTable } from "../vm/table.js";
import {
  isNumber,
  LightUserdata,
  LuaFloat,
  LuaUserdata,
  type LuaValue,
  numberToInteger,
  numberToString,
  stringToNumber,
  typeName,
} from "../vm/value.js";

/** The type name used in messages: __name of the metatable when it is a string. */
export function typeNameForMessage(v: LuaValue): string {
  const mt = v instanceof LuaTable || v instanceof LuaUserdata ? v.metatable : undefined;
  const name = mt?.getStr("__name");
  if (typeof name === "string") return name;
  if (v instanceof LightUserdata) return "light userdata";
  return typeName(v);
}

/** Throws "bad argument #i to 'f' (T expected, got U)". */
export function typeError(args: LuaValue[], i: number, expected: string): never {
  const got = i > args.length ? "no value" : typeNameForMessage(args[i - 1]);
  return argError(i, `${expected} expected, got ${got}`);
}

/** Any value must be present (luaL_checkany). */
export function checkAny(args: LuaValue[], i: number): LuaValue {
  if (i > args.length) argError(i, "value expected");
  return args[i - 1];
}

/** An integer argument (floats with an exact integer value and numeric strings accepted). */
export function checkInteger(args: LuaValue[], i: number): number | bigint {
  const v = args[i - 1];
  if (typeof v === "number" && Number.isInteger(v)) return v;
  let n: LuaValue = v;
  if (typeof v === "string") n = stringToNumber(v);
  const r = numberToInteger(n);
  if (r !== undefined) return r;
  if (typeof n === "number" || n instanceof LuaFloat) argError(i, "number has no integer representation");
  return typeError(args, i, "number");
}

/** An optional integer argument with a default. */
export function optInteger(args: LuaValue[], i: number, def: number | bigint): number | bigint {
  return args[i - 1] === undefined ? def : checkInteger(args, i);
}

/**
 * An integer argument clamped to a JS safe integer (for sizes and positions: values
 * beyond 2^53 are out of any real range anyway).
 */
export function checkInt(args: LuaValue[], i: number): number {
  const v = checkInteger(args, i);
  if (typeof v === "number") return v;
  return v > 0n ? Number.MAX_SAFE_INTEGER : Number.MIN_SAFE_INTEGER;
}

/** An optional integer argument clamped to the safe range. */
export function optInt(args: LuaValue[], i: number, def: number): number {
  return args[i - 1] === undefined ? def : checkInt(args, i);
}

/** A number argument (numeric strings accepted); returns the Lua number value. */
export function checkNumber(args: LuaValue[], i: number): number | bigint | LuaFloat {
  const v = args[i - 1];
  if (typeof v === "number" || typeof v === "bigint" || v instanceof LuaFloat) return v;
  if (typeof v === "string") {
    const n = stringToNumber(v);
    if (n !== undefined) return n;
  }
  return typeError(args, i, "number");
}

/** A number argument as a JS double. */
export function checkDouble(args: LuaValue[], i: number): number {
  const v = checkNumber(args, i);
  return typeof v === "number" ? v : typeof v === "bigint" ? Number(v) : v.n;
}

/** A string argument; numbers are converted as Lua does. */
export function checkString(args: LuaValue[], i: number): string {
  const v = args[i - 1];
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "bigint" || v instanceof LuaFloat) return numberToString(v);
  return typeError(args, i, "string");
}

/** An optional string argument with a default. */
export function optString(args: LuaValue[], i: number, def: string): string {
  return args[i - 1] === undefined ? def : checkString(args, i);
}

/** A table argument. */
export function checkTable(args: LuaValue[], i: number): LuaTable {
  const v = args[i - 1];
  if (v instanceof LuaTable) return v;
  return typeError(args, i, "table");
}

/** An argument of the given Lua type (luaL_checktype). */
export function checkType(args: LuaValue[], i: number, t: string): LuaValue {
  const v = args[i - 1];
  if (typeName(v) !== t) typeError(args, i, t);
  return v;
}

/** One of a fixed list of option strings (luaL_checkoption). */
export function checkOption(args: LuaValue[], i: number, def: string | undefined, options: string[]): string {
  const s = def !== undefined && args[i - 1] === undefined ? def : checkString(args, i);
  if (!options.includes(s)) argError(i, `invalid option '${s}'`);
  return s;
}

/**
 * a < b as Lua's lua_compare does: numbers (integers and floats mixed, compared exactly) and
 * strings (byte-wise) directly, anything else through L.lessThan (__lt, or the "attempt to
 * compare" error).
 */
export function lessThan(L: LuaState, a: LuaValue, b: LuaValue): boolean {
  const ta = typeof a;
  const tb = typeof b;
  if (ta === "number" && tb === "number") return (a as number) < (b as number);
  if (ta === "string" && tb === "string") return (a as string) < (b as string);
  if (isNumber(a) && isNumber(b)) {
    // number and bigint compare by mathematical value in JS; NaN gives false
    const x = a instanceof LuaFloat ? a.n : a;
    const y = b instanceof LuaFloat ? b.n : b;
    return x < y;
  }
  return L.lessThan(a, b);
}
