// Debug information: names of variables for error messages, positions, tracebacks.

import { Op } from "../compiler/opcodes.js";
import { type Frame, FrameFlag, type LuaThread } from "./frames.js";
import { NativeFunction, type Proto } from "./function.js";
import { LuaTable } from "./table.js";
import type { LuaValue } from "./value.js";

/** The name of the local in register reg at instruction pc, if any. */
export function localName(p: Proto, reg: number, pc: number): string | undefined {
  let found: string | undefined;
  for (const v of p.locVars) {
    if (v.startPc > pc) continue;
    if (v.endPc !== -1 && v.endPc <= pc) continue;
    if (v.reg === reg) found = v.name;
  }
  return found?.startsWith("(") ? undefined : found;
}

/** The n-th active local at pc (1-based), for debug.getlocal. */
export function activeLocals(p: Proto, pc: number): { name: string; reg: number }[] {
  const out: { name: string; reg: number }[] = [];
  for (const v of p.locVars) {
    if (v.startPc > pc) continue;
    if (v.endPc !== -1 && v.endPc <= pc) continue;
    out.push({ name: v.name, reg: v.reg });
  }
  out.sort((a, b) => a.reg - b.reg);
  return out;
}

/**
 * How many registers of a frame at pc lua_getlocal calls "(temporary)" when no active local
 * has the number asked for: those below the function the frame is calling, or the whole
 * frame when its instruction is not a call (a metamethod is running).
 */
export function temporaryLimit(p: Proto, pc: number): number {
  const i = pc * 4;
  const op = p.code[i];
  if (op === Op.Call || op === Op.TailCall) return p.code[i + 1];
  if (op === Op.TForCall) return p.code[i + 1] + 4;
  return p.maxStack;
}

/** Whether instruction `op` with operand a writes register reg. */
function writes(code: Int32Array, j: number, reg: number): boolean {
  const i = j * 4;
  const op = code[i];
  const a = code[i + 1];
  switch (op) {
    case Op.SetUpval:
    case Op.SetTabUp:
    case Op.SetTable:
    case Op.SetField:
    case Op.Close:
    case Op.Tbc:
    case Op.Jmp:
    case Op.Eq:
    case Op.Lt:
    case Op.Le:
    case Op.EqK:
    case Op.Test:
    case Op.Return:
    case Op.SetList:
    case Op.TForPrep:
      return false;
    case Op.LoadNil:
      return reg >= a && reg < a + code[i + 2];
    case Op.Self:
      return reg === a || reg === a + 1;
    case Op.Call:
    case Op.TailCall:
    case Op.Vararg:
      return reg >= a;
    case Op.TForCall:
      return reg >= a + 4;
    case Op.ForPrep:
    case Op.ForLoop:
    case Op.TForLoop:
      return reg >= a && reg <= a + 3;
    default:
      return a === reg;
  }
}

/** The instruction that last set register reg before pc (PUC's findsetreg, simplified). */
function findSetReg(p: Proto, lastPc: number, reg: number): number {
  const code = p.code;
  let setReg = -1;
  let jmpTarget = 0;
  for (let pc = 0; pc < lastPc; pc++) {
    const op = code[pc * 4];
    if (op === Op.Jmp) {
      const dest = pc + 1 + code[pc * 4 + 2];
      if (dest <= lastPc && dest > jmpTarget) jmpTarget = dest;
      continue;
    }
    if (writes(code, pc, reg)) setReg = pc < jmpTarget ? -1 : pc;
  }
  return setReg;
}

function constString(p: Proto, k: number): string {
  const v = p.k[k];
  return typeof v === "string" ? v : "?";
}

function rkName(p: Proto, rk: number): string {
  if (rk >= 0) return "?";
  const v = p.k[-1 - rk];
  if (typeof v === "number" && Number.isInteger(v)) return "integer index";
  return constString(p, -1 - rk);
}

/** Whether table operand `t` of a GETTABLE-like instruction is the _ENV variable. */
function isEnv(p: Proto, pc: number, t: number, isUp: boolean): boolean {
  if (isUp) return p.upvals[t]?.name === "_ENV";
  const n = localName(p, t, pc);
  return n === "_ENV";
}

