// Metatables, arithmetic and comparison semantics: what the interpreter's fast paths fall
// back to, shared with the natives' services (L.index, L.tostring...).

import { Op } from "../compiler/opcodes.js";
import type { LuaState } from "./state.js";
import { LuaTable } from "./table.js";
import {
  invalidNaN,
  LuaFloat,
  LuaUserdata,
  type LuaValue,
  mkFloat,
  normInt,
  numberToInteger,
  numberToString,
  powF,
  stringToNumber,
  typeName,
} from "./value.js";

/** The metatable of any value (raw). */
export function metatableOf(L: LuaState, v: LuaValue): LuaTable | undefined {
  if (v instanceof LuaTable) return v.metatable;
  if (typeof v === "string") return L.stringMeta;
  if (v instanceof LuaUserdata) return v.metatable;
  if (L.typeMeta.size === 0) return undefined;
  return L.typeMeta.get(typeName(v));
}

/** A metamethod of v, or undefined. */
export function getMetamethod(L: LuaState, v: LuaValue, event: string): LuaValue {
  const mt = metatableOf(L, v);
  return mt === undefined ? undefined : mt.getStr(event);
}

/** Type name for messages, honouring __name. */
export function typeNameMeta(L: LuaState, v: LuaValue): string {
  const mt = metatableOf(L, v);
  if (mt !== undefined && (v instanceof LuaTable || v instanceof LuaUserdata)) {
    const n = mt.getStr("__name");
    if (typeof n === "string") return n;
  }
  return typeName(v);
}

// --- arithmetic --------------------------------------------------------------------

/** Names of arithmetic events by opcode. */
export const ARITH_EVENTS: Record<number, string> = {
  [Op.Add]: "__add",
  [Op.Sub]: "__sub",
  [Op.Mul]: "__mul",
  [Op.Mod]: "__mod",
  [Op.Pow]: "__pow",
  [Op.Div]: "__div",
  [Op.IDiv]: "__idiv",
  [Op.BAnd]: "__band",
  [Op.BOr]: "__bor",
  [Op.BXor]: "__bxor",
  [Op.Shl]: "__shl",
  [Op.Shr]: "__shr",
  [Op.Unm]: "__unm",
  [Op.BNot]: "__bnot",
};

export function isBitwise(op: number): boolean {
  return op === Op.BAnd || op === Op.BOr || op === Op.BXor || op === Op.Shl || op === Op.Shr || op === Op.BNot;
}

type Num = number | bigint | LuaFloat;

const isNum = (v: LuaValue): v is Num => typeof v === "number" || typeof v === "bigint" || v instanceof LuaFloat;
const isInt = (v: Num): v is number | bigint => (typeof v === "number" ? Number.isInteger(v) : typeof v === "bigint");
const dbl = (v: Num): number => (typeof v === "number" ? v : typeof v === "bigint" ? Number(v) : v.n);
const big = (v: number | bigint): bigint => (typeof v === "bigint" ? v : BigInt(v));

/** An error raised by the VM with the current position added later by the caller. */
export class VMError extends Error {}

/** Integer arithmetic with 64-bit wraparound. */
function intArith(op: number, a: number | bigint, b: number | bigint): number | bigint {
  if (typeof a === "number" && typeof b === "number") {
    let r: number;
    switch (op) {
      case Op.Add:
        r = a + b;
        break;
      case Op.Sub:
        r = a - b;
        break;
      case Op.Mul:
        r = a * b + 0;
        break;
      case Op.IDiv: {
        if (b === 0) throw new VMError("attempt to divide by zero");
        let m = a % b;
        if (m !== 0 && m < 0 !== b < 0) m += b;
        r = (a - m) / b + 0;
        break;
      }
      case Op.Mod: {
        if (b === 0) throw new VMError("attempt to perform 'n%0'");
        let m = a % b;
        if (m !== 0 && m < 0 !== b < 0) m += b;
        return m + 0;
      }
      default:
        return intArithBig(op, BigInt(a), BigInt(b));
    }
    if (Number.isSafeInteger(r)) return r;
  }
  return intArithBig(op, big(a), big(b));
}

