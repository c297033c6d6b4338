// Hydrate: check the envelope (magic, version, signature), decode the node list, rebuild
// every object and install the result as the state of L.
//
// Nothing from the bytes is trusted: every field is checked for its type and range, so
// truncated, corrupted or crafted input fails with a StateError saying what is wrong.
// Objects are made first as empty shells (so references, shared and cyclic, resolve),
// then filled. The state of L changes only once everything has been rebuilt.

import { compile } from "../loader.js";
import { LuaSyntaxError } from "../vm/errors.js";
import { Frame, FrameFlag, LuaThread, type PendingCall, type ThreadStatus } from "../vm/frames.js";
import { type ChunkInfo, Closure, type NativeFunction, type Proto, UpVal } from "../vm/function.js";
import { registerWeak } from "../vm/gc.js";
import { applyLimits, MAX_FRAMES, setMeasuredMemory } from "../vm/limits.js";
import type { LuaState } from "../vm/state.js";
import { HashPart, LuaTable, mapKey } from "../vm/table.js";
import { LuaFloat, type LuaValue, normInt } from "../vm/value.js";
import { chunkHash, sign } from "./dehydrate.js";
import {
  bytesToString,
  ChunkKind,
  CODE_VERSION,
  codec,
  ENGINE_ID,
  FORMAT_VERSION,
  isAscii,
  MAGIC,
  Node,
  StateError,
  TAG_FLOAT,
  TAG_REF,
  Tag,
  THREAD_STATUS,
} from "./format.js";

export interface HydrateOptions {
  /** The scripts this runtime has loaded, by name. */
  scripts: Map<string, ChunkInfo>;
  /** HMAC key: when set, only states signed with it are accepted. */
  key?: Uint8Array;
  /** Largest state accepted, in bytes (default 512 MiB). */
  maxBytes?: number;
}

export interface Hydrated {
  /** The host roots, in the order they were given to dehydrate. */
  roots: LuaValue[];
  /** The host's plain data. */
  host: unknown;
}

interface VMState extends LuaState {
  mainThread: LuaThread;
  current: LuaThread;
  nCcalls: number;
  jsResults: LuaValue[];
  exitResult: unknown;
  nativeCtx: boolean;
  calledFromLua: boolean;
  pendingHandler: LuaValue;
  gcDebt: number;
  jsDepth: number;
  weakTables?: unknown;
}

type Obj = LuaTable | Closure | NativeFunction | UpVal | LuaThread;

function corrupt(msg: string): never {
  throw new StateError("CORRUPT", `corrupt state: ${msg}`);
}

function isArr(x: unknown, n?: number): x is unknown[] {
  return Array.isArray(x) && (n === undefined || x.length === n);
}

function int(x: unknown, what: string, min = 0, max = 2 ** 31): number {
  if (typeof x !== "number" || !Number.isInteger(x) || x < min || x > max) corrupt(`${what} is not a valid integer`);
  return x;
}

function bool(x: unknown, what: string): boolean {
  if (typeof x !== "boolean") corrupt(`${what} is not a boolean`);
  return x;
}

class Reader {
  objs: (Obj | undefined)[];
  protos: Proto[][] = [];
  making = new Set<number>();

  constructor(
    readonly L: VMState,
    readonly nodes: unknown[],
  ) {
    this.objs = new Array(nodes.length).fill(undefined);
  }

