// The interpreter: one loop that runs Lua frames of any depth and any coroutine without
// recursing on the JS stack.
//
// A Lua call pushes a Frame and the loop goes on; a return pops it and finishes according
// to the frame's flags. Coroutine resume and yield switch L.current inside the same loop.
// Metamethods written in Lua run as frames flagged Finish: when they return, the caller's
// current instruction is completed (finishOp), so they can yield like any other code.
// Natives run as plain JS calls; when they call back into Lua (L.call) a nested loop runs,
// which is a "C-call boundary": nothing can yield across it.

import { Op } from "../compiler/opcodes.js";
import { callSiteName, framePosition, nativeLevelName, traceback, varInfo, varInfoName } from "./debuginfo.js";
import { LuaError, NativeError } from "./errors.js";
import { Frame, FrameFlag, HookMask, type LuaThread, type PendingCall, type Transfer, type Unwind } from "./frames.js";
import { Closure, Intrinsic, NativeFunction, NO_FAST, type Proto, TailCall, UpVal } from "./function.js";
import { GC_STEP, gcStep } from "./gc.js";
import { account, CLOSURE_BYTES } from "./heap.js";
import { installJitRuntime, type JitFn, jitEntry, jitHot, jitOptions } from "./jit.js";
import { checkLimits, initLimits, type LimitState, MAX_FRAMES } from "./limits.js";
import {
  ARITH_EVENTS,
  arithErrorKind,
  arithRaw,
  compareError,
  concatPiece,
  floatArith,
  getMetamethod,
  isBitwise,
  lessEqualRaw,
  lessThanRaw,
  metatableOf,
  stringArithMessage,
  tostringBasic,
  typeNameMeta,
  VMError,
} from "./meta.js";
import type { Caller, LuaState } from "./state.js";
import { ChainCache, chainEpoch, type HashPart, LuaTable } from "./table.js";
import {
  LuaFloat,
  type LuaValue,
  normInt,
  numberToInteger,
  powF,
  rawEquals,
  stringToNumber,
  toFloatValue,
  truthy,
  typeName,
} from "./value.js";

/** Nested native-to-Lua calls before "C stack overflow" (LUAI_MAXCCALLS). */
export const MAX_CCALLS = 200;
/** Length of __index/__newindex chains before "possible loop". */
const MAX_TAG_LOOP = 2000;

/** Result of precall. */
const enum Pre {
  /** A native ran and its results are in place. */
  Done = 0,
  /** A frame was pushed or the thread switched: reload the loop's state. */
  Reload = 1,
  /** Results reached a JsBoundary call: leave the loop (values in L.jsResults). */
  Exit = 2,
}

/** Why the loop stopped. */
export type ExecResult =
  | { kind: "return"; values: LuaValue[] }
  | { kind: "yield"; values: LuaValue[] }
  | { kind: "dead"; values: LuaValue[] }
  | { kind: "error"; value: LuaValue; traceback: string | undefined }
  | { kind: "hostyield"; fn: NativeFunction; args: LuaValue[]; thread: LuaThread };

/** Per-state interpreter registers (kept on LuaState as untyped fields). */
interface InterpState extends LimitState {
  current: LuaThread;
  mainThread: LuaThread;
  nCcalls: number;
  jsResults: LuaValue[];
  /** Whether the native being called was called directly by Lua code (for error levels). */
  calledFromLua: boolean;
  /** Whether a native is running (its errors carry no Lua position). */
  nativeCtx: boolean;
  /** Allocations since the last automatic collection (see gcStep in vm/gc.ts). */
  gcDebt: number;
  /** Allocations between automatic collections. */
  gcPace: number;
  /** xpcall's handler while its target is being called. */
  pendingHandler: LuaValue;
  /** Compiled frames running as direct JS calls of other compiled frames (see vm/jit.ts). */
  jsDepth: number;
  exitResult: ExecResult | undefined;
  /** A message handler runs on a stack that overflowed, in ERROR_FRAMES of extra room. */
  overflowHandling: boolean;
  /** Stack slots a thread may use (LUAI_MAXSTACK; more while handling a stack overflow). */
  maxSlots: number;
  /** The last "stack overflow" error raised (its message handler gets extra room). */
  lastOverflow: LuaError | undefined;
  /** xpcall message handlers running (nested). */
  handlerDepth: number;
}

/** Stack slots per thread before "stack overflow", as PUC-Rio's LUAI_MAXSTACK. */
const MAX_SLOTS = 1_000_000;
/** Extra slots for the message handler of a stack overflow (PUC-Rio's ERRORSTACKSIZE). */
const ERROR_SLOTS = 5000;

const PENDING = Symbol("pending");

// --- errors ------------------------------------------------------------------------

/** A runtime error at the current position of the running Lua frame. */
function rtError(L: InterpState, msg: string): never {
  if (L.nativeCtx) throw new LuaError(msg); // raised inside a native: no Lua position
  const th = L.current;
  const f = th.frames[th.frames.length - 1];
  throw new LuaError(f ? `${framePosition(f)} ${msg}` : msg);
}

/** "attempt to <what> a <type> value (<varinfo>)". */
function typeErr(L: InterpState, v: LuaValue, what: string, info: string): never {
  return rtError(L, `attempt to ${what} a ${typeNameMeta(L, v)} value${info}`);
}

/** Variable info for register/constant operand rk of the current instruction. */
function curVarInfo(L: InterpState, rk: number): string {
  const th = L.current;
  const f = th.frames[th.frames.length - 1];
  if (!f) return "";
  return varInfo(f.closure.proto, f.pc - 1, rk);
}

/** Variable info for an upvalue operand. */
function upvalInfo(L: InterpState, idx: number): string {
  const th = L.current;
  const f = th.frames[th.frames.length - 1];
  const n = f?.closure.proto.upvals[idx]?.name;
  return n !== undefined ? ` (upvalue '${n || "?"}')` : "";
}

/** Converts anything thrown inside the loop to a LuaError. */
function toLuaError(L: InterpState, e: unknown): LuaError {
  if (e instanceof LuaError) return e;
  if (e instanceof VMError) {
    if (L.nativeCtx) return new LuaError(e.message);
    const th = L.current;
    const f = th.frames[th.frames.length - 1];
    return new LuaError(f ? `${framePosition(f)} ${e.message}` : e.message);
  }
  if (e instanceof NativeError) return new LuaError(e.message);
  if (e instanceof RangeError && /Invalid string length|Invalid array length|allocation failed/i.test(e.message)) {
    return new LuaError("not enough memory");
  }
  if (e instanceof RangeError && /call stack|too much recursion/i.test(e.message)) {
    const th = L.current;
    const f = th.frames[th.frames.length - 1];
    return new LuaError(f ? `${framePosition(f)} stack overflow` : "stack overflow");
  }
  if (e instanceof Error && (e as { luaValue?: LuaValue }).luaValue !== undefined) {
    return new LuaError((e as { luaValue?: LuaValue }).luaValue);
  }
  throw e;
}

/** Calls a native, turning its NativeErrors into positioned Lua errors. */
function callNative(L: InterpState, fn: NativeFunction, args: LuaValue[], viaNative: boolean): LuaValue[] | undefined {
  const savedCtx = L.nativeCtx;
  L.calledFromLua = !viaNative;
  L.nativeCtx = true;
  let r: LuaValue[] | undefined;
  try {
    r = fn.fn(L, args);
  } catch (e) {
    L.nativeCtx = savedCtx;
    throw nativeErrorToLua(L, fn, e, viaNative);
  }
  L.nativeCtx = savedCtx;
  return r;
}

/**
 * The Lua error for what a native threw: a NativeError becomes a message with the function's
 * name and the caller's position.
 */
function nativeErrorToLua(L: InterpState, fn: NativeFunction, e: unknown, viaNative: boolean): unknown {
  if (!(e instanceof NativeError)) {
    if (e instanceof LuaError && !viaNative) markRaised(L, fn, e);
    return e;
  }
  const err = nativeErrorMessage(L, fn, e, viaNative);
  if (!viaNative) markRaised(L, fn, err);
  return err;
}

/** Records on err that native fn, called by the running Lua frame, raised it (tracebacks show it). */
function markRaised(L: InterpState, fn: NativeFunction, err: LuaError): void {
  if (err.luaTraceback !== undefined || err.raisedBy !== undefined) return;
  const th = L.current;
  const f = th.frames[th.frames.length - 1];
  if (f !== undefined) err.raisedBy = { frame: f, name: nativeLevelName(fn.name, f) };
}

/** A native's NativeError as a Lua error with the function's name and the caller's position. */
function nativeErrorMessage(L: InterpState, fn: NativeFunction, e: NativeError, viaNative: boolean): LuaError {
  const th = L.current;
  const f = th.frames[th.frames.length - 1];
  let msg = e.message;
  if (e.argIndex > 0) {
    let idx = e.argIndex;
    let name: string;
    const site = !viaNative && f ? callSiteName(f) : undefined;
    if (site) {
      name = site[1];
      if (site[0] === "method") {
        idx--;
        if (idx === 0) msg = `calling '${name}' on bad self (${msg})`;
      }
    } else name = fn.name.replace(/^_G\./, "");
    if (idx > 0 || !site || site[0] !== "method") msg = `bad argument #${idx} to '${name}' (${msg})`;
  }
  if (!e.noPosition && !viaNative && f) msg = `${framePosition(f)} ${msg}`;
  return new LuaError(msg);
}

// --- upvalues and to-be-closed variables ------------------------------------------

/** Finds or creates the open upvalue for stack index idx. */
function findUpval(th: LuaThread, idx: number): UpVal {
  const list = th.openUpvals;
  let i = list.length - 1;
  while (i >= 0 && list[i].idx > idx) i--;
  if (i >= 0 && list[i].idx === idx) return list[i];
  const uv = new UpVal(th.stack, idx, th);
  if (i === list.length - 1) list.push(uv);
  else list.splice(i + 1, 0, uv);
  return uv;
}

/** Closes open upvalues at or above stack index level. */
export function closeUpvals(th: LuaThread, level: number): void {
  const list = th.openUpvals;
  while (list.length > 0 && list[list.length - 1].idx >= level) {
    (list.pop() as UpVal).close();
  }
}

/** Calls the __close of every pending tbc variable >= level, nested (errors and unwinding). */
function closeTbcNested(L: InterpState, th: LuaThread, level: number, err: LuaValue, hasErr: boolean): LuaValue {
  while (th.tbc.length > 0 && th.tbc[th.tbc.length - 1] >= level) {
    const idx = th.tbc.pop() as number;
    const v = th.stack[idx];
    const mm = getMetamethod(L, v, "__close");
    try {
      callValue(L, mm, hasErr ? [v, err] : [v, undefined]);
    } catch (e) {
      err = toLuaError(L, e).value;
      hasErr = true;
    }
  }
  return err;
}

// --- hooks ---------------------------------------------------------------------------

/**
 * Calls th's hook (debug.sethook) with an event and a line (-1: none). `lua`: the event is
 * the top Lua frame's, which is then the hook's caller for debug.getinfo(2); otherwise a
 * native being called or returning is (a native level under the hook's frame).
 */
function runHook(L: InterpState, th: LuaThread, event: string, line: number, lua: boolean, transfer?: Transfer): void {
  // a native's return event is the one debug.sethook's request for a bail-out was for
  if (!lua && event === "return") L.localsWritten = false;
  const saved = th.hookFrame;
  const savedBase = th.hookBase;
  const savedTransfer = th.transfer;
  th.allowHook = false;
  th.hookFrame = lua ? th.frames.length : -1;
  th.hookBase = th.frames.length;
  th.transfer = transfer;
  try {
    callValue(L, th.hook, [event, line >= 0 && event === "line" ? line : undefined]);
  } finally {
    th.allowHook = true;
    th.hookFrame = saved;
    th.hookBase = savedBase;
    th.transfer = savedTransfer;
  }
}

/**
 * The "return" hook event of a native (or of the yield a coroutine resumes from), if asked
 * for: it transfers the results, which a C function's stack holds above its arguments.
 */
function nativeReturnHook(L: InterpState, th: LuaThread, args: LuaValue[] = EMPTY, res: LuaValue[] = EMPTY): void {
  if (th.hookMask & HookMask.Return && th.allowHook) {
    const values = args.length === 0 ? res : args.concat(res);
    runHook(L, th, "return", -1, false, { first: args.length + 1, count: res.length, values });
  }
}

/** The "call" hook event of a native: it transfers the arguments. */
function nativeCallHook(L: InterpState, th: LuaThread, func: number, nargs: number): void {
  runHook(L, th, "call", -1, false, { first: 1, count: nargs, values: th.stack.slice(func + 1, func + 1 + nargs) });
}

/** A native called directly by pcall or xpcall (precall's protected case). */
function pcallNative(
  L: InterpState,
  th: LuaThread,
  fn: NativeFunction,
  func: number,
  args: LuaValue[],
  nres: number,
  flags: number,
): Pre {
  let res: LuaValue[] | undefined;
  // pcall's own level lies between the native and the frame calling pcall
  const pcalls = th.nativePcalls;
  const depth = pcalls.length;
  pcalls.push(th.frames.length);
  try {
    res = callNative(L, fn, args, true);
  } catch (e) {
    const err = toLuaError(L, e);
    // a message handler's traceback shows the native above the pcall level
    if (err.raisedBy === undefined && err.luaTraceback === undefined && th.frames.length > 0) {
      const f = th.frames[th.frames.length - 1];
      err.raisedBy = { frame: f, name: nativeLevelName(fn.name, f), byPcall: true };
    }
    const handler = L.pendingHandler;
    L.pendingHandler = undefined;
    return protectedFail(L, th, func, flags, nres, handleError(L, flags, err, handler));
  } finally {
    pcalls.length = depth;
  }
  nativeReturnHook(L, th, args, res);
  return placeResults(L, th, func, res ?? EMPTY, nres, flags);
}

/** The line of the instruction before frame f's saved pc (-1 without line information). */
function frameLineAt(f: Frame): number {
  const lines = f.closure.proto.lineInfo;
  return f.pc > 0 && f.pc <= lines.length ? lines[f.pc - 1] : -1;
}

/**
 * The hook events due before the loop runs instruction pc of frame f: "call" on the first
 * instruction of a frame, "count" every hookCount instructions, "line" when the line
 * changes or a jump goes back.
 */
