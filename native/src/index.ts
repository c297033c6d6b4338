// The public entry of @endymion/native: create a Lua state, open libraries, load and run.

import { loadChunk } from "./loader.js";
import { openBase } from "./stdlib/base.js";
import { openCoroutine } from "./stdlib/coroutine.js";
import { openMath } from "./stdlib/math.js";
import { openOs } from "./stdlib/os.js";
import { openString } from "./stdlib/string.js";
import { openTable } from "./stdlib/table.js";
import { openUtf8 } from "./stdlib/utf8.js";
import { LuaError } from "./vm/errors.js";
import { LuaThread } from "./vm/frames.js";
import { callValue, initInterp, NativeCaller, services } from "./vm/interp.js";
import { type HostHooks, installImpl, LuaState } from "./vm/state.js";
import type { LuaValue } from "./vm/value.js";

installImpl({
  call: callValue,
  caller: (L, f) => new NativeCaller(L, f),
  index: services.index,
  setIndex: services.setIndex,
  tostring: services.tostring,
  len: services.len,
  lessThan: services.lessThan,
  equals: services.equals,
  getMetatable: services.getMetatable,
  load: (L, source, chunkName, env) => loadChunk(L, source, chunkName, env),
});

/** The standard libraries by name, in the order they are opened. */
export const LIBRARIES: Record<string, (L: LuaState) => unknown> = {
  base: openBase,
  coroutine: openCoroutine,
  string: openString,
  table: openTable,
  math: openMath,
  utf8: openUtf8,
  os: openOs,
};

/** Creates a Lua state with its main thread; no library is open yet. */
export function createState(hooks: Partial<HostHooks> = {}): LuaState {
  const L = new LuaState(hooks);
  initInterp(L, new LuaThread(undefined, true));
  return L;
}

/** Opens the named standard libraries (all of them by default). */
export function openLibs(L: LuaState, names: string[] = Object.keys(LIBRARIES)): void {
  for (const n of names) {
    const open = LIBRARIES[n];
    if (!open) throw new Error(`unknown library '${n}'`);
    open(L);
  }
}

/** Runs a function on the main thread (not yieldable) and returns its results. */
export function runMain(L: LuaState, fn: LuaValue, args: LuaValue[] = []): LuaValue[] {
  return callValue(L, fn, args);
}

export { chunkDisplayName, compile, loadChunk, mainClosure } from "./loader.js";
export { type DehydrateOptions, dehydrateState, type HostRoot, hexSha256 } from "./state/dehydrate.js";
export { FORMAT_VERSION, StateError, type StateErrorCode } from "./state/format.js";
export { type Hydrated, type HydrateOptions, hydrateState } from "./state/hydrate.js";
export * as args from "./stdlib/args.js";
export { where } from "./stdlib/base.js";
export { closePendingVariables } from "./stdlib/coroutine.js";
export { hostYieldNative, makeLib, native } from "./stdlib/lib.js";
export { ENGINE_VERSION } from "./version.js";
export { traceback } from "./vm/debuginfo.js";
export { argError, LuaError, LuaSyntaxError, NativeError, nativeError } from "./vm/errors.js";
export { Frame, FrameFlag, LuaThread } from "./vm/frames.js";
export { type ChunkInfo, Closure, Intrinsic, NativeFunction, Proto, TailCall, UpVal } from "./vm/function.js";
export { closeFinalizers, registerFinalizer } from "./vm/gc.js";
export { callValue, type ExecResult, execute, resumeFromJS, resumeHost } from "./vm/interp.js";
export { jitOptions } from "./vm/jit.js";
export {
  applyLimits,
  endRun,
  instructionsUsed,
  type Limits,
  memoryEstimate,
  startRun,
  type Usage,
} from "./vm/limits.js";
export { getMetamethod, metatableOf, tostringBasic } from "./vm/meta.js";
export { type HostHooks, LuaState } from "./vm/state.js";
export { LuaTable } from "./vm/table.js";
export * from "./vm/value.js";
export { LuaError as LuaErrorClass };
