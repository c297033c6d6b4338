// Tables: an array part for keys 1..n and an insertion-ordered hash part.
//
// The array part `arr` holds t[1..arr.length] (arr[i-1] is t[i]); like Lua's array part
// it keeps its size when elements are set to nil (so `next` can continue from a cleared
// index while a traversal clears the table), and #t finds a border in it by binary search
// when its last slot is nil. It is only reorganized when a new key is inserted, which Lua
// forbids during a traversal. The hash part keeps keys and values in parallel arrays
// in insertion order, with a Map from key to slot. Removing a key leaves a tombstone
// (value undefined, key kept) so that `next` can continue from a removed key during a
// traversal, as Lua allows; tombstones are swept only when a new key is inserted. The order
// of `next` is therefore plain data (array part, then hash slots in order), which is what
// lets a suspended pairs loop continue with the same keys after dehydrate and hydrate.
//
// Invariant: the hash part never holds key arr.length+1 (it is migrated into the array part
// when the array grows up to it), so a border is always found in the array part.

import { account, SLOT_BYTES, TABLE_BYTES } from "./heap.js";
import { floatToInteger, LuaFloat, type LuaValue } from "./value.js";

const NOT_CACHED: unique symbol = Symbol("notCached");

/**
 * The shared empty array every table starts with for its array part (never written: the
 * first element replaces it); the hash part is made when needed, so a small table is one
 * object of four fields.
 */
const NO_VALUES: LuaValue[] = [];

/** The hash part of a table: keys and values in insertion order, and where each key is. */
export class HashPart {
  /** key (normalized) -> slot in keys/vals */
  map = new Map<unknown, number>();
  keys: LuaValue[] = [];
  vals: LuaValue[] = [];
  /** live (non-tombstone) entries */
  count = 0;
  /** Raw __index of the table (for tables used as metatables), NOT_CACHED until read. */
  index: LuaValue | typeof NOT_CACHED = NOT_CACHED;
  /** Raw __newindex, likewise. */
  newindex: LuaValue | typeof NOT_CACHED = NOT_CACHED;
  /**
   * Set when a ChainCache has walked this table (as a metatable or an __index table): from
   * then on a change that can alter a lookup through it advances chainEpoch.
   */
  chained = false;
}

/**
 * Advanced whenever a table some ChainCache has walked gains a key (or a removed key comes
 * back), has its __index written or gets another metatable; every cache filled before is
 * then stale. Values written to existing keys do not advance it: caches keep the slot.
 */
export const chainEpoch = { v: 0 };

/**
 * The lookups of one instruction through __index tables: for up to four receiver
 * metatables, the hash part and slot where the key was found, valid while chainEpoch has
 * not moved since `epoch`.
 */
export class ChainCache {
  epoch = -1;
  mts: LuaTable[] = [];
  parts: HashPart[] = [];
  slots: number[] = [];
}

export class LuaTable {
  arr: LuaValue[] = NO_VALUES;
  /** Number of nil slots inside arr. */
  arrNils = 0;
  /** The hash part, made with the first key that is not in the array part. */
  hash: HashPart | undefined = undefined;
  metatable: LuaTable | undefined = undefined;

  constructor() {
    account(TABLE_BYTES);
  }

  /** The hash part's keys in slot order (removed keys included; see next()). */
  get hkeys(): LuaValue[] {
    return this.hash === undefined ? NO_VALUES : this.hash.keys;
  }
  /** The hash part's values by slot (undefined for removed keys). */
  get hvals(): LuaValue[] {
    return this.hash === undefined ? NO_VALUES : this.hash.vals;
  }
  /** Live entries in the hash part. */
  get hcount(): number {
    return this.hash === undefined ? 0 : this.hash.count;
  }

  /** Sets the metatable (setmetatable), invalidating chain caches that walked this table. */
  setMetatable(mt: LuaTable | undefined): void {
    if (this.hash?.chained) chainEpoch.v++;
    this.metatable = mt;
  }

  /** Raw t.__index, cached until the "__index" field is written. */
  metaIndex(): LuaValue {
    const h = this.hash;
    if (h === undefined) return undefined;
    let v = h.index;
    if (v === NOT_CACHED) v = h.index = this.getStr("__index");
    return v;
  }

  /** Raw t.__newindex, cached until the "__newindex" field is written. */
  metaNewIndex(): LuaValue {
    const h = this.hash;
    if (h === undefined) return undefined;
    let v = h.newindex;
    if (v === NOT_CACHED) v = h.newindex = this.getStr("__newindex");
    return v;
  }

