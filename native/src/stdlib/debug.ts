// The debug library the `endymion lua` command opens (never open in handlers): traceback,
// getinfo, getlocal/setlocal, getupvalue/setupvalue, upvalueid/upvaluejoin,
// getmetatable/setmetatable, getregistry, getuservalue/setuservalue and call, return,
// line and count hooks (sethook/gethook). debug.debug, which reads standard input, is added
// by `endymion lua` (core/src/lua/command.ts).

import {
  activeLocals,
  calledName,
  calledNativeFn,
  callLevels,
  callSiteName,
  frameLine,
  nativeLevelName,
  temporaryLimit,
  traceback,
} from "../vm/debuginfo.js";
import { argError } from "../vm/errors.js";
import { type Frame, HookMask, LuaThread, type Transfer } from "../vm/frames.js";
import { Closure, NativeFunction } from "../vm/function.js";
import { registerFinalizer } from "../vm/gc.js";
import { metatableOf } from "../vm/meta.js";
import type { LuaState } from "../vm/state.js";
import { LuaTable } from "../vm/table.js";
import { LightUserdata, LuaUserdata, type LuaValue, typeName } from "../vm/value.js";
import { checkAny, checkInt, checkString, optString, typeError } from "./args.js";
import { makeLib } from "./lib.js";

function current(L: LuaState): LuaThread {
  return (L as unknown as { current: LuaThread }).current;
}

/** Splits an optional leading thread argument off. */
function threadArg(L: LuaState, args: LuaValue[]): [LuaThread, LuaValue[]] {
  if (args[0] instanceof LuaThread) return [args[0], args.slice(1)];
  return [current(L), args];
}

/**
 * The frame at a level (1 = the function that called the debug function); f undefined
 * when that level is a native; undefined when there is no such level.
 */
/** The frame at a level (undefined for a native level, with the Lua frame that called it). */
function frameAt(
  th: LuaThread,
  level: number,
  _self: boolean,
): { f: Frame | undefined; fi: number; caller: Frame | undefined } | undefined {
  const levels = callLevels(th);
  if (level < 1 || level > levels.length) return undefined;
  const f = levels[level - 1];
  return { f, fi: f ? th.frames.indexOf(f) : -1, caller: levels[level] };
}

/**
 * What the call or return event a hook runs for transfers, when `level` is that event's
 * function: the level right below the hook's own frame.
 */
function transferAt(th: LuaThread, level: number): Transfer | undefined {
  const tr = th.transfer;
  if (tr === undefined || level < 2) return undefined;
  const hookFrame = th.frames[th.hookBase];
  return hookFrame !== undefined && callLevels(th)[level - 2] === hookFrame ? tr : undefined;
}

/**
 * How a traceback names level 0 of a coroutine that is not running: the native it is
 * suspended in (coroutine.yield, or coroutine.resume while it resumes another); undefined
 * when it has no frames (not started, or finished).
 */
function suspendedIn(th: LuaThread): string | undefined {
  const top = th.frames[th.frames.length - 1];
  if (top === undefined) return undefined;
  const fn = calledNativeFn(th, top);
  return fn ? nativeLevelName(fn.name, top) : "?";
}

/** getinfo's 'r' fields. */
function setTransfer(t: LuaTable, tr: Transfer | undefined): void {
  t.set("ftransfer", tr ? tr.first : 0);
  t.set("ntransfer", tr ? tr.count : 0);
}

const upvalIds = new WeakMap<object, LuaUserdata>();