function hookStep(L: InterpState, th: LuaThread, f: Frame, pc: number): void {
  const mask = th.hookMask;
  const p = f.closure.proto;
  const prev = f.hookPc;
  f.hookPc = pc;
  const line = pc < p.lineInfo.length ? p.lineInfo[pc] : -1;
  if (prev < 0 && pc === 0 && mask & HookMask.Call)
    runHook(L, th, f.tail ? "tail call" : "call", line, true, { first: 1, count: p.numParams, values: undefined });
  // the call hook may have set other hooks: a line hook it sets sees this first instruction
  const now = th.hookMask;
  if (now & HookMask.Count && --th.hookLeft <= 0) {
    th.hookLeft = th.hookCount;
    runHook(L, th, "count", line, true);
  }
  if (now & HookMask.Line && line >= 0) {
    // the RETURN that closes variables one by one runs again without being a new line
    const again = pc === prev && p.code[pc << 2] === Op.Return;
    if (prev < 0 || pc < prev || (pc === prev && !again) || line !== p.lineInfo[prev])
      runHook(L, th, "line", line, true);
  } else if (now & HookMask.Line && (prev < 0 || pc < prev)) {
    // code without line information (stripped): the event comes, without a line, on entry
    // and after backward jumps only
    runHook(L, th, "line", -1, true);
  }
}

// --- calls ---------------------------------------------------------------------------

/**
 * Starts a call of stack[func] with nargs arguments. Lua functions get a frame; natives
 * run now and their results are placed; intrinsics switch threads or frames.
 */
function precall(L: InterpState, th: LuaThread, func: number, nargs: number, nres: number, flags: number): Pre {
  const stack = th.stack;
  let fn = stack[func];
  for (;;) {
    if (fn instanceof Closure) {
      const p = fn.proto;
      if (p.jit0 === undefined) jitHot(p);
      const np = p.numParams;
      let varargs: LuaValue[] = EMPTY;
      if (p.isVararg && nargs > np) varargs = stack.slice(func + 1 + np, func + 1 + nargs);
      const base = func + 1;
      const need = base + p.maxStack + 1;
      if (need > stack.length) th.ensure(need);
      for (let i = nargs; i < np; i++) stack[base + i] = undefined;
      if (th.frames.length >= L.maxFrames || need > L.maxSlots) depthError(L, th);
      if ((L.fuel -= p.cost) < 0) outOfFuel(L);
      const nf = new Frame(fn, base, func, nres, varargs, flags);
      const parent = th.frames[th.frames.length - 1];
      nf.cdepth = (parent ? parent.cdepth : th.baseCdepth) + (flags & C_LEVEL ? 1 : 0);
      if (nf.cdepth >= MAX_CCALLS && flags & C_LEVEL)
        cStackOverflow(nf.cdepth, flags & FrameFlag.Finish ? parent : undefined);
      th.frames.push(nf);
      return Pre.Reload;
    }
    if (fn instanceof NativeFunction) {
      if (th.hookMask & HookMask.Call && th.allowHook) nativeCallHook(L, th, func, nargs);
      if (fn.intrinsic !== Intrinsic.None) {
        if (!(flags & (FrameFlag.Pcall | FrameFlag.Xpcall)))
          return precallIntrinsic(L, th, fn, func, nargs, nres, flags);
        try {
          return precallIntrinsic(L, th, fn, func, nargs, nres, flags);
        } catch (e) {
          const err = toLuaError(L, e);
          return protectedFail(L, th, func, flags, nres, err.value);
        }
      }
      const args = nargs === 0 ? [] : stack.slice(func + 1, func + 1 + nargs);
      if (flags & (FrameFlag.Pcall | FrameFlag.Xpcall)) return pcallNative(L, th, fn, func, args, nres, flags);
      const res = callNative(L, fn, args, (flags & FrameFlag.JsBoundary) !== 0);
      nativeReturnHook(L, th, args, res);
      return placeResults(L, th, func, res ?? EMPTY, nres, flags);
    }
    // not a function: try __call, inserting the object as first argument
    const mm = getMetamethod(L, fn, "__call");
    if (mm === undefined && flags & (FrameFlag.Pcall | FrameFlag.Xpcall)) {
      const handler = L.pendingHandler;
      L.pendingHandler = undefined;
      return protectedFail(L, th, func, flags, nres, handleError(L, flags, notCallable(L, fn), handler));
    }
    if (mm === undefined) {
      // a native calling it (lua_call from C) reports neither position nor name
      if (flags & FrameFlag.JsBoundary) throw notCallable(L, fn);
      const site = th.frames[th.frames.length - 1];
      return typeErr(L, fn, "call", site ? callInfo(site) : "");
    }
    th.ensure(func + nargs + 2);
    for (let i = func + nargs; i >= func; i--) stack[i + 1] = stack[i];
    stack[func] = mm;
    nargs++;
    fn = mm;
  }
}

/** "stack overflow", or the host's call depth limit. */
function depthError(L: InterpState, th: LuaThread): never {
  // the handler of a stack overflow overflowed its extra room too (LUA_ERRERR)
  if (L.overflowHandling) throw new LuaError("error in error handling");
  const at = th.frames.length > 0 ? `${framePosition(th.frames[th.frames.length - 1])} ` : "";
  if (L.maxFrames < MAX_FRAMES) {
    throw new LuaError(`${at}call depth limit exceeded (maxCallDepth ${L.maxFrames})`);
  }
  const err = new LuaError(`${at}stack overflow`);
  L.lastOverflow = err;
  throw err;
}

/** The fuel ran out: check the limits (raising the exceeded one's error) and refill. */
function outOfFuel(L: InterpState): void {
  const msg = checkLimits(L);
  if (msg !== undefined) rtError(L, msg);
}

/** outOfFuel at a backward jump (the frame's position is the loop's). */
function fuelAt(L: InterpState, f: Frame, pc: number): void {
  f.pc = pc;
  outOfFuel(L);
}

/** The variable info of the function called by a frame's current CALL. */
function callInfo(f: Frame): string {
  const d = callSiteName(f);
  return d ? ` (${d[0]} '${d[1]}')` : "";
}

const EMPTY: LuaValue[] = [];

/** Frame flags that stand for a C call between frames (PUC-Rio counts these in nCcalls). */
const C_LEVEL = FrameFlag.Pcall | FrameFlag.Xpcall | FrameFlag.Finish | FrameFlag.JsBoundary;

/** "C stack overflow", or past 220 levels "error in error handling" (LUA_ERRERR). */
function cStackOverflow(depth: number, at?: Frame): never {
  if (depth >= (MAX_CCALLS / 10) * 11) throw new LuaError("error in error handling");
  // the position of the Lua function making the call, as luaG_runerror adds it
  throw new LuaError(`${at !== undefined ? `${framePosition(at)} ` : ""}C stack overflow`);
}

/** The protection bits of a frame or call: pcall or xpcall. */
const PROT = FrameFlag.Pcall | FrameFlag.Xpcall;
/**
 * Protected calls nest: pcall(pcall, f) protects f once (the inner pcall catches
 * everything) and prefixes one more `true`. The count of extra prefixes rides in the bits
 * of flags above 8.
 */
const PREFIX_ONE = 1 << 8;

/** Flags without protection and without extra prefixes. */
function unprotected(flags: number): number {
  return flags & ~PROT & (PREFIX_ONE - 1);
}

/** Places the results of a protected call that failed: true..., false, value. */
function protectedFail(L: InterpState, th: LuaThread, func: number, flags: number, nres: number, value: LuaValue): Pre {
  const extra = flags >>> 8;
  const res: LuaValue[] = [];
  for (let i = 0; i < extra; i++) res.push(true);
  res.push(false, value);
  return placeResults(L, th, func - 1 - extra, res, nres, unprotected(flags));
}

/**
 * Places results for a completed call at func (or func-1 with a `true` prefix for
 * pcall), adjusting them to nres, and finishes according to flags.
 */
function placeResults(L: InterpState, th: LuaThread, func: number, res: LuaValue[], nres: number, flags: number): Pre {
  const stack = th.stack;
  let dest = func;
  let n = res.length;
  if (flags & PROT) {
    const extra = flags >>> 8;
    dest = func - 1 - extra;
    th.ensure(dest + n + extra + 2);
    for (let i = 0; i <= extra; i++) stack[dest + i] = true;
    for (let i = 0; i < n; i++) stack[dest + 1 + extra + i] = res[i];
    n += 1 + extra;
  } else {
    th.ensure(dest + n + 1);
    for (let i = 0; i < n; i++) stack[dest + i] = res[i];
  }
  return finishCall(L, th, dest, n, nres, flags);
}

/** Completes a call whose n results are at stack[dest...]. */
function finishCall(L: InterpState, th: LuaThread, dest: number, n: number, nres: number, flags: number): Pre {
  const stack = th.stack;
  if (flags & FrameFlag.JsBoundary) {
    L.jsResults = stack.slice(dest, dest + n);
    return Pre.Exit;
  }
  if (flags & FrameFlag.Finish) {
    finishOp(L, th, n > 0 ? stack[dest] : undefined);
    return Pre.Reload;
  }
  if (flags & FrameFlag.CoroutineBase) return coroutineFinished(L, th, stack.slice(dest, dest + n));
  if (flags & FrameFlag.CloseUnwind) {
    const r = continueUnwind(L, th);
    return r === Pre.Done ? Pre.Reload : r;
  }
  if (nres < 0) {
    const caller = th.frames[th.frames.length - 1];
    if (caller) caller.top = dest + n;
    else th.lastTop = dest + n;
  } else {
    th.ensure(dest + nres + 1);
    for (let i = n; i < nres; i++) stack[dest + i] = undefined;
  }
  return Pre.Done;
}

/** Frames a message handler may use past the limit when it handles a stack overflow. */
const ERROR_FRAMES = 50;

/** The traceback of a thread where err was raised (with the native that raised it). */
function errorTraceback(L: InterpState, th: LuaThread, err: LuaError): string {
  th.raising = err.raisedBy;
  try {
    return traceback(th, undefined, 0, L.registry.getStr("_LOADED"));
  } finally {
    th.raising = undefined;
  }
}

/**
 * Runs an xpcall message handler (when the frame has one) on an error value. It runs where
 * the error happened, before the stack unwinds; on a stack that overflowed it gets some
 * extra room, as PUC-Rio's ERRORSTACKSIZE gives.
 */
function handleError(L: InterpState, flags: number, err: LuaError, handler?: LuaValue): LuaValue {
  if (!(flags & FrameFlag.Xpcall) || handler === undefined) return err.value;
  const th = L.current;
  const savedRaising = th.raising;
  th.raising = err.raisedBy;
  try {
    return runHandler(L, err, handler);
  } finally {
    th.raising = savedRaising;
  }
}

/** Calls an xpcall message handler (again on its own errors, as lua_pcall's handler). */
function runHandler(L: InterpState, err: LuaError, handler: LuaValue): LuaValue {
  const limit = L.maxFrames;
  const overflow = !L.overflowHandling && (L.current.frames.length >= limit - 1 || err === L.lastOverflow);
  if (overflow) {
    L.maxFrames = limit + ERROR_FRAMES;
    L.maxSlots = MAX_SLOTS + ERROR_SLOTS;
    L.overflowHandling = true;
  }
  L.handlerDepth++;
  try {
    let value = err.value;
    for (let tries = 0; tries < 10; tries++) {
      try {
        const r = callValue(L, handler, [value]);
        return r[0];
      } catch (e) {
        value = toLuaError(L, e).value;
      }
    }
    return "error in error handling";
  } finally {
    L.handlerDepth--;
    if (overflow) {
      L.maxFrames = limit;
      L.maxSlots = MAX_SLOTS;
      L.overflowHandling = false;
      L.lastOverflow = undefined;
    }
  }
}

/** Intrinsics: natives that control frames and threads. */
function precallIntrinsic(
  L: InterpState,
  th: LuaThread,
  fn: NativeFunction,
  func: number,
  nargs: number,
  nres: number,
  flags: number,
): Pre {
  const stack = th.stack;
  switch (fn.intrinsic) {
    case Intrinsic.Pcall: {
      if (nargs < 1) throwArg(L, fn, 1, "value expected", flags);
      // inside another protected call this one catches everything: one more `true`
      const nf = flags & PROT ? ((flags & ~FrameFlag.Xpcall) | FrameFlag.Pcall) + PREFIX_ONE : flags | FrameFlag.Pcall;
      try {
        return precall(L, th, func + 1, nargs - 1, nres, nf);
      } catch (e) {
        return protectedFail(L, th, func + 1, nf, nres, toLuaError(L, e).value);
      }
    }
    case Intrinsic.Xpcall: {
      const handler = stack[func + 2];
      if (!(handler instanceof Closure || handler instanceof NativeFunction)) {
        throwArg(L, fn, 2, `function expected, got ${nargs < 2 ? "no value" : typeNameMeta(L, handler)}`, flags);
      }
      for (let i = func + 2; i < func + nargs; i++) stack[i] = stack[i + 1];
      const nf = flags & PROT ? ((flags & ~FrameFlag.Pcall) | FrameFlag.Xpcall) + PREFIX_ONE : flags | FrameFlag.Xpcall;
      L.pendingHandler = handler;
      const depth = th.frames.length;
      try {
        const r = precall(L, th, func + 1, Math.max(nargs - 2, 0), nres, nf);
        if (th.frames.length > depth && th.frames[th.frames.length - 1].flags & FrameFlag.Xpcall) {
          th.frames[th.frames.length - 1].handler = handler;
        }
        return r;
      } catch (e) {
        const err = toLuaError(L, e);
        return protectedFail(L, th, func + 1, nf, nres, handleError(L, nf, err, handler));
      } finally {
        L.pendingHandler = undefined;
      }
    }
    case Intrinsic.Yield: {
      const values = stack.slice(func + 1, func + 1 + nargs);
      return doYield(L, th, values, { func, nres, flags });
    }
    case Intrinsic.Resume: {
      const co = stack[func + 1];
      if (!isThread(co))
        throwArg(L, fn, 1, `thread expected, got ${nargs < 1 ? "no value" : typeNameMeta(L, co)}`, flags);
      const args = stack.slice(func + 2, func + 1 + nargs);
      return doResume(L, th, co as LuaThread, args, { func, nres, flags });
    }
    case Intrinsic.WrapCall: {
      const co = (fn.bound as LuaValue[])[0] as LuaThread;
      const args = stack.slice(func + 1, func + 1 + nargs);
      return doResume(L, th, co, args, { func, nres, flags, wrap: true });
    }
    case Intrinsic.HostYield: {
      const args = stack.slice(func + 1, func + 1 + nargs);
      // every thread up to the host's must be yieldable
      for (let t: LuaThread | undefined = th; t; t = t.resumer) {
        if (t.nny > 0) throw new LuaError("attempt to yield across a C-call boundary");
        if (t.jsResumed) {
          // a native validator may refuse the call (bad arguments) before anything yields
          callNative(L, fn, args, (flags & (FrameFlag.Pcall | FrameFlag.Xpcall | FrameFlag.JsBoundary)) !== 0);
          th.pending = { func, nres, flags, handler: flags & FrameFlag.Xpcall ? L.pendingHandler : undefined };
          L.exitResult = { kind: "hostyield", fn, args, thread: th };
          return Pre.Exit;
        }
      }
      throw new LuaError("attempt to yield from outside a coroutine");
    }
    case Intrinsic.MayTailCall: {
      const args = stack.slice(func + 1, func + 1 + nargs);
      const res = callNative(L, fn, args, (flags & (FrameFlag.Pcall | FrameFlag.Xpcall | FrameFlag.JsBoundary)) !== 0);
      if (res && res.length === 1 && res[0] instanceof TailCall) {
        const tc = res[0] as TailCall;
        // the native's own call (pairs calling __pairs): an error in it is the native's
        if (!(flags & PROT) && !isCallable(L, tc.fn)) throw notCallable(L, tc.fn);
        th.ensure(func + tc.args.length + 2);
        stack[func] = tc.fn;
        for (let i = 0; i < tc.args.length; i++) stack[func + 1 + i] = tc.args[i];
        return precall(L, th, func, tc.args.length, nres, flags);
      }
      return placeResults(L, th, func, res ?? EMPTY, nres, flags);
    }
  }
  throw new Error(`unknown intrinsic ${fn.intrinsic}`);
}

