// The Lua state: globals, registry, string metatable, the running coroutine and the
// services natives use to call back into Lua (non-yieldable nested calls), to index with
// metamethods, to convert with __tostring and so on.

import type { Closure, NativeFunction } from "./function.js";
import { type Limits, NO_LIMITS, type Usage } from "./limits.js";
import { LuaTable } from "./table.js";
import type { LuaUserdata, LuaValue } from "./value.js";

/** Host hooks the VM needs from its embedder (output, clock, ...). */
export interface HostHooks {
  /** Writes raw bytes (a byte string) to standard output. */
  stdout(bytes: string): void;
  /** Writes raw bytes to standard error. */
  stderr(bytes: string): void;
  /** Seconds since the epoch (os.time). */
  now(): number;
  /** CPU seconds used (os.clock). */
  clock(): number;
  /** Environment variable or undefined (os.getenv). */
  getenv(name: string): string | undefined;
}

export const defaultHooks: HostHooks = {
  stdout: () => {},
  stderr: () => {},
  now: () => Date.now() / 1000,
  clock: () => {
    const perf = (globalThis as { performance?: { now(): number } }).performance;
    return perf ? perf.now() / 1000 : Date.now() / 1000;
  },
  getenv: () => undefined,
};

export class LuaState {
  globals = new LuaTable();
  registry = new LuaTable();
  /** Metatable shared by all strings (set by the string library). */
  stringMeta: LuaTable | undefined = undefined;
  /** Metatables for other non-table types set through debug.setmetatable. */
  typeMeta = new Map<string, LuaTable>();
  hooks: HostHooks;
  /** Every native by qualified name, for the state format. */
  natives = new Map<string, NativeFunction>();
  /** math.random state (xoshiro256**), four 64-bit words; owned by the math library. */
  randomState: bigint[] = [0n, 0n, 0n, 0n];
  /** Resource limits (Infinity: none); change them with applyLimits (vm/limits.ts). */
  limits: Limits = { ...NO_LIMITS };
  /** Resources used so far (instruction units, CPU ms). */
  usage: Usage = { instructions: 0, cpuMs: 0 };
  /**
   * Set by debug.setlocal: a frame's register was written from outside, so compiled code
   * that called it must continue from the stack (vm/jit.ts). Not part of the state.
   */
  localsWritten = false;
  /** Whether warn() and the engine's own warnings are printed ("@on"/"@off", lua -W). */
  warnings = false;
  /**
   * Tables and userdata given a metatable with __gc, in that order: their finalizers run
   * when a full collection finds them unreachable, and at lua_close (vm/gc.ts).
   */
  finalizable = new Set<LuaTable | LuaUserdata>();
  /** Set while finalizers run: a collection asked for by one does nothing. */
  finalizing = false;
  /** Set once lua_close's finalizers start: no object is marked for finalization after. */
  closing = false;
  /**
   * collectgarbage("count"): the memory found in use by the last full collection (-1
   * before the first) and the allocation counter then; what was allocated since adds up.
   */
  gcCount = { live: -1, mark: 0 };

  constructor(hooks: Partial<HostHooks> = {}) {
    this.hooks = { ...defaultHooks, ...hooks };
  }

  /** Emits a warning ("Lua warning: text") when warnings are on. */
  warn(text: string): void {
    if (this.warnings) this.hooks.stderr(`Lua warning: ${text}\n`);
  }

  // The methods below are implemented by the interpreter (vm/interp.ts installs them).

  /** Calls f (any callable value, __call honoured) with args; returns all its results. Cannot yield. */
  call(f: LuaValue, args: LuaValue[]): LuaValue[] {
    return callImpl(this, f, args);
  }
  /**
   * For a native that calls f many times (table.sort's comparator): `call2(a, b)` calls it
   * and returns its first result, cheaper than call; `end()` must run when the native is done.
   */
  caller(f: LuaValue): Caller {
    if (callerImpl !== undefined) return callerImpl(this, f);
    return { call2: (a, b) => callImpl(this, f, [a, b])[0], end: () => {} };
  }
  /** o[k] with __index. */
  index(o: LuaValue, k: LuaValue): LuaValue {
    return indexImpl(this, o, k);
  }
  /** o[k] = v with __newindex. */
  setIndex(o: LuaValue, k: LuaValue, v: LuaValue): void {
    setIndexImpl(this, o, k, v);
  }
  /** tostring(v), honouring __tostring and __name. */
  tostring(v: LuaValue): string {
    return tostringImpl(this, v);
  }
  /** #v with __len. */
  len(v: LuaValue): LuaValue {
    return lenImpl(this, v);
  }
  /** a < b with __lt. */
  lessThan(a: LuaValue, b: LuaValue): boolean {
    return lessThanImpl(this, a, b);
  }
  /** a == b with __eq. */
  equals(a: LuaValue, b: LuaValue): boolean {
    return equalsImpl(this, a, b);
  }
  /** The metatable of any value (raw, without __metatable). */
  getMetatable(v: LuaValue): LuaTable | undefined {
    return getMetatableImpl(this, v);
  }
  /** Registers a native under its qualified name and returns it. */
  registerNative(f: NativeFunction): NativeFunction {
    this.natives.set(f.name, f);
    return f;
  }
  /** Compiles a chunk of source text (bytes) into a closure with the globals as _ENV. */
  load(source: string, chunkName: string, ...env: LuaValue[]): Closure {
    return loadImpl(this, source, chunkName, env.length > 0 ? env[0] : this.globals);
  }
}

/** See LuaState.caller. */
export interface Caller {
  call2(a: LuaValue, b: LuaValue): LuaValue;
  end(): void;
}

type Impl = {
  call: (L: LuaState, f: LuaValue, args: LuaValue[]) => LuaValue[];
  caller?: (L: LuaState, f: LuaValue) => Caller;
  index: (L: LuaState, o: LuaValue, k: LuaValue) => LuaValue;
  setIndex: (L: LuaState, o: LuaValue, k: LuaValue, v: LuaValue) => void;
  tostring: (L: LuaState, v: LuaValue) => string;
  len: (L: LuaState, v: LuaValue) => LuaValue;
  lessThan: (L: LuaState, a: LuaValue, b: LuaValue) => boolean;
  equals: (L: LuaState, a: LuaValue, b: LuaValue) => boolean;
  getMetatable: (L: LuaState, v: LuaValue) => LuaTable | undefined;
  load: (L: LuaState, source: string, chunkName: string, env: LuaValue) => Closure;
};

let callImpl: Impl["call"];
let callerImpl: Impl["caller"];
let indexImpl: Impl["index"];
let setIndexImpl: Impl["setIndex"];
let tostringImpl: Impl["tostring"];
let lenImpl: Impl["len"];
let lessThanImpl: Impl["lessThan"];
let equalsImpl: Impl["equals"];
let getMetatableImpl: Impl["getMetatable"];
let loadImpl: Impl["load"];

/** Installs the interpreter's implementations (called once by vm/interp.ts). */
export function installImpl(impl: Impl): void {
  ({
    call: callImpl,
    caller: callerImpl,
    index: indexImpl,
    setIndex: setIndexImpl,
    tostring: tostringImpl,
    len: lenImpl,
    lessThan: lessThanImpl,
    equals: equalsImpl,
    getMetatable: getMetatableImpl,
    load: loadImpl,
  } = impl);
}