/**
 * Describes what register reg holds at instruction pc, as PUC-Rio's getobjname:
 * ["local", "x"], ["global", "x"], ["field", "x"], ["upvalue", "x"], ["method", "x"],
 * ["constant", "x"] or undefined.
 */
export function describeReg(p: Proto, pc: number, reg: number): [string, string] | undefined {
  const name = localName(p, reg, pc);
  if (name !== undefined) return ["local", name];
  const setPc = findSetReg(p, pc, reg);
  if (setPc < 0) return undefined;
  const i = setPc * 4;
  const code = p.code;
  const op = code[i];
  const b = code[i + 2];
  const c = code[i + 3];
  switch (op) {
    case Op.Move:
      if (b < code[i + 1]) return describeReg(p, setPc, b);
      return undefined;
    case Op.GetTabUp:
      return [isEnv(p, setPc, b, true) ? "global" : "field", rkName(p, c)];
    case Op.GetTable:
      return [isEnv(p, setPc, b, false) ? "global" : "field", rkName(p, c)];
    case Op.GetField:
      return [isEnv(p, setPc, b, false) ? "global" : "field", constString(p, c)];
    case Op.GetUpval:
      return ["upvalue", p.upvals[b]?.name || "?"];
    case Op.LoadK: {
      const v = p.k[b];
      if (typeof v === "string") return ["constant", v];
      return undefined;
    }
    case Op.Self:
      return ["method", rkName(p, c)];
  }
  return undefined;
}

/** " (kind 'name')" for an RK operand of the instruction at pc, or "". */
export function varInfo(p: Proto, pc: number, rk: number): string {
  if (rk < 0) {
    const v = p.k[-1 - rk];
    return typeof v === "string" ? ` (constant '${v}')` : "";
  }
  const d = describeReg(p, pc, rk);
  return d ? ` (${d[0]} '${d[1]}')` : "";
}

/** Current line of a frame (the instruction being executed). */
export function frameLine(f: Frame): number {
  const p = f.closure.proto;
  if (p.lineInfo.length === 0) return -1; // stripped by string.dump
  const pc = f.pc > 0 ? f.pc - 1 : 0;
  return p.lineInfo[pc] ?? p.lineDefined;
}

/** "chunk:line:" for the frame, or "" when unknown. */
export function framePosition(f: Frame | undefined): string {
  if (!f) return "";
  return `${f.closure.proto.source}:${frameLine(f)}:`;
}

/** How the function running in frame index fi of a thread was called, for messages. */
export function calledName(th: LuaThread, fi: number): [string, string] | undefined {
  if (fi === th.hookBase) return ["hook", "?"];
  if (fi === th.finalizerFrame) return ["metamethod", "__gc"];
  // its caller's frame is gone
  if (th.frames[fi].tail) return undefined;
  // called by a native (pcall, a nested call, pcall closing variables as an error unwinds)
  // or as a coroutine body: no name
  if (th.frames[fi].flags & (NATIVE_CALLED | FrameFlag.CoroutineBase)) return undefined;
  const caller = th.frames[fi - 1];
  if (!caller) return undefined;
  return callSiteName(caller);
}

/** The name of the function called by frame f's current instruction (a CALL). */
export function callSiteName(f: Frame): [string, string] | undefined {
  const p = f.closure.proto;
  const pc = f.pc - 1;
  const i = pc * 4;
  const op = p.code[i];
  if (op === Op.Call || op === Op.TailCall) return describeReg(p, pc, p.code[i + 1]);
  if (op === Op.TForCall) return ["for iterator", "for iterator"];
  const mm = EVENT_OF_OP.get(op);
  return mm === undefined ? undefined : ["metamethod", mm];
}

