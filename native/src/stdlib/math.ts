// The math library, with PUC-Rio 5.4's xoshiro256** generator so that a seed gives the same
// sequence of math.random results as the reference interpreter.

import { argError, nativeError } from "../vm/errors.js";
import { type NativeFunction, NO_FAST } from "../vm/function.js";
import type { LuaState } from "../vm/state.js";
import type { LuaTable } from "../vm/table.js";
import {
  floatToInteger,
  invalidNaN,
  isInteger,
  isNumber,
  LuaFloat,
  type LuaValue,
  ldexp,
  MAXINTEGER,
  MININTEGER,
  mkFloat,
  normInt,
  powF,
  toIntegerValue,
} from "../vm/value.js";
import { checkAny, checkDouble, checkInteger, lessThan, optInteger } from "./args.js";
import { makeLib } from "./lib.js";

type Int = number | bigint;

/** floor/ceil result: an integer when the float has one, else the float (lmathlib's pushnumint). */
function numToInt(d: number): LuaValue {
  return floatToInteger(d) ?? mkFloat(d);
}

/** A float result from a JS double. */
const fl = mkFloat;

/** Unsigned 64-bit a < b for Lua integers. */
function ult(a: Int, b: Int): boolean {
  return a >= 0 !== b >= 0 ? a >= 0 : a < b;
}

function mathAbs(_L: LuaState, args: LuaValue[]): LuaValue[] {
  const v = args[0];
  if (typeof v === "number" && Number.isInteger(v)) return [Math.abs(v)];
  if (typeof v === "bigint") return [normInt(v < 0n ? -v : v)]; // abs(mininteger) wraps
  return [fl(Math.abs(checkDouble(args, 1)))];
}

function mathFloor(_L: LuaState, args: LuaValue[]): LuaValue[] {
  const v = args[0];
  if (typeof v === "number") return [Number.isInteger(v) ? v : numToInt(Math.floor(v))];
  if (typeof v === "bigint") return [v];
  return [numToInt(Math.floor(checkDouble(args, 1)))];
}

function mathCeil(_L: LuaState, args: LuaValue[]): LuaValue[] {
  const v = args[0];
  if (typeof v === "number") return [Number.isInteger(v) ? v : numToInt(Math.ceil(v))];
  if (typeof v === "bigint") return [v];
  return [numToInt(Math.ceil(checkDouble(args, 1)))];
}

function mathFmod(_L: LuaState, args: LuaValue[]): LuaValue[] {
  const a = args[0];
  const b = args[1];
  if (isInteger(a) && isInteger(b)) {
    if (b === 0 || b === -1) {
      if (b === 0) argError(2, "zero");
      return [0]; // avoids the overflow of mininteger % -1
    }
    if (typeof a === "number" && typeof b === "number") {
      const r = a % b; // truncating, like C
      return [r === 0 ? 0 : r];
    }
    return [normInt(BigInt(a) % BigInt(b))];
  }
  const x = checkDouble(args, 1);
  const y = checkDouble(args, 2);
  return [fl(invalidNaN(x % y, x, y))];
}

function mathModf(_L: LuaState, args: LuaValue[]): LuaValue[] {
  const v = args[0];
  if (isInteger(v)) return [v, new LuaFloat(0)];
  const n = checkDouble(args, 1);
  const ip = n < 0 ? Math.ceil(n) : Math.floor(n);
  // n === ip also covers +-inf, whose fraction is 0.0
  return [numToInt(ip), fl(n === ip ? 0 : n - ip)];
}

function mathLog(_L: LuaState, args: LuaValue[]): LuaValue[] {
  const x = checkDouble(args, 1);
  if (args[1] === undefined) return [fl(invalidNaN(Math.log(x), x))];
  const base = checkDouble(args, 2);
  if (base === 2) return [fl(invalidNaN(Math.log2(x), x))];
  if (base === 10) return [fl(Math.log10(x))];
  return [fl(invalidNaN(Math.log(x), x) / Math.log(base))];
}

// --- the functions LUA_COMPAT_MATHLIB keeps (the reference build and Debian's lua5.4 have them)

/** math.frexp: m, e with x = m * 2^e and 0.5 <= |m| < 1 (x itself and 0 for 0, inf, nan). */
/** math.atan(y [, x]), also math.atan2. */
function mathAtan(_L: LuaState, args: LuaValue[]): LuaValue[] {
  const y = checkDouble(args, 1);
  const x = args[1] === undefined ? 1 : checkDouble(args, 2);
  return [fl(Math.atan2(y, x))];
}

