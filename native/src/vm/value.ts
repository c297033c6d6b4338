// Values: how Lua values live in JavaScript, and the small helpers that hide it.
//
// Lua values are plain JS values, boxed only where Lua needs a distinction JS lacks:
//   nil      -> undefined
//   boolean  -> boolean
//   integer  -> a JS number that is an integer, while |n| <= 2^53-1; outside that range a
//               bigint holding the 64-bit two's-complement value. Every integer result goes
//               through normInt/mkIntN so that one value has exactly one representation.
//   float    -> a JS number that is not integral (fractions, NaN, +-inf), or a LuaFloat box
//               for integral floats (1.0, -0.0, 2^60), so 1 and 1.0 stay distinct.
//   string   -> a JS string of bytes (char codes 0-255).
//   table    -> LuaTable; function -> LuaFunction (Closure or NativeFunction);
//   thread   -> LuaThread; full userdata -> LuaUserdata.
// Code outside vm/ should use the helpers here rather than test representations itself.

import { gDigits } from "./numfmt.js";
import type { LuaTable } from "./table.js";

/** An integral float: 1.0, -0.0, 2^60 as a float. Never holds a non-integral number. */
export class LuaFloat {
  readonly n: number;
  constructor(n: number) {
    this.n = n;
  }
}

/** Any function value: a Lua closure or a native. */
export interface LuaFunction {
  readonly isLuaFunction: true;
}

/** A coroutine (defined by the VM). */
export interface LuaThreadLike {
  readonly isLuaThread: true;
}

/** A full userdata: an opaque host object with an optional metatable. */
export class LuaUserdata {
  data: unknown;
  metatable: LuaTable | undefined;
  constructor(data: unknown, metatable?: LuaTable) {
    this.data = data;
    this.metatable = metatable;
  }
}

/**
 * A light userdata: a bare handle with no metatable of its own (debug.upvalueid's ids). It is
 * a userdata to `type`, and "light userdata" in argument errors as in PUC-Rio.
 */
export class LightUserdata extends LuaUserdata {}

export type LuaValue =
  | undefined
  | boolean
  | number
  | bigint
  | LuaFloat
  | string
  | LuaTable
  | LuaFunction
  | LuaThreadLike
  | LuaUserdata;

export const MAX_SAFE = Number.MAX_SAFE_INTEGER;
export const MAXINTEGER = 0x7fffffffffffffffn;
export const MININTEGER = -0x8000000000000000n;
const TWO63 = 2 ** 63;

/** Wraps a bigint to 64 bits and gives it its canonical representation. */
export function normInt(b: bigint): number | bigint {
  b = BigInt.asIntN(64, b);
  if (b >= -9007199254740991n && b <= 9007199254740991n) return Number(b);
  return b;
}

/** The canonical integer for a JS integer number that may have left the safe range. */
export function mkIntN(n: number): number | bigint {
  return Number.isSafeInteger(n) ? n : normInt(BigInt(n));
}

/** A float value from a JS number: integral results are boxed. */
export function mkFloat(n: number): number | LuaFloat {
  return Number.isInteger(n) ? new LuaFloat(n) : n;
}

/** True for Lua integers. */
export function isInteger(v: LuaValue): v is number | bigint {
  return typeof v === "number" ? Number.isInteger(v) : typeof v === "bigint";
}

/** True for Lua floats. */
export function isFloat(v: LuaValue): v is number | LuaFloat {
  return typeof v === "number" ? !Number.isInteger(v) : v instanceof LuaFloat;
}

/** True for any Lua number. */
export function isNumber(v: LuaValue): v is number | bigint | LuaFloat {
  return typeof v === "number" || typeof v === "bigint" || v instanceof LuaFloat;
}

/** The value of a Lua number as a JS double (integers beyond 2^53 are rounded). */
export function toDouble(v: number | bigint | LuaFloat): number {
  return typeof v === "number" ? v : typeof v === "bigint" ? Number(v) : v.n;
}

/** The float with the same value as an integer, or a float unchanged. */
export function toFloatValue(v: number | bigint | LuaFloat): number | LuaFloat {
  if (v instanceof LuaFloat) return v;
  return mkFloat(typeof v === "bigint" ? Number(v) : v);
}

/**
 * The integer with the same mathematical value as a float, or undefined when there is
 * none (fraction, NaN, inf, or outside the 64-bit range). Integers pass through.
 */
export function floatToInteger(n: number): number | bigint | undefined {
  if (Number.isSafeInteger(n)) return n === 0 ? 0 : n;
  if (!Number.isInteger(n)) return undefined;
  if (n >= TWO63 || n < -TWO63) return undefined;
  return normInt(BigInt(n));
}