  /** A decoded value. */
  value(x: unknown): LuaValue {
    if (x === null || x === undefined) return undefined;
    switch (typeof x) {
      case "boolean":
        return x;
      case "number":
        if (Number.isInteger(x) && !Number.isSafeInteger(x)) corrupt("an integer outside the safe range");
        return x;
      case "bigint":
        if (x < -(2n ** 63n) || x >= 2n ** 63n) corrupt("an integer outside 64 bits");
        return normInt(x);
      case "string":
        if (!isAscii(x)) corrupt("a text string that is not ASCII");
        return x;
    }
    if (x instanceof Uint8Array) return bytesToString(x);
    if (x instanceof Tag) {
      if (x.tag === TAG_REF) {
        const o = this.obj(x.value);
        if (o instanceof UpVal) corrupt("an upvalue where a value belongs");
        return o as unknown as LuaValue;
      }
      if (x.tag === TAG_FLOAT) {
        if (x.value === "-0") return new LuaFloat(-0);
        if (typeof x.value !== "number" || !Number.isInteger(x.value)) corrupt("a malformed float");
        return new LuaFloat(x.value);
      }
    }
    return corrupt("an unknown value");
  }

  values(x: unknown, what: string): LuaValue[] {
    if (!isArr(x)) corrupt(`${what} is not an array`);
    const out: LuaValue[] = [];
    for (const v of x) out.push(this.value(v));
    return out;
  }

  /** The object of node i (a reference). */
  obj(i: unknown): Obj {
    const n = int(i, "a reference", 0, this.nodes.length - 1);
    const o = this.objs[n];
    if (o !== undefined) return o;
    return this.makeNative(n);
  }

  /** A reference that must be of a given class. */
  typed<T>(x: unknown, cls: abstract new (...a: never[]) => T, what: string): T {
    if (!(x instanceof Tag) || x.tag !== TAG_REF) corrupt(`${what} is not a reference`);
    const o = this.obj(x.value);
    if (!(o instanceof (cls as unknown as new () => unknown))) corrupt(`${what} refers to the wrong kind of object`);
    return o as T;
  }

  /** Pass 1: shells for everything but natives with bound values (made on demand). */
  shells(chunks: unknown[], opts: HydrateOptions): void {
    for (const c of chunks) this.protos.push(this.chunk(c, opts));
    for (let i = 0; i < this.nodes.length; i++) {
      const n = this.nodes[i];
      if (!isArr(n) || n.length < 1) corrupt(`node ${i} is malformed`);
      switch (n[0]) {
        case Node.Table:
          this.objs[i] = new LuaTable();
          break;
        case Node.Closure: {
          if (!isArr(n, 4)) corrupt(`closure ${i} is malformed`);
          const ps = this.protos[int(n[1], "a chunk index", 0, this.protos.length - 1)];
          const p = ps[int(n[2], "a prototype index", 0, ps.length - 1)];
          this.objs[i] = new Closure(p, []);
          break;
        }
        case Node.Native: {
          if (!isArr(n, 3) || typeof n[1] !== "string") corrupt(`native ${i} is malformed`);
          const f = this.L.natives.get(n[1]);
          if (f === undefined) {
            throw new StateError(
              "UNKNOWN_NATIVE",
              `the state uses native function '${n[1]}', which this runtime does not have`,
            );
          }
          if (n[2] === null) {
            if (f.make !== undefined) corrupt(`native '${n[1]}' needs its bound values`);
            this.objs[i] = f;
          } else if (f.make === undefined) corrupt(`native '${n[1]}' cannot have bound values`);
          break;
        }
        case Node.Upval:
          this.objs[i] = new UpVal(undefined, 0);
          break;
        case Node.Thread:
          this.objs[i] = new LuaThread(undefined);
          break;
        default:
          corrupt(`node ${i} has an unknown kind`);
      }
    }
  }

  makeNative(i: number): NativeFunction {
    if (this.making.has(i)) corrupt("a native's bound values refer to themselves");
    this.making.add(i);
    const n = this.nodes[i] as unknown[];
    const proto = this.L.natives.get(n[1] as string) as NativeFunction;
    const bound = this.values(n[2], "bound values");
    if (proto.name === "coroutine.wrap:call" && !(bound.length === 1 && bound[0] instanceof LuaThread)) {
      corrupt("a coroutine.wrap function without its coroutine");
    }
    if (proto.name === "string.gmatch.iterator") {
      const [s, p, pos, last] = bound;
      if (typeof s !== "string" || typeof p !== "string" || typeof pos !== "number" || typeof last !== "number")
        corrupt("a malformed gmatch iterator");
    }
    const f = (proto.make as (b: LuaValue[]) => NativeFunction)(bound);
    this.objs[i] = f;
    return f;
  }