/** The error of calling v from a native (no position, no variable name), as lua_call gives it. */
function notCallable(L: InterpState, v: LuaValue): LuaError {
  return new LuaError(`attempt to call a ${typeNameMeta(L, v)} value`);
}

/** A function, or a value with a __call metamethod. */
function isCallable(L: InterpState, v: LuaValue): boolean {
  return v instanceof Closure || v instanceof NativeFunction || getMetamethod(L, v, "__call") !== undefined;
}

function throwArg(L: InterpState, fn: NativeFunction, i: number, msg: string, flags: number): never {
  const th = L.current;
  const f = th.frames[th.frames.length - 1];
  const viaNative = (flags & (FrameFlag.Pcall | FrameFlag.Xpcall | FrameFlag.JsBoundary)) !== 0;
  const site = !viaNative && f ? callSiteName(f) : undefined;
  const name = site ? site[1] : fn.name;
  const text = `bad argument #${i} to '${name}' (${msg})`;
  throw new LuaError(!viaNative && f ? `${framePosition(f)} ${text}` : text);
}

function rtErrorOrPlain(L: InterpState, msg: string, flags: number): never {
  if (flags & (FrameFlag.Pcall | FrameFlag.Xpcall | FrameFlag.JsBoundary)) throw new LuaError(msg);
  return rtError(L, msg);
}

export function isThread(v: LuaValue): boolean {
  return typeof v === "object" && v !== null && (v as { isLuaThread?: boolean }).isLuaThread === true;
}

// --- coroutines ----------------------------------------------------------------------

/** Resumes co from thread th, whose call site `site` waits for the results. */
function doResume(L: InterpState, th: LuaThread, co: LuaThread, args: LuaValue[], site: PendingCall): Pre {
  if (co.status !== "suspended") {
    const msg = co.status === "dead" ? "cannot resume dead coroutine" : "cannot resume non-suspended coroutine";
    if (site.wrap) rtErrorOrPlain(L, msg, site.flags);
    return placeResults(L, th, site.func, [false, msg], site.nres, site.flags);
  }
  if (L.nCcalls >= MAX_CCALLS) {
    if (site.wrap) rtErrorOrPlain(L, "C stack overflow", site.flags);
    return placeResults(L, th, site.func, [false, "C stack overflow"], site.nres, site.flags);
  }
  th.pending = site;
  th.status = "normal";
  co.resumer = th;
  const top = th.frames[th.frames.length - 1];
  co.baseCdepth = (top ? top.cdepth : th.baseCdepth) + 1;
  if (co.baseCdepth >= MAX_CCALLS) {
    th.status = "running";
    th.pending = undefined;
    co.resumer = undefined;
    if (site.wrap) rtErrorOrPlain(L, "C stack overflow", site.flags);
    return placeResults(L, th, site.func, [false, "C stack overflow"], site.nres, site.flags);
  }
  co.status = "running";
  L.current = co;
  return startOrContinue(L, co, args);
}

/** Starts a fresh coroutine with args, or delivers args to its pending yield. */
function startOrContinue(L: InterpState, co: LuaThread, args: LuaValue[]): Pre {
  if (co.frames.length === 0 && co.pending === undefined) {
    const stack = co.stack;
    co.ensure(args.length + 2);
    stack[0] = co.body;
    for (let i = 0; i < args.length; i++) stack[1 + i] = args[i];
    co.body = undefined;
    try {
      // a native body finishes at once (finishCall ends the coroutine)
      return precall(L, co, 0, args.length, -1, FrameFlag.CoroutineBase);
    } catch (e) {
      return coroutineError(L, co, toLuaError(L, e));
    }
  }
  const p = co.pending as PendingCall;
  co.pending = undefined;
  // the yield (or host call) the coroutine waited in returns now
  nativeReturnHook(L, co, EMPTY, args);
  const r = placeResults(L, co, p.func, args, p.nres, p.flags);
  return r === Pre.Exit ? Pre.Exit : Pre.Reload;
}

/** Yields from th with values; its call site `site` will receive the resume arguments. */
function doYield(L: InterpState, th: LuaThread, values: LuaValue[], site: PendingCall): Pre {
  if (th.isMain || (th.resumer === undefined && !th.jsResumed)) {
    throw new LuaError("attempt to yield from outside a coroutine");
  }
  if (th.nny > 0) throw new LuaError("attempt to yield across a C-call boundary");
  th.pending = site;
  th.status = "suspended";
  if (th.jsResumed) {
    th.jsResumed = false;
    L.exitResult = { kind: "yield", values };
    return Pre.Exit;
  }
  const resumer = th.resumer as LuaThread;
  th.resumer = undefined;
  return deliverToResumer(L, resumer, true, values);
}

/** Hands a coroutine's yield/return values (ok) or error to the thread that resumed it. */
function deliverToResumer(L: InterpState, resumer: LuaThread, ok: boolean, values: LuaValue[]): Pre {
  L.current = resumer;
  resumer.status = "running";
  const site = resumer.pending as PendingCall;
  resumer.pending = undefined;
  if (site.wrap) {
    if (!ok && site.flags & PROT) {
      const r = protectedFail(L, resumer, site.func, site.flags, site.nres, values[0]);
      return r === Pre.Exit ? Pre.Exit : Pre.Reload;
    }
    if (!ok) {
      let ev = values[0];
      if (typeof ev === "string") {
        const f = resumer.frames[resumer.frames.length - 1];
        if (f && !(site.flags & (FrameFlag.Pcall | FrameFlag.Xpcall | FrameFlag.JsBoundary)))
          ev = `${framePosition(f)} ${ev}`;
      }
      throw new LuaError(ev);
    }
    const r = placeResults(L, resumer, site.func, values, site.nres, site.flags);
    return r === Pre.Exit ? Pre.Exit : Pre.Reload;
  }
  const r = placeResults(L, resumer, site.func, [ok, ...values], site.nres, site.flags);
  return r === Pre.Exit ? Pre.Exit : Pre.Reload;
}

/** A coroutine's body returned. */
function coroutineFinished(L: InterpState, co: LuaThread, values: LuaValue[]): Pre {
  co.status = "dead";
  co.pending = undefined;
  if (co.jsResumed) {
    co.jsResumed = false;
    L.exitResult = { kind: "dead", values };
    return Pre.Exit;
  }
  const resumer = co.resumer as LuaThread;
  co.resumer = undefined;
  return deliverToResumer(L, resumer, true, values);
}

/** A coroutine died with an error that nothing inside it caught. */
function coroutineError(L: InterpState, co: LuaThread, err: LuaError): Pre {
  co.status = "dead";
  co.diedWithError = true;
  co.errorValue = err.value;
  co.pending = undefined;
  if (co.jsResumed) {
    co.jsResumed = false;
    L.exitResult = { kind: "error", value: err.value, traceback: err.luaTraceback };
    return Pre.Exit;
  }
  const resumer = co.resumer as LuaThread;
  co.resumer = undefined;
  return deliverToResumer(L, resumer, false, [err.value]);
}

// --- metamethod calls from the loop ---------------------------------------------------

/**
 * Calls metamethod mm with args for the instruction being executed in frame f. A Lua
 * metamethod gets a Finish frame (the loop reloads and finishOp completes the
 * instruction later): returns PENDING. A native runs now: returns its first result.
 */
function callMeta(
  L: InterpState,
  th: LuaThread,
  f: Frame,
  mm: LuaValue,
  args: LuaValue[],
  ev?: string,
): LuaValue | typeof PENDING {
  if (ev !== undefined && !isCallable(L, mm)) {
    rtError(L, `attempt to call a ${typeNameMeta(L, mm)} value (metamethod '${ev.slice(2)}')`);
  }
  if (mm instanceof NativeFunction && mm.intrinsic === Intrinsic.None) {
    const r = callNative(L, mm, args, false);
    return r && r.length > 0 ? r[0] : undefined;
  }
  const func = Math.max(f.base + f.closure.proto.maxStack, f.top);
  th.ensure(func + args.length + 2);
  const stack = th.stack;
  stack[func] = mm;
  for (let i = 0; i < args.length; i++) stack[func + 1 + i] = args[i];
  const r = precall(L, th, func, args.length, 1, FrameFlag.Finish);
  if (r === Pre.Done) return PENDING; // finishOp already ran
  return PENDING;
}

/** Completes the instruction of the top frame with a metamethod's result. */
function finishOp(_L: InterpState, th: LuaThread, res: LuaValue): void {
  const f = th.frames[th.frames.length - 1];
  const p = f.closure.proto;
  const code = p.code;
  const i = (f.pc - 1) * 4;
  const op = code[i];
  const a = code[i + 1];
  const stack = th.stack;
  switch (op) {
    case Op.Eq:
    case Op.Lt:
    case Op.Le:
    case Op.EqK:
      if (truthy(res) !== (a !== 0)) f.pc++;
      return;
    case Op.SetTabUp:
    case Op.SetTable:
    case Op.SetField:
      return;
    case Op.Concat: {
      // the metamethod replaced the two topmost values; continue concatenating
      const n = f.extra;
      stack[f.base + a + n - 1] = res;
      f.pc--;
      return;
    }
    case Op.Close:
    case Op.Jmp:
    case Op.Return:
      f.pc--; // re-execute to close the next variable
      return;
    default:
      stack[f.base + a] = res;
  }
}

// --- indexing ------------------------------------------------------------------------

/** t[k] with __index, from the loop (f set: Lua handlers get frames) or nested. */
function index(
  L: InterpState,
  o: LuaValue,
  k: LuaValue,
  f: Frame | undefined,
  infoRk: number,
): LuaValue | typeof PENDING {
  for (let loop = 0; loop < MAX_TAG_LOOP; loop++) {
    let h: LuaValue;
    if (o instanceof LuaTable) {
      const v = typeof k === "string" ? o.getStr(k) : o.get(k);
      if (v !== undefined) return v;
      const mt = o.metatable;
      if (mt === undefined) return undefined;
      h = mt.metaIndex();
      if (h === undefined) return undefined;
    } else {
      h = getMetamethod(L, o, "__index");
      if (h === undefined) {
        const info = infoRk === NO_INFO ? "" : infoRk === UPVAL_INFO ? upvalInfoForIndex(L) : curVarInfo(L, infoRk);
        return typeErr(L, o, "index", info);
      }
    }
    if (h instanceof Closure || h instanceof NativeFunction) {
      if (f) return callMeta(L, L.current, f, h, [o, k]);
      return callValue(L, h, [o, k])[0];
    }
    o = h;
    infoRk = NO_INFO;
  }
  return rtError(L, "'__index' chain too long; possible loop");
}

const NO_INFO = 0x7fffffff;
const UPVAL_INFO = 0x7ffffffe;

function upvalInfoForIndex(L: InterpState): string {
  const th = L.current;
  const f = th.frames[th.frames.length - 1];
  if (!f) return "";
  const p = f.closure.proto;
  const i = (f.pc - 1) * 4;
  const b = p.code[i + 2];
  return upvalInfo(L, b);
}

/** t[k] = v with __newindex. */
function setIndex(L: InterpState, o: LuaValue, k: LuaValue, v: LuaValue, f: Frame | undefined, infoRk: number): void {
  for (let loop = 0; loop < MAX_TAG_LOOP; loop++) {
    let h: LuaValue;
    if (o instanceof LuaTable) {
      const mt = o.metatable;
      if (mt === undefined || (h = mt.getStr("__newindex")) === undefined || o.get(k) !== undefined) {
        rawSetChecked(L, o, k, v);
        return;
      }
    } else {
      h = getMetamethod(L, o, "__newindex");
      if (h === undefined) {
        const info = infoRk === NO_INFO ? "" : infoRk === UPVAL_INFO ? upvalInfoForIndex(L) : curVarInfo(L, infoRk);
        typeErr(L, o, "index", info);
      }
    }
    if (h instanceof Closure || h instanceof NativeFunction) {
      if (f) callMeta(L, L.current, f, h, [o, k, v]);
      else callValue(L, h, [o, k, v]);
      return;
    }
    o = h;
    infoRk = NO_INFO;
  }
  rtError(L, "'__newindex' chain too long; possible loop");
}

/** Raw t[k] = v with the key checks ("index is nil", "index is NaN"). */
export function rawSetChecked(L: LuaState, t: LuaTable, k: LuaValue, v: LuaValue): void {
  if (k === undefined) rtError(L as InterpState, "table index is nil");
  if (typeof k === "number" && Number.isNaN(k)) rtError(L as InterpState, "table index is NaN");
  t.set(k, v);
}

// --- arithmetic and comparison slow paths ---------------------------------------------

/**
 * + - * / when an operand is a boxed float (1.0, 2.0...) and both are numbers: the loop's
 * second fast path, small enough to be inlined. undefined means "not this case".
 */
function boxedFloatArith(op: number, x: LuaValue, y: LuaValue): LuaValue {
  const xd = typeof x === "number" ? x : x instanceof LuaFloat ? x.n : undefined;
  const yd = typeof y === "number" ? y : y instanceof LuaFloat ? y.n : undefined;
  if (xd === undefined || yd === undefined) return undefined;
  const r = op === Op.Add ? xd + yd : op === Op.Sub ? xd - yd : op === Op.Mul ? xd * yd : xd / yd;
  return Number.isInteger(r) ? new LuaFloat(r) : r;
}