/** lua_tointeger without string coercion: integer value of a number, else undefined. */
export function numberToInteger(v: LuaValue): number | bigint | undefined {
  if (typeof v === "number") return Number.isInteger(v) ? v : undefined;
  if (typeof v === "bigint") return v;
  if (v instanceof LuaFloat) return floatToInteger(v.n);
  return undefined;
}

/** The Lua type name of a value, as type() returns it. */
export function typeName(v: LuaValue): string {
  switch (typeof v) {
    case "undefined":
      return "nil";
    case "boolean":
      return "boolean";
    case "number":
    case "bigint":
      return "number";
    case "string":
      return "string";
    case "object":
      if (v instanceof LuaFloat) return "number";
      if (v instanceof LuaUserdata) return "userdata";
      if ((v as LuaFunction).isLuaFunction) return "function";
      if ((v as LuaThreadLike).isLuaThread) return "thread";
      return "table";
  }
  return "userdata";
}

/** Lua truthiness: only nil and false are false. */
export function truthy(v: LuaValue): boolean {
  return v !== undefined && v !== false;
}

// --- numbers to text -------------------------------------------------------------------

/** C's "%.<prec>g" for a finite or non-finite double. */
export function formatG(n: number, prec = 14, upper = false, alt = false): string {
  if (!Number.isFinite(n)) {
    const s = Number.isNaN(n) ? (isNegativeNaN(n) ? "-nan" : "nan") : n > 0 ? "inf" : "-inf";
    return upper ? s.toUpperCase() : s;
  }
  const neg = n < 0 || Object.is(n, -0);
  const out = (neg ? "-" : "") + gDigits(neg ? -n : n, prec, alt);
  return upper ? out.toUpperCase() : out;
}

const nanProbe = new Float64Array(1);
const nanBytes = new Uint8Array(nanProbe.buffer);
/** Whether a NaN has its sign bit set (x86's 0/0 does; C prints it as "-nan"). */
function isNegativeNaN(n: number): boolean {
  nanProbe[0] = n;
  return (nanBytes[7] & 0x80) !== 0;
}

/**
 * The NaN an invalid operation makes on x86 (sign bit set, printed "-nan" by C), which is
 * what C's fmod, pow and log return where JS's operators and Math may give the other NaN.
 */
export const INVALID_NAN: number = new Float64Array(new BigUint64Array([0xfff8000000000000n]).buffer)[0];

/** r, or INVALID_NAN when r is a NaN that an operation made from operands that were not NaN. */
export function invalidNaN(r: number, a: number, b = 0): number {
  return !Number.isNaN(r) || Number.isNaN(a) || Number.isNaN(b) ? r : INVALID_NAN;
}

/**
 * x ^ y when JS's x ** y is NaN: C's pow gives 1 for pow(1, y) (even a NaN y) and for
 * pow(-1, ±inf). A NaN operand comes back as glibc's pow returns it: x's NaN, with its sign
 * bit cleared when y is an odd integer (the sign rule of a negative base), else y's NaN.
 * Other NaNs (r) as invalidNaN.
 */
export function powNaN(r: number, x: number, y: number): number {
  if (x === 1 || (x === -1 && (y === Number.POSITIVE_INFINITY || y === Number.NEGATIVE_INFINITY))) return 1;
  if (Number.isNaN(x)) return isNegativeNaN(x) && Number.isInteger(y) && Math.abs(y) % 2 === 1 ? Number.NaN : x;
  if (Number.isNaN(y)) return y;
  return invalidNaN(r, x, y);
}

/**
 * x ^ y for floats, as C's pow (which glibc rounds correctly, where JS's ** may be an ulp
 * off): integer exponents in double-double arithmetic, 0.5 as a square root.
 */
export function powF(x: number, y: number): number {
  if (y === 2) return x * x;
  if (Number.isInteger(y) && y > -1100 && y < 1100 && x !== 0 && Number.isFinite(x)) {
    const r = powInt(x, y);
    if (r !== undefined) return r;
  } else if (y === 0.5) {
    // pow(-0, 0.5) is +0 and pow(-inf, 0.5) is +inf where sqrt gives -0 and NaN
    if (x === 0) return 0;
    if (x === Number.NEGATIVE_INFINITY) return Number.POSITIVE_INFINITY;
    return x < 0 ? INVALID_NAN : Math.sqrt(x);
  }
  const r = x ** y;
  return Number.isNaN(r) ? powNaN(r, x, y) : r;
}

// Double-double arithmetic for powInt: a value is hi + lo with |lo| <= ulp(hi) / 2, which
// carries 106 bits, so x^n for moderate n is exact or within far less than half an ulp
// before the one final rounding. Results come back in ddHi / ddLo.
let ddHi = 0;
let ddLo = 0;
const SPLIT = 134217729; // 2^27 + 1 (Veltkamp's split of a double into two 26-bit halves)

