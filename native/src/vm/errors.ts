// Errors: every Lua-visible error text is built here, with PUC-Rio's exact wording.
//
// Three kinds of throwables travel through the engine:
// - LuaError: a Lua error in flight, carrying any Lua value (what `error` raised, or a
//   message already prefixed with its position). pcall catches these.
// - NativeError: raised by a native function ("bad argument", luaL_error-style messages).
//   The VM turns it into a LuaError, adding the position of the calling Lua code and, for
//   argument errors, the function's name as the call site names it.
// - LuaSyntaxError: a compile error, message complete ("x.lua:3: 'end' expected near <eof>").

import type { LuaValue } from "./value.js";

/** A native that raised an error, as a traceback names it, and the Lua frame that called it. */
export interface RaisedBy {
  frame: object;
  name: string;
  /** Called directly by pcall or xpcall, whose level lies between it and the frame. */
  byPcall?: boolean;
}

/** A Lua error in flight; `value` is what pcall returns as the error object. */
export class LuaError extends Error {
  value: LuaValue;
  /** Traceback captured where the error was raised (filled by the VM when asked). */
  luaTraceback?: string;
  /**
   * The native that raised this error and the Lua frame that called it (set when a native
   * called from Lua fails): tracebacks show that native as a level above the frame.
   */
  raisedBy?: RaisedBy;
  /** The xpcall frame whose message handler already ran for this error, and its result. */
  handledFor?: object;
  handledValue?: LuaValue;
  constructor(value: LuaValue) {
    super(typeof value === "string" ? value : "(error object is not a string)");
    this.value = value;
  }
}

/**
 * An error raised by a native function. With argIndex set it is an argument error:
 * the VM formats "bad argument #n to 'name' (message)". Otherwise message is used as is,
 * prefixed with the position of the calling Lua code unless `noPosition` is set.
 */
export class NativeError extends Error {
  argIndex: number;
  noPosition: boolean;
  constructor(message: string, argIndex = 0, noPosition = false) {
    super(message);
    this.argIndex = argIndex;
    this.noPosition = noPosition;
  }
}

/** A syntax or compile error; `message` is complete, position included. */
export class LuaSyntaxError extends Error {
  constructor(message: string) {
    super(message);
  }
}

/** Throws "bad argument #i to 'f' (msg)"; i is 1-based, f filled in by the VM. */
export function argError(i: number, msg: string): never {
  throw new NativeError(msg, i);
}

/** Throws a native error whose message gets the caller's position (luaL_error). */
export function nativeError(msg: string): never {
  throw new NativeError(msg);
}

/**
 * An error the core raises while a native runs (PUC-Rio's luaG_runerror under a C
 * function, as in lua_next or lua_rawset): the message carries no position.
 */
export function coreError(msg: string): never {
  throw new NativeError(msg, 0, true);
}
