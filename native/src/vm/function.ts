// Functions: prototypes (compiled code), Lua closures, upvalue cells and natives.

import type { JitFn, JitInfo, PureFn } from "./jit.js";
import type { LuaState } from "./state.js";
import type { LuaValue } from "./value.js";

/** Debug info for one local variable: live in register `reg` for pc in [startPc, endPc). */
export interface LocVar {
  name: string;
  startPc: number;
  endPc: number;
  reg: number;
}

/** How a closure captures one upvalue: from the enclosing frame's register or upvalue. */
export interface UpvalDesc {
  name: string;
  inStack: boolean;
  index: number;
  /** Attribute of the captured local ("const"/"close") for compile-time checks. */
  kind?: string;
}

/** A compiled function: bytecode, constants, nested prototypes and debug info. */
export class Proto {
  /** Four words per instruction: op, a, b, c (see compiler/opcodes.ts). */
  code: Int32Array = new Int32Array(0);
  /** Source line per instruction. */
  lineInfo: Int32Array = new Int32Array(0);
  /**
   * Inline cache per instruction for field access by constant string keys: the hash slot
   * where the key was last found. Tables built alike put a key in the same slot, so one
   * check (`hkeys[slot] === key`) replaces a Map lookup. Not part of the state.
   */
  ic: Int32Array = new Int32Array(0);
  k: LuaValue[] = [];
  protos: Proto[] = [];
  upvals: UpvalDesc[] = [];
  locVars: LocVar[] = [];
  numParams = 0;
  isVararg = false;
  maxStack = 2;
  lineDefined = 0;
  lastLineDefined = 0;
  /** Chunk name for messages ("x.lua", `[string "..."]`). */
  source = "?";
  /** Fuel a call of this function charges (its instruction count, capped; see vm/limits.ts). */
  cost = 1;
  /** Index of this prototype in its chunk's depth-first list (for the state format). */
  index = 0;
  /** The chunk this prototype belongs to (set by the loader). */
  chunk: ChunkInfo | undefined = undefined;
  /** Calls and loop iterations so far, for the compiled tier (vm/jit.ts). Not part of the state. */
  hot = 0;
  /** The compiled tier's analysis and variants, once compiled. */
  jit: JitInfo | undefined = undefined;
  /** The compiled variant entered at pc 0. */
  jit0: JitFn | undefined = undefined;
  /** The frameless pure form, when p is small arithmetic (see PureFn in vm/jit.ts). */
  pure: PureFn | undefined = undefined;
  /** Set when this prototype is not compiled. */
  jitOff = false;
}

/** What identifies a loaded chunk: its name and source text (for the state format). */
export interface ChunkInfo {
  name: string;
  source: string;
  protos: Proto[];
}

/**
 * An upvalue cell. While open it aliases a register of a live frame (stack[idx]); when
 * that frame ends it is closed and holds the value itself.
 */
export class UpVal {
  stack: LuaValue[] | undefined;
  idx: number;
  value: LuaValue = undefined;
  /** The thread whose stack an open upvalue aliases (for the state format). */
  owner: unknown;
  constructor(stack: LuaValue[] | undefined, idx: number, owner?: unknown) {
    this.stack = stack;
    this.idx = idx;
    this.owner = owner;
  }
  get(): LuaValue {
    return this.stack !== undefined ? this.stack[this.idx] : this.value;
  }
  set(v: LuaValue): void {
    if (this.stack !== undefined) this.stack[this.idx] = v;
    else this.value = v;
  }
  close(): void {
    if (this.stack !== undefined) {
      this.value = this.stack[this.idx];
      this.stack = undefined;
    }
  }
}

/** A Lua function value: a prototype and its upvalue cells. */
export class Closure {
  readonly isLuaFunction = true as const;
  proto: Proto;
  upvals: UpVal[];
  constructor(proto: Proto, upvals: UpVal[]) {
    this.proto = proto;
    this.upvals = upvals;
  }
}

/**
 * A native function. It receives its arguments as an array and returns its results as an
 * array (or undefined for none). It may call back into Lua through L.call, which runs a
 * nested loop that cannot yield.
 */
export type NativeFn = (L: LuaState, args: LuaValue[]) => LuaValue[] | undefined;

/** Returned by NativeFunction.fast1 when the general path must handle the call. */
export const NO_FAST: unique symbol = Symbol("noFast");

/** Natives the interpreter runs itself, because they control frames (yield, pcall...). */
export const enum Intrinsic {
  None = 0,
  Pcall = 1,
  Xpcall = 2,
  Yield = 3,
  Resume = 4,
  WrapCall = 5,
  /** Host yield (sys.invoke and friends): suspends the whole VM. */
  HostYield = 6,
  /** Natives returning a TailCall request that the interpreter continues with. */
  MayTailCall = 7,
}

export class NativeFunction {
  readonly isLuaFunction = true as const;
  /** Stable qualified name ("string.format"): how the state format refers to it. */
  name: string;
  fn: NativeFn;
  intrinsic: Intrinsic;
  /** Values bound to this instance (coroutine.wrap's coroutine); serialized with it. */
  bound: LuaValue[] | undefined;
  /**
   * Optional fast entry for a call with one argument and one wanted result: returns the
   * result, or NO_FAST when the argument needs the general path (which also reports errors).
   */
  fast1: ((a: LuaValue) => LuaValue | typeof NO_FAST) | undefined = undefined;
  /**
   * For the registered prototype of natives made with bound values (coroutine.wrap's
   * functions, gmatch iterators): makes an instance from bound values, as hydrate needs.
   */
  make: ((bound: LuaValue[]) => NativeFunction) | undefined = undefined;
  constructor(name: string, fn: NativeFn, intrinsic: Intrinsic = Intrinsic.None, bound?: LuaValue[]) {
    this.name = name;
    this.fn = fn;
    this.intrinsic = intrinsic;
    this.bound = bound;
  }
}

/** Returned (inside the results array) by MayTailCall natives: call fn with args instead. */
export class TailCall {
  fn: LuaValue;
  args: LuaValue[];
  constructor(fn: LuaValue, args: LuaValue[]) {
    this.fn = fn;
    this.args = args;
  }
}