/** Arithmetic with coercions and metamethods. */
function arith(
  L: InterpState,
  f: Frame | undefined,
  op: number,
  a: LuaValue,
  b: LuaValue,
  rkA: number,
  rkB: number,
): LuaValue | typeof PENDING {
  // floats boxed as LuaFloat (1.0, 2.0...) with plain numbers: float arithmetic
  if (
    ((a instanceof LuaFloat && (typeof b === "number" || b instanceof LuaFloat)) ||
      (b instanceof LuaFloat && typeof a === "number")) &&
    op <= Op.IDiv
  ) {
    // x - k with an integer constant k is x + (-k) in Lua, so -0.0 - 0 is 0.0
    const sub0 = op === Op.Sub && rkB < 0 && b === 0;
    return floatArith(sub0 ? Op.Add : op, typeof a === "number" ? a : a.n, typeof b === "number" ? b : b.n);
  }
  let r: LuaValue;
  try {
    r = arithRaw(op, a, b);
  } catch (e) {
    if (e instanceof VMError) {
      if (e.message === "number has no integer representation" && f) {
        const badA = numberToInteger(a) === undefined;
        const info = curVarInfo(L, badA ? rkA : rkB);
        rtError(L, `number${info} has no integer representation`);
      }
      // with a string operand the work is done by the string library's metamethod, a
      // native: its errors carry no position
      if (typeof a === "string" || typeof b === "string") throw new LuaError(e.message);
      rtError(L, e.message);
    }
    throw e;
  }
  if (r !== undefined) return r;
  const ev = ARITH_EVENTS[op];
  // strings carry the string library's arithmetic metamethods (they coerce, then try the
  // other operand's metamethod, then fail with "attempt to add a 'x' with a 'y'")
  const stringMM = !isBitwise(op);
  let mm: LuaValue;
  if (typeof a === "string" && stringMM) mm = stringArithFallback(L, ev, a, b);
  else {
    mm = getMetamethod(L, a, ev);
    if (mm === undefined) {
      if (typeof b === "string" && stringMM) mm = stringArithFallback(L, ev, a, b);
      else mm = getMetamethod(L, b, ev);
    }
  }
  if (mm !== undefined) {
    if (f) return callMeta(L, L.current, f, mm, [a, b], ev);
    return callValue(L, mm, [a, b])[0];
  }
  const { bad, msg } = arithErrorKind(op, a, b);
  if (msg === "number has no integer representation") {
    const badA = numberToInteger(a) === undefined;
    rtError(L, `number${f ? curVarInfo(L, badA ? rkA : rkB) : ""} has no integer representation`);
  }
  const v = bad === "a" ? a : b;
  const info = f ? curVarInfo(L, bad === "a" ? rkA : rkB) : "";
  return typeErr(L, v, msg, info);
}

/**
 * What the string library's arithmetic metamethod does once coercion has failed: use the
 * second operand's metamethod if it is not a string and has one, else raise its error.
 */
function stringArithFallback(L: InterpState, ev: string, a: LuaValue, b: LuaValue): LuaValue {
  if (typeof b !== "string") {
    const mm = getMetamethod(L, b, ev);
    if (mm !== undefined) return mm;
  }
  return rtError(L, stringArithMessage(ev, a, b));
}

/** a < b or a <= b with metamethods. */
function compare(
  L: InterpState,
  f: Frame | undefined,
  le: boolean,
  a: LuaValue,
  b: LuaValue,
): boolean | typeof PENDING {
  const r = le ? lessEqualRaw(a, b) : lessThanRaw(a, b);
  if (r !== undefined) return r;
  const ev = le ? "__le" : "__lt";
  let mm = getMetamethod(L, a, ev);
  if (mm === undefined) mm = getMetamethod(L, b, ev);
  if (mm === undefined) {
    // as Lua 5.4 built with LUA_COMPAT_5_3 (the reference makefile, Debian's lua5.4):
    // without __le, a <= b is not (b < a) through __lt (called without a frame: no yield)
    if (le) {
      const lt = getMetamethod(L, b, "__lt") ?? getMetamethod(L, a, "__lt");
      if (lt !== undefined) return !truthy(callValue(L, lt, [b, a])[0]);
    }
    return rtError(L, compareError(L, a, b));
  }
  if (f) {
    const r = callMeta(L, L.current, f, mm, [a, b], ev);
    return r === PENDING ? PENDING : truthy(r);
  }
  return truthy(callValue(L, mm, [a, b])[0]);
}

/** a == b with __eq. */
function equals(L: InterpState, f: Frame | undefined, a: LuaValue, b: LuaValue): boolean | typeof PENDING {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object") return rawEquals(a, b);
  if (a instanceof LuaFloat || b instanceof LuaFloat) return rawEquals(a, b);
  const both =
    (a instanceof LuaTable && b instanceof LuaTable) ||
    (!(a instanceof LuaTable) && !(b instanceof LuaTable) && typeName(a) === "userdata" && typeName(b) === "userdata");
  if (!both) return false;
  let mm = getMetamethod(L, a, "__eq");
  if (mm === undefined) mm = getMetamethod(L, b, "__eq");
  if (mm === undefined) return false;
  if (f) {
    const r = callMeta(L, L.current, f, mm, [a, b], "__eq");
    return r === PENDING ? PENDING : truthy(r);
  }
  return truthy(callValue(L, mm, [a, b])[0]);
}

/** #v with __len. */
function length(L: InterpState, f: Frame | undefined, v: LuaValue, rk: number): LuaValue | typeof PENDING {
  if (typeof v === "string") return v.length;
  const mm = getMetamethod(L, v, "__len");
  if (mm !== undefined) {
    if (f) return callMeta(L, L.current, f, mm, [v, v], "__len");
    return callValue(L, mm, [v, v])[0];
  }
  if (v instanceof LuaTable) return v.length();
  return typeErr(L, v, "get length of", f ? curVarInfo(L, rk) : "");
}

/**
 * CONCAT of n values at stack[from...]: joins runs of strings/numbers, calling __concat
 * where needed. Returns PENDING when a Lua metamethod frame was pushed.
 */
function concat(L: InterpState, th: LuaThread, f: Frame, from: number, n: number): typeof PENDING | undefined {
  const stack = th.stack;
  if (++L.gcDebt > L.gcPace) gcStep(L, from + n, f.pc - 1);
  while (n > 1) {
    const top = from + n - 1;
    const b = stack[top];
    const a = stack[top - 1];
    const sb = concatPiece(b);
    const sa = sb === undefined ? undefined : concatPiece(a);
    if (sa === undefined || sb === undefined) {
      const mm = getMetamethod(L, a, "__concat") ?? getMetamethod(L, b, "__concat");
      if (mm === undefined) {
        const badFirst = concatPiece(a) === undefined;
        const bad = badFirst ? a : b;
        const p = f.closure.proto;
        const reg = badFirst ? top - 1 - f.base : top - f.base;
        typeErr(L, bad, "concatenate", varInfo(p, f.pc - 1, reg));
      }
      f.extra = n - 1;
      const r = callMeta(L, th, f, mm, [a, b], "__concat");
      if (r === PENDING) return PENDING;
      stack[top - 1] = r;
      n--;
      continue;
    }
    // collect the longest run of strings/numbers ending at top
    let j = top - 1;
    while (j > from && concatPiece(stack[j - 1]) !== undefined) j--;
    if (j === top - 1) stack[top - 1] = sa + sb;
    else {
      let s = "";
      for (let k = j; k <= top; k++) s += concatPiece(stack[k]) as string;
      stack[j] = s;
      account(s.length);
    }
    n -= top - j;
  }
  f.extra = 0;
  return undefined;
}

// --- the loop ----------------------------------------------------------------------

/**
 * Runs until the current call chain reaches an exit: a JsBoundary frame returning, a
 * JS-resumed coroutine yielding or ending, or a host yield. `pendingError` starts by
 * raising an error at the current point (a host's resumeError).
 */
export function execute(L0: LuaState, pendingError?: LuaError): ExecResult {
  const L = L0 as InterpState;
  let err: LuaError | undefined = pendingError;
  const depth = L.jsDepth;
  for (;;) {
    try {
      if (err !== undefined) {
        const e = err;
        err = undefined;
        const r = handleThrow(L, e);
        if (r !== undefined) return r;
      }
      return run(L);
    } catch (e) {
      L.jsDepth = depth; // compiled frames the error went through did not count themselves out
      if (e instanceof Escape) throw e.err;
      err = toLuaError(L, e);
      L.nativeCtx = false; // back in the loop, whatever native threw
    }
  }
}

/** Wraps an error that must leave execute() (it reached a JS boundary or the main thread). */
class Escape {
  constructor(public err: LuaError) {}
}

/** Unwinds to the nearest pcall of the current thread (or ends the thread). */
function handleThrow(L: InterpState, err: LuaError): ExecResult | undefined {
  for (;;) {
    const th = L.current;
    const frames = th.frames;
    let fi = frames.length - 1;
    while (
      fi >= 0 &&
      !(
        frames[fi].flags &
        (FrameFlag.Pcall | FrameFlag.Xpcall | FrameFlag.JsBoundary | FrameFlag.CoroutineBase | FrameFlag.CloseUnwind)
      )
    )
      fi--;
    if (fi >= 0 && frames[fi].flags & (FrameFlag.Pcall | FrameFlag.Xpcall | FrameFlag.CloseUnwind)) {
      const f = frames[fi];
      if (f.flags & PROT) {
        // close the pending to-be-closed variables from the loop, so that they can yield
        let value = err.value;
        if (f.flags & FrameFlag.Xpcall) {
          value = err.handledFor === f ? err.handledValue : handleError(L, FrameFlag.Xpcall, err, f.handler);
        }
        (th.unwinds ??= []).push({ level: f.func, value, func: f.func, flags: f.flags, nres: f.nres });
      } else {
        // a __close failed while an error unwinds: its error replaces the one in flight
        const u = th.unwinds as Unwind[];
        u[u.length - 1].value = err.value;
      }
      closeUpvals(th, f.func);
      frames.length = fi;
      const r = continueUnwind(L, th);
      if (r === Pre.Exit) return takeExit(L);
      return undefined;
    }
    if (fi >= 0 && frames[fi].flags & FrameFlag.JsBoundary) {
      const f = frames[fi];
      if (err.luaTraceback === undefined) err.luaTraceback = errorTraceback(L, th, err);
      // an xpcall further down runs its message handler here, where the error was raised
      // (its traceback sees the frames that the native between them is about to lose)
      // (not for errors of a message handler itself: runHandler calls it again on those)
      if (err.handledFor === undefined && L.handlerDepth === 0) {
        let pi = fi - 1;
        while (pi >= 0 && !(frames[pi].flags & (PROT | FrameFlag.CoroutineBase | FrameFlag.CloseUnwind))) pi--;
        const xf = pi >= 0 ? frames[pi] : undefined;
        if (xf !== undefined && xf.flags & FrameFlag.Xpcall) {
          err.handledValue = handleError(L, FrameFlag.Xpcall, err, xf.handler);
          err.handledFor = xf;
        }
      }
      closeUpvals(th, f.func);
      let value = err.value;
      value = closeTbcNested(L, th, f.func, value, true);
      frames.length = fi;
      if (value !== err.value) throw new Escape(new LuaError(value));
      throw new Escape(err);
    }
    // no handler in this thread: it dies
    if (err.luaTraceback === undefined) err.luaTraceback = errorTraceback(L, th, err);
    closeUpvals(th, 0);
    // a coroutine that coroutine.resume ran keeps its pending to-be-closed variables for
    // coroutine.close (as lua_resume leaves them); the main thread and wrap close them now
    const site = th.resumer?.pending;
    const keepTbc = !th.isMain && site !== undefined && !site.wrap;
    let value = err.value;
    if (!keepTbc) {
      try {
        value = closeTbcNested(L, th, 0, value, true);
      } catch (e) {
        value = toLuaError(L, e).value;
      }
    }
    if (value !== err.value) err = new LuaError(value);
    frames.length = 0;
    th.deadTraceback = err.luaTraceback;
    if (th.isMain || (th.resumer === undefined && !th.jsResumed)) throw new Escape(err);
    const r = coroutineError(L, th, err);
    if (r === Pre.Exit) return takeExit(L);
    return undefined;
  }
}

/**
 * Goes on with the innermost unwinding error of th: calls the __close of the next
 * to-be-closed variable at or above its level as a CloseUnwind frame (whose return comes
 * back here), or, when none is left, makes the protected call fail with the error.
 */
function continueUnwind(L: InterpState, th: LuaThread): Pre {
  const list = th.unwinds as Unwind[];
  const u = list[list.length - 1];
  while (th.tbc.length > 0 && th.tbc[th.tbc.length - 1] >= u.level) {
    const idx = th.tbc.pop() as number;
    const v = th.stack[idx];
    const mm = getMetamethod(L, v, "__close");
    if (mm === undefined) {
      u.value = "attempt to call a nil value";
      continue;
    }
    // above the variable and above whatever the frame below still uses
    const top = th.frames.length > 0 ? topFrameEnd(th) : th.lastTop;
    const func = Math.max(idx + 1, top);
    th.ensure(func + 4);
    th.stack[func] = mm;
    th.stack[func + 1] = v;
    th.stack[func + 2] = u.value;
    try {
      return precall(L, th, func, 2, 0, FrameFlag.CloseUnwind);
    } catch (e) {
      u.value = toLuaError(L, e).value;
    }
  }
  list.pop();
  return protectedFail(L, th, u.func, u.flags, u.nres, u.value);
}

function takeExit(L: InterpState): ExecResult {
  const r = L.exitResult;
  L.exitResult = undefined;
  if (r) return r;
  return { kind: "return", values: L.jsResults };
}

/**
 * The dispatch loop proper. Each turn of the outer loop takes the top frame: compiled code
 * runs it when its prototype has a compiled entry at the frame's pc (vm/jit.ts), else the
 * interpreter does, until the frames change.
 */
