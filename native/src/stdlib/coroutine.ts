// The coroutine library. resume, yield and the functions made by wrap are intrinsics: the
// interpreter switches threads itself, so a coroutine's whole chain stays plain data.

import { argError, LuaError, nativeError } from "../vm/errors.js";
import { LuaThread } from "../vm/frames.js";
import { Closure, Intrinsic, NativeFunction } from "../vm/function.js";
import { closeUpvals } from "../vm/interp.js";
import { getMetamethod } from "../vm/meta.js";
import type { LuaState } from "../vm/state.js";
import type { LuaTable } from "../vm/table.js";
import type { LuaValue } from "../vm/value.js";
import { typeError } from "./args.js";
import { makeLib, native } from "./lib.js";

interface Threads {
  current: LuaThread;
  mainThread: LuaThread;
}

function checkCo(args: LuaValue[], i: number): LuaThread {
  const v = args[i - 1];
  if (v instanceof LuaThread) return v;
  return typeError(args, i, "thread");
}

/** The status of co as seen from the running thread. */
export function coStatus(L: LuaState, co: LuaThread): string {
  if ((L as unknown as Threads).current === co) return "running";
  return co.status;
}

/**
 * Calls __close for each of a thread's pending to-be-closed variables, newest first, with
 * err (nil unless failed); an error in one becomes the error the next one gets. Returns the
 * last error and whether there was one.
 */
export function closePendingVariables(L: LuaState, th: LuaThread, err: LuaValue, failed: boolean): [LuaValue, boolean] {
  if (!failed) err = undefined;
  while (th.tbc.length > 0) {
    const v = th.stack[th.tbc.pop() as number];
    try {
      L.call(getMetamethod(L, v, "__close"), [v, err]);
    } catch (e) {
      if (!(e instanceof LuaError)) throw e;
      err = e.value;
      failed = true;
    }
  }
  return [err, failed];
}

/** Closes a suspended or dead coroutine's pending to-be-closed variables. */
export function closeCoroutine(L: LuaState, co: LuaThread): LuaValue[] {
  const st = coStatus(L, co);
  if (st === "running") nativeError("cannot close a running coroutine");
  if (st === "normal") nativeError("cannot close a normal coroutine");
  closeUpvals(co, 0);
  co.status = "running"; // closing: it cannot be closed or resumed again meanwhile
  const [err, failed] = closePendingVariables(L, co, co.errorValue, co.diedWithError);
  co.frames.length = 0;
  co.status = "dead";
  co.pending = undefined;
  co.diedWithError = false;
  co.errorValue = undefined;
  return failed ? [false, err] : [true];
}

export function openCoroutine(L: LuaState): LuaTable {
  const T = L as unknown as Threads;
  const wrapCall = (co: LuaThread) =>
    new NativeFunction("coroutine.wrap:call", () => undefined, Intrinsic.WrapCall, [co]);
  const lib = makeLib(L, "coroutine", {
    create: (_L, args) => {
      const f = args[0];
      if (!(f instanceof Closure || f instanceof NativeFunction)) return typeError(args, 1, "function");
      return [new LuaThread(f)];
    },
    status: (L, args) => [coStatus(L, checkCo(args, 1))],
    running: () => [T.current, T.current === T.mainThread],
    isyieldable: (_L, args) => {
      const co = args.length > 0 ? checkCo(args, 1) : T.current;
      return [!co.isMain && co.nny === 0];
    },
    wrap: (_L, args) => {
      const f = args[0];
      if (!(f instanceof Closure || f instanceof NativeFunction)) return typeError(args, 1, "function");
      return [wrapCall(new LuaThread(f))];
    },
    close: (L, args) => closeCoroutine(L, checkCo(args, 1)),
  });
  lib.set(
    "resume",
    native(L, "coroutine.resume", () => undefined, Intrinsic.Resume),
  );
  lib.set(
    "yield",
    native(L, "coroutine.yield", () => undefined, Intrinsic.Yield),
  );
  // the prototype of wrap's functions, registered so the state format knows its name
  L.registerNative(new NativeFunction("coroutine.wrap:call", () => undefined, Intrinsic.WrapCall)).make = (bound) =>
    wrapCall(bound[0] as LuaThread);
  L.globals.set("coroutine", lib);
  void argError;
  return lib;
}