export function openDebug(L: LuaState): LuaTable {
  // where ldblib keeps each thread's hook: a table with weak keys in the registry (not
  // registered for sweeping: that would make every program pay for collections at
  // allocation points; a thread with a hook is kept until its hook is removed)
  const hookKey = new LuaTable();
  const weakKeys = new LuaTable();
  weakKeys.set("__mode", "k");
  hookKey.setMetatable(weakKeys);
  L.registry.set("_HOOKKEY", hookKey);
  const lib = makeLib(L, "debug", {
    traceback: (L, a) => {
      const [th, args] = threadArg(L, a);
      const msg = args[0];
      if (msg !== undefined && typeof msg !== "string" && typeof msg !== "number") return [msg];
      const text = msg === undefined ? undefined : String(msg);
      // a coroutine that died by an error: the frames it had then
      if (th.deadTraceback !== undefined && th.status === "dead" && args[1] === undefined) {
        return [text === undefined ? th.deadTraceback : `${text}\n${th.deadTraceback}`];
      }
      // level 0 is debug.traceback itself, or the native a coroutine is suspended in
      const self = th === current(L);
      const level = args[1] === undefined ? (self ? 1 : 0) : checkInt(args, 2);
      const native0 = self ? "function 'debug.traceback'" : suspendedIn(th);
      if (level < 0 || (native0 === undefined && level === 0)) {
        return [traceback(th, text, Number.MAX_SAFE_INTEGER)]; // no such level: no lines
      }
      const loaded = L.registry.getStr("_LOADED");
      return [
        native0 === undefined ? traceback(th, text, level - 1, loaded) : traceback(th, text, level, loaded, native0),
      ];
    },
    getinfo: (L, a) => {
      const [th, args] = threadArg(L, a);
      const what = optString(args, 2, "flnSrtu");
      // lua_getinfo's options; '>' is only for its C callers
      if (/[^SlnrutLf]/.test(what)) {
        return argError(a.length - args.length + 2, what.includes(">") ? "invalid option '>'" : "invalid option");
      }
      const t = new LuaTable();
      let fn: LuaValue;
      let frame: Frame | undefined;
      let fi = -1;
      let target = args[0];
      let r0: ReturnType<typeof frameAt>;
      // a level is luaL_checkinteger's: numeric strings and integral floats count
      if (typeof target !== "number" && !(target instanceof Closure || target instanceof NativeFunction)) {
        target = checkInt(a, a.length - args.length + 1);
      }
      if (typeof target === "number") {
        if (target === 0 && th !== current(L)) {
          // a coroutine's level 0: the native it is suspended in, called by its top frame
          const top = th.frames[th.frames.length - 1];
          if (top === undefined) return [undefined];
          r0 = { f: undefined, fi: -1, caller: top };
        } else if (target === 0) {
          t.set("what", "C");
          t.set("source", "=[C]");
          t.set("short_src", "[C]");
          t.set("currentline", -1);
          t.set("name", "getinfo");
          t.set("namewhat", "field");
          return [t];
        }
        const r = r0 ?? frameAt(th, target, th !== current(L));
        if (!r) return [undefined];
        if (!r.f) {
          t.set("what", "C");
          t.set("source", "=[C]");
          t.set("short_src", "[C]");
          t.set("currentline", -1);
          t.set("linedefined", -1);
          t.set("lastlinedefined", -1);
          const nm = r.caller ? callSiteName(r.caller) : undefined;
          if (nm && nm[0] !== "constant") t.set("name", nm[1]);
          t.set("namewhat", nm && nm[0] !== "constant" ? nm[0] : "");
          t.set("nups", (r.caller && calledNativeFn(th, r.caller)?.bound?.length) || 0);
          t.set("nparams", 0);
          t.set("isvararg", true);
          t.set("istailcall", false);
          if (what.includes("f") && r.caller) t.set("func", calledNativeFn(th, r.caller));
          if (what.includes("r")) setTransfer(t, transferAt(th, target));
          return [t];
        }
        frame = r.f;
        fi = r.fi;
        fn = frame.closure;
      } else fn = target; // a function
      if (fn instanceof Closure) {
        const p = fn.proto;
        if (what.includes("S")) {
          t.set("source", p.chunk?.name ?? p.source);
          t.set("short_src", p.source);
          t.set("linedefined", p.lineDefined);
          t.set("lastlinedefined", p.lastLineDefined);
          t.set("what", p.lineDefined === 0 ? "main" : "Lua");
        }
        if (what.includes("l")) t.set("currentline", frame ? frameLine(frame) : -1);
        if (what.includes("u")) {
          t.set("nups", fn.upvals.length);
          t.set("nparams", p.numParams);
          t.set("isvararg", p.isVararg);
        }
        if (what.includes("t")) t.set("istailcall", frame?.tail === true);
        if (what.includes("L")) {
          const lines = new LuaTable();
          for (const ln of p.lineInfo) lines.set(ln, true);
          t.set("activelines", lines);
        }
      } else {
        if (what.includes("S")) {
          t.set("source", "=[C]");
          t.set("short_src", "[C]");
          t.set("what", "C");
          t.set("linedefined", -1);
          t.set("lastlinedefined", -1);
        }
        if (what.includes("l")) t.set("currentline", -1);
        if (what.includes("u")) {
          t.set("nups", fn instanceof NativeFunction ? (fn.bound?.length ?? 0) : 0);
          t.set("nparams", 0);
          t.set("isvararg", true);
        }
      }
      if (what.includes("n") && frame && fi >= 0) {
        const nm = calledName(th, fi);
        if (nm) {
          t.set("name", nm[1]);
          t.set("namewhat", nm[0] === "constant" ? "" : nm[0]);
        } else t.set("namewhat", "");
      } else if (what.includes("n")) t.set("namewhat", "");
      if (what.includes("f")) t.set("func", fn);
      if (what.includes("r")) setTransfer(t, typeof target === "number" ? transferAt(th, target) : undefined);
      return [t];
    },
    getlocal: (L, a) => {
      const [th, args] = threadArg(L, a);
      const n = checkInt(args, 2);
      if (args[0] instanceof NativeFunction) return [undefined]; // natives have no parameter names
      if (args[0] instanceof Closure) {
        const p = args[0].proto;
        const params = p.locVars.filter((v) => v.startPc === 0).slice(0, p.numParams);
        return [n >= 1 && n <= params.length ? params[n - 1].name : undefined];
      }
      const level = checkInt(args, 1);
      // level 0 is getlocal itself, a native whose stack holds its arguments
      if (level === 0 && th === current(L)) return n >= 1 && n <= a.length ? ["(C temporary)", a[n - 1]] : [undefined];
      const r = frameAt(th, level, th !== current(L));
      if (!r) return argError(args === a ? 1 : 2, "level out of range");
      const f = r.f;
      const tr = transferAt(th, level);
      if (!f) {
        // a native's stack, in the event a hook runs for
        const vs = tr?.values;
        return vs && n >= 1 && n <= vs.length ? ["(C temporary)", vs[n - 1]] : [undefined];
      }
      if (n < 0) {
        const va = f.varargs;
        if (-n > va.length) return [undefined];
        return ["(vararg)", va[-n - 1]];
      }
      const p = f.closure.proto;
      const locs = activeLocals(p, f.pc - 1);
      if (n >= 1 && n <= locs.length) return [locs[n - 1].name, th.stack[f.base + locs[n - 1].reg]];
      // registers a return event transfers lie past the live temporaries
      const limit = Math.max(temporaryLimit(p, f.pc - 1), tr ? tr.first + tr.count - 1 : 0);
      if (n >= 1 && n <= limit) return ["(temporary)", th.stack[f.base + n - 1]];
      return [undefined];
    },
    setlocal: (L, a) => {
      const [th, args] = threadArg(L, a);
      const level = checkInt(args, 1);
      const n = checkInt(args, 2);
      if (level === 0 && th === current(L)) return [n >= 1 && n <= a.length ? "(C temporary)" : undefined];
      const r = frameAt(th, level, th !== current(L));
      if (!r?.f) return argError(1, "level out of range");
      if (n < 0) {
        const va = r.f.varargs;
        if (-n > va.length) return [undefined];
        va[-n - 1] = args[2];
        return ["(vararg)"];
      }
      const p = r.f.closure.proto;
      const locs = activeLocals(p, r.f.pc - 1);
      let name: string;
      if (n >= 1 && n <= locs.length) {
        name = locs[n - 1].name;
        th.stack[r.f.base + locs[n - 1].reg] = args[2];
      } else if (n >= 1 && n <= temporaryLimit(p, r.f.pc - 1)) {
        name = "(temporary)";
        th.stack[r.f.base + n - 1] = args[2];
      } else return [undefined];
      L.localsWritten = true;
      return [name];
    },
    getupvalue: (_L, args) => {
      const f = args[0];
      const n = checkInt(args, 2);
      // a native's bound values stand for C upvalues, whose names are all ""
      if (f instanceof NativeFunction) return f.bound && n >= 1 && n <= f.bound.length ? ["", f.bound[n - 1]] : [];
      if (!(f instanceof Closure) || n < 1 || n > f.upvals.length) return [];
      return [f.proto.upvals[n - 1]?.name || "(no name)", f.upvals[n - 1].get()];
    },
    setupvalue: (_L, args) => {
      const f = args[0];
      const n = checkInt(args, 2);
      if (!(f instanceof Closure) || n < 1 || n > f.upvals.length) return [];
      f.upvals[n - 1].set(args[2]);
      return [f.proto.upvals[n - 1]?.name || "(no name)"];
    },
    upvalueid: (_L, args) => {
      const f = args[0];
      const n = checkInt(args, 2);
      if (f instanceof NativeFunction) {
        // a native's bound values stand for C upvalues
        const b = f.bound;
        if (!b || n < 1 || n > b.length) return [undefined];
        let id = upvalIds.get(b);
        if (!id) {
          id = new LightUserdata(b);
          upvalIds.set(b, id);
        }
        return [id];
      }
      if (!(f instanceof Closure)) return typeError(args, 1, "function");
      if (n < 1 || n > f.upvals.length) return [undefined];
      const uv = f.upvals[n - 1];
      let id = upvalIds.get(uv);
      if (!id) {
        id = new LightUserdata(uv);
        upvalIds.set(uv, id);
      }
      return [id];
    },
    upvaluejoin: (_L, args) => {
      const f1 = args[0];
      const n1 = checkInt(args, 2);
      const f2 = args[2];
      const n2 = checkInt(args, 4);
      if (!(f1 instanceof Closure)) return typeError(args, 1, "function");
      if (!(f2 instanceof Closure)) return typeError(args, 3, "function");
      if (n1 < 1 || n1 > f1.upvals.length) return argError(2, "invalid upvalue index");
      if (n2 < 1 || n2 > f2.upvals.length) return argError(4, "invalid upvalue index");
      f1.upvals[n1 - 1] = f2.upvals[n2 - 1];
      return undefined;
    },
    getmetatable: (L, args) => [metatableOf(L, args[0])],
    setmetatable: (L, args) => {
      const v = args[0];
      const mt = args[1];
      if (mt !== undefined && !(mt instanceof LuaTable)) return typeError(args, 2, "nil or table");
      if (v instanceof LuaTable) v.setMetatable(mt);
      else if (v instanceof LuaUserdata) v.metatable = mt;
      if (v instanceof LuaTable || (v instanceof LuaUserdata && !(v instanceof LightUserdata)))
        registerFinalizer(L, v, mt);
      else if (typeof v === "string") L.stringMeta = mt;
      else if (mt === undefined) L.typeMeta.delete(typeName(v));
      else L.typeMeta.set(typeName(v), mt);
      return [v];
    },
    getregistry: (L) => [L.registry],
    // full userdata here carry no user values: getuservalue finds none, setuservalue fails
    getuservalue: () => [undefined],
    setuservalue: (_L, args) => {
      const u = args[0];
      if (!(u instanceof LuaUserdata) || u instanceof LightUserdata) typeError(args, 1, "userdata");
      checkAny(args, 2);
      return [undefined];
    },
    sethook: (L, a) => {
      const [th, args] = threadArg(L, a);
      const hook = args[0];
      let mask = 0;
      let count = 0;
      const off = a.length - args.length; // 1 after a thread argument
      if (hook !== undefined) {
        if (!(hook instanceof Closure || hook instanceof NativeFunction)) return typeError(a, off + 1, "function");
        const what = checkString(a, off + 2);
        count = args[2] === undefined ? 0 : checkInt(a, off + 3);
        if (what.includes("c")) mask |= HookMask.Call;
        if (what.includes("r")) mask |= HookMask.Return;
        if (what.includes("l")) mask |= HookMask.Line;
        if (count > 0) mask |= HookMask.Count;
      }
      th.hook = mask === 0 ? undefined : hook;
      hookKey.set(th as unknown as LuaValue, th.hook);
      th.hookMask = mask;
      th.hookCount = count;
      th.hookLeft = count;
      // the running frames are past their call event and within their current line
      for (const f of th.frames) f.hookPc = f.pc > 0 ? f.pc - 1 : -1;
      // compiled frames of this thread continue in the loop, which runs the hooks
      if (mask !== 0 && th === current(L)) (L as unknown as { localsWritten: boolean }).localsWritten = true;
      return [];
    },
    gethook: (L, a) => {
      const [th] = threadArg(L, a);
      if (th.hookMask === 0) return [undefined];
      const m = th.hookMask;
      const what = `${m & HookMask.Call ? "c" : ""}${m & HookMask.Return ? "r" : ""}${m & HookMask.Line ? "l" : ""}`;
      return [th.hook, what, th.hookCount];
    },
  });
  L.globals.set("debug", lib);
  return lib;
}