function run(L: InterpState): ExecResult {
  outer: for (;;) {
    const th = L.current;
    const stack = th.stack;
    let f = th.frames[th.frames.length - 1];
    if (f === undefined) {
      // a thread whose body was a native finished; nothing to run here
      throw new Error("interpreter: no frame to run");
    }
    let cl = f.closure;
    let p = cl.proto;
    if (p.jit !== undefined && th.hookMask === 0) {
      const fn = jitEntry(p, f.pc);
      if (fn !== undefined) {
        if (fn(L, th, f) === 2) return takeExit(L);
        continue;
      }
    }
    let code = p.code;
    let K = p.k;
    let base = f.base;
    let pc = f.pc;
    for (;;) {
      if (th.hookMask !== 0 && th.allowHook) {
        f.pc = pc + 1; // the instruction about to run is the frame's current one
        hookStep(L, th, f, pc);
      }
      const i = pc << 2;
      const op = code[i];
      const a = code[i + 1];
      pc++;
      let reload = false;
      switch (op) {
        case Op.Move:
          stack[base + a] = stack[base + code[i + 2]];
          break;
        case Op.LoadK:
          stack[base + a] = K[code[i + 2]];
          break;
        case Op.LoadNil: {
          const n = code[i + 2];
          for (let j = 0; j < n; j++) stack[base + a + j] = undefined;
          break;
        }
        case Op.LoadTrue:
          stack[base + a] = true;
          break;
        case Op.LoadFalse:
          stack[base + a] = false;
          break;
        case Op.GetUpval:
          stack[base + a] = cl.upvals[code[i + 2]].get();
          break;
        case Op.SetUpval:
          cl.upvals[code[i + 2]].set(stack[base + a]);
          break;
        case Op.GetTabUp: {
          const t = cl.upvals[code[i + 2]].get();
          const c = code[i + 3];
          const k = c >= 0 ? stack[base + c] : K[-1 - c];
          let v: LuaValue | typeof PENDING;
          if (
            t instanceof LuaTable &&
            (v = typeof k === "string" ? t.getStrIC(k, p.ic, pc - 1) : t.get(k)) !== undefined
          ) {
            stack[base + a] = v;
            break;
          }
          f.pc = pc;
          v = index(L, t, k, f, UPVAL_INFO);
          if (v === PENDING) reload = true;
          else stack[base + a] = v;
          break;
        }
        case Op.GetTable: {
          const b = code[i + 2];
          const t = stack[base + b];
          const c = code[i + 3];
          const k = c >= 0 ? stack[base + c] : K[-1 - c];
          let v: LuaValue | typeof PENDING;
          if (t instanceof LuaTable && (v = t.get(k)) !== undefined) {
            stack[base + a] = v;
            break;
          }
          f.pc = pc;
          v = index(L, t, k, f, b);
          if (v === PENDING) reload = true;
          else stack[base + a] = v;
          break;
        }
        case Op.GetField: {
          const b = code[i + 2];
          const t = stack[base + b];
          const k = K[code[i + 3]] as string;
          let v: LuaValue | typeof PENDING;
          if (t instanceof LuaTable && (v = t.getStrIC(k, p.ic, pc - 1)) !== undefined) {
            stack[base + a] = v;
            break;
          }
          f.pc = pc;
          v = index(L, t, k, f, b);
          if (v === PENDING) reload = true;
          else stack[base + a] = v;
          break;
        }
        case Op.SetTabUp: {
          const t = cl.upvals[a].get();
          const b = code[i + 2];
          const c = code[i + 3];
          const k = b >= 0 ? stack[base + b] : K[-1 - b];
          const v = c >= 0 ? stack[base + c] : K[-1 - c];
          if (t instanceof LuaTable && t.metatable === undefined && typeof k === "string") {
            if (!t.setStrIC(k, v, p.ic, pc - 1)) t.set(k, v);
          } else {
            f.pc = pc;
            const before = th.frames.length;
            setIndex(L, t, k, v, f, NO_INFO);
            if (th.frames.length !== before) reload = true;
          }
          break;
        }
        case Op.SetTable:
        case Op.SetField: {
          const t = stack[base + a];
          const b = code[i + 2];
          const c = code[i + 3];
          const k = op === Op.SetField ? K[b] : b >= 0 ? stack[base + b] : K[-1 - b];
          const v = c >= 0 ? stack[base + c] : K[-1 - c];
          if (t instanceof LuaTable && t.metatable === undefined) {
            if (typeof k === "number" && Number.isInteger(k)) t.setInt(k, v);
            else if (typeof k === "string") {
              if (!t.setStrIC(k, v, p.ic, pc - 1)) t.set(k, v);
            } else {
              f.pc = pc;
              rawSetChecked(L, t, k, v);
            }
          } else {
            f.pc = pc;
            const before = th.frames.length;
            setIndex(L, t, k, v, f, a);
            if (th.frames.length !== before) reload = true;
          }
          break;
        }
        case Op.NewTable:
          stack[base + a] = new LuaTable();
          if (++L.gcDebt > L.gcPace) gcStep(L, base + a + 1, pc - 1);
          break;
        case Op.Self: {
          const b = code[i + 2];
          const t = stack[base + b];
          const c = code[i + 3];
          const k = c >= 0 ? stack[base + c] : K[-1 - c];
          stack[base + a + 1] = t;
          let v: LuaValue | typeof PENDING;
          if (t instanceof LuaTable && typeof k === "string") {
            if ((v = t.getStr(k)) !== undefined) {
              stack[base + a] = v;
              break;
            }
            // the usual class: one hop through a metatable whose __index is a table
            const mt = t.metatable;
            const h = mt === undefined ? undefined : mt.metaIndex();
            if (h instanceof LuaTable && (v = h.getStrIC(k, p.ic, pc - 1)) !== undefined) {
              stack[base + a] = v;
              break;
            }
          } else if (t instanceof LuaTable && (v = t.get(k)) !== undefined) {
            stack[base + a] = v;
            break;
          }
          f.pc = pc;
          v = index(L, t, k, f, b);
          if (v === PENDING) reload = true;
          else stack[base + a] = v;
          break;
        }
        case Op.Add: {
          const b = code[i + 2];
          const c = code[i + 3];
          const x = b >= 0 ? stack[base + b] : K[-1 - b];
          const y = c >= 0 ? stack[base + c] : K[-1 - c];
          if (typeof x === "number" && typeof y === "number") {
            const r = x + y;
            if (Number.isInteger(r)) {
              if (Number.isInteger(x) && Number.isInteger(y)) {
                stack[base + a] = r <= 9007199254740991 && r >= -9007199254740991 ? r : normInt(BigInt(x) + BigInt(y));
              } else stack[base + a] = new LuaFloat(r);
            } else stack[base + a] = r;
            break;
          }
          if (x instanceof LuaFloat || y instanceof LuaFloat) {
            const r = boxedFloatArith(op, x, y);
            if (r !== undefined) {
              stack[base + a] = r;
              break;
            }
          }
          f.pc = pc;
          const r = arith(L, f, op, x, y, b, c);
          if (r === PENDING) reload = true;
          else stack[base + a] = r;
          break;
        }
        case Op.Sub: {
          const b = code[i + 2];
          const c = code[i + 3];
          const x = b >= 0 ? stack[base + b] : K[-1 - b];
          const y = c >= 0 ? stack[base + c] : K[-1 - c];
          if (typeof x === "number" && typeof y === "number") {
            const r = x - y; // (-0.0 is boxed, so x - 0 needs no care here: see arith)
            if (Number.isInteger(r)) {
              if (Number.isInteger(x) && Number.isInteger(y)) {
                stack[base + a] = r <= 9007199254740991 && r >= -9007199254740991 ? r : normInt(BigInt(x) - BigInt(y));
              } else stack[base + a] = new LuaFloat(r);
            } else stack[base + a] = r;
            break;
          }
          if (x instanceof LuaFloat || y instanceof LuaFloat) {
            const r = boxedFloatArith(c < 0 && y === 0 ? Op.Add : op, x, y);
            if (r !== undefined) {
              stack[base + a] = r;
              break;
            }
          }
          f.pc = pc;
          const r = arith(L, f, op, x, y, b, c);
          if (r === PENDING) reload = true;
          else stack[base + a] = r;
          break;
        }
        case Op.Mul: {
          const b = code[i + 2];
          const c = code[i + 3];
          const x = b >= 0 ? stack[base + b] : K[-1 - b];
          const y = c >= 0 ? stack[base + c] : K[-1 - c];
          if (typeof x === "number" && typeof y === "number") {
            const r = x * y;
            if (Number.isInteger(r)) {
              if (Number.isInteger(x) && Number.isInteger(y)) {
                stack[base + a] =
                  r <= 9007199254740991 && r >= -9007199254740991 ? r + 0 : normInt(BigInt(x) * BigInt(y));
              } else stack[base + a] = new LuaFloat(r);
            } else stack[base + a] = r;
            break;
          }
          if (x instanceof LuaFloat || y instanceof LuaFloat) {
            const r = boxedFloatArith(op, x, y);
            if (r !== undefined) {
              stack[base + a] = r;
              break;
            }
          }
          f.pc = pc;
          const r = arith(L, f, op, x, y, b, c);
          if (r === PENDING) reload = true;
          else stack[base + a] = r;
          break;
        }
        case Op.Div: {
          const b = code[i + 2];
          const c = code[i + 3];
          const x = b >= 0 ? stack[base + b] : K[-1 - b];
          const y = c >= 0 ? stack[base + c] : K[-1 - c];
          if (typeof x === "number" && typeof y === "number") {
            const r = x / y;
            stack[base + a] = Number.isInteger(r) ? new LuaFloat(r) : r;
            break;
          }
          if (x instanceof LuaFloat || y instanceof LuaFloat) {
            const r = boxedFloatArith(op, x, y);
            if (r !== undefined) {
              stack[base + a] = r;
              break;
            }
          }
          f.pc = pc;
          const r = arith(L, f, op, x, y, b, c);
          if (r === PENDING) reload = true;
          else stack[base + a] = r;
          break;
        }
        case Op.Mod: {
          const b = code[i + 2];
          const c = code[i + 3];
          const x = b >= 0 ? stack[base + b] : K[-1 - b];
          const y = c >= 0 ? stack[base + c] : K[-1 - c];
          if (typeof x === "number" && typeof y === "number" && y !== 0 && Number.isInteger(x) && Number.isInteger(y)) {
            let m = x % y;
            if (m !== 0 && m < 0 !== y < 0) m += y;
            stack[base + a] = m + 0;
            break;
          }
          f.pc = pc;
          const r = arith(L, f, op, x, y, b, c);
          if (r === PENDING) reload = true;
          else stack[base + a] = r;
          break;
        }
        case Op.IDiv: {
          const b = code[i + 2];
          const c = code[i + 3];
          const x = b >= 0 ? stack[base + b] : K[-1 - b];
          const y = c >= 0 ? stack[base + c] : K[-1 - c];
          if (
            typeof x === "number" &&
            typeof y === "number" &&
            y !== 0 &&
            Number.isInteger(x) &&
            Number.isInteger(y) &&
            x < 2147483648 &&
            x > -2147483648
          ) {
            // |x| < 2^31: the rounded quotient cannot cross an integer, so floor is exact
            stack[base + a] = Math.floor(x / y) + 0;
            break;
          }
          f.pc = pc;
          const r = arith(L, f, op, x, y, b, c);
          if (r === PENDING) reload = true;
          else stack[base + a] = r;
          break;
        }
        case Op.BAnd:
        case Op.BOr:
        case Op.BXor: {
          const b = code[i + 2];
          const c = code[i + 3];
          const x = b >= 0 ? stack[base + b] : K[-1 - b];
          const y = c >= 0 ? stack[base + c] : K[-1 - c];
          if (typeof x === "number" && typeof y === "number" && (x | 0) === x && (y | 0) === y) {
            // 32-bit operands: JS's int32 operations agree with Lua's 64-bit ones
            stack[base + a] = op === Op.BAnd ? x & y : op === Op.BOr ? x | y : x ^ y;
            break;
          }
          f.pc = pc;
          const r = arith(L, f, op, x, y, b, c);
          if (r === PENDING) reload = true;
          else stack[base + a] = r;
          break;
        }
        case Op.Pow: {
          const b = code[i + 2];
          const c = code[i + 3];
          const x = b >= 0 ? stack[base + b] : K[-1 - b];
          const y = c >= 0 ? stack[base + c] : K[-1 - c];
          if (typeof x === "number" && typeof y === "number") {
            const r = y === 2 ? x * x : powF(x, y);
            stack[base + a] = Number.isInteger(r) ? new LuaFloat(r) : r;
            break;
          }
          f.pc = pc;
          const r = arith(L, f, op, x, y, b, c);
          if (r === PENDING) reload = true;
          else stack[base + a] = r;
          break;
        }
        case Op.Shl:
        case Op.Shr: {
          const b = code[i + 2];
          const c = code[i + 3];
          const x = b >= 0 ? stack[base + b] : K[-1 - b];
          const y = c >= 0 ? stack[base + c] : K[-1 - c];
          f.pc = pc;
          const r = arith(L, f, op, x, y, b, c);
          if (r === PENDING) reload = true;
          else stack[base + a] = r;
          break;
        }
        case Op.AddI: {
          const b = code[i + 2];
          const x = stack[base + b];
          const y = code[i + 3];
          if (typeof x === "number") {
            const r = x + y;
            if (Number.isInteger(x)) {
              stack[base + a] = r <= 9007199254740991 && r >= -9007199254740991 ? r : normInt(BigInt(x) + BigInt(y));
            } else stack[base + a] = Number.isInteger(r) ? new LuaFloat(r) : r;
            break;
          }
          f.pc = pc;
          const r = arith(L, f, Op.Add, x, y, b, NO_INFO);
          if (r === PENDING) reload = true;
          else stack[base + a] = r;
          break;
        }
        case Op.Unm: {
          const b = code[i + 2];
          const x = stack[base + b];
          if (typeof x === "number") {
            stack[base + a] = Number.isInteger(x) ? (x === 0 ? 0 : -x) : -x;
            break;
          }
          f.pc = pc;
          const r = arith(L, f, Op.Unm, x, x, b, b);
          if (r === PENDING) reload = true;
          else stack[base + a] = r;
          break;
        }
        case Op.BNot: {
          const b = code[i + 2];
          const x = stack[base + b];
          f.pc = pc;
          const r = arith(L, f, Op.BNot, x, x, b, b);
          if (r === PENDING) reload = true;
          else stack[base + a] = r;
          break;
        }
        case Op.Not:
          stack[base + a] = !truthy(stack[base + code[i + 2]]);
          break;
        case Op.Len: {
          const b = code[i + 2];
          const x = stack[base + b];
          if (x instanceof LuaTable && x.metatable === undefined) {
            stack[base + a] = x.length();
            break;
          }
          f.pc = pc;
          const r = length(L, f, x, b);
          if (r === PENDING) reload = true;
          else stack[base + a] = r;
          break;
        }
        case Op.Concat: {
          const rest = f.extra;
          const n = rest > 0 ? rest : code[i + 2];
          const x = stack[base + a];
          const y = stack[base + a + 1];
          if (n === 2 && typeof x === "string" && typeof y === "string") {
            stack[base + a] = x + y;
            // the end of a concatenation a metamethod interrupted
            if (rest > 0) f.extra = 0;
            break;
          }
          f.pc = pc;
          if (concat(L, th, f, base + a, n) === PENDING) reload = true;
          break;
        }
        case Op.Close: {
          f.pc = pc;
          const level = base + a;
          if (th.openUpvals.length > 0) closeUpvals(th, level);
          if (th.tbc.length > 0 && th.tbc[th.tbc.length - 1] >= level) {
            // come back here until every variable is closed
            if (closeOneTbc(L, th, f) === PENDING) reload = true;
            else pc--;
          }
          break;
        }
        case Op.Tbc: {
          f.pc = pc;
          const v = stack[base + a];
          if (v !== undefined && v !== false) {
            if (getMetamethod(L, v, "__close") === undefined) {
              const name = varInfoName(p, pc - 1, a);
              rtError(L, `variable '${name}' got a non-closable value`);
            }
            th.tbc.push(base + a);
          }
          break;
        }
        case Op.Jmp: {
          if (a > 0) {
            f.pc = pc;
            const level = base + a - 1;
            if (th.openUpvals.length > 0) closeUpvals(th, level);
            if (th.tbc.length > 0 && th.tbc[th.tbc.length - 1] >= level) {
              if (closeOneTbc(L, th, f) === PENDING) reload = true;
              else pc--;
              break;
            }
          }
          pc += code[i + 2];
          if (code[i + 2] < 0) {
            if ((L.fuel += code[i + 2]) < 0) fuelAt(L, f, pc);
            if (++p.hot >= jitOptions.threshold && osr(p, f, pc)) continue outer;
          }
          break;
        }
        case Op.Eq: {
          const b = code[i + 2];
          const c = code[i + 3];
          const x = b >= 0 ? stack[base + b] : K[-1 - b];
          const y = c >= 0 ? stack[base + c] : K[-1 - c];
          let r: boolean | typeof PENDING;
          if (x === y) r = true;
          else if (typeof x === "object" || typeof y === "object" || typeof x !== typeof y) {
            f.pc = pc;
            r = equals(L, f, x, y);
          } else r = false;
          if (r === PENDING) reload = true;
          else if (r !== (a !== 0)) pc++;
          break;
        }
        case Op.EqK: {
          const x = stack[base + code[i + 2]];
          const y = K[code[i + 3]];
          let r: boolean;
          if (x === y) r = true;
          else if (typeof x === "string" || typeof y === "string" || x === undefined || typeof x === "boolean")
            r = false;
          else r = rawEquals(x, y);
          if (r !== (a !== 0)) pc++;
          break;
        }
        case Op.Lt: {
          const b = code[i + 2];
          const c = code[i + 3];
          const x = b >= 0 ? stack[base + b] : K[-1 - b];
          const y = c >= 0 ? stack[base + c] : K[-1 - c];
          let r: boolean | typeof PENDING;
          if (typeof x === "number" && typeof y === "number") r = x < y;
          else {
            f.pc = pc;
            r = compare(L, f, false, x, y);
          }
          if (r === PENDING) reload = true;
          else if (r !== (a !== 0)) pc++;
          break;
        }
        case Op.Le: {
          const b = code[i + 2];
          const c = code[i + 3];
          const x = b >= 0 ? stack[base + b] : K[-1 - b];
          const y = c >= 0 ? stack[base + c] : K[-1 - c];
          let r: boolean | typeof PENDING;
          if (typeof x === "number" && typeof y === "number") r = x <= y;
          else {
            f.pc = pc;
            r = compare(L, f, true, x, y);
          }
          if (r === PENDING) reload = true;
          else if (r !== (a !== 0)) pc++;
          break;
        }
        case Op.Test: {
          const v = stack[base + a];
          if ((v !== undefined && v !== false) !== (code[i + 3] !== 0)) pc++;
          break;
        }
        case Op.TestSet: {
          const v = stack[base + code[i + 2]];
          if ((v !== undefined && v !== false) !== (code[i + 3] !== 0)) pc++;
          else stack[base + a] = v;
          break;
        }
        case Op.Call: {
          const b = code[i + 2];
          const func = base + a;
          const nargs = b !== 0 ? b - 1 : f.top - func - 1;
          f.pc = pc;
          const fn = stack[func];
          if (
            fn instanceof Closure &&
            !fn.proto.isVararg &&
            th.frames.length < L.maxFrames &&
            func + fn.proto.maxStack < L.maxSlots
          ) {
            // the common Lua-to-Lua call, inlined: push the frame and continue there
            const np = fn.proto;
            if ((L.fuel -= np.cost) < 0) outOfFuel(L);
            const nb = func + 1;
            if (nb + np.maxStack + 1 > stack.length) th.ensure(nb + np.maxStack + 1);
            for (let j = nargs; j < np.numParams; j++) stack[nb + j] = undefined;
            const cd = f.cdepth;
            f = new Frame(fn, nb, func, code[i + 3] - 1, EMPTY, 0);
            f.cdepth = cd;
            th.frames.push(f);
            if (np.jit0 !== undefined) continue outer;
            if (++np.hot >= jitOptions.threshold) {
              jitHot(np);
              if (np.jit0 !== undefined) continue outer;
            }
            cl = fn;
            p = np;
            code = np.code;
            K = np.k;
            base = nb;
            pc = 0;
            break;
          }
          if (fn instanceof NativeFunction && fn.intrinsic === Intrinsic.None && th.hookMask === 0) {
            if (nargs === 1 && fn.fast1 !== undefined && code[i + 3] === 2) {
              const r = fn.fast1(stack[func + 1]);
              if (r !== NO_FAST) {
                stack[func] = r;
                break;
              }
            }
            // a plain native: call it and place its results here
            const res = callNative(L, fn, nargs === 0 ? [] : stack.slice(func + 1, func + 1 + nargs), false);
            // debug.sethook may have set a hook, whose return event this call is
            nativeReturnHook(L, th);
            const want = code[i + 3] - 1;
            const n = res === undefined ? 0 : res.length;
            if (want < 0) {
              if (func + n + 1 > stack.length) th.ensure(func + n + 1);
              for (let j = 0; j < n; j++) stack[func + j] = (res as LuaValue[])[j];
              f.top = func + n;
            } else {
              for (let j = 0; j < want; j++) stack[func + j] = j < n ? (res as LuaValue[])[j] : undefined;
            }
            break;
          }
          const r = precall(L, th, func, nargs, code[i + 3] - 1, 0);
          if (r === Pre.Exit) return takeExit(L);
          if (r === Pre.Reload) reload = true;
          break;
        }
        case Op.TailCall: {
          const b = code[i + 2];
          const func = base + a;
          const nargs = b !== 0 ? b - 1 : f.top - func - 1;
          const fn = stack[func];
          if (!(fn instanceof Closure)) {
            // natives: an ordinary call followed by the RETURN that follows
            f.pc = pc;
            const r = precall(L, th, func, nargs, -1, 0);
            if (r === Pre.Exit) return takeExit(L);
            if (r === Pre.Reload) reload = true;
            break;
          }
          if (th.openUpvals.length > 0) closeUpvals(th, base);
          // move function and arguments down to the frame's own slot
          const dst = f.func;
          for (let j = 0; j <= nargs; j++) stack[dst + j] = stack[func + j];
          th.frames.pop();
          f.pc = pc;
          const r = precall(L, th, dst, nargs, f.nres, f.flags);
          if (r === Pre.Exit) return takeExit(L);
          enteredByTailCall(th, f);
          reload = true;
          break;
        }
        case Op.Return: {
          const b = code[i + 2];
          let n = b !== 0 ? b - 1 : f.top - (base + a);
          if (th.tbc.length > 0 && th.tbc[th.tbc.length - 1] >= base) {
            f.pc = pc;
            if (closeOneTbc(L, th, f) === PENDING) reload = true;
            else pc--;
            break;
          }
          if (th.openUpvals.length > 0) closeUpvals(th, base);
          if (th.hookMask & HookMask.Return && th.allowHook) {
            f.pc = pc;
            runHook(L, th, "return", frameLineAt(f), true, { first: a + 1, count: n, values: undefined });
          }
          const flags = f.flags;
          th.frames.pop();
          let dest = f.func;
          const src = base + a;
          if (flags & PROT) {
            const extra = flags >>> 8;
            dest -= 1 + extra;
            for (let j = 0; j <= extra; j++) stack[dest + j] = true;
            for (let j = 0; j < n; j++) stack[dest + 1 + extra + j] = stack[src + j];
            n += 1 + extra;
          } else {
            for (let j = 0; j < n; j++) stack[dest + j] = stack[src + j];
          }
          if (flags === 0 || flags === FrameFlag.Pcall || flags === FrameFlag.Xpcall) {
            const nres = f.nres;
            if (nres < 0) {
              const caller = th.frames[th.frames.length - 1];
              caller.top = dest + n;
            } else for (let j = n; j < nres; j++) stack[dest + j] = undefined;
            f = th.frames[th.frames.length - 1];
            cl = f.closure;
            p = cl.proto;
            code = p.code;
            K = p.k;
            base = f.base;
            pc = f.pc;
            break;
          }
          if (flags & FrameFlag.CoroutineBase) {
            const r = coroutineFinished(L, th, stack.slice(dest, dest + n));
            if (r === Pre.Exit) return takeExit(L);
            reload = true;
            break;
          }
          const r = finishCall(L, th, dest, n, f.nres, flags);
          if (r === Pre.Exit) return takeExit(L);
          reload = true;
          break;
        }
        case Op.ForPrep: {
          f.pc = pc;
          if (forPrep(L, stack, base + a)) {
            pc += code[i + 2] + 1;
          }
          break;
        }
        case Op.ForLoop: {
          const ra = base + a;
          const step = stack[ra + 2];
          const count = stack[ra + 1];
          let again: boolean;
          if (typeof step === "number" && typeof count === "number" && Number.isInteger(step)) {
            again = count > 0;
            if (again) {
              stack[ra + 1] = count - 1;
              const v = (stack[ra] as number) + step;
              stack[ra] = v;
              stack[ra + 3] = v;
            }
          } else if (typeof step === "number" && typeof count === "number") {
            // float loop with a non-integral step: plain numbers all the way
            const cur = stack[ra];
            const v = (typeof cur === "number" ? cur : (cur as LuaFloat).n) + step;
            again = step > 0 ? v <= count : v >= count;
            if (again) {
              const fv = Number.isInteger(v) ? new LuaFloat(v) : v;
              stack[ra] = fv;
              stack[ra + 3] = fv;
            }
          } else again = forLoopSlow(stack, ra);
          if (again) {
            pc -= code[i + 2];
            if ((L.fuel -= code[i + 2]) < 0) fuelAt(L, f, pc);
            if (++p.hot >= jitOptions.threshold && osr(p, f, pc)) continue outer;
          }
          break;
        }
        case Op.TForPrep: {
          f.pc = pc;
          const v = stack[base + a + 3];
          if (v !== undefined && v !== false) {
            if (getMetamethod(L, v, "__close") === undefined)
              rtError(L, "variable '(for state)' got a non-closable value");
            th.tbc.push(base + a + 3);
          }
          pc += code[i + 2];
          break;
        }
        case Op.TForCall: {
          const ra = base + a;
          stack[ra + 4] = stack[ra];
          stack[ra + 5] = stack[ra + 1];
          stack[ra + 6] = stack[ra + 2];
          f.pc = pc;
          const r = precall(L, th, ra + 4, 2, code[i + 3], 0);
          if (r === Pre.Exit) return takeExit(L);
          if (r === Pre.Reload) reload = true;
          break;
        }
        case Op.TForLoop: {
          const ra = base + a;
          const v = stack[ra + 4];
          if (v !== undefined) {
            stack[ra + 2] = v;
            pc -= code[i + 2];
            if ((L.fuel -= code[i + 2]) < 0) fuelAt(L, f, pc);
            if (++p.hot >= jitOptions.threshold && osr(p, f, pc)) continue outer;
          }
          break;
        }
        case Op.SetList: {
          const t = stack[base + a] as LuaTable;
          let n = code[i + 2];
          if (n === 0) n = f.top - (base + a) - 1;
          const off = code[i + 3];
          if (off === 0 && t.arr.length === 0) t.setArray(stack.slice(base + a + 1, base + a + 1 + n));
          else for (let j = 1; j <= n; j++) t.set(off + j, stack[base + a + j]);
          break;
        }
        case Op.Closure: {
          const np = p.protos[code[i + 2]];
          const ups = new Array<UpVal>(np.upvals.length);
          for (let j = 0; j < ups.length; j++) {
            const d = np.upvals[j];
            ups[j] = d.inStack ? findUpval(th, base + d.index) : cl.upvals[d.index];
          }
          stack[base + a] = new Closure(np, ups);
          account(CLOSURE_BYTES);
          if (++L.gcDebt > L.gcPace) gcStep(L, base + a + 1, pc - 1);
          break;
        }
        case Op.Vararg: {
          const va = f.varargs;
          const want = code[i + 3] - 1;
          if (want < 0) {
            th.ensure(base + a + va.length + 1);
            for (let j = 0; j < va.length; j++) stack[base + a + j] = va[j];
            f.top = base + a + va.length;
          } else {
            for (let j = 0; j < want; j++) stack[base + a + j] = va[j];
          }
          break;
        }
        default:
          throw new Error(`bad opcode ${op}`);
      }
      if (reload) continue outer;
    }
  }
}

