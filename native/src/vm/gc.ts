// Weak tables: the JS garbage collector owns memory, but Lua programs can observe
// collection through tables with __mode. A reachability walk from the roots (globals,
// registry, metatables, threads) marks what Lua can still reach; entries of weak tables
// that refer to unmarked objects are then removed, as a Lua collection cycle would.
// It runs on collectgarbage() and, while weak tables exist, every so many allocations.

import type { Frame, LuaThread } from "./frames.js";
import { Closure, NativeFunction } from "./function.js";
import { CLOSURE_BYTES, SLOT_BYTES, TABLE_BYTES, THREAD_BYTES } from "./heap.js";
import type { LuaState } from "./state.js";
import { LuaTable } from "./table.js";
import { LuaUserdata, type LuaValue } from "./value.js";

/** Allocations between automatic weak-table sweeps. */
export const GC_STEP = 200_000;

interface GcState {
  weakTables?: Set<WeakRef<LuaTable>>;
  gcDebt: number;
  mainThread: LuaThread;
  current: LuaThread;
}

/** Remembers a table whose metatable has __mode (called by setmetatable). */
export function registerWeak(L: LuaState, t: LuaTable): void {
  const g = L as unknown as GcState;
  if (g.weakTables === undefined) g.weakTables = new Set();
  g.weakTables.add(new WeakRef(t));
}

/** Whether a weak-table sweep is worth running now. */
export function hasWeakTables(L: LuaState): boolean {
  const s = (L as unknown as GcState).weakTables;
  return s !== undefined && s.size > 0;
}

/** Values that a weak reference can lose (strings, numbers and booleans are never removed). */
function collectable(v: LuaValue): boolean {
  return (
    typeof v === "object" &&
    (v instanceof LuaTable ||
      v instanceof Closure ||
      v instanceof LuaUserdata ||
      (v as { isLuaThread?: boolean }).isLuaThread === true)
  );
}

function weakMode(t: LuaTable): { k: boolean; v: boolean } {
  const m = t.metatable?.getStr("__mode");
  if (typeof m !== "string") return { k: false, v: false };
  return { k: m.includes("k"), v: m.includes("v") };
}

/** Marks everything reachable and clears dead entries of weak tables. */
export function collectWeakTables(L: LuaState): void {
  const g = L as unknown as GcState;
  g.gcDebt = 0;
  const set = g.weakTables ?? new Set<WeakRef<LuaTable>>();
  const marked = new Set<object>();
  const stack: LuaValue[] = [];
  const push = (v: LuaValue) => {
    if (typeof v === "object" && v !== null && !marked.has(v)) {
      marked.add(v);
      stack.push(v);
    }
  };
  const weakPending: LuaTable[] = [];
  pushRoots(L, push);
  for (const n of L.natives.values()) if (n.bound) for (const b of n.bound) push(b);
  const drain = () => {
    while (stack.length > 0) {
      const o = stack.pop();
      if (o instanceof LuaTable) {
        push(o.metatable);
        const mode = weakMode(o);
        if (mode.k || mode.v) weakPending.push(o);
        for (const v of o.arr) if (!mode.v) push(v);
        for (let i = 0; i < o.hkeys.length; i++) {
          if (o.hvals[i] === undefined) continue;
          if (!mode.k) push(o.hkeys[i]);
          if (!mode.v && !mode.k) push(o.hvals[i]);
        }
      } else if (o instanceof Closure) {
        for (const uv of o.upvals) push(uv.get());
      } else if (o instanceof NativeFunction) {
        if (o.bound) for (const b of o.bound) push(b);
      } else if (o instanceof LuaUserdata) {
        push(o.metatable);
      } else if ((o as { isLuaThread?: boolean })?.isLuaThread) {
        markThread(o as unknown as LuaThread, push);
      }
    }
  };
  drain();
  // ephemerons: a value of a weak-key table lives while its key does
  for (let changed = true; changed; ) {
    changed = false;
    for (const t of weakPending) {
      const mode = weakMode(t);
      if (!mode.k || mode.v) continue;
      for (let i = 0; i < t.hkeys.length; i++) {
        const k = t.hkeys[i];
        const v = t.hvals[i];
        if (v === undefined) continue;
        if ((!collectable(k) || marked.has(k as object)) && typeof v === "object" && !marked.has(v as object)) {
          push(v);
          changed = true;
        }
      }
      for (const v of t.arr)
        if (typeof v === "object" && !marked.has(v as object)) {
          push(v);
          changed = true;
        }
    }
    drain();
  }
  for (const ref of set) if (ref.deref() === undefined) set.delete(ref);
  // every weak table the walk met, whenever its __mode was set
  for (const t of weakPending) {
    const mode = weakMode(t);
    if (!mode.k && !mode.v) continue;
    const dead = (v: LuaValue) => collectable(v) && !marked.has(v as object);
    if (mode.v) for (let i = 0; i < t.arr.length; i++) if (dead(t.arr[i])) t.setInt(i + 1, undefined);
    for (let i = 0; i < t.hkeys.length; i++) {
      const v = t.hvals[i];
      if (v === undefined) continue;
      if ((mode.k && dead(t.hkeys[i])) || (mode.v && dead(v))) t.set(t.hkeys[i], undefined);
    }
  }
}

