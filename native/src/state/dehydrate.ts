// Dehydrate: walk everything reachable from the roots, each object once, into the flat
// node list of format.ts, and wrap it in the envelope.
//
// The walk is breadth-first in a fixed order (roots, then each node's fields in order),
// so the same state always gives the same bytes. Every node remembers how it was first
// reached, which is how a value that cannot be written is reported with its path
// ("upvalue 'conn' of handler 'process_order'").

import { hmac } from "@noble/hashes/hmac";
import { sha256 } from "@noble/hashes/sha2";
import type { Frame, LuaThread } from "../vm/frames.js";
import { Closure, NativeFunction, type Proto, UpVal } from "../vm/function.js";
import { instructionsUsed, memoryEstimate } from "../vm/limits.js";
import type { LuaState } from "../vm/state.js";
import { LuaTable } from "../vm/table.js";
import { LuaFloat, LuaUserdata, type LuaValue } from "../vm/value.js";
import {
  ChunkKind,
  codec,
  ENGINE_ID,
  encodeString,
  FORMAT_VERSION,
  MAGIC,
  Node,
  StateError,
  TAG_FLOAT,
  TAG_REF,
  Tag,
  THREAD_STATUS,
} from "./format.js";

/** A root the host adds to the state, with a label for error paths. */
export interface HostRoot {
  value: LuaValue;
  /** How the root is named in paths ("handlers"). */
  label: string;
  /** How a field of this root (a table) is named, e.g. "handler" gives "handler 'x'". */
  fieldLabel?: string;
}

export interface DehydrateOptions {
  /** Chunks the host loads again by name (scripts): written as name + SHA-256. */
  scripts: Map<object, string>;
  /** Extra roots (the host's handlers, session coroutine, pending call...). */
  roots: HostRoot[];
  /** Plain data the host stores beside the VM (numbers, strings, arrays, booleans, null). */
  host?: unknown;
  /** HMAC-SHA256 key: signs the state. */
  key?: Uint8Array;
}

/** Interpreter fields the writer needs. */
interface VMState extends LuaState {
  mainThread: LuaThread;
  current: LuaThread;
}

type Obj = LuaTable | Closure | NativeFunction | UpVal | LuaThread;

/** How a node was first reached: its parent node (-1 for a root) and the step's text. */
interface Via {
  parent: number;
  step: string;
}

const hashes = new WeakMap<object, string>();

/** The SHA-256 of a chunk's source, computed once per chunk. */
export function chunkHash(info: { source: string }): string {
  let h = hashes.get(info);
  if (h === undefined) {
    h = hexSha256(info.source);
    hashes.set(info, h);
  }
  return h;
}

export function hexSha256(source: string): string {
  const b = new Uint8Array(source.length);
  for (let i = 0; i < source.length; i++) b[i] = source.charCodeAt(i) & 0xff;
  const h = sha256(b);
  let s = "";
  for (const x of h) s += x.toString(16).padStart(2, "0");
  return s;
}

export function sign(key: Uint8Array, body: Uint8Array): Uint8Array {
  return hmac(sha256, key, body);
}

class Writer {
  nodes: unknown[] = [];
  index = new Map<object, number>();
  via: Via[] = [];
  queue: Obj[] = [];
  chunks: unknown[] = [];
  chunkIndex = new Map<object, number>();
  /** The node being written (parent of newly found objects) and the step to them. */
  parent = -1;
  step = "";
  /** For tables that are roots with a field label. */
  fieldLabels = new Map<object, string>();

  constructor(
    readonly L: VMState,
    readonly scripts: Map<object, string>,
  ) {}

  /** A value as CBOR data; objects get (or reuse) a node. */
  value(v: LuaValue): unknown {
    switch (typeof v) {
      case "undefined":
        return null;
      case "boolean":
      case "number":
      case "bigint":
        return v;
      case "string":
        return encodeString(v);
    }
    if (v instanceof LuaFloat) return new Tag(Object.is(v.n, -0) ? "-0" : v.n, TAG_FLOAT);
    return new Tag(this.ref(v as unknown as Obj), TAG_REF);
  }

  ref(o: Obj): number {
    const known = this.index.get(o);
    if (known !== undefined) return known;
    if (
      !(
        o instanceof LuaTable ||
        o instanceof Closure ||
        o instanceof NativeFunction ||
        o instanceof UpVal ||
        (o as { isLuaThread?: boolean }).isLuaThread === true
      )
    ) {
      const what = o instanceof LuaUserdata ? "a userdata" : "a host object";
      throw this.notSerializable(`cannot serialize ${what}`, { parent: this.parent, step: this.step });
    }
    const i = this.nodes.length;
    this.index.set(o, i);
    this.nodes.push(null);
    this.via.push({ parent: this.parent, step: this.step });
    this.queue.push(o);
    return i;
  }

