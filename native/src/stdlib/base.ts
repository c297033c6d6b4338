// The base library: print, type, pairs, pcall, error, load, tonumber, metatables...

import { callLevels, frameLine, framePosition } from "../vm/debuginfo.js";
import { argError, coreError, LuaError, NativeError, nativeError } from "../vm/errors.js";
import type { LuaThread } from "../vm/frames.js";
import { Closure, Intrinsic, NativeFunction, TailCall } from "../vm/function.js";
import { fullCollect, memoryInUse, registerFinalizer, registerWeak } from "../vm/gc.js";
import { getMetamethod, metatableOf } from "../vm/meta.js";
import type { LuaState } from "../vm/state.js";
import { LuaTable } from "../vm/table.js";
import { LuaFloat, type LuaValue, normInt, rawEquals, stringToNumber, typeName } from "../vm/value.js";
import { checkAny, checkInt, checkTable, optInt, optString, typeError } from "./args.js";
import { native } from "./lib.js";

/** The frames of the running thread (for error levels). */
function currentThread(L: LuaState): LuaThread {
  return (L as unknown as { current: LuaThread }).current;
}

/** "chunk:line: " of the Lua function at `level` (1 = the caller of the native), or "". */
export function where(L: LuaState, level: number): string {
  const th = currentThread(L);
  const levels = callLevels(th);
  // level 1 is the function that called the native; when a native called it, that is C
  // (callLevels has it already when it is the pcall that called this native)
  const pcalls = th.nativePcalls;
  const byPcall = pcalls.length > 0 && pcalls[pcalls.length - 1] === th.frames.length;
  if (!(L as unknown as { calledFromLua: boolean }).calledFromLua && !byPcall) levels.unshift(undefined);
  const f = levels[level - 1];
  // luaL_where: no position when the line is unknown (a function stripped by string.dump)
  return f && frameLine(f) > 0 ? `${framePosition(f)} ` : "";
}

/** tonumber with a base: digits in the base, optional sign, spaces around. */
function toNumberBase(s: string, base: number): LuaValue {
  s = s.replace(/^[\t\n\v\f\r ]+|[\t\n\v\f\r ]+$/g, ""); // C isspace, not JS trim
  let neg = false;
  let i = 0;
  if (s[0] === "-" || s[0] === "+") {
    neg = s[0] === "-";
    i = 1;
  }
  if (i >= s.length) return undefined;
  let n = 0n;
  const b = BigInt(base);
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let d: number;
    if (c >= 48 && c <= 57) d = c - 48;
    else if (c >= 97 && c <= 122) d = c - 87;
    else if (c >= 65 && c <= 90) d = c - 55;
    else return undefined;
    if (d >= base) return undefined;
    n = BigInt.asUintN(64, n * b + BigInt(d));
  }
  return normInt(neg ? -n : n);
}

/** Reads a chunk given as a string or as a function returning pieces. */
function readChunk(L: LuaState, chunk: LuaValue): string {
  if (typeof chunk === "string") return chunk;
  const parts: string[] = [];
  for (;;) {
    const r = L.call(chunk, [])[0];
    if (r === undefined || r === "") break;
    if (typeof r !== "string") nativeError("reader function must return a string");
    parts.push(r);
  }
  return parts.join("");
}