/**
 * Measures the memory Lua can still reach, in bytes (the same estimates the allocation
 * accounting uses; a long string counts at each reference). Used when the memory limit's
 * estimate is crossed, to discount garbage.
 */
export function measureMemory(L: LuaState): number {
  const seen = new Set<unknown>();
  const stack: LuaValue[] = [];
  let bytes = 0;
  const push = (v: LuaValue) => {
    if (typeof v === "string") {
      // each reference counts: equal long strings made apart are apart in memory too
      if (v.length > 64) bytes += v.length + 16;
    } else if (typeof v === "object" && v !== null && !seen.has(v)) {
      seen.add(v);
      stack.push(v);
    }
  };
  pushRoots(L, push);
  while (stack.length > 0) {
    const o = stack.pop();
    if (o instanceof LuaTable) {
      bytes += TABLE_BYTES + SLOT_BYTES * (o.arr.length + 3 * o.hkeys.length);
      push(o.metatable);
      for (const v of o.arr) push(v);
      for (let i = 0; i < o.hkeys.length; i++) {
        push(o.hkeys[i]);
        push(o.hvals[i]);
      }
    } else if (o instanceof Closure) {
      bytes += CLOSURE_BYTES + SLOT_BYTES * o.upvals.length;
      for (const uv of o.upvals) push(uv.get());
    } else if (o instanceof NativeFunction) {
      if (o.bound) for (const b of o.bound) push(b);
    } else if (o instanceof LuaUserdata) {
      push(o.metatable);
    } else if ((o as { isLuaThread?: boolean })?.isLuaThread) {
      const th = o as unknown as LuaThread;
      bytes += THREAD_BYTES + SLOT_BYTES * th.stack.length;
      markThread(th, push);
    }
  }
  return bytes;
}

/** The roots of the object graph: globals, registry, type metatables and threads. */
function pushRoots(L: LuaState, push: (v: LuaValue) => void): void {
  const g = L as unknown as GcState;
  push(L.globals);
  push(L.registry);
  push(L.stringMeta);
  for (const mt of L.typeMeta.values()) push(mt);
  push(g.mainThread as unknown as LuaValue);
  push(g.current as unknown as LuaValue);
}

/** Marks a thread's live registers, varargs, pending values and body. */
function markThread(th: LuaThread, push: (v: LuaValue) => void): void {
  push(th.body);
  push(th.errorValue);
  if (th.resumer) push(th.resumer as unknown as LuaValue);
  let top = th.lastTop;
  for (const f of th.frames as Frame[]) {
    push(f.closure);
    push(f.handler);
    for (const v of f.varargs) push(v);
    top = Math.max(top, f.base + f.closure.proto.maxStack, f.top);
  }
  const s = th.stack;
  for (let i = 0; i < top && i < s.length; i++) push(s[i]);
  for (const uv of th.openUpvals) push(uv.get());
}