  chunk(c: unknown, opts: HydrateOptions): Proto[] {
    if (!isArr(c, 3)) corrupt("a chunk reference is malformed");
    if (c[0] === ChunkKind.Script) {
      if (typeof c[1] !== "string" || typeof c[2] !== "string") corrupt("a script reference is malformed");
      const info = opts.scripts.get(c[1]);
      if (info === undefined) {
        throw new StateError(
          "SCRIPT_MISMATCH",
          `the state needs script '${c[1]}', which is not loaded in this runtime (load it before hydrate)`,
        );
      }
      const have = chunkHash(info);
      if (have !== c[2]) {
        throw new StateError(
          "SCRIPT_MISMATCH",
          `script '${c[1]}' changed since the state was saved: state has sha256 ${c[2]}, loaded source has sha256 ${have}`,
        );
      }
      return info.protos;
    }
    if (c[0] === ChunkKind.Loaded) {
      const name = this.value(c[1]);
      const source = this.value(c[2]);
      if (typeof name !== "string" || typeof source !== "string") corrupt("a loaded chunk is malformed");
      try {
        const p = compile(source, name);
        return (p.chunk as ChunkInfo).protos;
      } catch (e) {
        if (e instanceof LuaSyntaxError) corrupt(`a loaded chunk does not compile: ${e.message}`);
        throw e;
      }
    }
    return corrupt("a chunk reference has an unknown kind");
  }

  /** Pass 3: what can only be checked once everything is filled. */
  check(): void {
    for (const o of this.objs) {
      if (!(o instanceof LuaThread)) continue;
      if (o.frames.some((f) => f.flags & FrameFlag.CloseUnwind) && !o.unwinds?.length) {
        corrupt("a __close frame without the error it closes for");
      }
      let prev = -1;
      for (const uv of o.openUpvals) {
        if (uv.stack !== o.stack || uv.idx <= prev || uv.idx >= o.stack.length) {
          corrupt("a coroutine's open upvalues are out of order or not on its stack");
        }
        prev = uv.idx;
      }
    }
  }

  /** Pass 2: fill every shell. */
  fill(): void {
    for (let i = 0; i < this.nodes.length; i++) {
      const n = this.nodes[i] as unknown[];
      const o = this.obj(i);
      switch (n[0]) {
        case Node.Table:
          this.fillTable(o as LuaTable, n, i);
          break;
        case Node.Closure: {
          const cl = o as Closure;
          const ups = n[3];
          if (!isArr(ups, cl.proto.upvals.length)) corrupt(`closure ${i} has the wrong number of upvalues`);
          cl.upvals = ups.map((u) => this.typed(u, UpVal, "an upvalue"));
          break;
        }
        case Node.Upval: {
          const uv = o as UpVal;
          if (n[1] === 0 && n.length === 3) uv.value = this.value(n[2]);
          else if (n[1] === 1 && n.length === 4) {
            const th = this.typed(n[2], LuaThread, "an open upvalue's coroutine");
            uv.owner = th;
            uv.stack = th.stack;
            uv.idx = int(n[3], "an upvalue's stack index", 0, 1e8);
          } else corrupt(`upvalue ${i} is malformed`);
          break;
        }
        case Node.Thread:
          this.fillThread(o as LuaThread, n, i);
          break;
      }
    }
  }