/** Pops the topmost tbc variable of the frame and calls its __close (as a Finish frame). */
function closeOneTbc(L: InterpState, th: LuaThread, f: Frame): LuaValue | typeof PENDING {
  const idx = th.tbc.pop() as number;
  const v = th.stack[idx];
  const mm = getMetamethod(L, v, "__close");
  if (mm === undefined) rtError(L, "attempt to call a nil value (metamethod 'close')");
  return callMeta(L, th, f, mm, [v, undefined], "__close");
}

// --- numeric for ---------------------------------------------------------------------

/** Checks a for-loop control value (strings are not coerced in 5.4). */
function forValue(L: InterpState, v: LuaValue, what: string): void {
  if (typeof v === "number" || typeof v === "bigint" || v instanceof LuaFloat) return;
  rtError(L, `bad 'for' ${what} (number expected, got ${typeNameMeta(L, v)})`);
}

/**
 * Prepares a numeric for loop at ra (init, limit, step). Integer loops keep an iteration
 * count in ra+1 so they cannot overflow; float loops keep the limit. Returns true when the
 * loop must be skipped.
 */
function forPrep(L: InterpState, stack: LuaValue[], ra: number): boolean {
  {
    // the common case: small integers, counted without bigint
    const init = stack[ra];
    const limit = stack[ra + 1];
    const step = stack[ra + 2];
    if (
      typeof init === "number" &&
      typeof limit === "number" &&
      typeof step === "number" &&
      Number.isInteger(init) &&
      Number.isInteger(limit) &&
      Number.isInteger(step) &&
      step !== 0 &&
      Math.abs(init) < 2 ** 51 &&
      Math.abs(limit) < 2 ** 51 &&
      Math.abs(step) < 2 ** 51
    ) {
      if (step > 0 ? init > limit : init < limit) return true;
      const diff = step > 0 ? limit - init : init - limit;
      const st = step > 0 ? step : -step;
      stack[ra + 1] = (diff - (diff % st)) / st; // iterations after the first
      stack[ra + 3] = init;
      return false;
    }
  }
  // strings are converted (to floats, as luaV_tonumber_ does)
  for (let j = 0; j < 3; j++) {
    const v = stack[ra + j];
    if (typeof v === "string") {
      const n = stringToNumber(v);
      if (n !== undefined) stack[ra + j] = toFloatValue(n);
    }
  }
  const init = stack[ra];
  const limit = stack[ra + 1];
  const step = stack[ra + 2];
  forValue(L, init, "initial value");
  forValue(L, limit, "limit");
  forValue(L, step, "step");
  const isIntVal = (v: LuaValue) => (typeof v === "number" && Number.isInteger(v)) || typeof v === "bigint";
  if (isIntVal(init) && isIntVal(step)) {
    if (step === 0 || step === 0n) rtError(L, "'for' step is zero");
    // integer loop: clip the limit to an integer
    const st = BigInt(step as number | bigint);
    const i0 = BigInt(init as number | bigint);
    let lim: bigint;
    if (isIntVal(limit)) lim = BigInt(limit as number | bigint);
    else {
      const fl = limit instanceof LuaFloat ? limit.n : (limit as number);
      // a NaN limit is not above 0: no pass going up, down to mininteger going down (forlimit)
      if (Number.isNaN(fl)) {
        if (st > 0n) return true;
        lim = -0x8000000000000000n;
      } else if (st > 0n) {
        const x = Math.floor(fl);
        if (x >= TWO63) lim = 0x7fffffffffffffffn;
        else if (x < -TWO63) return true;
        else lim = BigInt(x);
      } else {
        const x = Math.ceil(fl);
        if (x < -TWO63) lim = -0x8000000000000000n;
        else if (x >= TWO63) return true;
        else lim = BigInt(x);
      }
    }
    if (st > 0n ? i0 > lim : i0 < lim) return true;
    // iteration count (unsigned division, as Lua)
    const count = st > 0n ? (lim - i0) / st : (i0 - lim) / -st;
    if (
      typeof init === "number" &&
      typeof step === "number" &&
      count <= 9007199254740991n &&
      Math.abs(Number(i0) + Number(count) * Number(st)) <= 9007199254740991
    ) {
      stack[ra + 1] = Number(count);
      stack[ra + 3] = init;
      return false;
    }
    // a loop reaching beyond 2^53: the exact slow path (bigint count, may exceed int64)
    stack[ra + 1] = count;
    stack[ra + 3] = init;
    return false;
  }
  // float loop: the step register keeps a float value, ra the current float, ra+1 the limit
  const toF = (v: LuaValue) => (v instanceof LuaFloat ? v.n : typeof v === "bigint" ? Number(v) : (v as number));
  const fi = toF(init);
  const fl = toF(limit);
  const fs = toF(step);
  if (fs === 0) rtError(L, "'for' step is zero");
  // skipped when the limit is passed already (with a NaN the comparison fails: one pass)
  if (fs > 0 ? fl < fi : fi < fl) return true;
  stack[ra] = mkF(fi);
  stack[ra + 1] = fl;
  stack[ra + 2] = mkF(fs);
  stack[ra + 3] = mkF(fi);
  return false;
}