function mathFrexp(_L: LuaState, args: LuaValue[]): LuaValue[] {
  const x = checkDouble(args, 1);
  if (x === 0 || !Number.isFinite(x)) return [fl(x), 0];
  let e = Math.max(-1073, Math.floor(Math.log2(Math.abs(x))) + 1);
  let m = ldexp(x, -e);
  // log2 may be off by one near powers of two
  while (Math.abs(m) >= 1) {
    m /= 2;
    e++;
  }
  while (Math.abs(m) < 0.5) {
    m *= 2;
    e--;
  }
  return [fl(m), e];
}

function mathLdexp(_L: LuaState, args: LuaValue[]): LuaValue[] {
  const x = checkDouble(args, 1);
  const e = checkInteger(args, 2);
  // C's ldexp takes an int: the exponent is cast as lua_Integer to int is
  const n = typeof e === "bigint" ? Number(BigInt.asIntN(32, e)) : e | 0;
  return [fl(ldexp(x, n))];
}

function mathToInteger(_L: LuaState, args: LuaValue[]): LuaValue[] {
  const n = toIntegerValue(args[0]);
  if (n !== undefined) return [n];
  checkAny(args, 1);
  return [undefined];
}

function mathType(_L: LuaState, args: LuaValue[]): LuaValue[] {
  const v = args[0];
  if (isNumber(v)) return [isInteger(v) ? "integer" : "float"];
  checkAny(args, 1);
  return [undefined];
}

function mathMin(L: LuaState, args: LuaValue[]): LuaValue[] {
  if (args.length < 1) argError(1, "value expected");
  let m = args[0];
  for (let i = 1; i < args.length; i++) if (lessThan(L, args[i], m)) m = args[i];
  return [m];
}

function mathMax(L: LuaState, args: LuaValue[]): LuaValue[] {
  if (args.length < 1) argError(1, "value expected");
  let m = args[0];
  for (let i = 1; i < args.length; i++) if (lessThan(L, m, args[i])) m = args[i];
  return [m];
}

/** A one-argument float function (sin, sqrt...): numbers in, float out. */
function floatFn(f: (x: number) => number) {
  return (_L: LuaState, args: LuaValue[]): LuaValue[] => {
    const v = args[0];
    return [fl(f(typeof v === "number" ? v : checkDouble(args, 1)))];
  };
}

// --- xoshiro256** ----------------------------------------------------------------------
//
// L.randomState is typed bigint[]: the four 64-bit words s[0..3] of the generator, which the
// state format reads and writes as plain data. Working on bigints would allocate on every
// call, so the generator runs on a Uint32Array of eight 32-bit halves (hi, lo of each word).
// The array installed in L.randomState has accessor elements 0..3 over those halves, so
// reading L.randomState[i] always gives the live word (unsigned, 0..2^64-1) and assigning one
// updates the generator; an array replaced wholesale (L.randomState = [a, b, c, d], as a
// hydrate may do) is adopted on the next call.

/** The array kept in L.randomState: four bigint words backed by `halves`. */
interface RandomWords extends Array<bigint> {
  readonly halves: Uint32Array;
}

/** An accessor array over eight 32-bit halves. */
function wordsOver(halves: Uint32Array): RandomWords {
  const a: bigint[] = [];
  for (let i = 0; i < 4; i++) {
    Object.defineProperty(a, i, {
      enumerable: true,
      get: () => (BigInt(halves[2 * i]) << 32n) | BigInt(halves[2 * i + 1]),
      set: (w: bigint) => {
        const u = BigInt.asUintN(64, BigInt(w));
        halves[2 * i] = Number(u >> 32n);
        halves[2 * i + 1] = Number(u & 0xffffffffn);
      },
    });
  }
  Object.defineProperty(a, "halves", { value: halves });
  return a as RandomWords;
}

// The words array last looked up, and its halves (a property read on an array with
// accessor elements is slow; this check is not).
let lastWords: bigint[] | undefined;
let lastHalves: Uint32Array = new Uint32Array(8);

/** The generator's halves for L, adopting whatever words L.randomState holds. */
function stateOf(L: LuaState): Uint32Array {
  const w = L.randomState;
  if (w === lastWords) return lastHalves;
  const h = (w as Partial<RandomWords>).halves;
  if (h !== undefined) {
    lastWords = w;
    lastHalves = h;
    return h;
  }
  const old = L.randomState;
  const halves = new Uint32Array(8);
  const words = wordsOver(halves);
  for (let i = 0; i < 4; i++) words[i] = old[i] ?? 0n;
  L.randomState = words;
  return halves;
}

// The last output of nextrand, as unsigned 32-bit halves (no allocation per call).
let outHi = 0;
let outLo = 0;