  fillTable(t: LuaTable, n: unknown[], i: number): void {
    if (!isArr(n, 5)) corrupt(`table ${i} is malformed`);
    if (n[1] !== null) t.metatable = this.typed(n[1], LuaTable, "a metatable");
    const arr = this.values(n[2], "an array part");
    t.arr = arr;
    t.arrNils = arr.reduce((c: number, v) => (v === undefined ? c + 1 : c), 0);
    if (!isArr(n[3]) || !isArr(n[4]) || n[3].length !== n[4].length) corrupt(`table ${i} has a malformed hash part`);
    if (n[3].length > 0) {
      const keys = this.values(n[3], "table keys");
      const vals = this.values(n[4], "table values");
      const map = new Map<unknown, number>();
      let count = 0;
      for (let k = 0; k < keys.length; k++) {
        const key = keys[k];
        if (key === undefined || (typeof key === "number" && Number.isNaN(key))) corrupt("a nil or NaN table key");
        const mk = mapKey(key);
        if (map.has(mk)) corrupt("a table key appears twice");
        if (vals[k] !== undefined && Number.isInteger(mk) && (mk as number) >= 1 && (mk as number) <= arr.length) {
          corrupt("a live hash key inside the array part");
        }
        map.set(mk, k);
        if (vals[k] !== undefined) count++;
      }
      const h = new HashPart();
      h.map = map;
      h.keys = keys;
      h.vals = vals;
      h.count = count;
      t.hash = h;
    }
    if (t.metatable !== undefined && typeof t.metatable.getStr("__mode") === "string") registerWeak(this.L, t);
  }

  fillThread(th: LuaThread, n: unknown[], i: number): void {
    if (!isArr(n, 17)) corrupt(`coroutine ${i} is malformed`);
    const status = THREAD_STATUS[int(n[1], "a coroutine status", 0, 3)] as ThreadStatus;
    th.status = status;
    th.isMain = bool(n[2], "isMain");
    const stack = this.values(n[3], "a coroutine stack");
    th.stack.length = 0;
    for (const v of stack) th.stack.push(v);
    th.ensure(Math.max(64, stack.length + 1));
    const size = th.stack.length;
    if (!isArr(n[4])) corrupt("frames are not an array");
    if (n[4].length > MAX_FRAMES) corrupt("too many frames");
    th.frames = n[4].map((f) => this.frame(f, th));
    th.frames.forEach((f, k) => {
      // no JS boundary survives a host yield; only a coroutine's first frame is its base
      if (f.flags & FrameFlag.JsBoundary || (f.flags & 0xc0) !== 0) corrupt("a frame has impossible flags");
      if (k > 0 && f.flags & FrameFlag.CoroutineBase) corrupt("a frame inside a coroutine is flagged as its base");
      // a frame below another is inside a call: its pc is past that call; only a frame
      // finishing a RETURN under a metamethod frame may point past its last instruction
      const len = f.closure.proto.code.length >>> 2;
      const above = th.frames[k + 1];
      if (above !== undefined && (f.pc < 1 || (f.pc >= len && !(above.flags & FrameFlag.Finish)))) {
        corrupt("a frame's pc is out of range");
      }
      if (above === undefined && f.pc >= len) corrupt("a frame's pc is out of range");
    });
    if (!isArr(n[5])) corrupt("open upvalues are not an array");
    th.openUpvals = n[5].map((u) => this.typed(u, UpVal, "an open upvalue"));
    if (!isArr(n[6])) corrupt("to-be-closed variables are not an array");
    th.tbc = n[6].map((x) => int(x, "a to-be-closed slot", 0, size - 1));
    th.resumer = n[7] === null ? undefined : this.typed(n[7], LuaThread, "a resumer");
    if (n[8] !== null) {
      const p = n[8];
      if (!isArr(p, 5)) corrupt("a pending call is malformed");
      const pc: PendingCall = {
        func: int(p[0], "a pending call slot", 0, size - 1),
        nres: int(p[1], "a result count", -1, 250),
        flags: int(p[2], "call flags", 0, 2 ** 24),
      };
      if (bool(p[3], "wrap")) pc.wrap = true;
      const h = this.value(p[4]);
      if (h !== undefined) pc.handler = h;
      th.pending = pc;
    }
    th.jsResumed = bool(n[9], "jsResumed");
    th.body = this.value(n[10]);
    th.errorValue = this.value(n[11]);
    th.diedWithError = bool(n[12], "diedWithError");
    th.lastTop = int(n[13], "a stack top", 0, size);
    th.baseCdepth = int(n[14], "a C depth", 0, 1000);
    th.nny = int(n[15], "a non-yieldable count", 0, 1000);
    if (!isArr(n[16])) corrupt("unwinding errors are not an array");
    if (n[16].length > 0) {
      th.unwinds = n[16].map((u) => {
        if (!isArr(u, 5)) corrupt("an unwinding error is malformed");
        return {
          level: int(u[0], "an unwinding level", 0, size),
          value: this.value(u[1]),
          func: int(u[2], "a protected call slot", 1, size),
          flags: int(u[3], "protected call flags", 1, 2 ** 24),
          nres: int(u[4], "a result count", -1, 250),
        };
      });
      if (!th.unwinds.every((u) => u.flags & (FrameFlag.Pcall | FrameFlag.Xpcall)))
        corrupt("an unwinding error without pcall");
    }
  }