function intArithBig(op: number, a: bigint, b: bigint): number | bigint {
  switch (op) {
    case Op.Add:
      return normInt(a + b);
    case Op.Sub:
      return normInt(a - b);
    case Op.Mul:
      return normInt(a * b);
    case Op.IDiv: {
      if (b === 0n) throw new VMError("attempt to divide by zero");
      let q = a / b;
      if (q * b !== a && a < 0n !== b < 0n) q -= 1n;
      return normInt(q);
    }
    case Op.Mod: {
      if (b === 0n) throw new VMError("attempt to perform 'n%0'");
      let m = a % b;
      if (m !== 0n && m < 0n !== b < 0n) m += b;
      return normInt(m);
    }
    case Op.BAnd:
      return normInt(a & b);
    case Op.BOr:
      return normInt(a | b);
    case Op.BXor:
      return normInt(a ^ b);
    case Op.Shl:
      return shiftLeft(a, b);
    case Op.Shr:
      return shiftLeft(a, -b);
  }
  throw new Error("bad integer op");
}

/** Logical shift left by n (negative n shifts right), as Lua's luaV_shiftl. */
function shiftLeft(x: bigint, n: bigint): number | bigint {
  if (n <= -64n || n >= 64n) return 0;
  const u = BigInt.asUintN(64, x);
  if (n >= 0n) return normInt(u << n);
  return normInt(u >> -n);
}

/** Float arithmetic (the result boxed when integral). */
export function floatArith(op: number, a: number, b: number): number | LuaFloat {
  switch (op) {
    case Op.Add:
      return mkFloat(a + b);
    case Op.Sub:
      return mkFloat(a - b);
    case Op.Mul:
      return mkFloat(a * b);
    case Op.Div:
      return mkFloat(a / b);
    case Op.Pow:
      return mkFloat(powF(a, b));
    case Op.IDiv:
      return mkFloat(Math.floor(a / b));
    case Op.Mod: {
      let m: number;
      if (b === Number.POSITIVE_INFINITY || b === Number.NEGATIVE_INFINITY) {
        m = Number.isFinite(a) ? a : Number.NaN;
        if (m !== 0 && !Number.isNaN(m) && m < 0 !== b < 0) m += b;
        return mkFloat(m);
      }
      m = invalidNaN(a % b, a, b);
      if (m !== 0 && m < 0 !== b < 0) m += b;
      return mkFloat(m);
    }
  }
  throw new Error("bad float op");
}

/** The integer value of a number for bitwise ops, or an error. */
function toIntForBitwise(v: Num): number | bigint {
  const i = numberToInteger(v);
  if (i === undefined) throw new VMError("number has no integer representation");
  return i;
}

/**
 * Arithmetic on two Lua values without metamethods: undefined when an operand is not a
 * number (strings are coerced for arithmetic but not for bitwise operators).
 */
export function arithRaw(op: number, a: LuaValue, b: LuaValue): LuaValue {
  if (isBitwise(op)) {
    if (!isNum(a) || !isNum(b)) return undefined;
    const x = toIntForBitwise(a);
    const y = toIntForBitwise(b);
    if (typeof x === "number" && typeof y === "number" && x >= 0 && y >= 0 && x <= 0x7fffffff && y <= 0x7fffffff) {
      if (op === Op.BAnd) return x & y;
      if (op === Op.BOr) return x | y;
      if (op === Op.BXor) return x ^ y;
    }
    if (op === Op.BNot) return normInt(~big(x));
    return intArithBig(op, big(x), big(y));
  }
  let x: LuaValue = a;
  let y: LuaValue = b;
  if (typeof x === "string") x = stringToNumber(x);
  if (typeof y === "string") y = stringToNumber(y);
  if (!isNum(x) || !isNum(y)) return undefined;
  if (op === Op.Unm) {
    if (isInt(x)) return typeof x === "number" ? (x === 0 ? 0 : -x) : normInt(-x);
    return mkFloat(-dbl(x));
  }
  if (op !== Op.Div && op !== Op.Pow && isInt(x) && isInt(y)) return intArith(op, x, y);
  return floatArith(op, dbl(x), dbl(y));
}