/** Opens the base library into L.globals. */
export function openBase(L: LuaState): LuaTable {
  const G = L.globals;
  const def = (
    name: string,
    fn: (L: LuaState, args: LuaValue[]) => LuaValue[] | undefined,
    intrinsic = Intrinsic.None,
  ) => {
    G.set(name, native(L, name, fn, intrinsic));
  };
  G.set("_G", G);
  G.set("_VERSION", "Lua 5.4");

  def("print", (L, args) => {
    let s = "";
    // strings print as they are unless someone gave their metatable a __tostring
    const plain = L.stringMeta?.getStr("__tostring") === undefined;
    for (let i = 0; i < args.length; i++) {
      const v = args[i];
      let piece: string;
      if (typeof v === "string" && plain) piece = v;
      else {
        try {
          piece = L.tostring(v);
        } catch (e) {
          // what came before was written already in lua5.4, which writes piece by piece
          if (s !== "") L.hooks.stdout(s);
          throw e;
        }
      }
      s += i > 0 ? `\t${piece}` : piece;
    }
    L.hooks.stdout(`${s}\n`);
    return undefined;
  });
  def("type", (_L, args) => [typeName(checkAny(args, 1))]);
  def("tostring", (L, args) => [L.tostring(checkAny(args, 1))]);
  def("rawequal", (_L, args) => {
    checkAny(args, 1);
    checkAny(args, 2);
    return [rawEquals(args[0], args[1])];
  });
  def("rawlen", (_L, args) => {
    const v = args[0];
    if (v instanceof LuaTable) return [v.length()];
    if (typeof v === "string") return [v.length];
    return typeError(args, 1, "table or string");
  });
  def("rawget", (_L, args) => {
    const t = checkTable(args, 1);
    checkAny(args, 2);
    return [t.get(args[1])];
  });
  def("rawset", (_L, args) => {
    const t = checkTable(args, 1);
    checkAny(args, 2);
    checkAny(args, 3);
    const k = args[1];
    if (k === undefined) coreError("table index is nil");
    if (typeof k === "number" && Number.isNaN(k)) coreError("table index is NaN");
    t.set(k, args[2]);
    return [t];
  });
  def("getmetatable", (L, args) => {
    const mt = metatableOf(L, checkAny(args, 1));
    if (mt === undefined) return [undefined];
    const protectedMt = mt.getStr("__metatable");
    return [protectedMt !== undefined ? protectedMt : mt];
  });
  def("setmetatable", (L, args) => {
    const t = args[0];
    if (!(t instanceof LuaTable)) return typeError(args, 1, "table");
    const mt = args[1];
    if (args.length < 2 || (mt !== undefined && !(mt instanceof LuaTable))) return typeError(args, 2, "nil or table");
    if (t.metatable?.getStr("__metatable") !== undefined) nativeError("cannot change a protected metatable");
    t.setMetatable(mt);
    if (mt?.getStr("__mode") !== undefined) registerWeak(L, t);
    registerFinalizer(L, t, mt);
    return [t];
  });
  def("assert", (L, args) => {
    if (args.length === 0) argError(1, "value expected");
    const v = args[0];
    if (v === undefined || v === false) {
      // as error(message, 1): a string message gets the caller's position
      const msg = args.length >= 2 ? args[1] : "assertion failed!";
      throw new LuaError(typeof msg === "string" ? where(L, 1) + msg : msg);
    }
    return args;
  });
  def("error", (L, args) => {
    const v = args[0];
    const level = args.length >= 2 ? checkInt(args, 2) : 1;
    if (typeof v === "string" && level > 0) throw new LuaError(where(L, level) + v);
    throw new LuaError(v);
  });
  def("select", (_L, args) => {
    const n = args[0];
    if (n === "#") return [args.length - 1];
    let i = checkInt(args, 1);
    if (i < 0) {
      i = args.length + i;
      if (i < 1) argError(1, "index out of range");
    } else if (i === 0) argError(1, "index out of range");
    return args.slice(i);
  });
  def("next", (_L, args) => {
    const t = checkTable(args, 1);
    const r = t.next(args[1]);
    if (r === false) coreError("invalid key to 'next'");
    return r === undefined ? [undefined] : r;
  });
  const nextFn = G.get("next") as NativeFunction;
  def(
    "pairs",
    (L, args) => {
      const t = checkAny(args, 1);
      const mm = getMetamethod(L, t, "__pairs");
      if (mm !== undefined) return [new TailCall(mm, [t]) as unknown as LuaValue];
      return [nextFn, t, undefined];
    },
    Intrinsic.MayTailCall,
  );
  const ipairsAux = native(L, "ipairs_aux", (L, args) => {
    const t = args[0];
    const prev = args[1] as number | bigint;
    const i = typeof prev === "number" && prev < 9007199254740991 ? prev + 1 : normInt(BigInt(prev) + 1n);
    const v =
      t instanceof LuaTable && t.metatable === undefined
        ? typeof i === "number"
          ? t.getInt(i)
          : t.get(i)
        : L.index(t, i);
    return v === undefined ? [undefined] : [i, v];
  });
  def("ipairs", (_L, args) => {
    const t = checkAny(args, 1);
    return [ipairsAux, t, 0];
  });
  def("tonumber", (_L, args) => {
    if (args.length < 2 || args[1] === undefined) {
      const v = checkAny(args, 1);
      if (typeof v === "number" || typeof v === "bigint" || v instanceof LuaFloat) return [v];
      if (typeof v === "string") return [stringToNumber(v)];
      return [undefined];
    }
    const base = checkInt(args, 2);
    const s = args[0];
    if (typeof s !== "string") typeError(args, 1, "string");
    if (base < 2 || base > 36) argError(2, "base out of range");
    return [toNumberBase(s as string, base)];
  });
  def("pcall", () => undefined, Intrinsic.Pcall);
  def("xpcall", () => undefined, Intrinsic.Xpcall);
  let gcMode = "incremental";
  // the incremental collector's pause and step multiplier (LUAI_GCPAUSE, LUAI_GCMUL), / 4
  const gcParams = { setpause: 50, setstepmul: 25 };
  // "stop" only shows in "isrunning": collections happen when asked for (see vm/gc.ts)
  let running = true;
  const gcOptions = [
    "collect",
    "stop",
    "restart",
    "count",
    "step",
    "isrunning",
    "incremental",
    "generational",
    "setpause",
    "setstepmul",
  ];
  def("collectgarbage", (L, args) => {
    const opt = optString(args, 1, "collect");
    // from a finalizer every option fails, as lua_gc does while the collector runs them
    if (L.finalizing && gcOptions.includes(opt)) return [undefined];
    switch (opt) {
      case "collect":
        fullCollect(L);
        return [0];
      case "stop":
      case "restart":
        running = opt === "restart";
        return [0];
      case "count":
        return [memoryInUse(L) / 1024];
      case "step":
        fullCollect(L);
        return [true];
      case "isrunning":
        return [running];
      case "incremental":
      case "generational": {
        const prev = gcMode;
        gcMode = opt;
        return [prev];
      }
      case "setpause":
      case "setstepmul": {
        // kept as lua_gc keeps them: a quarter of the value in a byte; the previous one returns
        const prev = gcParams[opt];
        gcParams[opt] = Math.trunc(optInt(args, 2, 0) / 4) & 255;
        return [prev * 4];
      }
      default:
        return argError(1, `invalid option '${opt}'`);
    }
  });
  def("load", (L, args) => {
    let chunk = args[0];
    if (typeof chunk === "number" || typeof chunk === "bigint" || chunk instanceof LuaFloat) chunk = L.tostring(chunk);
    if (typeof chunk !== "string" && !(chunk instanceof Closure || chunk instanceof NativeFunction)) {
      return typeError(args, 1, "function");
    }
    let text: string;
    try {
      text = readChunk(L, chunk);
    } catch (e) {
      if (e instanceof LuaError) return [undefined, e.value];
      if (e instanceof NativeError) return [undefined, e.message];
      throw e;
    }
    const name = args[1] !== undefined ? String(optString(args, 2, "")) : typeof chunk === "string" ? chunk : "=(load)";
    const mode = optString(args, 3, "bt");
    const isBinary = text.charCodeAt(0) === 0x1b;
    if (isBinary && !mode.includes("b")) return [undefined, `attempt to load a binary chunk (mode is '${mode}')`];
    if (!isBinary && !mode.includes("t")) return [undefined, `attempt to load a text chunk (mode is '${mode}')`];
    try {
      const f = L.load(text, name, args.length >= 4 ? args[3] : L.globals);
      return [f];
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      return [undefined, msg];
    }
  });
  def("warn", (L, args) => {
    if (args.length === 0) typeError(args, 1, "string");
    for (let i = 0; i < args.length; i++) {
      if (typeof args[i] !== "string") typeError(args, i + 1, "string");
    }
    const msg = (args as string[]).join("");
    if (args.length === 1 && msg.startsWith("@")) {
      if (msg === "@on") L.warnings = true;
      else if (msg === "@off") L.warnings = false;
      return undefined;
    }
    L.warn(msg);
    return undefined;
  });
  return G;
}