/** The metamethod an instruction calls (funcnamefromcode's events). */
const EVENT_OF_OP = new Map<number, string>([
  [Op.Self, "index"],
  [Op.GetTabUp, "index"],
  [Op.GetTable, "index"],
  [Op.GetField, "index"],
  [Op.SetTabUp, "newindex"],
  [Op.SetTable, "newindex"],
  [Op.SetField, "newindex"],
  [Op.Add, "add"],
  [Op.AddI, "add"],
  [Op.Sub, "sub"],
  [Op.Mul, "mul"],
  [Op.Mod, "mod"],
  [Op.Pow, "pow"],
  [Op.Div, "div"],
  [Op.IDiv, "idiv"],
  [Op.BAnd, "band"],
  [Op.BOr, "bor"],
  [Op.BXor, "bxor"],
  [Op.Shl, "shl"],
  [Op.Shr, "shr"],
  [Op.Unm, "unm"],
  [Op.BNot, "bnot"],
  [Op.Len, "len"],
  [Op.Concat, "concat"],
  [Op.Eq, "eq"],
  [Op.EqK, "eq"],
  [Op.Lt, "lt"],
  [Op.Le, "le"],
  [Op.Close, "close"],
  [Op.Return, "close"],
  [Op.Jmp, "close"],
]);

/** Frame flags of a Lua frame called by a native: a native level lies below it. */
const NATIVE_CALLED = FrameFlag.JsBoundary | FrameFlag.Pcall | FrameFlag.Xpcall | FrameFlag.CloseUnwind;

/**
 * The call levels of a thread from the top: Lua frames, and `undefined` for the native
 * functions between them (pcall under a Pcall frame, a native under a JsBoundary frame),
 * so that levels count as PUC-Rio counts them.
 */
export function callLevels(th: LuaThread): (Frame | undefined)[] {
  const out: (Frame | undefined)[] = [];
  const frames = th.frames;
  const pcalls = th.nativePcalls;
  let k = pcalls.length - 1;
  for (let fi = frames.length - 1; fi >= 0; fi--) {
    // a native that pcall called from this frame: pcall's level
    while (k >= 0 && pcalls[k] > fi + 1) k--;
    for (; k >= 0 && pcalls[k] === fi + 1; k--) out.push(undefined);
    const f = frames[fi];
    out.push(f);
    // a hook called for a Lua function's event has that function as its caller
    if (f.flags & NATIVE_CALLED && fi !== th.hookFrame) out.push(undefined);
  }
  return out;
}

/**
 * A traceback of a thread's call levels, innermost first, as "stack traceback:\n\t...",
 * skipping `level` levels (counted from native0 when given, "function 'x'" for a level 0
 * above the Lua frames); natives between Lua frames show as "[C]" lines. With more than
 * 22 levels the middle is elided as luaL_traceback does: the first 10 and the last 11 show,
 * and the count it reports leaves out one level more than it hides, as PUC-Rio's does.
 */
export function traceback(
  th: LuaThread,
  msg: string | undefined,
  level = 0,
  loaded?: LuaValue,
  native0?: string,
): string {
  const globals = loaded instanceof LuaTable ? loadedNames(loaded) : undefined;
  const lines: string[] = [];
  if (msg !== undefined) lines.push(msg);
  lines.push("stack traceback:");
  const levels: (Frame | undefined | string)[] = callLevels(th);
  // level 0 when asked for: the native running (debug.traceback) or suspended in (yield)
  if (native0 !== undefined) levels.unshift(native0);
  // the native that raised the error being reported is a level above the frame that called it
  const raising = th.raising;
  const at = raising === undefined ? -1 : levels.indexOf(raising.frame as Frame);
  if (raising !== undefined && at >= 0) {
    // a message handler running for it stands right above it (its own native level is this one)
    if (raising.byPcall && at > 1 && levels[at - 2] === undefined) levels[at - 2] = raising.name;
    else if (raising.byPcall && at > 0) levels.splice(at - 1, 0, raising.name);
    else if (at > 0 && levels[at - 1] === undefined) levels[at - 1] = raising.name;
    else levels.splice(at, 0, raising.name);
  }
  levels.splice(0, level);
  const count = levels.length;
  for (let i = 0; i < count; i++) {
    if (i === 10 && count - 1 > 21) {
      lines.push(`\t...\t(skipping ${count - 22} levels)`);
      i = count - 12;
      continue;
    }
    const f = levels[i];
    if (typeof f === "string") {
      lines.push(`\t[C]: in ${f}`);
      continue;
    }
    if (f === undefined) {
      const caller = levels[i + 1];
      if (caller !== undefined && typeof caller !== "string") {
        // the native this frame's CALL is running: by its library name when it has one
        const callee = calledNative(th, caller);
        if (callee !== undefined) {
          lines.push(`\t[C]: in ${nativeLevelName(callee, caller)}`);
          continue;
        }
      }
      const nm = caller && typeof caller !== "string" ? callSiteName(caller) : undefined;
      lines.push(`\t[C]: in ${nm && nm[0] !== "constant" ? describeCalled(nm) : "?"}`);
      continue;
    }
    const p = f.closure.proto;
    let what: string;
    const global = globals?.get(f.closure);
    if (global !== undefined) what = `function '${global}'`;
    else if (p.lineDefined === 0) what = "main chunk";
    else {
      const nm = calledName(th, th.frames.indexOf(f));
      what = nm ? describeCalled(nm) : `function <${p.source}:${p.lineDefined}>`;
    }
    lines.push(`\t${p.source}:${frameLine(f)}: in ${what}`);
    if (f.tail) lines.push("\t(...tail calls...)");
  }
  return lines.join("\n");
}