/**
 * lstrlib's error when an arithmetic operand of a string metamethod is not a number and the
 * other has no metamethod: "attempt to add a 'string' with a 'table'".
 */
export function stringArithMessage(ev: string, a: LuaValue, b: LuaValue): string {
  return `attempt to ${ev.slice(2)} a '${typeName(a)}' with a '${typeName(b)}'`;
}

/** Message for an arithmetic operation that found no number and no metamethod. */
export function arithErrorKind(op: number, a: LuaValue, b: LuaValue): { bad: "a" | "b"; msg: string } {
  if (isBitwise(op)) {
    // a number without integer representation is a different error
    if (isNum(a) && isNum(b)) return { bad: "a", msg: "number has no integer representation" };
    const bad = isNum(a) ? "b" : "a";
    return { bad, msg: "perform bitwise operation on" };
  }
  if (op === Op.Unm) return { bad: "a", msg: "perform arithmetic on" };
  const an = typeof a === "string" ? stringToNumber(a) : a;
  const bad = isNum(an) ? "b" : "a";
  return { bad, msg: "perform arithmetic on" };
}

// --- comparison --------------------------------------------------------------------

/** a < b for numbers or strings; undefined when a metamethod is needed. */
export function lessThanRaw(a: LuaValue, b: LuaValue): boolean | undefined {
  if (typeof a === "number" && typeof b === "number") return a < b;
  if (typeof a === "string" && typeof b === "string") return a < b;
  if (isNum(a) && isNum(b)) return numLess(a, b, false);
  return undefined;
}

/** a <= b for numbers or strings; undefined when a metamethod is needed. */
export function lessEqualRaw(a: LuaValue, b: LuaValue): boolean | undefined {
  if (typeof a === "number" && typeof b === "number") return a <= b;
  if (typeof a === "string" && typeof b === "string") return a <= b;
  if (isNum(a) && isNum(b)) return numLess(a, b, true);
  return undefined;
}

function numLess(a: Num, b: Num, orEqual: boolean): boolean {
  const x = a instanceof LuaFloat ? a.n : a;
  const y = b instanceof LuaFloat ? b.n : b;
  // JS compares bigint with number exactly
  return orEqual ? x <= y : x < y;
}

/** The "attempt to compare" message. */
export function compareError(L: LuaState, a: LuaValue, b: LuaValue): string {
  const t1 = typeNameMeta(L, a);
  const t2 = typeNameMeta(L, b);
  if (t1 === t2) return `attempt to compare two ${t1} values`;
  return `attempt to compare ${t1} with ${t2}`;
}

// --- strings -----------------------------------------------------------------------

/** The string form of a value for concatenation, or undefined. */
export function concatPiece(v: LuaValue): string | undefined {
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "bigint" || v instanceof LuaFloat) return numberToString(v);
  return undefined;
}

const ids = new WeakMap<object, number>();
let nextId = 0x55a0c0de1000;

/** A stable pseudo-address for an object ("0x55a0c0de1010"). */
export function addressOf(o: object): string {
  let id = ids.get(o);
  if (id === undefined) {
    id = nextId;
    nextId += 0x40;
    ids.set(o, id);
  }
  return `0x${id.toString(16)}`;
}

/** tostring without __tostring (but with __name), as luaL_tolstring's default. */
export function tostringBasic(L: LuaState, v: LuaValue): string {
  switch (typeof v) {
    case "undefined":
      return "nil";
    case "boolean":
      return v ? "true" : "false";
    case "number":
    case "bigint":
      return numberToString(v);
    case "string":
      return v;
  }
  if (v instanceof LuaFloat) return numberToString(v);
  const tn = typeNameMeta(L, v);
  return `${tn}: ${addressOf(v as object)}`;
}