/** One step of xoshiro256**: advances s and leaves the 64-bit result in outHi/outLo. */
function nextrand(s: Uint32Array): void {
  const h0 = s[0];
  const l0 = s[1];
  const h1 = s[2];
  const l1 = s[3];
  const h2 = s[4] ^ h0;
  const l2 = s[5] ^ l0;
  const h3 = s[6] ^ h1;
  const l3 = s[7] ^ l1;
  // result = rotl(s1 * 5, 7) * 9, with exact 32-bit partial products
  let lo = l1 * 5;
  let hi = Math.imul(h1, 5) + Math.floor(lo / 4294967296);
  lo >>>= 0;
  const rh = (hi << 7) | (lo >>> 25);
  const rl = (lo << 7) | (hi >>> 25);
  lo = (rl >>> 0) * 9;
  hi = Math.imul(rh, 9) + Math.floor(lo / 4294967296);
  outLo = lo >>> 0;
  outHi = hi >>> 0;
  s[0] = h0 ^ h3;
  s[1] = l0 ^ l3;
  s[2] = h1 ^ h2;
  s[3] = l1 ^ l2;
  s[4] = h2 ^ ((h1 << 17) | (l1 >>> 15)); // s2 ^ (s1 << 17)
  s[5] = l2 ^ (l1 << 17);
  s[6] = (h3 >>> 19) | (l3 << 13); // rotl(s3, 45) == rotr(s3, 19)
  s[7] = (l3 >>> 19) | (h3 << 13);
}

/** The last output as a float in [0, 1): its top 53 bits times 2^-53 (PUC's I2d). */
function outFloat(): number {
  return (outHi * 2097152 + (outLo >>> 11)) * 1.1102230246251565e-16;
}

/** The last output as a (signed) Lua integer. */
function outInteger(): Int {
  const v = (outHi | 0) * 4294967296 + outLo;
  if (Number.isSafeInteger(v)) return v;
  return normInt((BigInt(outHi) << 32n) | BigInt(outLo));
}

/** The smallest 2^b-1 not below n, for n a 32-bit unsigned value. */
function mask32(n: number): number {
  n |= n >>> 1;
  n |= n >>> 2;
  n |= n >>> 4;
  n |= n >>> 8;
  n |= n >>> 16;
  return n >>> 0;
}

/**
 * Projects the last output into [0, n] as PUC's `project` does: mask to the smallest
 * 2^b-1 >= n and draw again while the result is above n. n is below 2^32 here.
 */
function project32(s: Uint32Array, n: number): number {
  const lim = mask32(n);
  let r = (outLo & lim) >>> 0;
  while (r > n) {
    nextrand(s);
    r = (outLo & lim) >>> 0;
  }
  return r;
}

/** The same projection for a 64-bit n (as an unsigned bigint). */
function project64(s: Uint32Array, n: bigint): bigint {
  let lim = n;
  for (let sh = 1n; sh <= 32n; sh *= 2n) lim |= lim >> sh;
  let r = ((BigInt(outHi) << 32n) | BigInt(outLo)) & lim;
  while (r > n) {
    nextrand(s);
    r = ((BigInt(outHi) << 32n) | BigInt(outLo)) & lim;
  }
  return r;
}

/** random(m, n) for a range below 2^32: the common case, kept free of bigint paths. */
function randomSmall(s: Uint32Array, low: number, n: number): number {
  // n + 1 a power of 2: no rejection needed
  return low + ((n & (n + 1)) === 0 ? (outLo & n) >>> 0 : project32(s, n));
}

function mathRandom(L: LuaState, args: LuaValue[]): LuaValue[] {
  const s = stateOf(L);
  nextrand(s);
  const a0 = args[0];
  const a1 = args[1];
  if (typeof a0 === "number" && Number.isInteger(a0)) {
    // fast paths: random(m) and random(m, n) with small plain integers
    if (args.length === 1 && a0 >= 1 && a0 <= 0xffffffff) return [randomSmall(s, 1, a0 - 1)];
    if (args.length === 2 && typeof a1 === "number" && Number.isInteger(a1) && a0 <= a1 && a1 - a0 <= 0xffffffff)
      return [randomSmall(s, a0, a1 - a0)];
  }
  let low: Int;
  let up: Int;
  switch (args.length) {
    case 0:
      return [fl(outFloat())];
    case 1:
      low = 1;
      up = checkInteger(args, 1);
      if (up === 0) return [outInteger()]; // random(0): all 64 bits
      break;
    case 2:
      low = checkInteger(args, 1);
      up = checkInteger(args, 2);
      break;
    default:
      return nativeError("wrong number of arguments");
  }
  if (!(low <= up)) argError(1, "interval is empty");
  if (typeof low === "number" && typeof up === "number" && up - low <= 0xffffffff) {
    return [randomSmall(s, low, up - low)];
  }
  const n = BigInt.asUintN(64, BigInt(up) - BigInt(low));
  const r = (n & (n + 1n)) === 0n ? ((BigInt(outHi) << 32n) | BigInt(outLo)) & n : project64(s, n);
  return [normInt(r + BigInt(low))];
}