/**
 * The names luaL_traceback's pushglobalfuncname finds for functions in package.loaded (the
 * registry's _LOADED): "mod" for a module that is a function, "mod.f" for a field of a
 * module table, without a "_G." prefix; the first found in traversal order wins.
 */
function loadedNames(loaded: LuaTable): Map<LuaValue, string> {
  const names = new Map<LuaValue, string>();
  const add = (v: LuaValue, name: string) => {
    if (!names.has(v)) names.set(v, name.startsWith("_G.") ? name.slice(3) : name);
  };
  for (let e = loaded.next(undefined); e; e = loaded.next(e[0])) {
    const [mk, mv] = e;
    if (typeof mk !== "string") continue;
    add(mv, mk);
    if (!(mv instanceof LuaTable)) continue;
    for (let f = mv.next(undefined); f; f = mv.next(f[0])) if (typeof f[0] === "string") add(f[1], `${mk}.${f[0]}`);
  }
  return names;
}

/** The native that frame f's current CALL runs, if the call is to a native. */
export function calledNativeFn(th: LuaThread, f: Frame): NativeFunction | undefined {
  const p = f.closure.proto;
  const i = (f.pc - 1) * 4;
  if (i < 0 || (p.code[i] !== Op.Call && p.code[i] !== Op.TailCall)) return undefined;
  const v = th.stack[f.base + p.code[i + 1]];
  return v instanceof NativeFunction ? v : undefined;
}

/** The name of the native that frame f's current CALL runs, if the call is to a native. */
function calledNative(th: LuaThread, f: Frame): string | undefined {
  return calledNativeFn(th, f)?.name;
}

/**
 * How a traceback names a native raising an error from frame f: its library name when it
 * has one ("function 'string.rep'", as PUC-Rio finds it in package.loaded), else the name
 * its call site gives it.
 */
export function nativeLevelName(name: string, f: Frame): string {
  if (/^[A-Za-z_]\w*(\.[A-Za-z_]\w*)?$/.test(name)) return `function '${name.replace(/^_G\./, "")}'`;
  const nm = callSiteName(f);
  return nm && nm[0] !== "constant" ? describeCalled(nm) : "?";
}

/** "function 'f'" for a global, "local 'f'", "method 'm'", "field 'x'"... otherwise. */
function describeCalled(nm: [string, string]): string {
  return `${nm[0] === "global" ? "function" : nm[0]} '${nm[1]}'`;
}

/** Name of the local in register reg at pc (for "variable 'x' got a non-closable value"). */
export function varInfoName(p: Proto, pc: number, reg: number): string {
  for (const v of p.locVars)
    if (v.reg === reg && v.startPc <= pc + 1 && (v.endPc === -1 || v.endPc > pc)) return v.name;
  return "?";
}