const TWO63 = 2 ** 63;
const mkF = (n: number) => (Number.isInteger(n) ? new LuaFloat(n) : n);

/** The slow paths of FORLOOP: float loops and integer loops beyond 2^53. */
function forLoopSlow(stack: LuaValue[], ra: number): boolean {
  const step = stack[ra + 2];
  if (step instanceof LuaFloat || (typeof step === "number" && !Number.isInteger(step))) {
    const sf = step instanceof LuaFloat ? step.n : step;
    const cur = stack[ra];
    const v = (cur instanceof LuaFloat ? cur.n : (cur as number)) + sf;
    const lim = stack[ra + 1] as number;
    if (sf > 0 ? v <= lim : v >= lim) {
      const fv = mkF(v);
      stack[ra] = fv;
      stack[ra + 3] = fv;
      return true;
    }
    return false;
  }
  const count = stack[ra + 1] as number | bigint;
  if (count > 0) {
    stack[ra + 1] = typeof count === "bigint" ? count - 1n : count - 1;
    const cur = stack[ra] as number | bigint;
    const v = normInt(BigInt(cur) + BigInt(step as number | bigint));
    stack[ra] = v;
    stack[ra + 3] = v;
    return true;
  }
  return false;
}

// --- services for natives ------------------------------------------------------------

/** Calls any callable value from JavaScript (non-yieldable); returns all results. */
export function callValue(L0: LuaState, fn: LuaValue, args: LuaValue[]): LuaValue[] {
  const L = L0 as InterpState;
  if (fn instanceof NativeFunction && fn.intrinsic === Intrinsic.None) {
    return callNative(L, fn, args, true) ?? [];
  }
  if (fn instanceof Closure) {
    const jf = fn.proto.jit0;
    if (jf !== undefined && L.jsDepth < MAX_JS_DEPTH && L.current.hookMask === 0)
      return callCompiledFromJS(L, fn, jf, args);
  }
  const th = L.current;
  if (L.nCcalls >= MAX_CCALLS) cStackOverflow(L.nCcalls);
  const top = th.frames.length > 0 ? Math.max(topFrameEnd(th), 0) : th.stack.length > 0 ? (th.lastTop ?? 0) : 0;
  const func = top;
  th.ensure(func + args.length + 2);
  const stack = th.stack;
  stack[func] = fn;
  for (let i = 0; i < args.length; i++) stack[func + 1 + i] = args[i];
  th.nny++;
  L.nCcalls++;
  const savedCtx = L.nativeCtx;
  L.nativeCtx = false;
  const savedTop = th.lastTop;
  th.lastTop = func + args.length + 1;
  try {
    const r = precall(L, th, func, args.length, -1, FrameFlag.JsBoundary);
    if (r === Pre.Exit) return L.jsResults;
    if (r === Pre.Done) return L.jsResults;
    return runBoundary(L, th);
  } finally {
    th.nny--;
    L.nCcalls--;
    th.lastTop = savedTop;
    L.nativeCtx = savedCtx;
  }
}

/** callValue of a compiled Lua function: its frame is pushed here and its code called directly. */
function callCompiledFromJS(L: InterpState, fn: Closure, jf: JitFn, args: LuaValue[]): LuaValue[] {
  const th = L.current;
  if (L.nCcalls >= MAX_CCALLS) cStackOverflow(L.nCcalls);
  const parent = th.frames[th.frames.length - 1];
  const func = parent !== undefined ? topFrameEnd(th) : th.lastTop;
  const p = fn.proto;
  const n = args.length;
  const np = p.numParams;
  const base = func + 1;
  th.ensure(base + Math.max(n, p.maxStack) + 1);
  const stack = th.stack;
  stack[func] = fn;
  for (let i = 0; i < n; i++) stack[base + i] = args[i];
  for (let i = n; i < np; i++) stack[base + i] = undefined;
  const varargs = p.isVararg && n > np ? args.slice(np) : EMPTY;
  if (th.frames.length >= L.maxFrames || base + p.maxStack > L.maxSlots) depthError(L, th);
  if ((L.fuel -= p.cost) < 0) outOfFuel(L);
  const cdepth = (parent ? parent.cdepth : th.baseCdepth) + 1;
  if (cdepth >= MAX_CCALLS) cStackOverflow(cdepth);
  const nf = th.pushFrame(fn, base, func, -1, varargs, FrameFlag.JsBoundary, cdepth);
  th.nny++;
  L.nCcalls++;
  const savedCtx = L.nativeCtx;
  L.nativeCtx = false;
  const savedTop = th.lastTop;
  th.lastTop = func + n + 1;
  const depth = L.jsDepth;
  L.jsDepth = depth + 1;
  try {
    let st: number;
    try {
      st = jf(L, th, nf);
    } catch (e) {
      L.jsDepth = depth;
      // unwinds to this call's boundary frame (closing what must be closed) and rethrows
      return boundaryResults(execute(L, toLuaError(L, e)));
    }
    L.jsDepth = depth;
    if (st === 2 && L.exitResult === undefined) return L.jsResults;
    return boundaryResults(st === 2 ? takeExit(L) : execute(L));
  } finally {
    th.nny--;
    L.nCcalls--;
    th.lastTop = savedTop;
    L.nativeCtx = savedCtx;
  }
}

/**
 * Calls of one function from a native, many times over (table.sort's comparator): the
 * boundary (non-yieldable, one C level, the stack above the caller's frame) is set up once,
 * so that each call of a compiled function costs little more than pushing its frame.
 * `call2(a, b)` returns the first result; `end()` must run when the native is done.
 */
export class NativeCaller implements Caller {
  private readonly L: InterpState;
  private readonly fn: LuaValue;
  private readonly th: LuaThread;
  private readonly func: number;
  private readonly cdepth: number;
  private readonly savedTop: number;
  private readonly savedCtx: boolean;
  constructor(L0: LuaState, fn: LuaValue) {
    const L = L0 as InterpState;
    this.L = L;
    this.fn = fn;
    const th = L.current;
    this.th = th;
    if (L.nCcalls >= MAX_CCALLS) cStackOverflow(L.nCcalls);
    const parent = th.frames[th.frames.length - 1];
    this.func = parent !== undefined ? topFrameEnd(th) : th.lastTop;
    this.cdepth = (parent ? parent.cdepth : th.baseCdepth) + 1;
    this.savedTop = th.lastTop;
    this.savedCtx = L.nativeCtx;
    th.lastTop = this.func + 3;
    th.nny++;
    L.nCcalls++;
  }

  call2(a: LuaValue, b: LuaValue): LuaValue {
    const { L, fn, th, func } = this;
    if (fn instanceof Closure) {
      // a pure function needs no frame (it gives up with NOPE on anything it cannot do)
      const pf = fn.proto.pure;
      if (pf !== undefined && L.fuel > fn.proto.cost) {
        const r = pf(a, b);
        if (r !== NOPE) {
          L.fuel -= fn.proto.cost;
          return r as LuaValue;
        }
      }
    }
    if (!(fn instanceof Closure) || fn.proto.jit0 === undefined || L.jsDepth >= MAX_JS_DEPTH || th.hookMask !== 0) {
      return callValue(L, fn, [a, b])[0];
    }
    const p = fn.proto;
    const jf = fn.proto.jit0;
    const base = func + 1;
    if (base + p.maxStack + 3 > th.stack.length) th.ensure(base + p.maxStack + 3);
    const stack = th.stack;
    stack[func] = fn;
    stack[base] = a;
    stack[base + 1] = b;
    for (let i = 2; i < p.numParams; i++) stack[base + i] = undefined;
    const varargs = p.isVararg && p.numParams < 2 ? (p.numParams === 0 ? [a, b] : [b]) : EMPTY;
    if (th.frames.length >= L.maxFrames || base + p.maxStack > L.maxSlots) depthError(L, th);
    if ((L.fuel -= p.cost) < 0) outOfFuel(L);
    if (this.cdepth >= MAX_CCALLS) cStackOverflow(this.cdepth);
    const nf = th.pushFrame(fn, base, func, -1, varargs, FrameFlag.JsBoundary, this.cdepth);
    L.nativeCtx = false;
    const depth = L.jsDepth;
    L.jsDepth = depth + 1;
    let st: number;
    try {
      st = jf(L, th, nf);
    } catch (e) {
      L.jsDepth = depth;
      // unwinds to the boundary frame (closing what must be closed) and rethrows
      execute(L, toLuaError(L, e));
      throw e;
    } finally {
      L.nativeCtx = this.savedCtx;
    }
    L.jsDepth = depth;
    if (st === 2 && L.exitResult === undefined) return L.jsResults[0];
    L.nativeCtx = false;
    try {
      return boundaryResults(st === 2 ? takeExit(L) : execute(L))[0];
    } finally {
      L.nativeCtx = this.savedCtx;
    }
  }

  end(): void {
    const { L, th } = this;
    th.nny--;
    L.nCcalls--;
    th.lastTop = this.savedTop;
  }
}

/**
 * Runs the frame callValue pushed until it returns: a compiled function is called
 * directly (the usual case for sort comparators and metamethods called from natives),
 * the loop takes over whenever frames change under it.
 */
function runBoundary(L: InterpState, th: LuaThread): LuaValue[] {
  const nf = th.frames[th.frames.length - 1];
  const jf = nf.closure.proto.jit0;
  if (jf === undefined || nf.pc !== 0 || L.jsDepth >= MAX_JS_DEPTH || th.hookMask !== 0)
    return boundaryResults(execute(L));
  const depth = L.jsDepth;
  L.jsDepth++;
  let st: number;
  try {
    st = jf(L, th, nf);
  } catch (e) {
    L.jsDepth = depth;
    // unwinds to this call's boundary frame (closing what must be closed) and rethrows
    return boundaryResults(execute(L, toLuaError(L, e)));
  }
  L.jsDepth = depth;
  if (st === 2 && L.exitResult === undefined) return L.jsResults;
  return boundaryResults(st === 2 ? takeExit(L) : execute(L));
}

/** The results of a nested call's run (which can only end by returning). */
function boundaryResults(res: ExecResult): LuaValue[] {
  if (res.kind === "return") return res.values;
  throw new Error(`unexpected exit from nested call: ${res.kind}`);
}

function topFrameEnd(th: LuaThread): number {
  const f = th.frames[th.frames.length - 1];
  return Math.max(f.base + f.closure.proto.maxStack, f.top, th.lastTop ?? 0);
}

/**
 * Resumes a coroutine from the host: runs it until it yields, returns, fails or makes a
 * host call. The host's own loop around this is what suspends the whole VM.
 */