  frame(x: unknown, th: LuaThread): Frame {
    if (!isArr(x, 11)) corrupt("a frame is malformed");
    const cl = this.typed(x[0], Closure, "a frame's function");
    const p = cl.proto;
    const size = th.stack.length;
    const base = int(x[2], "a frame base", 1, size);
    const f = new Frame(
      cl,
      base,
      int(x[3], "a frame's function slot", 0, base - 1),
      int(x[4], "a result count", -1, 250),
      this.values(x[5], "varargs"),
      int(x[7], "frame flags", 0, 2 ** 24),
    );
    f.pc = int(x[1], "a pc", 0, p.code.length >>> 2);
    th.ensure(base + p.maxStack + 1);
    f.top = int(x[6], "a frame top", 0, th.stack.length);
    f.handler = this.value(x[8]);
    f.extra = int(x[9], "a concat count", 0, 255);
    f.cdepth = int(x[10], "a C depth", 0, 1000);
    return f;
  }
}

function limit(x: unknown): number {
  if (x === null) return Infinity;
  if (typeof x !== "number" || !(x >= 0)) corrupt("a malformed limit");
  return x;
}

/** Reads a state made by dehydrateState into L; returns the host's roots and data. */
export function hydrateState(L0: LuaState, bytes: Uint8Array, opts: HydrateOptions): Hydrated {
  const L = L0 as VMState;
  if (!(bytes instanceof Uint8Array)) throw new StateError("NOT_A_STATE", "a state must be a Buffer or Uint8Array");
  const max = opts.maxBytes ?? 512 * 1024 * 1024;
  if (bytes.length > max) throw new StateError("TOO_LARGE", `the state is ${bytes.length} bytes, more than ${max}`);
  let env: unknown;
  try {
    env = codec.decode(bytes);
  } catch {
    throw new StateError("NOT_A_STATE", "not an Endymion state (the bytes are not valid CBOR or are truncated)");
  }
  if (!isArr(env) || env.length < 2 || env[0] !== MAGIC) {
    throw new StateError("NOT_A_STATE", "not an Endymion state (no magic)");
  }
  if (typeof env[1] !== "number" || env[1] !== FORMAT_VERSION) {
    throw new StateError(
      "UNSUPPORTED_VERSION",
      `the state has format version ${String(env[1])}; this engine reads version ${FORMAT_VERSION}`,
    );
  }
  if (!isArr(env, 5) || typeof env[2] !== "string" || !(env[3] instanceof Uint8Array)) corrupt("malformed envelope");
  const layout = /\+code([0-9]+)$/.exec(env[2]);
  if ((layout ? Number(layout[1]) : 1) !== CODE_VERSION) {
    throw new StateError(
      "UNSUPPORTED_VERSION",
      `the state was written by engine ${env[2]}, whose compiler lays out code differently from this engine's (${ENGINE_ID}): its suspended frames cannot resume here; finish the run with the engine that saved it`,
    );
  }
  const body = env[3];
  const mac = env[4];
  if (mac !== null && !(mac instanceof Uint8Array && mac.length === 32)) corrupt("malformed signature");
  if (opts.key !== undefined) {
    if (mac === null)
      throw new StateError("BAD_SIGNATURE", "the state is not signed, and this runtime requires signed states");
    const want = sign(opts.key, body);
    let diff = 0;
    for (let i = 0; i < 32; i++) diff |= want[i] ^ (mac as Uint8Array)[i];
    if (diff !== 0)
      throw new StateError("BAD_SIGNATURE", "the state's signature does not match (tampered, or another key)");
  }
  let parts: unknown;
  try {
    parts = codec.decode(body);
  } catch {
    corrupt("the body is not valid CBOR");
  }
  if (!isArr(parts, 4) || !isArr(parts[0]) || !isArr(parts[1]) || !isArr(parts[2], 10)) corrupt("malformed body");
  const [chunks, nodes, roots, host] = parts as [unknown[], unknown[], unknown[], unknown];
  const r = new Reader(L, nodes);
  try {
    r.shells(chunks, opts);
    r.fill();
    r.check();
  } catch (e) {
    if (e instanceof StateError) throw e;
    if (e instanceof RangeError || e instanceof TypeError) corrupt(`unreadable content (${e.message})`);
    throw e;
  }
  const globals = r.typed(roots[0], LuaTable, "the globals");
  const registry = r.typed(roots[1], LuaTable, "the registry");
  const stringMeta = roots[2] === null ? undefined : r.typed(roots[2], LuaTable, "the string metatable");
  if (!isArr(roots[3])) corrupt("malformed type metatables");
  const typeMeta = new Map<string, LuaTable>();
  for (const e of roots[3]) {
    if (!isArr(e, 2) || typeof e[0] !== "string") corrupt("malformed type metatable");
    typeMeta.set(e[0], r.typed(e[1], LuaTable, "a type metatable"));
  }
  const main = r.typed(roots[4], LuaThread, "the main thread");
  const current = r.typed(roots[5], LuaThread, "the running coroutine");
  if (!main.isMain) corrupt("the main thread is not marked main");
  const rand = roots[6];
  if (!isArr(rand, 4)) corrupt("malformed random state");
  const words = rand.map((w) => {
    if (typeof w === "number" && Number.isSafeInteger(w) && w >= 0) return BigInt(w);
    if (typeof w === "bigint" && w >= 0n && w < 2n ** 64n) return w;
    return corrupt("malformed random state");
  });
  const lim = roots[7];
  const use = roots[8];
  if (!isArr(lim, 4) || !isArr(use, 3)) corrupt("malformed limits");
  const limits = {
    memory: limit(lim[0]),
    cpuTime: limit(lim[1]),
    maxCallDepth: limit(lim[2]),
    instructions: limit(lim[3]),
  };
  const usage = { instructions: limit(use[0]), cpuMs: limit(use[1]) };
  const memBase = limit(use[2]);
  if (!isArr(roots[9])) corrupt("malformed host roots");
  const hostRoots = roots[9].map((v) => r.value(v));
  // everything is rebuilt: install it
  L.globals = globals;
  L.registry = registry;
  L.stringMeta = stringMeta;
  L.typeMeta = typeMeta;
  L.mainThread = main;
  L.current = current;
  L.randomState = words;
  L.usage = usage;
  applyLimits(L, limits);
  setMeasuredMemory(L, memBase);
  L.nCcalls = 0;
  L.jsResults = [];
  L.exitResult = undefined;
  L.nativeCtx = false;
  L.calledFromLua = false;
  L.pendingHandler = undefined;
  L.gcDebt = 0;
  L.jsDepth = 0;
  return { roots: hostRoots, host };
}