  /** The path to a node (or to a value about to become one), innermost step first. */
  path(v: Via): string {
    const parts: string[] = [];
    let cur: Via | undefined = v;
    for (let n = 0; cur && n < 50; n++) {
      if (cur.step) parts.push(cur.step);
      cur = cur.parent >= 0 ? this.via[cur.parent] : undefined;
    }
    return parts.join(" of ");
  }

  notSerializable(msg: string, v: Via): StateError {
    const p = this.path(v);
    return new StateError("NOT_SERIALIZABLE", p ? `${msg} (reached by ${p})` : msg);
  }

  at(parent: number, step: string): void {
    this.parent = parent;
    this.step = step;
  }

  values(parent: number, vs: LuaValue[], step: (i: number) => string, from = 0, to = vs.length): unknown[] {
    const out: unknown[] = [];
    for (let i = from; i < to; i++) {
      const v = vs[i];
      if (typeof v === "object") this.at(parent, step(i));
      out.push(this.value(v));
    }
    return out;
  }

  chunk(p: Proto): number {
    const info = p.chunk;
    if (info === undefined)
      throw this.notSerializable("cannot serialize a function without a chunk", this.via[this.parent]);
    let i = this.chunkIndex.get(info);
    if (i !== undefined) return i;
    i = this.chunks.length;
    this.chunkIndex.set(info, i);
    const script = this.scripts.get(info);
    if (script !== undefined) this.chunks.push([ChunkKind.Script, script, chunkHash(info)]);
    else this.chunks.push([ChunkKind.Loaded, encodeString(info.name), encodeString(info.source)]);
    return i;
  }

  /** Writes every queued node (new ones join the queue as they are found). */
  drain(): void {
    for (let q = 0; q < this.queue.length; q++) {
      const o = this.queue[q];
      const i = this.index.get(o) as number;
      this.nodes[i] = this.node(o, i);
    }
  }

  node(o: Obj, i: number): unknown {
    if (o instanceof LuaTable) return this.table(o, i);
    if (o instanceof Closure) {
      const p = o.proto;
      const ups: unknown[] = [];
      for (let u = 0; u < o.upvals.length; u++) {
        this.at(i, `upvalue '${p.upvals[u]?.name || "?"}'`);
        ups.push(new Tag(this.ref(o.upvals[u]), TAG_REF));
      }
      return [Node.Closure, this.chunk(p), p.index, ups];
    }
    if (o instanceof NativeFunction) {
      const reg = this.L.natives.get(o.name);
      const ok = o.bound === undefined ? reg === o : reg?.make !== undefined;
      if (!ok) throw this.notSerializable(`cannot serialize native function '${o.name}'`, this.via[i]);
      const bound = o.bound === undefined ? null : this.values(i, o.bound, () => "a bound value");
      return [Node.Native, o.name, bound];
    }
    if (o instanceof UpVal) {
      if (o.stack === undefined) {
        this.at(this.via[i].parent, this.via[i].step);
        return [Node.Upval, 0, this.value(o.value)];
      }
      this.at(i, "the coroutine of an open upvalue");
      const owner = o.owner as LuaThread;
      return [Node.Upval, 1, new Tag(this.ref(owner), TAG_REF), o.idx];
    }
    return this.thread(o as LuaThread, i);
  }

  table(t: LuaTable, i: number): unknown {
    const label = this.fieldLabels.get(t);
    this.at(i, "a metatable");
    const mt = t.metatable === undefined ? null : this.value(t.metatable);
    const arr = this.values(i, t.arr, (k) => `[${k + 1}]`);
    const keys: unknown[] = [];
    const vals: unknown[] = [];
    for (let k = 0; k < t.hkeys.length; k++) {
      const key = t.hkeys[k];
      this.at(i, "a table key");
      keys.push(this.value(key));
      const v = t.hvals[k];
      if (typeof v === "object") {
        const name = typeof key === "string" ? key : String(key);
        this.at(i, label !== undefined ? `${label} '${name}'` : `field '${name}'`);
      }
      vals.push(this.value(v));
    }
    return [Node.Table, mt, arr, keys, vals];
  }