  /** Reads t[k] without metamethods. */
  get(k: LuaValue): LuaValue {
    if (typeof k === "number") {
      const a = this.arr;
      if (k >= 1 && k <= a.length && Number.isInteger(k)) return a[k - 1];
    } else if (typeof k === "string") {
      const h = this.hash;
      if (h === undefined) return undefined;
      const s = h.map.get(k);
      return s === undefined ? undefined : h.vals[s];
    } else if (k instanceof LuaFloat) {
      const i = floatToInteger(k.n);
      return i !== undefined ? this.get(i) : this.getHash(k.n);
    }
    return this.getHash(k);
  }

  /** Reads t[k] for a string key. */
  getStr(k: string): LuaValue {
    const h = this.hash;
    if (h === undefined) return undefined;
    const s = h.map.get(k);
    return s === undefined ? undefined : h.vals[s];
  }

  /**
   * Reads t[k] for a string key through an inline-cache slot: returns the value and
   * updates ic[at] with the slot where k lives.
   */
  getStrIC(k: string, ic: Int32Array, at: number): LuaValue {
    const h = this.hash;
    if (h === undefined) return undefined;
    const keys = h.keys;
    const s = ic[at];
    if (s >= 0 && s < keys.length && keys[s] === k) return h.vals[s];
    const slot = h.map.get(k);
    if (slot === undefined) return undefined;
    ic[at] = slot;
    return h.vals[slot];
  }

  /**
   * Writes t[k] = v for an existing string key through an inline-cache slot; returns false
   * (doing nothing) when k has no live entry, so the caller takes the general path.
   */
  setStrIC(k: string, v: LuaValue, ic: Int32Array, at: number): boolean {
    const h = this.hash;
    if (h === undefined || v === undefined || k === "__index" || k === "__newindex") return false;
    const keys = h.keys;
    let s = ic[at];
    if (!(s >= 0 && s < keys.length && keys[s] === k)) {
      const slot = h.map.get(k);
      if (slot === undefined) return false;
      ic[at] = s = slot;
    }
    const vals = h.vals;
    if (vals[s] === undefined) return false;
    vals[s] = v;
    return true;
  }

  /** Reads t[i] for an integer key. */
  getInt(i: number): LuaValue {
    const a = this.arr;
    if (i >= 1 && i <= a.length) return a[i - 1];
    return this.getHash(i);
  }

  private getHash(k: unknown): LuaValue {
    const h = this.hash;
    if (h === undefined) return undefined;
    const s = h.map.get(k);
    return s === undefined ? undefined : h.vals[s];
  }

  /**
   * Writes t[k] = v without metamethods. The caller has checked that k is neither nil
   * nor NaN (see checkKey).
   */
  set(k: LuaValue, v: LuaValue): void {
    if (typeof k === "number") {
      if (Number.isInteger(k)) {
        this.setInt(k, v);
        return;
      }
    } else if (k instanceof LuaFloat) {
      const i = floatToInteger(k.n);
      if (i !== undefined) {
        if (typeof i === "number") this.setInt(i, v);
        else this.setHash(i, i, v);
        return;
      }
      this.setHash(k.n, k, v);
      return;
    }
    this.setHash(k, k, v);
  }

  /** Writes t[i] = v for an integer key i (a safe JS integer). */
  setInt(i: number, v: LuaValue): void {
    const a = this.arr;
    const n = a.length;
    if (i >= 1 && i <= n) {
      const old = a[i - 1];
      a[i - 1] = v;
      if (old === undefined) {
        if (v !== undefined) this.arrNils--;
      } else if (v === undefined) this.arrNils++;
      return;
    }
    if (i === n + 1) {
      if (v === undefined) {
        if (this.hash !== undefined) this.setHash(i, i, v);
        return;
      }
      // a new key: the moment the array part may be reorganized
      if (this.arrNils > 16 && this.arrNils * 2 > n) {
        this.compactArray();
        this.setInt(i, v);
        return;
      }
      if (a === NO_VALUES) this.arr = [v];
      else a.push(v);
      account(SLOT_BYTES);
      if (this.hash !== undefined && this.hash.count > 0) this.migrate();
      return;
    }
    this.setHash(i, i, v);
  }

  /**
   * Shrinks a mostly-nil array part to its first run of non-nil values, moving the other
   * entries to the hash part (so emptied arrays and queues do not keep their memory).
   */
  private compactArray(): void {
    const a = this.arr;
    let b = 0;
    while (b < a.length && a[b] !== undefined) b++;
    const rest = a.slice(b + 1);
    a.length = b;
    this.arrNils = 0;
    for (let j = 0; j < rest.length; j++) {
      const v = rest[j];
      if (v !== undefined) this.setHash(b + 2 + j, b + 2 + j, v);
    }
  }

