// The table library. Every function honours metamethods as PUC-Rio 5.4 does (lua_geti and
// lua_seti go through __index/__newindex, lengths through __len); a plain table without a
// metatable takes raw fast paths over its array part, since insert, remove, concat and sort
// are hot in real programs.

import { argError, nativeError } from "../vm/errors.js";
import { account } from "../vm/heap.js";
import type { LuaState } from "../vm/state.js";
import { LuaTable } from "../vm/table.js";
import {
  isNumber,
  LuaFloat,
  LuaUserdata,
  type LuaValue,
  normInt,
  numberToString,
  toIntegerValue,
  truthy,
  typeName,
} from "../vm/value.js";
import { checkInteger, checkType, lessThan, optInteger, optString, typeError } from "./args.js";
import { makeLib } from "./lib.js";

type Int = number | bigint;

/** What an argument must support when it is not a table (checktab's TAB_R/W/L). */
const R = 1;
const W = 2;
const Len = 4;

/** A table without a metatable: the raw fast paths apply. */
function isRaw(v: LuaValue): v is LuaTable {
  return v instanceof LuaTable && v.metatable === undefined;
}

/** Checks that argument i is a table, or has the metamethods that let it act as one. */
function checkTab(L: LuaState, args: LuaValue[], i: number, what: number): void {
  const v = args[i - 1];
  if (v instanceof LuaTable) return;
  const mt = metatableOf(L, v);
  if (
    mt !== undefined &&
    (!(what & R) || mt.getStr("__index") !== undefined) &&
    (!(what & W) || mt.getStr("__newindex") !== undefined) &&
    (!(what & Len) || mt.getStr("__len") !== undefined)
  )
    return;
  typeError(args, i, "table");
}

/** The raw metatable of a value that is not a table (lua_getmetatable). */
function metatableOf(L: LuaState, v: LuaValue): LuaTable | undefined {
  if (v instanceof LuaUserdata) return v.metatable;
  if (typeof v === "string") return L.stringMeta;
  return L.typeMeta.get(typeName(v));
}

/** #v with __len, which must give an integer (luaL_len). */
function lenOf(L: LuaState, v: LuaValue): Int {
  if (isRaw(v)) return v.length();
  const n = toIntegerValue(L.len(v));
  if (n === undefined) return nativeError("object length is not an integer");
  return n;
}

/** checktab + luaL_len: the length of a table-like argument. */
function getn(L: LuaState, args: LuaValue[], i: number, what: number): Int {
  checkTab(L, args, i, what | Len);
  return lenOf(L, args[i - 1]);
}

/** t[i] as lua_geti. */
function geti(L: LuaState, t: LuaValue, i: Int): LuaValue {
  if (isRaw(t)) return typeof i === "number" ? t.getInt(i) : t.get(i);
  return L.index(t, i);
}

/** t[i] = v as lua_seti. */
function seti(L: LuaState, t: LuaValue, i: Int, v: LuaValue): void {
  if (isRaw(t)) {
    if (typeof i === "number") t.setInt(i, v);
    else t.set(i, v);
  } else L.setIndex(t, i, v);
}

/** i + d with Lua's 64-bit wraparound, canonical representation. */
function add(i: Int, d: number): Int {
  if (typeof i === "number") {
    const r = i + d;
    if (Number.isSafeInteger(r)) return r;
  }
  return normInt(BigInt(i) + BigInt(d));
}

/** A Lua integer as an unsigned 64-bit bigint. */
function u64(i: Int): bigint {
  return BigInt.asUintN(64, BigInt(i));
}

// --- insert, remove, move ---------------------------------------------------------------