/** PUC's setseed: s = {n1, 0xff, n2, 0}, then 16 values discarded. Returns the seeds. */
function setSeed(L: LuaState, n1: Int, n2: Int): LuaValue[] {
  const s = stateOf(L);
  const words = [BigInt.asUintN(64, BigInt(n1)), 0xffn, BigInt.asUintN(64, BigInt(n2)), 0n];
  for (let i = 0; i < 4; i++) {
    s[2 * i] = Number(words[i] >> 32n);
    s[2 * i + 1] = Number(words[i] & 0xffffffffn);
  }
  for (let i = 0; i < 16; i++) nextrand(s);
  return [n1, n2];
}

/** A "random" seed as PUC's randseed: the time and something that varies between runs. */
function randomSeed(L: LuaState): LuaValue[] {
  const t = Math.floor(L.hooks.now());
  const n1 = Number.isSafeInteger(t) ? t : 0;
  const n2 = Math.floor(Math.random() * 2 ** 48);
  return setSeed(L, n1, n2);
}

function mathRandomseed(L: LuaState, args: LuaValue[]): LuaValue[] {
  if (args.length === 0) return randomSeed(L);
  const n1 = checkInteger(args, 1);
  const n2 = optInteger(args, 2, 0);
  return setSeed(L, n1, n2);
}

/** Opens the math library: builds the table, sets the global `math` and seeds the generator. */
export function openMath(L: LuaState): LuaTable {
  const t = makeLib(L, "math", {
    abs: mathAbs,
    ceil: mathCeil,
    floor: mathFloor,
    fmod: mathFmod,
    modf: mathModf,
    sqrt: floatFn(Math.sqrt),
    sin: floatFn(Math.sin),
    cos: floatFn(Math.cos),
    tan: floatFn(Math.tan),
    asin: floatFn(Math.asin),
    acos: floatFn(Math.acos),
    atan: mathAtan,
    exp: floatFn(Math.exp),
    log: mathLog,
    deg: floatFn((x) => x * (180 / Math.PI)),
    rad: floatFn((x) => x * (Math.PI / 180)),
    tointeger: mathToInteger,
    type: mathType,
    ult: (_L, args) => [ult(checkInteger(args, 1), checkInteger(args, 2))],
    min: mathMin,
    max: mathMax,
    random: mathRandom,
    randomseed: mathRandomseed,
    cosh: floatFn(Math.cosh),
    sinh: floatFn(Math.sinh),
    tanh: floatFn(Math.tanh),
    pow: (_L, args) => [fl(powF(checkDouble(args, 1), checkDouble(args, 2)))],
    frexp: mathFrexp,
    ldexp: mathLdexp,
    log10: (_L, args) => [fl(Math.log10(checkDouble(args, 1)))],
    atan2: mathAtan, // LUA_COMPAT_MATHLIB's name for atan
  });
  t.set("pi", Math.PI);
  t.set("huge", Number.POSITIVE_INFINITY);
  t.set("maxinteger", normInt(MAXINTEGER));
  t.set("mininteger", normInt(MININTEGER));
  randomSeed(L);
  // one-argument fast entries for the hot ones (plain JS number arguments only)
  const fast = (name: string, f: (a: LuaValue) => LuaValue | typeof NO_FAST) => {
    (t.get(name) as NativeFunction).fast1 = f;
  };
  for (const [name, f] of [
    ["sqrt", Math.sqrt],
    ["sin", Math.sin],
    ["cos", Math.cos],
    ["tan", Math.tan],
    ["exp", Math.exp],
  ] as const) {
    fast(name, (v) => (typeof v === "number" ? fl(f(v)) : NO_FAST));
  }
  fast("floor", (v) => (typeof v === "number" ? (Number.isInteger(v) ? v : numToInt(Math.floor(v))) : NO_FAST));
  fast("ceil", (v) => (typeof v === "number" ? (Number.isInteger(v) ? v : numToInt(Math.ceil(v))) : NO_FAST));
  fast("abs", (v) => (typeof v === "number" ? Math.abs(v) : NO_FAST));
  L.globals.set("math", t);
  return t;
}
