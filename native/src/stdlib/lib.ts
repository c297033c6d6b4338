// Building library tables of natives with stable qualified names.

import { Intrinsic, type NativeFn, NativeFunction } from "../vm/function.js";
import type { LuaState } from "../vm/state.js";
import { LuaTable } from "../vm/table.js";

/**
 * Creates a native named `qualified` and registers it on L (so the state format can
 * find it by name).
 */
export function native(L: LuaState, qualified: string, fn: NativeFn, intrinsic = Intrinsic.None): NativeFunction {
  return L.registerNative(new NativeFunction(qualified, fn, intrinsic));
}

/**
 * Creates a host-yield native (sys.invoke and friends) named `qualified`: a call suspends
 * the whole VM and the host sees it as a "hostyield" exit. `validate` runs first, at the
 * call, and may raise argument errors (NativeError) like any native.
 */
export function hostYieldNative(L: LuaState, qualified: string, validate: NativeFn): NativeFunction {
  return native(L, qualified, validate, Intrinsic.HostYield);
}

/**
 * Builds a library table from a record of natives: each is registered as "<lib>.<key>".
 * For the base library pass lib "" (names are then the bare keys).
 */
export function makeLib(L: LuaState, lib: string, fns: Record<string, NativeFn>): LuaTable {
  const t = new LuaTable();
  for (const [name, fn] of Object.entries(fns)) {
    t.set(name, native(L, lib ? `${lib}.${name}` : name, fn));
  }
  return t;
}