function tinsert(L: LuaState, args: LuaValue[]): undefined {
  const t = args[0];
  if (isRaw(t) && t.arrNils === 0) {
    const a = t.arr;
    const n = a.length;
    if (args.length === 2) {
      t.setInt(n + 1, args[1]);
      return undefined;
    }
    if (args.length === 3) {
      const pos = checkInteger(args, 2);
      if (typeof pos === "number" && pos >= 1 && pos <= n + 1) {
        if (pos === n + 1) t.setInt(pos, args[2]);
        else {
          a.splice(pos - 1, 0, args[2]);
          // re-append the last element through setInt, which may pull the next keys
          // from the hash part into the array part
          t.setInt(n + 1, a.pop());
        }
        return undefined;
      }
    }
  }
  const e = add(getn(L, args, 1, R | W), 1); // first empty element
  let pos: Int;
  switch (args.length) {
    case 2:
      pos = e;
      break;
    case 3: {
      pos = checkInteger(args, 2);
      // pos in [1, e]?
      if (!(BigInt.asUintN(64, BigInt(pos) - 1n) < u64(e))) argError(2, "position out of bounds");
      for (let i = e; i > pos; i = add(i, -1)) seti(L, t, i, geti(L, t, add(i, -1)));
      break;
    }
    default:
      return nativeError("wrong number of arguments to 'insert'");
  }
  seti(L, t, pos, args[args.length - 1]);
  return undefined;
}

function tremove(L: LuaState, args: LuaValue[]): LuaValue[] {
  const t = args[0];
  if (isRaw(t) && t.arrNils === 0) {
    const a = t.arr;
    const n = a.length;
    const p = args[1];
    if (p === undefined || p === n) {
      if (n === 0) {
        // t[0] when empty, which is then cleared, as PUC does
        const v = t.getInt(0);
        t.setInt(0, undefined);
        return [v];
      }
      return [a.pop()]; // no holes: the last slot is the border
    }
    if (typeof p === "number" && p >= 1 && p < n && Number.isInteger(p)) {
      return [a.splice(p - 1, 1)[0]]; // the last element stays non-nil
    }
  }
  const size = getn(L, args, 1, R | W);
  let pos = optInteger(args, 2, size);
  // when given, pos must be in [1, size + 1]
  if (pos !== size && BigInt.asUintN(64, BigInt(pos) - 1n) > u64(size)) argError(2, "position out of bounds");
  const v = geti(L, t, pos);
  for (; pos < size; pos = add(pos, 1)) seti(L, t, pos, geti(L, t, add(pos, 1)));
  seti(L, t, pos, undefined);
  return [v];
}

function tmove(L: LuaState, args: LuaValue[]): LuaValue[] {
  const a1 = args[0];
  const f = checkInteger(args, 2);
  const e = checkInteger(args, 3);
  const t = checkInteger(args, 4);
  const tt = args[4] !== undefined ? args[4] : a1; // destination table
  checkTab(L, args, 1, R);
  checkTab(L, args, args[4] !== undefined ? 5 : 1, W);
  if (e >= f) {
    if (!(f > 0 || BigInt(e) < BigInt(MAXINT) + BigInt(f))) argError(3, "too many elements to move");
    const n = BigInt(e) - BigInt(f) + 1n; // number of elements to move
    if (!(BigInt(t) <= BigInt(MAXINT) - n + 1n)) argError(4, "destination wrap around");
    const same = tt === a1 || (args[4] !== undefined && sameTable(L, a1, tt));
    const forward = t > e || t <= f || !same;
    if (
      typeof f === "number" &&
      typeof e === "number" &&
      typeof t === "number" &&
      Number.isSafeInteger(t + (e - f)) &&
      isRaw(a1) &&
      isRaw(tt)
    ) {
      const cnt = e - f + 1;
      if (forward) for (let i = 0; i < cnt; i++) tt.setInt(t + i, a1.getInt(f + i));
      else for (let i = cnt - 1; i >= 0; i--) tt.setInt(t + i, a1.getInt(f + i));
    } else if (forward) {
      for (let i = 0n; i < n; i++) seti(L, tt, normInt(BigInt(t) + i), geti(L, a1, normInt(BigInt(f) + i)));
    } else {
      for (let i = n - 1n; i >= 0n; i--) seti(L, tt, normInt(BigInt(t) + i), geti(L, a1, normInt(BigInt(f) + i)));
    }
  }
  return [tt];
}

