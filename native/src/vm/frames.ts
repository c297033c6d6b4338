// Frames and threads: the complete execution point as plain data.
//
// A thread (coroutine) owns a value stack and a stack of Lua frames. A frame is a Lua
// function activation: closure, pc, base register, where its results go and how many are
// wanted, its varargs, and flags saying how its return must be finished (prefix `true` for
// pcall, complete a metamethod's instruction, hand results back to JavaScript...). Natives
// run without frames. Everything here is what the state serializer writes.

import type { RaisedBy } from "./errors.js";
import type { Closure, UpVal } from "./function.js";
import { account, THREAD_BYTES } from "./heap.js";
import type { LuaValue } from "./value.js";

/** Frame flags. */
export const enum FrameFlag {
  None = 0,
  /** Called by pcall: prefix results with true; errors stop here. */
  Pcall = 1,
  /** Called by xpcall: like Pcall, with a message handler (frame.handler). */
  Xpcall = 2,
  /** A metamethod call: on return, finish the caller's current instruction. */
  Finish = 4,
  /** Called from JavaScript (L.call): on return, leave the interpreter loop. */
  JsBoundary = 8,
  /** The first frame of a coroutine: on return, the coroutine is dead. */
  CoroutineBase = 16,
  /** A __close called while an error unwinds to a pcall: on return, close the next one. */
  CloseUnwind = 32,
}

export class Frame {
  closure: Closure;
  /** Index of the next instruction. */
  pc = 0;
  /** Stack index of register 0. */
  base: number;
  /** Stack index where results go (the function's slot). */
  func: number;
  /** Results wanted by the caller, -1 for all. */
  nres: number;
  varargs: LuaValue[];
  /** End of the values of the last multi-result call or vararg in this frame. */
  top = 0;
  flags: number;
  /** xpcall's message handler. */
  handler: LuaValue = undefined;
  /** Progress of a CONCAT interrupted by a metamethod (values left), else 0. */
  extra = 0;
  /**
   * Nested "C calls" under this frame (PUC-Rio's nCcalls): protected calls, metamethods,
   * natives calling Lua and coroutine resumes each count one; past 200 it is a
   * "C stack overflow".
   */
  cdepth = 0;
  /**
   * While a line or call hook is set: the pc of the last instruction the hook saw in this
   * frame, -1 before the first (the frame's call event is still due). Not state.
   */
  hookPc = -1;
  /**
   * Entered by a tail call: its caller's frame is gone, so it has no name, and tracebacks
   * write "(...tail calls...)" below it. Not state (a hydrated frame has it false).
   */
  tail = false;
  constructor(closure: Closure, base: number, func: number, nres: number, varargs: LuaValue[], flags: number) {
    this.closure = closure;
    this.base = base;
    this.func = func;
    this.nres = nres;
    this.varargs = varargs;
    this.flags = flags;
  }
}

/**
 * An error on its way to a protected call, closing the to-be-closed variables at or above
 * `level` one by one (each __close runs as a frame flagged CloseUnwind, so it can yield).
 * When none is left, the protected call at `func` fails with `value`.
 */
export interface Unwind {
  level: number;
  value: LuaValue;
  func: number;
  flags: number;
  nres: number;
}

export type ThreadStatus = "suspended" | "running" | "normal" | "dead";

/** Where a thread waits for values: the call site of its pending yield or resume. */
export interface PendingCall {
  func: number;
  nres: number;
  flags: number;
  /** For calls made through a coroutine.wrap function: errors propagate. */
  wrap?: boolean;
  /** xpcall's message handler when xpcall called the yielding function directly. */
  handler?: LuaValue;
}

/**
 * The values a call or return hook event transfers (debug.getinfo's 'r'): locals
 * first..first+count-1 of the event's function. A native's are in `values` (its arguments,
 * then its results, as a C function's stack holds them); a Lua function's are its registers.
 */
export interface Transfer {
  first: number;
  count: number;
  values: LuaValue[] | undefined;
}

/** The events debug.sethook can ask for. */
export const HookMask = { Call: 1, Return: 2, Line: 4, Count: 8 } as const;

/** Frames a thread keeps for reuse (see LuaThread.pushFrame). */
const POOL_DEPTH = 512;

let nextThreadId = 1;