/** (ah + al) * (bh + bl) into ddHi/ddLo (Dekker's product, no fused multiply-add in JS). */
function ddMul(ah: number, al: number, bh: number, bl: number): void {
  const p = ah * bh;
  let t = SPLIT * ah;
  const ahh = t - (t - ah);
  const ahl = ah - ahh;
  t = SPLIT * bh;
  const bhh = t - (t - bh);
  const bhl = bh - bhh;
  const e = ahh * bhh - p + ahh * bhl + ahl * bhh + ahl * bhl + (ah * bl + al * bh);
  ddHi = p + e;
  ddLo = e - (ddHi - p);
}

/** Dekker's split overflows above DD_MAX; below DD_MIN the low word loses too many bits. */
const DD_MAX = 2 ** 995;
const DD_MIN = 2 ** -1000;

/** x^n for an integer n, correctly rounded but in rare hard cases; undefined near the range's ends. */
function powInt(x: number, n: number): number | undefined {
  const ax = Math.abs(x);
  if (!(ax < DD_MAX && ax > DD_MIN)) return undefined;
  let e = n < 0 ? -n : n;
  let rh = 1;
  let rl = 0;
  let bh = x;
  let bl = 0;
  for (;;) {
    if (e & 1) {
      if (rh === 1 && rl === 0) {
        rh = bh;
        rl = bl;
      } else {
        ddMul(rh, rl, bh, bl);
        rh = ddHi;
        rl = ddLo;
        const a = Math.abs(rh);
        if (!(a < DD_MAX && a > DD_MIN)) return undefined;
      }
    }
    e = Math.floor(e / 2);
    if (e === 0) break;
    ddMul(bh, bl, bh, bl);
    bh = ddHi;
    bl = ddLo;
    const a = Math.abs(bh);
    if (!(a < DD_MAX && a > DD_MIN)) return undefined;
  }
  if (n >= 0) return rh + rl;
  // 1 / (rh + rl): a first quotient, then the quotient of its remainder
  const q1 = 1 / rh;
  ddMul(q1, 0, rh, rl);
  const q2 = (1 - ddHi - ddLo) / rh;
  return q1 + q2;
}

/** tostring of a number: integers in decimal, floats as "%.14g" with ".0" when integral. */
export function numberToString(v: number | bigint | LuaFloat): string {
  if (typeof v === "number") {
    if (Number.isInteger(v)) return String(v);
    const s = formatG(v);
    return /^-?\d+$/.test(s) ? `${s}.0` : s;
  }
  if (typeof v === "bigint") return v.toString();
  const s = formatG(v.n);
  return /^-?\d+$/.test(s) ? `${s}.0` : s;
}

// --- text to numbers -------------------------------------------------------------------

const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13);
const hexDigit = (c: number) =>
  c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : c >= 65 && c <= 70 ? c - 55 : -1;

/**
 * Converts a string to a Lua number as the lexer and tonumber do (lua_stringtonumber):
 * leading/trailing spaces, decimal and hex integers (hex wraps modulo 2^64; decimal
 * overflows to float), decimal and hex floats. Returns undefined when s is not a numeral.
 */
export function stringToNumber(s: string): number | bigint | LuaFloat | undefined {
  let i = 0;
  let j = s.length;
  while (i < j && isSpace(s.charCodeAt(i))) i++;
  while (j > i && isSpace(s.charCodeAt(j - 1))) j--;
  if (i === j) return undefined;
  let neg = false;
  const c0 = s.charCodeAt(i);
  if (c0 === 45 /* - */ || c0 === 43 /* + */) {
    neg = c0 === 45;
    i++;
  }
  if (i + 1 < j && s.charCodeAt(i) === 48 && (s.charCodeAt(i + 1) | 32) === 120) {
    return hexToNumber(s, i + 2, j, neg);
  }
  // decimal: digits [. digits] [e [+-] digits]
  let k = i;
  let digits = 0;
  let acc = 0; // the integer part's value while it has fewer than 16 digits
  for (let d = 0; k < j && (d = s.charCodeAt(k) - 48) >= 0 && d <= 9; k++) {
    acc = acc * 10 + d;
    digits++;
  }
  if (k === j && digits > 0 && digits < 16) return neg ? (acc === 0 ? 0 : -acc) : acc;
  let isFloatLit = false;
  if (k < j && s.charCodeAt(k) === 46) {
    isFloatLit = true;
    k++;
    while (k < j && s.charCodeAt(k) >= 48 && s.charCodeAt(k) <= 57) {
      k++;
      digits++;
    }
  }
  if (digits === 0) return undefined;
  if (k < j && (s.charCodeAt(k) | 32) === 101) {
    isFloatLit = true;
    k++;
    if (k < j && (s.charCodeAt(k) === 43 || s.charCodeAt(k) === 45)) k++;
    const e0 = k;
    while (k < j && s.charCodeAt(k) >= 48 && s.charCodeAt(k) <= 57) k++;
    if (k === e0) return undefined;
  }
  if (k !== j) return undefined;
  const text = s.slice(i, j);
  if (!isFloatLit) {
    if (text.length < 16) {
      const n = Number(text);
      return neg ? (n === 0 ? 0 : -n) : n;
    }
    const b = BigInt(text);
    const v = neg ? -b : b;
    if (v > MAXINTEGER || v < MININTEGER) return mkFloat(Number(neg ? `-${text}` : text));
    return normInt(v);
  }
  const f = Number(text);
  return mkFloat(neg ? -f : f);
}