const MAXINT = 0x7fffffffffffffffn;

/** lua_compare(EQ) of two distinct values: only tables with __eq can be equal. */
function sameTable(L: LuaState, a: LuaValue, b: LuaValue): boolean {
  if (a === b) return true;
  if (isRaw(a) && isRaw(b)) return false;
  return L.equals(a, b);
}

// --- concat, pack, unpack ----------------------------------------------------------------

/** A concat element as a string, or the "invalid value" error. */
function concatPiece(v: LuaValue, i: Int): string {
  if (typeof v === "string") return v;
  if (isNumber(v)) return numberToString(v);
  return nativeError(`invalid value (${typeName(v)}) at index ${i} in table for 'concat'`);
}

function tconcat(L: LuaState, args: LuaValue[]): LuaValue[] {
  const t = args[0];
  const last0 = getn(L, args, 1, R);
  const sep = optString(args, 2, "");
  const i = optInteger(args, 3, 1);
  const last = optInteger(args, 4, last0);
  if (!(i <= last)) return [""];
  if (isRaw(t) && typeof i === "number" && typeof last === "number") {
    const a = t.arr;
    const parts: string[] = [];
    for (let k = i; k <= last; k++) {
      const v = k >= 1 && k <= a.length ? a[k - 1] : t.getInt(k);
      parts.push(typeof v === "string" ? v : concatPiece(v, k));
    }
    return [joinCounted(parts, sep)];
  }
  const parts: string[] = [];
  for (let k: Int = i; ; k = add(k, 1)) {
    parts.push(concatPiece(geti(L, t, k), k));
    if (k === last) break;
  }
  return [joinCounted(parts, sep)];
}

/** parts.join(sep), counted for the memory limit. */
function joinCounted(parts: string[], sep: string): string {
  const s = parts.join(sep);
  account(s.length);
  return s;
}

function tpack(_L: LuaState, args: LuaValue[]): LuaValue[] {
  const t = new LuaTable();
  let n = args.length;
  while (n > 0 && args[n - 1] === undefined) n--;
  t.setArray(args.slice(0, n));
  t.set("n", args.length);
  return [t];
}

/**
 * The most values unpack returns. PUC-Rio's limit is its stack (LUAI_MAXSTACK, a million
 * slots) less the slots in use, so a million results always fail there; the margin stands
 * for the slots a caller has in use.
 */
const MAX_UNPACK = 1_000_000 - 100;

function tunpack(L: LuaState, args: LuaValue[]): LuaValue[] | undefined {
  const t = args[0];
  const i = optInteger(args, 2, 1);
  const e = args[2] === undefined ? lenOf(L, t) : checkInteger(args, 3);
  if (i > e) return undefined;
  if (typeof i === "number" && typeof e === "number") {
    if (e - i >= MAX_UNPACK) return nativeError("too many results to unpack");
    if (isRaw(t)) {
      const a = t.arr;
      if (i >= 1 && e <= a.length) return a.slice(i - 1, e);
      const out = new Array<LuaValue>(e - i + 1);
      for (let k = i; k <= e; k++) out[k - i] = t.getInt(k);
      return out;
    }
  }
  const n = BigInt.asUintN(64, BigInt(e) - BigInt(i)); // number of elements minus 1
  if (n >= BigInt(MAX_UNPACK)) return nativeError("too many results to unpack");
  const out: LuaValue[] = [];
  for (let k = 0n; k <= n; k++) out.push(geti(L, t, normInt(BigInt(i) + k)));
  return out;
}

