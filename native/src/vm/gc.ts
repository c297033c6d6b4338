// Weak tables: the JS garbage collector owns memory, but Lua programs can observe
// collection through tables with __mode. A reachability walk from the roots (globals,
// registry, metatables, threads) marks what Lua can still reach; entries of weak tables
// that refer to unmarked objects are then removed, as a Lua collection cycle would.
// It runs on collectgarbage() and, while weak tables exist, every so many allocations.
// collectgarbage() also runs the __gc finalizers of objects the walk no longer reaches
// (fullCollect), and `endymion lua` runs the rest when the script ends, as lua_close does.
// Collections at allocation points run the finalizers too (gcStep).

import { Op } from "../compiler/opcodes.js";
import { activeLocals, temporaryLimit } from "./debuginfo.js";
import { LuaError } from "./errors.js";
import type { Frame, LuaThread } from "./frames.js";
import { Closure, NativeFunction, type Proto } from "./function.js";
import { CLOSURE_BYTES, heap, SLOT_BYTES, TABLE_BYTES, THREAD_BYTES } from "./heap.js";
import { getMetamethod, typeNameMeta } from "./meta.js";
import type { LuaState } from "./state.js";
import { LuaTable } from "./table.js";
import { LuaUserdata, type LuaValue } from "./value.js";

/** Allocations between automatic collections, at least. */
export const GC_STEP = 200_000;

interface GcState {
  weakTables?: Set<WeakRef<LuaTable>>;
  gcDebt: number;
  gcPace: number;
  mainThread: LuaThread;
  current: LuaThread;
}

/** Remembers a table whose metatable has __mode (called by setmetatable). */
export function registerWeak(L: LuaState, t: LuaTable): void {
  const g = L as unknown as GcState;
  if (g.weakTables === undefined) g.weakTables = new Set();
  g.weakTables.add(new WeakRef(t));
}

/**
 * The collection that allocation points (table constructors, concatenations, closures)
 * run every L.gcPace allocations when there is something for it to do: weak tables to
 * clear or objects with finalizers. The next one comes after as many allocations as the
 * walk found objects alive (at least GC_STEP), so that its cost stays proportional.
 */
export function gcStep(L: LuaState, top = -1, pc = -1): void {
  const g = L as unknown as GcState;
  g.gcDebt = 0;
  if (L.finalizing || ((g.weakTables === undefined || g.weakTables.size === 0) && L.finalizable.size === 0)) return;
  stepTop = top;
  stepPc = pc;
  try {
    runFinalizers(L, collect(L, true));
  } finally {
    stepTop = -1;
  }
}

/**
 * While an allocation point's collection runs: the end of the running frame's live
 * registers (the new value's register + 1, as checkGC sets L->top in PUC-Rio) and the
 * allocating instruction. Registers above it and above the active locals are dead
 * temporaries (compiled code leaves stale copies there), which the walk does not mark.
 */
let stepTop = -1;
let stepPc = -1;

/**
 * Values that a weak reference can lose (strings, numbers and booleans are never removed;
 * nor are natives without bound values, which are light C functions in PUC-Rio's terms,
 * while those with bound values, such as coroutine.wrap's, are C closures).
 */
function collectable(v: LuaValue): boolean {
  return (
    typeof v === "object" &&
    (v instanceof LuaTable ||
      v instanceof Closure ||
      v instanceof LuaUserdata ||
      (v instanceof NativeFunction && v.bound !== undefined) ||
      (v as { isLuaThread?: boolean }).isLuaThread === true)
  );
}

function weakMode(t: LuaTable): { k: boolean; v: boolean } {
  const m = t.metatable?.getStr("__mode");
  if (typeof m !== "string") return { k: false, v: false };
  return { k: m.includes("k"), v: m.includes("v") };
}

/**
 * A full collection (collectgarbage "collect"/"step"): clears weak tables, and then the
 * finalizers of the objects with __gc that nothing reaches any more run, newest first, as
 * lgc.c's atomic phase and GCTM do: those objects and what they reach are resurrected for
 * their finalizers, weak values referring to them are cleared first, weak keys are kept.
 * An error in a finalizer becomes the warning "error in __gc (...)".
 */
export function fullCollect(L: LuaState): void {
  if (L.finalizing) return;
  const dead = collect(L, true);
  L.gcCount = { live: measureMemory(L), mark: heap.bytes };
  runFinalizers(L, dead);
}

/**
 * The memory in use as collectgarbage("count") reports it, in bytes: what the last full
 * collection found reachable plus what has been allocated since (estimates, as for the
 * memory limit), so that it grows with allocation and drops after a collection.
 */
export function memoryInUse(L: LuaState): number {
  if (L.gcCount.live < 0) L.gcCount = { live: measureMemory(L), mark: heap.bytes };
  return L.gcCount.live + heap.bytes - L.gcCount.mark;
}

/**
 * Runs the finalizers of every object with __gc, reachable or not, newest first (lua_close).
 * Objects given a finalizer from now on get none. When something other than a Lua error
 * (os.exit) stops it, the finalizers not yet run are left for another call.
 */
export function closeFinalizers(L: LuaState): void {
  L.closing = true;
  runFinalizers(L, [...L.finalizable].reverse());
}

/** Whether the instruction at pc calls a function (the frame is waiting for it). */
function isCall(p: Proto, pc: number): boolean {
  const op = p.code[pc * 4];
  return op === Op.Call || op === Op.TailCall;
}