  thread(th: LuaThread, i: number): unknown {
    let top = th.lastTop;
    for (const f of th.frames) top = Math.max(top, f.base + f.closure.proto.maxStack, f.top);
    for (const t of th.tbc) top = Math.max(top, t + 1);
    for (const uv of th.openUpvals) top = Math.max(top, uv.idx + 1);
    if (th.pending) top = Math.max(top, th.pending.func + 1);
    top = Math.min(top, th.stack.length);
    const frames: unknown[] = th.frames.map((f: Frame, fi: number) => this.frame(i, f, fi));
    const stack = this.values(i, th.stack, (k) => this.registerName(th, k), 0, top);
    this.at(i, "an open upvalue");
    const open = th.openUpvals.map((uv) => new Tag(this.ref(uv), TAG_REF));
    this.at(i, "the coroutine that resumed it");
    const resumer = th.resumer === undefined ? null : this.value(th.resumer as unknown as LuaValue);
    let pending: unknown = null;
    if (th.pending) {
      const p = th.pending;
      this.at(i, "an xpcall message handler");
      pending = [p.func, p.nres, p.flags, p.wrap === true, this.value(p.handler)];
    }
    this.at(i, "an error closing to-be-closed variables");
    const unwinds = (th.unwinds ?? []).map((u) => [u.level, this.value(u.value), u.func, u.flags, u.nres]);
    this.at(i, "the body of a coroutine");
    const body = this.value(th.body);
    this.at(i, "the error of a dead coroutine");
    const errorValue = this.value(th.errorValue);
    return [
      Node.Thread,
      THREAD_STATUS.indexOf(th.status),
      th.isMain,
      stack,
      frames,
      open,
      th.tbc.slice(),
      resumer,
      pending,
      th.jsResumed,
      body,
      errorValue,
      th.diedWithError,
      th.lastTop,
      th.baseCdepth,
      th.nny,
      unwinds,
    ];
  }

  frame(i: number, f: Frame, fi: number): unknown {
    this.at(i, `function of call level ${fi}`);
    const cl = this.value(f.closure);
    const varargs = this.values(i, f.varargs, () => "a vararg");
    this.at(i, "an xpcall message handler");
    const handler = this.value(f.handler);
    return [cl, f.pc, f.base, f.func, f.nres, varargs, f.top, f.flags, handler, f.extra, f.cdepth];
  }

  /** A stack slot's name for paths: the local variable living there, if any. */
  registerName(th: LuaThread, k: number): string {
    for (let fi = th.frames.length - 1; fi >= 0; fi--) {
      const f = th.frames[fi];
      if (k < f.base) continue;
      const p = f.closure.proto;
      const reg = k - f.base;
      for (const lv of p.locVars) {
        if (lv.reg === reg && lv.startPc <= f.pc && f.pc <= lv.endPc) return `local '${lv.name}'`;
      }
      return `a register of ${p.source}:${p.lineDefined}`;
    }
    return "a stack slot";
  }
}

/** Serializes the state of L (suspended at a host call) with the host's roots. */
export function dehydrateState(L0: LuaState, opts: DehydrateOptions): Uint8Array {
  const L = L0 as VMState;
  const w = new Writer(L, opts.scripts);
  const rootVals: unknown[] = [];
  const root = (v: LuaValue, label: string) => {
    w.at(-1, label);
    return w.value(v);
  };
  // the host's roots first, so that paths name handlers rather than stack slots
  const host: unknown[] = [];
  for (const r of opts.roots) {
    if (r.fieldLabel !== undefined && r.value instanceof LuaTable) w.fieldLabels.set(r.value, r.fieldLabel);
    host.push(root(r.value, r.label));
  }
  rootVals.push(root(L.globals, "the globals"));
  rootVals.push(root(L.registry, "the registry"));
  rootVals.push(root(L.stringMeta, "the string metatable"));
  const typeMeta: unknown[] = [];
  for (const [name, mt] of [...L.typeMeta.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    typeMeta.push([name, root(mt, `the ${name} metatable`)]);
  }
  rootVals.push(typeMeta);
  rootVals.push(root(L.mainThread as unknown as LuaValue, "the main thread"));
  rootVals.push(root(L.current as unknown as LuaValue, "the running coroutine"));
  rootVals.push(L.randomState.map((x) => BigInt.asUintN(64, BigInt(x))));
  const lim = L.limits;
  const fin = (n: number) => (Number.isFinite(n) ? n : null);
  rootVals.push([fin(lim.memory), fin(lim.cpuTime), fin(lim.maxCallDepth), fin(lim.instructions)]);
  rootVals.push([instructionsUsed(L), L.usage.cpuMs, memoryEstimate(L)]);
  rootVals.push(host);
  w.drain();
  const body = codec.encode([w.chunks, w.nodes, rootVals, opts.host ?? null]);
  const mac = opts.key ? sign(opts.key, body) : null;
  return codec.encode([MAGIC, FORMAT_VERSION, ENGINE_ID, body, mac]);
}