// --- sort ----------------------------------------------------------------------------------
//
// The quicksort of PUC-Rio's ltablib.c (median of three, then partition), so that the same
// comparisons, reads and writes happen in the same order: an inconsistent comparator is caught
// the same way ("invalid order function for sorting"), equal elements end in the same places,
// and __index/__newindex or a comparator looking at the table see what they would see in PUC.
// It comes in two forms: over the table through geti/seti (whenever Lua code can run during
// the sort) and over a plain table's array part when no callback can run. Arrays of plain
// numbers (without NaN) or of strings are sorted by the engine instead, whose result is the
// same for these strict total orders.

type Less = (a: LuaValue, b: LuaValue) => boolean;

/** Arrays larger than this may use a randomized pivot after an unbalanced partition. */
const RANLIMIT = 100;

function sortError(): never {
  return nativeError("invalid order function for sorting");
}

/** A pivot in the middle half of [lo, up], chosen by rnd. */
function choosePivot(lo: number, up: number, rnd: number): number {
  const r4 = Math.floor((up - lo) / 4);
  return (rnd % (r4 * 2)) + lo + r4;
}

/** A new pivot seed after an unbalanced partition (deterministic, where PUC uses the clock). */
function newRnd(lo: number, up: number): number {
  return ((Math.imul(lo ^ 0x9e3779b9, 0x85ebca6b) ^ up) | 1) >>> 0;
}

/** PUC's auxsort over t[lo..up] through geti/seti; lt is the order. */
function auxsortT(L: LuaState, t: LuaValue, lo: number, up: number, lt: Less, rnd: number): void {
  while (lo < up) {
    // sort t[lo], t[p], t[up]
    let a = geti(L, t, lo);
    let b = geti(L, t, up);
    if (lt(b, a)) set2(L, t, lo, b, up, a);
    if (up - lo === 1) return;
    let p = up - lo < RANLIMIT || rnd === 0 ? Math.floor((lo + up) / 2) : choosePivot(lo, up, rnd);
    a = geti(L, t, p);
    b = geti(L, t, lo);
    if (lt(a, b)) set2(L, t, p, b, lo, a);
    else {
      b = geti(L, t, up);
      if (lt(b, a)) set2(L, t, p, b, up, a);
    }
    if (up - lo === 2) return;
    const P = geti(L, t, p);
    set2(L, t, p, geti(L, t, up - 1), up - 1, P);
    // partition: invariant t[lo..i] <= P <= t[j..up]
    let i = lo;
    let j = up - 1;
    for (;;) {
      let ai = geti(L, t, ++i);
      while (lt(ai, P)) {
        if (i === up - 1) sortError(); // t[i] < P but t[up-1] == P?
        ai = geti(L, t, ++i);
      }
      let aj = geti(L, t, --j);
      while (lt(P, aj)) {
        if (j < i) sortError(); // j < i but t[j] > P?
        aj = geti(L, t, --j);
      }
      if (j < i) {
        set2(L, t, up - 1, ai, i, P);
        break;
      }
      set2(L, t, i, aj, j, ai);
    }
    p = i;
    let n: number; // size of the smaller interval
    if (p - lo < up - p) {
      auxsortT(L, t, lo, p - 1, lt, rnd);
      n = p - lo;
      lo = p + 1;
    } else {
      auxsortT(L, t, p + 1, up, lt, rnd);
      n = up - p;
      up = p - 1;
    }
    if ((up - lo) / 128 > n) rnd = newRnd(lo, up); // partition too unbalanced?
  }
}

/** t[i] = x; t[j] = y, in that order (PUC's set2). */
function set2(L: LuaState, t: LuaValue, i: number, x: LuaValue, j: number, y: LuaValue): void {
  seti(L, t, i, x);
  seti(L, t, j, y);
}