/** The hex part of stringToNumber, from just after "0x". */
function hexToNumber(s: string, i: number, j: number, neg: boolean) {
  let mant = 0n;
  let fmant = 0; // float accumulation
  let any = false;
  let isFloatLit = false;
  let exp = 0; // binary exponent adjustment for fraction digits
  let sig = 0; // significant digits seen, to avoid overflow in fmant
  while (i < j && hexDigit(s.charCodeAt(i)) >= 0) {
    const d = hexDigit(s.charCodeAt(i));
    mant = (mant << 4n) | BigInt(d);
    if (sig < 30) {
      fmant = fmant * 16 + d;
      if (fmant !== 0) sig++;
    } else exp += 4;
    any = true;
    i++;
  }
  if (i < j && s.charCodeAt(i) === 46) {
    isFloatLit = true;
    i++;
    while (i < j && hexDigit(s.charCodeAt(i)) >= 0) {
      const d = hexDigit(s.charCodeAt(i));
      if (sig < 30) {
        fmant = fmant * 16 + d;
        if (fmant !== 0) sig++;
        exp -= 4;
      }
      any = true;
      i++;
    }
  }
  if (!any) return undefined;
  if (i < j && (s.charCodeAt(i) | 32) === 112) {
    isFloatLit = true;
    i++;
    let eneg = false;
    if (i < j && (s.charCodeAt(i) === 43 || s.charCodeAt(i) === 45)) {
      eneg = s.charCodeAt(i) === 45;
      i++;
    }
    const e0 = i;
    let e = 0;
    while (i < j && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) {
      e = Math.min(e * 10 + (s.charCodeAt(i) - 48), 100000);
      i++;
    }
    if (i === e0) return undefined;
    exp += eneg ? -e : e;
  }
  if (i !== j) return undefined;
  if (!isFloatLit) return normInt(neg ? -mant : mant);
  const f = ldexp(fmant, exp);
  return mkFloat(neg ? -f : f);
}

/** m * 2^e without intermediate overflow. */
export function ldexp(m: number, e: number): number {
  if (m === 0 || !Number.isFinite(m)) return m;
  while (e > 1000) {
    m *= 2 ** 1000;
    e -= 1000;
    if (!Number.isFinite(m)) return m;
  }
  while (e < -1000) {
    m *= 2 ** -1000;
    e += 1000;
    if (m === 0) return m;
  }
  return m * 2 ** e;
}

/** Number coercion of a string or number value (for arithmetic), else undefined. */
export function toNumberValue(v: LuaValue): number | bigint | LuaFloat | undefined {
  if (typeof v === "number" || typeof v === "bigint" || v instanceof LuaFloat) return v;
  if (typeof v === "string") return stringToNumber(v);
  return undefined;
}

/** lua_tointeger with string coercion: integer value or undefined. */
export function toIntegerValue(v: LuaValue): number | bigint | undefined {
  if (typeof v === "string") {
    const n = stringToNumber(v);
    return n === undefined ? undefined : numberToInteger(n);
  }
  return numberToInteger(v);
}

/** Lua raw equality (no metamethods): numbers compare by mathematical value. */
export function rawEquals(a: LuaValue, b: LuaValue): boolean {
  if (a === b) return true;
  const ta = typeof a;
  const tb = typeof b;
  if (ta === "number" || ta === "bigint" || a instanceof LuaFloat) {
    if (tb === "number" || tb === "bigint" || b instanceof LuaFloat) {
      const x = a instanceof LuaFloat ? a.n : (a as number | bigint);
      const y = b instanceof LuaFloat ? b.n : (b as number | bigint);
      // biome-ignore lint/suspicious/noDoubleEquals: loose equality compares bigint and number exactly
      return x == y;
    }
  }
  return false;
}