  /** Replaces the array part with values (table constructors, table.pack). */
  setArray(values: LuaValue[]): void {
    let n = values.length;
    while (n > 0 && values[n - 1] === undefined) n--;
    const a = n === values.length ? values : values.slice(0, n);
    let nils = 0;
    for (let j = 0; j < n; j++) if (a[j] === undefined) nils++;
    this.arr = a;
    this.arrNils = nils;
    account(n * SLOT_BYTES);
    if (this.hash !== undefined && this.hash.count > 0) this.migrate();
  }

  /** Moves keys arr.length+1, +2, ... from the hash part into the array part. */
  private migrate(): void {
    const h = this.hash as HashPart;
    const a = this.arr;
    for (;;) {
      const k = a.length + 1;
      const s = h.map.get(k);
      if (s === undefined) return;
      const v = h.vals[s];
      if (v === undefined) return;
      a.push(v);
      h.vals[s] = undefined;
      h.count--;
    }
  }

  private setHash(mk: unknown, k: LuaValue, v: LuaValue): void {
    let h = this.hash;
    if (h === undefined) {
      if (v === undefined) return;
      h = this.hash = new HashPart();
    }
    if (k === "__index") {
      h.index = NOT_CACHED;
      if (h.chained) chainEpoch.v++;
    } else if (k === "__newindex") h.newindex = NOT_CACHED;
    const s = h.map.get(mk);
    if (s !== undefined) {
      const old = h.vals[s];
      h.vals[s] = v;
      if (old === undefined) {
        if (v !== undefined) {
          h.count++;
          if (h.chained) chainEpoch.v++;
        }
      } else if (v === undefined) h.count--;
      return;
    }
    if (v === undefined) return;
    if (h.chained) chainEpoch.v++;
    // a new key: sweep tombstones first when they are the majority
    if (h.keys.length > 8 && h.count * 2 < h.keys.length) sweep(h);
    h.map.set(mk, h.keys.length);
    account(3 * SLOT_BYTES);
    h.keys.push(k);
    h.vals.push(v);
    h.count++;
  }

  /** A border #t (without __len): arr.length when its last slot is used, else by binary search. */
  length(): number {
    const a = this.arr;
    const n = a.length;
    if (n === 0 || a[n - 1] !== undefined) return n;
    // invariant: lo is 0 or a non-nil index, hi a nil index
    let lo = 0;
    let hi = n;
    while (hi - lo > 1) {
      const m = (lo + hi) >>> 1;
      if (a[m - 1] === undefined) hi = m;
      else lo = m;
    }
    return lo;
  }

  /**
   * The entry after key k in traversal order (k undefined: the first), or undefined at
   * the end. Returns false when k is not a key of the table.
   */
  next(k: LuaValue): [LuaValue, LuaValue] | undefined | false {
    const a = this.arr;
    let i: number; // position in array part to continue from (0-based)
    let h: number; // slot in hash part to continue from
    if (k === undefined) {
      i = 0;
      h = 0;
    } else {
      let ik: unknown = k;
      if (k instanceof LuaFloat) ik = floatToInteger(k.n) ?? k.n;
      if (typeof ik === "number" && Number.isInteger(ik) && ik >= 1 && ik <= a.length) {
        i = ik;
        h = 0;
      } else {
        const s = this.hash?.map.get(ik);
        if (s === undefined) return false;
        i = a.length;
        h = s + 1;
      }
    }
    for (; i < a.length; i++) {
      const v = a[i];
      if (v !== undefined) return [i + 1, v];
    }
    const keys = this.hkeys;
    const vals = this.hvals;
    for (; h < keys.length; h++) {
      const v = vals[h];
      if (v !== undefined) return [keys[h], v];
    }
    return undefined;
  }
}

/** Drops the tombstones of a hash part, keeping the order of live entries. */
function sweep(h: HashPart): void {
  const keys = h.keys;
  const vals = h.vals;
  const map = new Map<unknown, number>();
  const nk: LuaValue[] = [];
  const nv: LuaValue[] = [];
  for (let i = 0; i < keys.length; i++) {
    if (vals[i] === undefined) continue;
    map.set(mapKey(keys[i]), nk.length);
    nk.push(keys[i]);
    nv.push(vals[i]);
  }
  h.map = map;
  h.keys = nk;
  h.vals = nv;
}

/** The Map key for a table key value (integral floats become integers). */
export function mapKey(k: LuaValue): unknown {
  if (k instanceof LuaFloat) return floatToInteger(k.n) ?? k.n;
  return k;
}