/** The same algorithm over a JS array (0-based; the pivot choice is the same shifted by one). */
function auxsortA(a: LuaValue[], lo: number, up: number, lt: Less, rnd: number): void {
  while (lo < up) {
    if (lt(a[up], a[lo])) swap(a, lo, up);
    if (up - lo === 1) return;
    let p = up - lo < RANLIMIT || rnd === 0 ? Math.floor((lo + up) / 2) : choosePivot(lo, up, rnd);
    if (lt(a[p], a[lo])) swap(a, p, lo);
    else if (lt(a[up], a[p])) swap(a, p, up);
    if (up - lo === 2) return;
    const P = a[p];
    swap(a, p, up - 1);
    let i = lo;
    let j = up - 1;
    for (;;) {
      while (lt(a[++i], P)) if (i === up - 1) sortError();
      while (lt(P, a[--j])) if (j < i) sortError();
      if (j < i) {
        a[up - 1] = a[i];
        a[i] = P;
        break;
      }
      swap(a, i, j);
    }
    p = i;
    let n: number;
    if (p - lo < up - p) {
      auxsortA(a, lo, p - 1, lt, rnd);
      n = p - lo;
      lo = p + 1;
    } else {
      auxsortA(a, p + 1, up, lt, rnd);
      n = up - p;
      up = p - 1;
    }
    if ((up - lo) / 128 > n) rnd = newRnd(lo + 1, up + 1);
  }
}

function swap(a: LuaValue[], i: number, j: number): void {
  const x = a[i];
  a[i] = a[j];
  a[j] = x;
}

/**
 * Sorts a plain table's array part in place when no Lua code can run during the sort (no
 * comparator, only numbers and strings); returns false when it cannot.
 */
function sortRawDefault(L: LuaState, a: LuaValue[]): boolean {
  const n = a.length;
  let kinds = 0; // 1: plain numbers, 2: strings, 4: other numbers (or NaN), 8: anything else
  for (let i = 0; i < n; i++) {
    const v = a[i];
    if (typeof v === "number") kinds |= Number.isNaN(v) ? 4 : 1;
    else if (typeof v === "string") kinds |= 2;
    else if (typeof v === "bigint" || v instanceof LuaFloat) kinds |= 4;
    else return false; // tables, nil...: __lt or a comparison error
  }
  if (kinds === 1) {
    const f = Float64Array.from(a as number[]).sort();
    for (let i = 0; i < n; i++) a[i] = f[i];
  } else if (kinds === 2) {
    (a as string[]).sort(); // UTF-16 code unit order is byte order for byte strings
  } else if ((kinds & 2) === 0) {
    auxsortA(a, 0, n - 1, (x, y) => lessThan(L, x, y), 0); // numbers of mixed kinds
  } else return false; // numbers and strings: L.lessThan decides (error or a string __lt)
  return true;
}

function tsort(L: LuaState, args: LuaValue[]): undefined {
  const t = args[0];
  const n = getn(L, args, 1, R | W);
  if (!(n > 1)) return undefined;
  if (!(n < 0x7fffffff)) argError(1, "array too big");
  const cmp = args[1];
  if (cmp !== undefined) checkType(args, 2, "function");
  if (cmp === undefined && isRaw(t) && sortRawDefault(L, t.arr)) return undefined;
  if (cmp === undefined) {
    auxsortT(L, t, 1, n as number, (x, y) => lessThan(L, x, y), 0);
    return undefined;
  }
  const caller = L.caller(cmp);
  try {
    const lt: Less = (x, y) => truthy(caller.call2(x, y));
    // a plain sequence held whole by the array part is sorted there (the comparator still
    // sees every swap, as the array part is the table)
    if (isRaw(t) && t.arr.length === n && t.arrNils === 0) auxsortA(t.arr, 0, n - 1, lt, 0);
    else auxsortT(L, t, 1, n as number, lt, 0);
  } finally {
    caller.end();
  }
  return undefined;
}

/** Opens the table library: builds the table and sets the global `table`. */
export function openTable(L: LuaState): LuaTable {
  const t = makeLib(L, "table", {
    concat: tconcat,
    insert: tinsert,
    move: tmove,
    pack: tpack,
    unpack: tunpack,
    remove: tremove,
    sort: tsort,
  });
  L.globals.set("table", t);
  return t;
}