export function resumeFromJS(L0: LuaState, co: LuaThread, args: LuaValue[]): ExecResult {
  const L = L0 as InterpState;
  if (co.status !== "suspended") {
    return {
      kind: "error",
      value: co.status === "dead" ? "cannot resume dead coroutine" : "cannot resume non-suspended coroutine",
      traceback: undefined,
    };
  }
  const prev = L.current;
  co.status = "running";
  co.jsResumed = true;
  co.resumer = undefined;
  L.current = co;
  let res: ExecResult | undefined;
  try {
    let r: Pre;
    try {
      r = startOrContinue(L, co, args);
    } catch (e) {
      res = execute(L, toLuaError(L, e));
      return res;
    }
    res = r === Pre.Exit ? takeExit(L) : execute(L);
    return res;
  } finally {
    // after a host yield L.current stays on the yielding thread until resumeHost
    if (res === undefined || res.kind !== "hostyield") L.current = prev;
  }
}

/**
 * Continues after a host yield of thread th (the `thread` of the hostyield result) with
 * the host's results, or raises `error` at the call (values undefined): a pcall or xpcall
 * that called the host function directly catches it. Returns like resumeFromJS; when the
 * call chain ends, L.current goes back to the main thread.
 */
export function resumeHost(L0: LuaState, th: LuaThread, values: LuaValue[] | undefined, error?: LuaValue): ExecResult {
  const L = L0 as InterpState;
  const site = th.pending as PendingCall;
  if (site === undefined || th.status !== "running") throw new Error("resumeHost: the thread is not at a host call");
  th.pending = undefined;
  L.current = th;
  let res: ExecResult;
  try {
    if (values === undefined) {
      if (site.flags & PROT) {
        const value = handleError(L, site.flags, new LuaError(error), site.handler);
        const r = protectedFail(L, th, site.func, site.flags, site.nres, value);
        res = r === Pre.Exit ? takeExit(L) : execute(L);
      } else res = execute(L, new LuaError(error));
    } else {
      const r = placeResults(L, th, site.func, values, site.nres, site.flags);
      res = r === Pre.Exit ? takeExit(L) : execute(L);
    }
  } catch (e) {
    L.current = L.mainThread;
    throw e;
  }
  if (res.kind !== "hostyield") L.current = L.mainThread;
  return res;
}

/** Installs the interpreter's fields on a fresh state. */
export function initInterp(L0: LuaState, main: LuaThread): void {
  const L = L0 as InterpState;
  L.current = main;
  L.mainThread = main;
  L.nCcalls = 0;
  L.jsResults = [];
  L.exitResult = undefined;
  L.calledFromLua = false;
  L.nativeCtx = false;
  L.gcDebt = 0;
  L.gcPace = GC_STEP;
  L.jsDepth = 0;
  L.overflowHandling = false;
  L.maxSlots = MAX_SLOTS;
  L.lastOverflow = undefined;
  L.handlerDepth = 0;
  initLimits(L);
}

export {
  arith as arithValues,
  compare as compareValues,
  equals as equalsValues,
  index as indexValue,
  length as lengthValue,
  setIndex as setIndexValue,
};

/** Services for natives: nested, non-yieldable versions of the loop's operations. */
export const services = {
  index: (L: LuaState, o: LuaValue, k: LuaValue) => index(L as InterpState, o, k, undefined, NO_INFO) as LuaValue,
  setIndex: (L: LuaState, o: LuaValue, k: LuaValue, v: LuaValue) =>
    setIndex(L as InterpState, o, k, v, undefined, NO_INFO),
  lessThan: (L: LuaState, a: LuaValue, b: LuaValue) => compare(L as InterpState, undefined, false, a, b) as boolean,
  lessEqual: (L: LuaState, a: LuaValue, b: LuaValue) => compare(L as InterpState, undefined, true, a, b) as boolean,
  equals: (L: LuaState, a: LuaValue, b: LuaValue) => equals(L as InterpState, undefined, a, b) as boolean,
  len: (L: LuaState, v: LuaValue) => length(L as InterpState, undefined, v, NO_INFO) as LuaValue,
  arith: (L: LuaState, op: number, a: LuaValue, b: LuaValue) =>
    arith(L as InterpState, undefined, op, a, b, NO_INFO, NO_INFO) as LuaValue,
  tostring: (L: LuaState, v: LuaValue): string => {
    const mm = getMetamethod(L, v, "__tostring");
    if (mm !== undefined) {
      const r = callValue(L, mm, [v])[0];
      if (typeof r !== "string") {
        if (typeof r === "number" || typeof r === "bigint" || r instanceof LuaFloat) return tostringBasic(L, r);
        throw new NativeError("'__tostring' must return a string");
      }
      return r;
    }
    return tostringBasic(L, v);
  },
  getMetatable: (L: LuaState, v: LuaValue) => metatableOf(L, v),
};

// --- the compiled tier's side of the loop (see vm/jit.ts) ------------------------------

/** Most compiled frames running as direct JS calls of compiled frames (L.jsDepth counts them). */
const MAX_JS_DEPTH = 100;

/** At a backward jump to pc in an interpreted frame: whether compiled code can take over there. */
function osr(p: Proto, f: Frame, pc: number): boolean {
  if (p.jitOff || jitEntry(p, pc) === undefined) return false;
  f.pc = pc;
  return true;
}

/** Sentinel of indexMiss: the full index() must run (a function handler, not a table...). */
const NOPE: unique symbol = Symbol("nope");

/** t[k] after a raw miss in table t with a metatable, following __index tables only. */
function indexMiss(t: LuaTable, k: LuaValue): LuaValue | typeof NOPE {
  let o = t;
  for (let loop = 0; loop < MAX_TAG_LOOP; loop++) {
    const mt = o.metatable;
    if (mt === undefined) return undefined;
    const h = mt.metaIndex();
    if (h === undefined) return undefined;
    if (!(h instanceof LuaTable)) return NOPE;
    const v = typeof k === "string" ? h.getStr(k) : h.get(k);
    if (v !== undefined) return v;
    o = h;
  }
  return NOPE;
}

/**
 * t[k] for a string key k after a raw miss in t, following __index tables only (NOPE as
 * indexMiss), through the instruction's chain cache: a receiver whose metatable the cache
 * knows reads the slot where the key was found last time, without walking the chain.
 */
function chainGet(t: LuaTable, k: string, c: ChainCache): LuaValue | typeof NOPE {
  const mt = t.metatable;
  if (mt === undefined) return undefined;
  const mts = c.mts;
  if (c.epoch === chainEpoch.v) {
    for (let i = 0; i < mts.length; i++) {
      if (mts[i] === mt) {
        const v = c.parts[i].vals[c.slots[i]];
        if (v !== undefined) return v;
        break;
      }
    }
  } else {
    c.epoch = chainEpoch.v;
    mts.length = c.parts.length = c.slots.length = 0;
  }
  let o = t;
  let cacheable = true;
  for (let loop = 0; loop < MAX_TAG_LOOP; loop++) {
    const m = o.metatable;
    if (m === undefined) return undefined;
    const h = m.metaIndex();
    if (h === undefined) return undefined;
    if (!(h instanceof LuaTable)) return NOPE;
    (m.hash as HashPart).chained = true; // m has an __index field, so it has a hash part
    const hp = h.hash;
    if (hp === undefined) cacheable = false;
    else {
      hp.chained = true;
      const s = hp.map.get(k);
      const v = s === undefined ? undefined : hp.vals[s];
      if (v !== undefined) {
        if (cacheable && mts.length < 4) {
          mts.push(mt);
          c.parts.push(hp);
          c.slots.push(s as number);
        }
        return v;
      }
    }
    o = h;
  }
  return NOPE;
}

/** Whether both values are numbers (so arithmetic on them calls nothing). */
function bothNum(x: LuaValue, y: LuaValue): boolean {
  return (
    (typeof x === "number" || typeof x === "bigint" || x instanceof LuaFloat) &&
    (typeof y === "number" || typeof y === "bigint" || y instanceof LuaFloat)
  );
}

/** Pushes a plain frame for closure fn at func and runs its compiled entry directly. */
function callCompiled(
  L: InterpState,
  th: LuaThread,
  fn: Closure,
  jf: JitFn,
  func: number,
  nargs: number,
  nres: number,
  cdepth: number,
  tail = false,
): number {
  const p = fn.proto;
  const stack = th.stack;
  if ((L.fuel -= p.cost) < 0) outOfFuel(L);
  const np = p.numParams;
  let varargs = EMPTY;
  if (p.isVararg && nargs > np) varargs = stack.slice(func + 1 + np, func + 1 + nargs);
  const base = func + 1;
  if (base + p.maxStack + 1 > stack.length) th.ensure(base + p.maxStack + 1);
  for (let i = nargs; i < np; i++) stack[base + i] = undefined;
  const nf = new Frame(fn, base, func, nres, varargs, 0);
  if (tail) nf.tail = true;
  nf.cdepth = cdepth;
  th.frames.push(nf);
  L.jsDepth++;
  const st = jf(L, th, nf);
  L.jsDepth--;
  return st;
}

/**
 * CALL from compiled code (frame f, pc saved, arguments in the stack): 0 when the call is
 * complete and its results are in place, else the status to return.
 */
function jitCall(L: InterpState, th: LuaThread, f: Frame, func: number, nargs: number, nres: number): number {
  const stack = th.stack;
  const fn = stack[func];
  if (fn instanceof Closure) {
    const p = fn.proto;
    let jf = p.jit0;
    if (jf === undefined && !p.jitOff) {
      jitHot(p);
      jf = p.jit0;
    }
    if (jf !== undefined && L.jsDepth < MAX_JS_DEPTH && th.frames.length < L.maxFrames) {
      return callCompiled(L, th, fn, jf, func, nargs, nres, f.cdepth);
    }
  } else if (fn instanceof NativeFunction && fn.intrinsic === Intrinsic.None) {
    const res = callNative(L, fn, nargs === 0 ? [] : stack.slice(func + 1, func + 1 + nargs), false);
    const n = res === undefined ? 0 : res.length;
    if (nres < 0) {
      if (func + n + 1 > stack.length) th.ensure(func + n + 1);
      for (let j = 0; j < n; j++) stack[func + j] = (res as LuaValue[])[j];
      f.top = func + n;
    } else {
      for (let j = 0; j < nres; j++) stack[func + j] = j < n ? (res as LuaValue[])[j] : undefined;
    }
    return L.localsWritten ? localsWritten(L) : 0;
  }
  const r = precall(L, th, func, nargs, nres, 0);
  return r === Pre.Done ? (L.localsWritten ? localsWritten(L) : 0) : r === Pre.Exit ? 2 : 1;
}

/**
 * After debug.setlocal wrote a register: status 1, so every compiled frame continues from
 * its saved pc with its registers read from the stack.
 */
function localsWritten(L: InterpState): number {
  L.localsWritten = false;
  // debug.sethook asks for this too: the native that set a return hook returns under it
  const th = L.current;
  nativeReturnHook(L, th);
  return 1;
}

/** TAILCALL of a closure from compiled code: frame f is replaced; returns the status to return. */
function jitTailCall(L: InterpState, th: LuaThread, f: Frame, func: number, nargs: number): number {
  const stack = th.stack;
  const fn = stack[func] as Closure;
  if (th.openUpvals.length > 0) closeUpvals(th, f.base);
  const dst = f.func;
  for (let j = 0; j <= nargs; j++) stack[dst + j] = stack[func + j];
  th.frames.pop();
  const p = fn.proto;
  let jf = p.jit0;
  if (jf === undefined && !p.jitOff) {
    jitHot(p);
    jf = p.jit0;
  }
  if (f.flags === 0 && jf !== undefined && L.jsDepth < MAX_JS_DEPTH && th.frames.length < L.maxFrames) {
    return callCompiled(L, th, fn, jf, dst, nargs, f.nres, f.cdepth, true);
  }
  const r = precall(L, th, dst, nargs, f.nres, f.flags);
  if (r === Pre.Exit) return 2;
  enteredByTailCall(th, f);
  return 1;
}

/**
 * The frame a tail call from f pushed: marked as entered by a tail call, and, when xpcall
 * called f, keeping its message handler.
 */
function enteredByTailCall(th: LuaThread, f: Frame): void {
  const nf = th.frames[th.frames.length - 1];
  nf.tail = true;
  if (f.flags & FrameFlag.Xpcall) nf.handler = f.handler;
}

/** RETURN of a compiled frame with flags (pcall, metamethod, coroutine body...): n results at src. */
function jitReturnSlow(L: InterpState, th: LuaThread, f: Frame, src: number, n: number): number {
  const stack = th.stack;
  const flags = f.flags;
  th.frames.pop();
  if (flags === FrameFlag.JsBoundary) {
    L.jsResults = stack.slice(src, src + n);
    return 2;
  }
  let dest = f.func;
  if (flags & PROT) {
    const extra = flags >>> 8;
    dest -= 1 + extra;
    for (let j = 0; j <= extra; j++) stack[dest + j] = true;
    for (let j = 0; j < n; j++) stack[dest + 1 + extra + j] = stack[src + j];
    n += 1 + extra;
  } else {
    for (let j = 0; j < n; j++) stack[dest + j] = stack[src + j];
  }
  if (flags === FrameFlag.Pcall || flags === FrameFlag.Xpcall) {
    const nres = f.nres;
    if (nres < 0) th.frames[th.frames.length - 1].top = dest + n;
    else for (let j = n; j < nres; j++) stack[dest + j] = undefined;
    return 1;
  }
  if (flags & FrameFlag.CoroutineBase) {
    return coroutineFinished(L, th, stack.slice(dest, dest + n)) === Pre.Exit ? 2 : 1;
  }
  return finishCall(L, th, dest, n, f.nres, flags) === Pre.Exit ? 2 : 1;
}

installJitRuntime({
  LuaTable,
  LuaFloat,
  Closure,
  NativeFunction,
  NO_FAST,
  PENDING,
  NOPE,
  UPVAL_INFO,
  NO_INFO,
  normInt,
  rawEquals,
  floatArith,
  boxedFloatArith,
  bothNum,
  index,
  indexMiss,
  localsWritten,
  powF,
  callNative,
  chainGet,
  ChainCache,
  setIndex,
  rawSetChecked,
  arith,
  compare,
  equals,
  length,
  concat,
  closeUpvals,
  closeOneTbc,
  findUpval,
  forPrep,
  forLoopSlow,
  fuelAt,
  getMetamethod,
  rtError,
  gcStep,
  account,
  CLOSURE_BYTES,
  call: jitCall,
  tailcall: jitTailCall,
  Frame,
  EMPTY,
  MAX_JS_DEPTH,
  outOfFuel,
  returnSlow: jitReturnSlow,
});