/** Calls __gc(o) for each object in turn, with collections turned off meanwhile. */
function runFinalizers(L: LuaState, objects: (LuaTable | LuaUserdata)[]): void {
  L.finalizing = true;
  try {
    for (const o of objects) {
      L.finalizable.delete(o);
      const gc = o.metatable?.getStr("__gc");
      if (gc === undefined) continue;
      if (!(gc instanceof Closure || gc instanceof NativeFunction) && getMetamethod(L, gc, "__call") === undefined) {
        L.warn(`error in __gc (attempt to call a ${typeNameMeta(L, gc)} value (metamethod '__gc'))`);
        continue;
      }
      // debug.getinfo names the finalizer's frame "metamethod '__gc'"
      const th = (L as unknown as GcState).current;
      const saved = th.finalizerFrame;
      th.finalizerFrame = th.frames.length;
      try {
        L.call(gc, [o]);
      } catch (e) {
        if (!(e instanceof LuaError)) throw e;
        L.warn(`error in __gc (${typeof e.value === "string" ? e.value : "error object is not a string"})`);
      } finally {
        th.finalizerFrame = saved;
      }
    }
  } finally {
    L.finalizing = false;
  }
}

/** Registers o for finalization when its new metatable has __gc (setmetatable). */
export function registerFinalizer(L: LuaState, o: LuaTable | LuaUserdata, mt: LuaTable | undefined): void {
  if (mt !== undefined && mt.getStr("__gc") !== undefined && !L.closing) L.finalizable.add(o);
}

/**
 * The walk behind both: marks from the roots, then (when finalizing) separates the
 * unreachable objects with finalizers, newest first, and marks what they reach; clears dead
 * entries of weak tables. Returns the objects to finalize.
 */
function collect(L: LuaState, finalize: boolean): (LuaTable | LuaUserdata)[] {
  const g = L as unknown as GcState;
  const set = g.weakTables ?? new Set<WeakRef<LuaTable>>();
  const marked = new Set<object>();
  /** Objects marked only because a finalizer will see them: dead to weak values. */
  let resurrected: Set<object> | undefined;
  const stack: LuaValue[] = [];
  const push = (v: LuaValue) => {
    if (typeof v === "object" && v !== null && !marked.has(v)) {
      marked.add(v);
      resurrected?.add(v);
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
        markThread(o as unknown as LuaThread, push, o === g.current);
      }
    }
  };
  // ephemerons: a value of a weak-key table lives while its key does
  const converge = () => {
    drain();
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
  };
  converge();
  const dead: (LuaTable | LuaUserdata)[] = [];
  if (finalize && L.finalizable.size > 0) {
    // they leave L.finalizable as their finalizers run (runFinalizers)
    for (const o of L.finalizable) if (!marked.has(o)) dead.push(o);
    dead.reverse();
    resurrected = new Set();
    for (const o of dead) push(o);
    converge();
  }
  g.gcDebt = 0;
  g.gcPace = Math.max(GC_STEP, marked.size);
  for (const ref of set) if (ref.deref() === undefined) set.delete(ref);
  // every weak table the walk met, whenever its __mode was set
  const deadKey = (v: LuaValue) => collectable(v) && !marked.has(v as object);
  const deadValue = (v: LuaValue) => deadKey(v) || (resurrected?.has(v as object) ?? false);
  for (const t of weakPending) {
    const mode = weakMode(t);
    if (!mode.k && !mode.v) continue;
    if (mode.v) for (let i = 0; i < t.arr.length; i++) if (deadValue(t.arr[i])) t.setInt(i + 1, undefined);
    for (let i = 0; i < t.hkeys.length; i++) {
      const v = t.hvals[i];
      if (v === undefined) continue;
      if ((mode.k && deadKey(t.hkeys[i])) || (mode.v && deadValue(v))) t.set(t.hkeys[i], undefined);
    }
  }
  return dead;
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
        if (o.hvals[i] === undefined) continue; // a removed key
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
      markThread(th, push, th === (L as unknown as GcState).current);
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

/**
 * Marks a thread's live registers, varargs, pending values and body. The running thread's
 * last frame, when it is calling a function (collectgarbage), is live only up to that
 * function's register, as lua_State's top limits the marking in PUC-Rio: the temporaries
 * above it are dead.
 */
function markThread(th: LuaThread, push: (v: LuaValue) => void, running: boolean): void {
  push(th.body);
  push(th.errorValue);
  if (th.resumer) push(th.resumer as unknown as LuaValue);
  const frames = th.frames as Frame[];
  let top = frames.length === 0 ? th.lastTop : 0;
  for (let i = 0; i < frames.length; i++) {
    const f = frames[i];
    push(f.closure);
    push(f.handler);
    for (const v of f.varargs) push(v);
    const p = f.closure.proto;
    const last = running && i === frames.length - 1;
    const end =
      last && stepTop >= 0
        ? Math.max(stepTop, f.base + (activeLocals(p, stepPc).at(-1)?.reg ?? -1) + 1)
        : last && isCall(p, f.pc - 1)
          ? f.base + temporaryLimit(p, f.pc - 1) + 1
          : Math.max(f.base + p.maxStack, f.top);
    top = Math.max(top, end);
  }
  const s = th.stack;
  for (let i = 0; i < top && i < s.length; i++) push(s[i]);
  for (const uv of th.openUpvals) push(uv.get());
}