export class LuaThread {
  readonly isLuaThread = true as const;
  id = nextThreadId++;
  stack: LuaValue[];
  frames: Frame[] = [];
  status: ThreadStatus = "suspended";
  /** Open upvalues, sorted by stack index ascending. */
  openUpvals: UpVal[] = [];
  /** Stack indices of pending to-be-closed variables, ascending. */
  tbc: number[] = [];
  /** Non-yieldable nesting (native calls into Lua on this thread). */
  nny = 0;
  /** The thread that resumed this one (while running or normal). */
  resumer: LuaThread | undefined = undefined;
  /** The call site waiting for this thread's results (in its resumer). */
  pending: PendingCall | undefined = undefined;
  /**
   * debug.sethook's hook for this thread and its mask (HookMask bits; 0: no hook, and the
   * thread's code may run compiled), count, and the instructions left until the next count
   * event. allowHook is false while the hook runs. Not state: a hydrated thread has none.
   */
  hook: LuaValue = undefined;
  hookMask = 0;
  hookCount = 0;
  hookLeft = 0;
  allowHook = true;
  /** The index in `frames` of the running hook's frame when the event is a Lua function's. */
  hookFrame = -1;
  /** While an error's traceback or message handler runs: the native that raised it (LuaError.raisedBy). */
  raising: RaisedBy | undefined = undefined;
  /** The index in `frames` of the running hook's frame (named "hook '?'" in tracebacks). */
  hookBase = -1;
  /**
   * The frame counts at which natives run called directly by pcall or xpcall, innermost
   * last: the protected call is a level of its own between the native and its caller's
   * frame. Not state (no native is running when a state is taken).
   */
  nativePcalls: number[] = [];
  /** The index in `frames` of a running __gc finalizer's frame, else -1. Not state. */
  finalizerFrame = -1;
  /** While a call or return hook runs: what the event transfers. Not state. */
  transfer: Transfer | undefined = undefined;
  /** Resumed from JavaScript: a yield or death leaves the interpreter loop. */
  jsResumed = false;
  isMain: boolean;
  /** The function a not-yet-started coroutine will run. */
  body: LuaValue;
  /** Set when the thread died with an error (for coroutine.close). */
  errorValue: LuaValue = undefined;
  diedWithError = false;
  /** End of the values in use when the thread has no Lua frame (natives called from JS). */
  lastTop = 0;
  /**
   * The traceback of a coroutine that died by an error, taken when it died: PUC-Rio keeps
   * such a coroutine's frames, so debug.traceback(co) still shows them. Not in the state.
   */
  deadTraceback: string | undefined = undefined;
  /** C-call depth where this thread was resumed (see Frame.cdepth). */
  baseCdepth = 0;
  /** Errors unwinding through __close metamethods, innermost last (see Unwind). */
  unwinds: Unwind[] | undefined = undefined;
  /**
   * Popped frames by depth, reused by pushFrame: a call at depth d takes the frame the
   * last call at depth d left (PUC-Rio keeps its CallInfo list the same way). Not state.
   */
  private pool: Frame[] = [];

  /** Pushes a new frame (a reused object: nothing may hold a frame after it is popped). */
  pushFrame(
    closure: Closure,
    base: number,
    func: number,
    nres: number,
    varargs: LuaValue[],
    flags: number,
    cdepth: number,
  ): Frame {
    const frames = this.frames;
    const d = frames.length;
    let f = d < POOL_DEPTH ? this.pool[d] : undefined;
    if (f === undefined) {
      f = new Frame(closure, base, func, nres, varargs, flags);
      if (d < POOL_DEPTH) this.pool[d] = f;
    } else {
      f.closure = closure;
      f.tail = false;
      f.pc = 0;
      f.base = base;
      f.func = func;
      f.nres = nres;
      f.varargs = varargs;
      f.top = 0;
      f.flags = flags;
      f.handler = undefined;
      f.extra = 0;
      f.hookPc = -1;
    }
    f.cdepth = cdepth;
    frames.push(f);
    return f;
  }

  constructor(body: LuaValue, isMain = false) {
    this.body = body;
    this.isMain = isMain;
    this.stack = [];
    for (let i = 0; i < 64; i++) this.stack.push(undefined); // packed, not holey
    if (isMain) this.status = "running";
    account(THREAD_BYTES);
  }

  /** Grows the stack so that index n-1 exists. */
  ensure(n: number): void {
    const s = this.stack;
    if (n > s.length) {
      let m = Math.max(s.length * 2, 64);
      while (m < n) m *= 2;
      for (let i = s.length; i < m; i++) s.push(undefined);
    }
  }
}
