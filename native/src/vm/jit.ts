// The compiled tier: hot prototypes become JavaScript functions.
//
// A compiled function runs one Lua frame from a given entry pc, exactly as the loop would:
// same frames, same pcs, same stack contents whenever anything outside can look. What it
// gains is that V8 sees the program instead of an interpreter: registers live in JS locals,
// operands and constants are fixed in the code, branches and loops are real JS `if`s and
// loops (the bytecode's control flow graph is structured from its dominator tree), and
// Lua-to-Lua calls are direct JS calls, while they stay shallow.
//
// The rules that keep the state exact:
// - A register captured by a closure or holding a to-be-closed value lives in the stack,
//   never in a local (upvalues and __close read the stack).
// - Before anything that may leave the function or run other code (calls, metamethods,
//   fuel checks, weak-table sweeps) the live registers are written back ("spilled").
// - A compiled function returns a status: 0 when its frame returned normally (results in
//   place), 1 when the frames changed under it (a frame was pushed for the loop to run, a
//   coroutine switched...), 2 when the loop must exit. On 1 and 2 every compiled caller
//   returns at once, its frame already saved with the pc to continue from; the loop then
//   runs the top frame, entering compiled code again at that pc (each entry pc gets its
//   own compiled variant, made when first needed).
//
// Where JavaScript code generation is not allowed (some CSP settings, edge workers) the
// interpreter runs everything.

import { Op } from "../compiler/opcodes.js";
import { varInfoName } from "./debuginfo.js";
import { type Frame, FrameFlag, type LuaThread } from "./frames.js";
import type { Proto } from "./function.js";
import type { LuaState } from "./state.js";
import type { LuaValue } from "./value.js";

/** A compiled entry: runs frame f of thread th from its pc. Returns 0, 1 or 2 (see above). */
export type JitFn = (L: LuaState, th: LuaThread, f: Frame) => number;

/**
 * A pure function: the compiled form of a small prototype that only computes on its
 * parameters and constants (no calls, tables, upvalues or loops) and returns one value. It
 * takes the arguments as JS arguments and needs no frame; it returns NOPE where the full
 * semantics would need more (a metamethod, an error, an integer past 2^53), and then the
 * caller makes the ordinary call, which starts over (nothing was changed).
 */
export type PureFn = (...args: LuaValue[]) => LuaValue | symbol;

/** Per-prototype state of the compiled tier. */
export interface JitInfo {
  /** Registers kept in JS locals (the others live in the stack). */
  local: boolean[];
  /** Live registers before each instruction, `words` 32-bit words per instruction. */
  liveIn: Int32Array;
  liveOut: Int32Array;
  /** Registers each instruction may set, on any path. */
  writes: Int32Array;
  /** Registers holding active local variables before each instruction (debug.getlocal reads them). */
  active: Int32Array;
  words: number;
  /** Whether closures capture registers of this function (its returns close upvalues). */
  captures: boolean;
  /** Whether it has to-be-closed variables (its returns close them). */
  closes: boolean;
  /** Compiled variants by entry pc; null when that entry cannot be compiled. */
  variants: Map<number, JitFn | null>;
}

/** Options of the compiled tier. */
export const jitOptions = {
  /** Calls plus loop iterations before a prototype is compiled; Infinity turns the tier off. */
  threshold: 1000,
  /** Largest prototype compiled (instructions). */
  maxInstructions: 6000,
  /** Most compiled entry variants per prototype. */
  maxVariants: 24,
};

{
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  const v = env?.ENDYMION_JIT;
  if (v === "off" || v === "0") jitOptions.threshold = Number.POSITIVE_INFINITY;
  else if (v === "eager") jitOptions.threshold = 0;
  else if (v !== undefined && /^\d+$/.test(v)) jitOptions.threshold = Number(v);
}

/** ENDYMION_JIT_DEBUG: "1" makes compile failures throw, "dump" also prints the generated code. */
const jitDebug = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env
  ?.ENDYMION_JIT_DEBUG;

let codegenAllowed: boolean | undefined;
function canGenerate(): boolean {
  if (codegenAllowed === undefined) {
    try {
      codegenAllowed = new Function("return 1")() === 1;
    } catch {
      codegenAllowed = false;
    }
  }
  return codegenAllowed;
}

/** The runtime services compiled code calls (installed by the interpreter). */
let runtime: Record<string, unknown> | undefined;
export function installJitRuntime(rt: Record<string, unknown>): void {
  runtime = rt;
}

// --- control flow ----------------------------------------------------------------------

/** Successor pcs of instruction k (fall-through or "condition holds" first). */
function successors(code: Int32Array, k: number): number[] {
  const op = code[k * 4];
  const b = code[k * 4 + 2];
  switch (op) {
    case Op.Jmp:
      return [k + 1 + b];
    case Op.Eq:
    case Op.Lt:
    case Op.Le:
    case Op.EqK:
    case Op.Test:
    case Op.TestSet:
      return [k + 1, k + 2];
    case Op.ForPrep:
      return [k + 1, k + b + 2];
    case Op.ForLoop:
    case Op.TForLoop:
      return [k + 1 - b, k + 1];
    case Op.TForPrep:
      return [k + 1 + b];
    case Op.Return:
      return [];
    default:
      return [k + 1];
  }
}

/** Whether instruction k ends a basic block (anything but a plain fall-through). */
function endsBlock(code: Int32Array, k: number): boolean {
  const op = code[k * 4];
  switch (op) {
    case Op.Jmp:
    case Op.Eq:
    case Op.Lt:
    case Op.Le:
    case Op.EqK:
    case Op.Test:
    case Op.TestSet:
    case Op.ForPrep:
    case Op.ForLoop:
    case Op.TForLoop:
    case Op.TForPrep:
    case Op.Return:
      return true;
  }
  return false;
}

// --- registers and liveness ---------------------------------------------------------------

/**
 * Registers that must stay in the stack: captured by closures (`captured`), or
 * to-be-closed (`closing`); each flag says whether the function has any.
 */
function stackResident(p: Proto): { resident: boolean[]; captures: boolean; closes: boolean } {
  const n = p.code.length >>> 2;
  const resident = new Array<boolean>(p.maxStack + 1).fill(false);
  const code = p.code;
  let captures = false;
  let closes = false;
  for (let k = 0; k < n; k++) {
    const op = code[k * 4];
    const a = code[k * 4 + 1];
    if (op === Op.Closure) {
      const np = p.protos[code[k * 4 + 2]];
      for (const d of np.upvals) {
        if (d.inStack) {
          resident[d.index] = true;
          captures = true;
        }
      }
    } else if (op === Op.Tbc) {
      resident[a] = true;
      closes = true;
    } else if (op === Op.TForPrep) {
      resident[a + 3] = true;
      closes = true;
    }
  }
  return { resident, captures, closes };
}

/** Calls add(from, to) for the registers instruction k reads, def(from, to) for those it sets. */
function useDef(
  code: Int32Array,
  k: number,
  top: number,
  use: (from: number, to: number) => void,
  def: (from: number, to: number) => void,
  may = false,
): void {
  const i = k * 4;
  const op = code[i];
  const a = code[i + 1];
  const b = code[i + 2];
  const c = code[i + 3];
  const rk = (x: number) => {
    if (x >= 0) use(x, x);
  };
  switch (op) {
    case Op.Move:
    case Op.Unm:
    case Op.BNot:
    case Op.Not:
    case Op.Len:
    case Op.AddI:
      use(b, b);
      def(a, a);
      return;
    case Op.LoadK:
    case Op.LoadTrue:
    case Op.LoadFalse:
    case Op.GetUpval:
    case Op.NewTable:
    case Op.Closure:
      def(a, a);
      return;
    case Op.LoadNil:
      def(a, a + b - 1);
      return;
    case Op.SetUpval:
    case Op.Test:
      use(a, a);
      return;
    case Op.GetTabUp:
      rk(c);
      def(a, a);
      return;
    case Op.GetTable:
      use(b, b);
      rk(c);
      def(a, a);
      return;
    case Op.GetField:
      use(b, b);
      def(a, a);
      return;
    case Op.SetTabUp:
      rk(b);
      rk(c);
      return;
    case Op.SetTable:
      use(a, a);
      rk(b);
      rk(c);
      return;
    case Op.SetField:
      use(a, a);
      rk(c);
      return;
    case Op.Self:
      use(b, b);
      rk(c);
      def(a, a + 1);
      return;
    case Op.Add:
    case Op.Sub:
    case Op.Mul:
    case Op.Mod:
    case Op.Pow:
    case Op.Div:
    case Op.IDiv:
    case Op.BAnd:
    case Op.BOr:
    case Op.BXor:
    case Op.Shl:
    case Op.Shr:
      rk(b);
      rk(c);
      def(a, a);
      return;
    case Op.Concat:
      use(a, a + b - 1);
      def(a, a);
      return;
    case Op.Close:
    case Op.Jmp:
      return;
    case Op.Tbc:
      use(a, a);
      return;
    case Op.Eq:
    case Op.Lt:
    case Op.Le:
      rk(b);
      rk(c);
      return;
    case Op.EqK:
      use(b, b);
      return;
    case Op.TestSet:
      // sets A only on one path: counted as a use of A so that it stays live
      use(b, b);
      use(a, a);
      if (may) def(a, a);
      return;
    case Op.Call:
      use(a, b === 0 ? top : a + b - 1);
      // the callee's frame overwrites everything from A up
      def(a, top);
      return;
    case Op.TailCall:
      use(a, b === 0 ? top : a + b - 1);
      def(a, top);
      return;
    case Op.Return:
      if (b === 0) use(a, top);
      else if (b > 1) use(a, a + b - 2);
      return;
    case Op.ForPrep:
      use(a, a + 2);
      def(may ? a : a + 3, a + 3);
      return;
    case Op.ForLoop:
      use(a, a + 2);
      if (may) def(a, a + 3);
      return;
    case Op.TForPrep:
      use(a + 3, a + 3);
      return;
    case Op.TForCall:
      use(a, a + 2);
      def(a + 4, top);
      return;
    case Op.TForLoop:
      use(a + 2, a + 2);
      use(a + 4, a + 4);
      if (may) def(a + 2, a + 2);
      return;
    case Op.SetList:
      use(a, b === 0 ? top : a + b);
      return;
    case Op.Vararg:
      def(a, c === 0 ? top : a + c - 2);
      return;
  }
  throw new Error(`jit: no use/def for opcode ${op}`);
}

function analyze(p: Proto): JitInfo {
  const code = p.code;
  const n = code.length >>> 2;
  const top = p.maxStack; // registers 0..top-1 (a little beyond for multret ranges)
  const nregs = top + 8;
  const words = (nregs + 31) >>> 5;
  const { resident, captures, closes } = stackResident(p);
  const local: boolean[] = [];
  for (let r = 0; r < nregs; r++) local.push(r < top && !resident[r]);
  const use = new Int32Array(n * words);
  const def = new Int32Array(n * words);
  const writes = new Int32Array(n * words);
  for (let k = 0; k < n; k++) {
    const set = (arr: Int32Array) => (from: number, to: number) => {
      for (let r = Math.max(from, 0); r <= Math.min(to, nregs - 1); r++) {
        if (local[r]) arr[k * words + (r >>> 5)] |= 1 << (r & 31);
      }
    };
    useDef(code, k, top - 1 + 8, set(use), set(def));
    useDef(code, k, top - 1 + 8, () => {}, set(writes), true);
  }
  const liveIn = new Int32Array(n * words);
  const liveOut = new Int32Array(n * words);
  const succ: number[][] = [];
  for (let k = 0; k < n; k++) succ.push(successors(code, k).filter((s) => s >= 0 && s < n));
  let changed = true;
  while (changed) {
    changed = false;
    for (let k = n - 1; k >= 0; k--) {
      const o = k * words;
      for (let w = 0; w < words; w++) {
        let out = 0;
        for (const s of succ[k]) out |= liveIn[s * words + w];
        const inn = use[o + w] | (out & ~def[o + w]);
        if (out !== liveOut[o + w] || inn !== liveIn[o + w]) {
          liveOut[o + w] = out;
          liveIn[o + w] = inn;
          changed = true;
        }
      }
    }
  }
  const active = new Int32Array(n * words);
  for (const v of p.locVars) {
    if (!local[v.reg]) continue;
    const end = v.endPc === -1 ? n : Math.min(v.endPc, n);
    for (let k = Math.max(v.startPc, 0); k < end; k++) active[k * words + (v.reg >>> 5)] |= 1 << (v.reg & 31);
  }
  return { local, liveIn, liveOut, writes, active, words, captures, closes, variants: new Map() };
}

// --- structuring -----------------------------------------------------------------------

interface Block {
  id: number;
  start: number;
  end: number; // last instruction (inclusive)
  succ: number[]; // block ids
  rpo: number;
  idom: number;
  children: number[];
  loopHeader: boolean;
  forwardIn: number;
}

/** Basic blocks reachable from entry, in reverse postorder, with dominators; null if irreducible. */
function buildCfg(code: Int32Array, entry: number): Block[] | null {
  const n = code.length >>> 2;
  const reach = new Uint8Array(n);
  const leader = new Uint8Array(n);
  leader[entry] = 1;
  const work = [entry];
  reach[entry] = 1;
  while (work.length > 0) {
    const k = work.pop() as number;
    const ss = successors(code, k);
    if (endsBlock(code, k)) {
      for (const s of ss) if (s < n) leader[s] = 1;
      if (k + 1 < n) leader[k + 1] = 1;
    }
    for (const s of ss) {
      if (s < 0 || s >= n) throw new Error(`jit: jump out of range at ${k}`);
      if (!reach[s]) {
        reach[s] = 1;
        work.push(s);
      }
    }
  }
  const blockOf = new Int32Array(n).fill(-1);
  const blocks: Block[] = [];
  for (let k = 0; k < n; k++) {
    if (!reach[k] || !leader[k]) continue;
    let e = k;
    while (!endsBlock(code, e) && e + 1 < n && !leader[e + 1]) e++;
    const b: Block = {
      id: blocks.length,
      start: k,
      end: e,
      succ: [],
      rpo: -1,
      idom: -1,
      children: [],
      loopHeader: false,
      forwardIn: 0,
    };
    for (let j = k; j <= e; j++) blockOf[j] = b.id;
    blocks.push(b);
  }
  for (const b of blocks) b.succ = successors(code, b.end).map((s) => blockOf[s]);
  // reverse postorder from the entry
  const order: number[] = [];
  const seen = new Uint8Array(blocks.length);
  const stack: [number, number][] = [[blockOf[entry], 0]];
  seen[blockOf[entry]] = 1;
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    const b = blocks[top[0]];
    if (top[1] < b.succ.length) {
      const s = b.succ[top[1]++];
      if (!seen[s]) {
        seen[s] = 1;
        stack.push([s, 0]);
      }
    } else {
      order.push(b.id);
      stack.pop();
    }
  }
  order.reverse();
  order.forEach((id, i) => {
    blocks[id].rpo = i;
  });
  const byRpo = order.map((id) => blocks[id]);
  // dominators (Cooper, Harvey, Kennedy)
  const preds: number[][] = blocks.map(() => []);
  for (const b of blocks) for (const s of b.succ) preds[s].push(b.id);
  const idom = new Int32Array(blocks.length).fill(-1);
  const entryId = blockOf[entry];
  idom[entryId] = entryId;
  const intersect = (x: number, y: number) => {
    while (x !== y) {
      while (blocks[x].rpo > blocks[y].rpo) x = idom[x];
      while (blocks[y].rpo > blocks[x].rpo) y = idom[y];
    }
    return x;
  };
  let changed = true;
  while (changed) {
    changed = false;
    for (const b of byRpo) {
      if (b.id === entryId) continue;
      let d = -1;
      for (const p of preds[b.id]) {
        if (idom[p] === -1) continue;
        d = d === -1 ? p : intersect(p, d);
      }
      if (d !== idom[b.id]) {
        idom[b.id] = d;
        changed = true;
      }
    }
  }
  const dominates = (x: number, y: number) => {
    for (;;) {
      if (x === y) return true;
      if (y === entryId) return false;
      y = idom[y];
    }
  };
  for (const b of blocks) {
    b.idom = b.id === entryId ? -1 : idom[b.id];
    if (b.idom >= 0) blocks[b.idom].children.push(b.id);
    for (const s of b.succ) {
      const t = blocks[s];
      if (t.rpo <= b.rpo) {
        if (!dominates(s, b.id)) return null; // irreducible
        t.loopHeader = true;
      } else t.forwardIn++;
    }
  }
  return byRpo;
}

// --- code generation -----------------------------------------------------------------------

const MAXS = "9007199254740991";

/** Prototypes up to this many instructions get their calls of compiled functions expanded. */
const INLINE_CALLS_MAX = 120;

/** A JS literal or reference for constant i. */
function constExpr(p: Proto, i: number): string {
  const v = p.k[i];
  if (typeof v === "number") {
    if (Number.isNaN(v)) return "NaN";
    if (v === Number.POSITIVE_INFINITY) return "Infinity";
    if (v === Number.NEGATIVE_INFINITY) return "(-Infinity)";
    return v < 0 ? `(${String(v)})` : String(v);
  }
  if (v === undefined) return "undefined";
  if (typeof v === "boolean") return String(v);
  return `K[${i}]`;
}

class Gen {
  out: string[] = [];
  /** Instructions with a ChainCache (see chainCache). */
  chains: number[] = [];
  readonly p: Proto;
  readonly info: JitInfo;
  readonly code: Int32Array;
  readonly blocks: Block[];
  readonly byId: Block[];
  /** After a multi-result producer: registers from here up are only in the stack. */
  mrFloor = -1;
  /** Registers whose stack copy is current, before each instruction (see computeClean). */
  clean: Int32Array = new Int32Array(0);
  /** Whether calls of compiled Lua functions are expanded in place (small prototypes only). */
  inlineCalls: boolean;
  /** Generating a PureFn: every slow path gives up with `return NOPE`. */
  pure = false;

  constructor(p: Proto, info: JitInfo, blocks: Block[]) {
    this.p = p;
    this.info = info;
    this.code = p.code;
    this.blocks = blocks;
    this.byId = [];
    for (const b of blocks) this.byId[b.id] = b;
    // V8 optimizes no function whose bytecode passes 60 KB: large prototypes keep their
    // calls compact
    this.inlineCalls = p.code.length >>> 2 <= INLINE_CALLS_MAX;
  }

  emit(s: string): void {
    this.out.push(s);
  }

  /** Expression for register r. */
  R(r: number): string {
    return this.info.local[r] ? `r${r}` : `stack[base + ${r}]`;
  }

  /** Statement setting register r. */
  set(r: number, e: string): string {
    return this.info.local[r] ? `r${r} = ${e};` : `stack[base + ${r}] = ${e};`;
  }

  /** Expression for an RK operand. */
  RK(x: number): string {
    return x >= 0 ? this.R(x) : constExpr(this.p, -1 - x);
  }

  /**
   * Stores the local registers live at k (and, with "both", live after it) to the stack, and
   * those of active local variables, which debug.getlocal may read.
   */
  spillSet(k: number, which: "in" | "both", skipFrom = -1, skipTo = -1, at = k): string {
    const { words, liveIn, liveOut, local, writes, active } = this.info;
    const clean = this.clean;
    let s = "";
    const limit = this.mrFloor >= 0 ? this.mrFloor : local.length;
    for (let r = 0; r < limit; r++) {
      if (!local[r] || (r >= skipFrom && r <= skipTo)) continue;
      const w = k * words + (r >>> 5);
      const bit = 1 << (r & 31);
      if (!(liveIn[w] & bit || active[w] & bit || (which === "both" && liveOut[w] & bit))) continue;
      // a register whose stack copy is known to be current needs no store
      const c = at * words + (r >>> 5);
      if (clean[c] & bit && !(writes[c] & bit)) continue;
      s += `stack[base + ${r}] = r${r}; `;
    }
    return s;
  }

  /**
   * For each instruction, the registers whose stack copy is known to equal the local on
   * every path from this entry (a forward "must" analysis): loaded at entry, or stored by
   * the unconditional spill of a call, and not written since.
   */
  computeClean(entry: number): void {
    const { words, liveIn, writes, local, active } = this.info;
    const code = this.code;
    const clean = new Int32Array((code.length >>> 2) * words);
    const preds = new Map<number, number[]>();
    for (const b of this.blocks) for (const t of b.succ) preds.set(t, [...(preds.get(t) ?? []), b.id]);
    const init = new Int32Array(words);
    if (entry !== 0) init.fill(-1);
    else for (let r = 0; r < this.p.numParams && r < local.length; r++) if (local[r]) init[r >>> 5] |= 1 << (r & 31);
    const outs = new Map<number, Int32Array>();
    let changed = true;
    while (changed) {
      changed = false;
      for (const b of this.blocks) {
        const cur = new Int32Array(words);
        if (b === this.blocks[0]) cur.set(init);
        else cur.fill(-1);
        for (const q of preds.get(b.id) ?? []) {
          const o = outs.get(q);
          if (o !== undefined) for (let w = 0; w < words; w++) cur[w] &= o[w];
        }
        for (let k = b.start; k <= b.end; k++) {
          const o = k * words;
          const op = code[k * 4];
          const stores =
            // a call with one result may take a path without the spill (a native's fast1
            // entry, a pure function): it stores nothing for sure
            (op === Op.Call && !(code[k * 4 + 2] !== 0 && code[k * 4 + 3] === 2)) ||
            op === Op.TForCall ||
            op === Op.TailCall ||
            (op === Op.Vararg && code[k * 4 + 3] === 0);
          for (let w = 0; w < words; w++) {
            clean[o + w] = cur[w];
            cur[w] = ((stores ? cur[w] | liveIn[o + w] | active[o + w] : cur[w]) & ~writes[o + w]) | 0;
          }
        }
        const prev = outs.get(b.id);
        if (prev === undefined || prev.some((x, w) => x !== cur[w])) {
          outs.set(b.id, cur);
          changed = true;
        }
      }
    }
    this.clean = clean;
  }

  /** Reloads registers from..to from the stack. */
  reload(from: number, to: number): string {
    let s = "";
    for (let r = from; r <= to; r++) if (this.info.local[r]) s += `r${r} = stack[base + ${r}]; `;
    return s;
  }

  /** Stores registers from..to (locals) to the stack. */
  store(from: number, to: number): string {
    let s = "";
    for (let r = from; r <= to; r++) if (this.info.local[r]) s += `stack[base + ${r}] = r${r}; `;
    return s;
  }

  /** The name of instruction k's ChainCache, declared once per compiled function. */
  chainCache(k: number): string {
    if (!this.chains.includes(k)) this.chains.push(k);
    return `CC${k}`;
  }

  /** Declarations that go before the compiled function (its instructions' chain caches). */
  prelude(): string {
    return this.chains.map((k) => `const CC${k} = new ChainCache();\n`).join("");
  }

  /** Generates the function body for an entry pc. */
  generate(entry: number): string {
    const { local } = this.info;
    const p = this.p;
    const decl: string[] = [];
    for (let r = 0; r < local.length; r++) {
      if (!local[r]) continue;
      if (entry === 0) decl.push(r < p.numParams ? `r${r} = stack[base + ${r}]` : `r${r}`);
      else decl.push(`r${r} = stack[base + ${r}]`);
    }
    this.computeClean(entry);
    this.emit("const stack = th.stack, base = f.base, U = f.closure.upvals;");
    this.emit("let cnd = false;");
    if (decl.length > 0) this.emit(`let ${decl.join(", ")};`);
    this.doTree(this.blocks[0]);
    this.emit('throw new Error("jit: fell off the end");');
    return this.out.join("\n");
  }

  /** Generates the body of a PureFn whose parameters are r0..r(numParams-1). */
  generatePure(): string {
    const p = this.p;
    const decl: string[] = [];
    for (let r = p.numParams; r < p.maxStack; r++) decl.push(`r${r}`);
    this.pure = true;
    this.emit("let cnd = false;");
    if (decl.length > 0) this.emit(`let ${decl.join(", ")};`);
    this.doTree(this.blocks[0]);
    this.emit("return NOPE;");
    return this.out.join("\n");
  }

  doTree(x: Block): void {
    const merges = x.children
      .map((id) => this.byId[id])
      .filter((b) => b.forwardIn >= 2)
      .sort((u, v) => v.rpo - u.rpo);
    if (x.loopHeader) {
      this.emit(`L${x.id}: for (;;) {`);
      this.nodeWithin(x, merges);
      this.emit("}");
    } else this.nodeWithin(x, merges);
  }

  nodeWithin(x: Block, merges: Block[]): void {
    if (merges.length === 0) {
      this.blockCode(x);
      return;
    }
    const [y, ...rest] = merges;
    this.emit(`B${y.id}: {`);
    this.nodeWithin(x, rest);
    this.emit("}");
    this.doTree(y);
  }

  branch(x: Block, yId: number): void {
    const y = this.byId[yId];
    if (y.rpo <= x.rpo) this.emit(`continue L${y.id};`);
    else if (y.forwardIn >= 2) this.emit(`break B${y.id};`);
    else this.doTree(y);
  }

  /** A block's instructions and its branch. */
  blockCode(x: Block): void {
    for (let k = x.start; k <= x.end; k++) {
      this.mrFloor = multretFloor(this.code, k);
      this.instr(k);
    }
    const last = x.end;
    const op = this.code[last * 4];
    if (x.succ.length === 0) return;
    if (x.succ.length === 1) {
      this.branch(x, x.succ[0]);
      return;
    }
    const then = op === Op.TestSet ? this.set(this.code[last * 4 + 1], this.R(this.code[last * 4 + 2])) : "";
    this.emit(`if (cnd) { ${then}`);
    this.branch(x, x.succ[0]);
    this.emit("} else {");
    this.branch(x, x.succ[1]);
    this.emit("}");
  }

  /** Code for a slow path: spill, save pc. */
  slow(k: number): string {
    return `${this.spillSet(k, "both")}f.pc = ${k + 1};`;
  }

  /** Closes upvalues and to-be-closed variables from register level (CLOSE, JMP, RETURN). */
  closeFrom(k: number, level: string): string {
    return (
      `if (th.openUpvals.length > 0) closeUpvals(th, ${level}); ` +
      `while (th.tbc.length > 0 && th.tbc[th.tbc.length - 1] >= ${level}) { ${this.spillSet(k, "in")}f.pc = ${k + 1}; ` +
      "if (closeOneTbc(L, th, f) === PENDING) return 1; }"
    );
  }

  instr(k: number): void {
    const i = k * 4;
    const code = this.code;
    const op = code[i];
    const a = code[i + 1];
    const b = code[i + 2];
    const c = code[i + 3];
    const R = (r: number) => this.R(r);
    const set = (r: number, e: string) => this.set(r, e);
    const RK = (x: number) => this.RK(x);
    const p = this.p;
    const e = (s: string) => this.emit(s);
    switch (op) {
      case Op.Move:
        e(set(a, R(b)));
        return;
      case Op.LoadK:
        e(set(a, constExpr(p, b)));
        return;
      case Op.LoadNil:
        for (let j = 0; j < b; j++) e(set(a + j, "undefined"));
        return;
      case Op.LoadTrue:
        e(set(a, "true"));
        return;
      case Op.LoadFalse:
        e(set(a, "false"));
        return;
      case Op.GetUpval:
        e(set(a, `U[${b}].get()`));
        return;
      case Op.SetUpval:
        e(`U[${b}].set(${R(a)});`);
        return;
      case Op.GetTabUp:
      case Op.GetTable:
      case Op.GetField: {
        const t = op === Op.GetTabUp ? `U[${b}].get()` : R(b);
        const keyIsConstStr =
          op === Op.GetField ||
          ((op === Op.GetTabUp || op === Op.GetTable) && c < 0 && typeof p.k[-1 - c] === "string");
        const key = op === Op.GetField ? `K[${c}]` : RK(c);
        const info = op === Op.GetTabUp ? "UPVAL_INFO" : String(b);
        const get = keyIsConstStr ? `t.getStrIC(key, ic, ${k})` : "t.get(key)";
        const miss = keyIsConstStr ? `chainGet(t, key, ${this.chainCache(k)})` : "indexMiss(t, key)";
        e(
          `{ const t = ${t}, key = ${key}; let v; ` +
            `if (t instanceof LuaTable) { v = ${get}; if (v === undefined && t.metatable !== undefined) v = ${miss}; } else v = NOPE; ` +
            `if (v === NOPE) { ${this.slow(k)} v = index(L, t, key, f, ${info}); if (v === PENDING) return 1; } ${set(a, "v")} }`,
        );
        return;
      }
      case Op.SetTabUp:
      case Op.SetTable:
      case Op.SetField: {
        const t = op === Op.SetTabUp ? `U[${a}].get()` : R(a);
        const kx = op === Op.SetField ? -1 - b : b;
        const key = op === Op.SetField ? `K[${b}]` : RK(b);
        const kConst = kx < 0 ? p.k[-1 - kx] : undefined;
        const info = op === Op.SetTabUp ? "NO_INFO" : String(a);
        let fast: string;
        if (typeof kConst === "string") fast = `if (!t.setStrIC(key, v, ic, ${k})) t.set(key, v);`;
        else if (typeof kConst === "number" && Number.isInteger(kConst)) fast = "t.setInt(key, v);";
        else
          fast =
            "if (typeof key === 'number' && Number.isInteger(key)) t.setInt(key, v); " +
            `else if (typeof key === 'string') { if (!t.setStrIC(key, v, ic, ${k})) t.set(key, v); } ` +
            `else { f.pc = ${k + 1}; rawSetChecked(L, t, key, v); }`;
        e(
          `{ const t = ${t}, key = ${key}, v = ${RK(c)}; ` +
            `if (t instanceof LuaTable && (t.metatable === undefined || t.metatable.metaNewIndex() === undefined)) { ${fast} } ` +
            `else { ${this.slow(k)} const n0 = th.frames.length; setIndex(L, t, key, v, f, ${info}); if (th.frames.length !== n0) return 1; } }`,
        );
        return;
      }
      case Op.NewTable:
        e(
          `${set(a, "new LuaTable()")} if (++L.gcDebt > L.gcPace) { ${this.spillSet(k, "both")}gcStep(L, base + ${a + 1}, ${k}); }`,
        );
        return;
      case Op.Self: {
        const key = RK(c);
        e(
          `{ const t = ${R(b)}, key = ${key}; ${set(a + 1, "t")} let v; ` +
            `if (t instanceof LuaTable) { v = t.getStr(key); if (v === undefined && t.metatable !== undefined) v = ${typeof p.k[-1 - c] === "string" ? `chainGet(t, key, ${this.chainCache(k)})` : "indexMiss(t, key)"}; } else v = NOPE; ` +
            `if (v === NOPE) { ${this.slow(k)} v = index(L, t, key, f, ${b}); if (v === PENDING) return 1; } ${set(a, "v")} }`,
        );
        return;
      }
      case Op.Add:
      case Op.Sub:
      case Op.Mul: {
        const sym = op === Op.Add ? "+" : op === Op.Sub ? "-" : "*";
        const boxOp = op === Op.Sub && c < 0 ? `(y === 0 ? ${Op.Add} : ${Op.Sub})` : String(op);
        const norm = op === Op.Mul ? " + 0" : "";
        e(
          this.arith(
            k,
            `if (typeof x === "number" && typeof y === "number") { r = x ${sym} y; ` +
              `if (Number.isInteger(r)) { if (Number.isInteger(x) && Number.isInteger(y)) { r = r <= ${MAXS} && r >= -${MAXS} ? r${norm} : normInt(BigInt(x) ${sym} BigInt(y)); } else r = new LuaFloat(r); } } ` +
              `else if (x instanceof LuaFloat || y instanceof LuaFloat) r = boxedFloatArith(${boxOp}, x, y);`,
          ),
        );
        return;
      }
      case Op.Div:
        e(
          this.arith(
            k,
            "if (typeof x === 'number' && typeof y === 'number') { r = x / y; if (Number.isInteger(r)) r = new LuaFloat(r); } " +
              `else if (x instanceof LuaFloat || y instanceof LuaFloat) r = boxedFloatArith(${Op.Div}, x, y);`,
          ),
        );
        return;
      case Op.Mod:
        e(
          this.arith(
            k,
            "if (typeof x === 'number' && typeof y === 'number') { " +
              "if (Number.isInteger(x) && Number.isInteger(y)) { if (y !== 0) { r = x % y; if (r !== 0 && r < 0 !== y < 0) r += y; r = r + 0; } } " +
              `else r = floatArith(${Op.Mod}, x, y); }`,
          ),
        );
        return;
      case Op.IDiv:
        // |x| < 2^31: the rounded quotient cannot cross an integer, so floor is exact
        e(
          this.arith(
            k,
            "if (typeof x === 'number' && typeof y === 'number') { " +
              "if (Number.isInteger(x) && Number.isInteger(y)) { if (y !== 0 && x < 2147483648 && x > -2147483648) r = Math.floor(x / y) + 0; } " +
              `else r = floatArith(${Op.IDiv}, x, y); }`,
          ),
        );
        return;
      case Op.Pow:
        e(
          this.arith(
            k,
            "if (typeof x === 'number' && typeof y === 'number') { r = y === 2 ? x * x : powF(x, y); if (Number.isInteger(r)) r = new LuaFloat(r); }",
          ),
        );
        return;
      case Op.BAnd:
      case Op.BOr:
      case Op.BXor: {
        // 32-bit operands: JS's int32 operations agree with Lua's 64-bit ones
        const sym = op === Op.BAnd ? "&" : op === Op.BOr ? "|" : "^";
        e(
          this.arith(
            k,
            `if (typeof x === "number" && typeof y === "number" && (x | 0) === x && (y | 0) === y) r = x ${sym} y;`,
          ),
        );
        return;
      }
      case Op.Shl:
      case Op.Shr:
        e(this.arith(k, ""));
        return;
      case Op.AddI:
        e(
          `{ const x = ${R(b)}; let r; ` +
            `if (typeof x === "number") { r = x + ${c}; if (Number.isInteger(x)) { if (!(r <= ${MAXS} && r >= -${MAXS})) r = normInt(BigInt(x) + ${c}n); } else if (Number.isInteger(r)) r = new LuaFloat(r); } ` +
            `else { const y = ${c}; ${this.arithSlowWith(k, Op.Add, b, "NO_INFO")} } ${set(a, "r")} }`,
        );
        return;
      case Op.Unm:
        e(
          `{ const x = ${R(b)}; let r; ` +
            "if (typeof x === 'number') r = Number.isInteger(x) ? (x === 0 ? 0 : -x) : -x; " +
            `else { const y = x; ${this.arithSlowWith(k, Op.Unm, b, String(b))} } ${set(a, "r")} }`,
        );
        return;
      case Op.BNot:
        e(
          `{ const x = ${R(b)}; let r; ` +
            "if (typeof x === 'number' && (x | 0) === x) r = ~x; " +
            `else { const y = x; ${this.arithSlowWith(k, Op.BNot, b, String(b))} } ${set(a, "r")} }`,
        );
        return;
      case Op.Not:
        e(`{ const v = ${R(b)}; ${set(a, "v === undefined || v === false")} }`);
        return;
      case Op.Len:
        e(
          `{ const x = ${R(b)}; let r; ` +
            "if (x instanceof LuaTable && x.metatable === undefined) r = x.length(); else if (typeof x === 'string') r = x.length; " +
            `else { ${this.slow(k)} r = length(L, f, x, ${b}); if (r === PENDING) return 1; } ${set(a, "r")} }`,
        );
        return;
      case Op.Concat: {
        const parts: string[] = [];
        for (let j = 0; j < b; j++) parts.push(`p${j}`);
        const reads = parts.map((v, j) => `${v} = ${R(a + j)}`).join(", ");
        const conds = parts
          .map(
            (v) =>
              `(typeof ${v} === "string" || (typeof ${v} === "number" && Number.isInteger(${v}) && ((${v} = "" + ${v}), true)))`,
          )
          .join(" && ");
        e(
          `{ let ${reads}; ` +
            `if (f.extra === 0 && ${conds}) { ${set(a, parts.join(" + "))} ` +
            `if (++L.gcDebt > L.gcPace) { ${this.spillSet(k, "both")}gcStep(L, base + ${a + 1}, ${k}); } } ` +
            `else { ${this.spillSet(k, "both")}${this.store(a, a + b - 1)}f.pc = ${k + 1}; if (concat(L, th, f, base + ${a}, f.extra > 0 ? f.extra : ${b}) === PENDING) return 1; ${this.reload(a, a)} } }`,
        );
        return;
      }
      case Op.Close:
        e(`{ ${this.closeFrom(k, `base + ${a}`)} }`);
        return;
      case Op.Tbc: {
        const name = varInfoName(p, k, a);
        e(
          `{ f.pc = ${k + 1}; const v = ${R(a)}; if (v !== undefined && v !== false) { ` +
            `if (getMetamethod(L, v, "__close") === undefined) rtError(L, ${JSON.stringify(`variable '${name}' got a non-closable value`)}); th.tbc.push(base + ${a}); } }`,
        );
        return;
      }
      case Op.Jmp:
        if (a > 0) e(`{ ${this.closeFrom(k, `base + ${a - 1}`)} }`);
        if (b < 0)
          e(`if ((L.fuel += ${b}) < 0) { ${this.spillSet(k + 1 + b, "in", -1, -1, k)}fuelAt(L, f, ${k + 1 + b}); }`);
        return;
      case Op.Eq:
        if (this.pure) {
          // primitives of different values are unequal; objects may have __eq
          e(
            `{ const x = ${RK(b)}, y = ${RK(c)}; let r; if (x === y) r = true; ` +
              `else if (typeof x !== "object" && typeof y !== "object") r = false; else return NOPE; cnd = ${a !== 0 ? "r" : "!r"}; }`,
          );
          return;
        }
        e(
          `{ const x = ${RK(b)}, y = ${RK(c)}; let r; ` +
            "if (x === y) r = true; " +
            "else if (typeof x === 'object' || typeof y === 'object' || typeof x !== typeof y) { " +
            `if (typeof x === "object" && typeof y === "object" && !(x instanceof LuaFloat) && !(y instanceof LuaFloat)) { ${this.spillSet(k, "both")} } ` +
            `f.pc = ${k + 1}; r = equals(L, f, x, y); if (r === PENDING) return 1; } else r = false; ` +
            `cnd = ${a !== 0 ? "r" : "!r"}; }`,
        );
        return;
      case Op.EqK:
        e(
          `{ const x = ${R(b)}, y = ${constExpr(p, c)}; let r; ` +
            "if (x === y) r = true; else if (typeof x === 'string' || typeof y === 'string' || x === undefined || typeof x === 'boolean') r = false; else r = rawEquals(x, y); " +
            `cnd = ${a !== 0 ? "r" : "!r"}; }`,
        );
        return;
      case Op.Lt:
      case Op.Le: {
        const sym = op === Op.Lt ? "<" : "<=";
        if (this.pure) {
          e(
            `{ const x = ${RK(b)}, y = ${RK(c)}; if (typeof x !== "number" || typeof y !== "number") return NOPE; ` +
              `cnd = ${a !== 0 ? "" : "!"}(x ${sym} y); }`,
          );
          return;
        }
        e(
          `{ const x = ${RK(b)}, y = ${RK(c)}; let r; ` +
            `if (typeof x === "number" && typeof y === "number") r = x ${sym} y; ` +
            `else { if (typeof x === "object" || typeof y === "object") { ${this.spillSet(k, "both")} } f.pc = ${k + 1}; ` +
            `r = compare(L, f, ${op === Op.Le}, x, y); if (r === PENDING) return 1; } ` +
            `cnd = ${a !== 0 ? "r" : "!r"}; }`,
        );
        return;
      }
      case Op.Test:
        e(`{ const v = ${R(a)}; cnd = (v !== undefined && v !== false) === ${c !== 0}; }`);
        return;
      case Op.TestSet:
        e(`{ const v = ${R(b)}; cnd = (v !== undefined && v !== false) === ${c !== 0}; }`);
        return;
      case Op.Call:
        this.call(k, a, b, c);
        return;
      case Op.TailCall: {
        const nargs = b !== 0 ? String(b - 1) : `f.top - (base + ${a}) - 1`;
        const args = b !== 0 ? this.store(a, a + b - 1) : "";
        e(
          `{ ${this.spillSet(k, "in")}${args}f.pc = ${k + 1}; ` +
            `if (stack[base + ${a}] instanceof Closure) return tailcall(L, th, f, base + ${a}, ${nargs}); ` +
            `const st = call(L, th, f, base + ${a}, ${nargs}, -1); if (st !== 0) return st; }`,
        );
        return;
      }
      case Op.Return:
        if (this.pure) e(`return ${R(a)};`);
        else this.ret(k, a, b);
        return;
      case Op.ForPrep: {
        const fast =
          `const init = ${R(a)}, limit = ${R(a + 1)}, step = ${R(a + 2)}; ` +
          "if (typeof init === 'number' && typeof limit === 'number' && typeof step === 'number' && Number.isInteger(init) && Number.isInteger(limit) && Number.isInteger(step) && step !== 0 " +
          "&& init < 2251799813685248 && init > -2251799813685248 && limit < 2251799813685248 && limit > -2251799813685248 && step < 2251799813685248 && step > -2251799813685248) { " +
          "if (step > 0 ? init > limit : init < limit) cnd = false; else { const diff = step > 0 ? limit - init : init - limit; const st = step > 0 ? step : -step; " +
          `${set(a + 1, "(diff - (diff % st)) / st")} ${set(a + 3, "init")} cnd = true; } } `;
        const slowPath = `else { ${this.store(a, a + 2)}f.pc = ${k + 1}; cnd = !forPrep(L, stack, base + ${a}); ${this.reload(a, a + 3)} }`;
        e(`{ ${fast}${slowPath} }`);
        return;
      }
      case Op.ForLoop: {
        const target = k + 1 - b;
        e(
          `{ const step = ${R(a + 2)}, count = ${R(a + 1)}; ` +
            "if (typeof step === 'number' && typeof count === 'number' && Number.isInteger(step)) { " +
            `cnd = count > 0; if (cnd) { ${set(a + 1, "count - 1")} const v = ${R(a)} + step; ${set(a, "v")} ${set(a + 3, "v")} } } ` +
            "else if (typeof step === 'number' && typeof count === 'number') { " +
            `const cur = ${R(a)}; const v = (typeof cur === 'number' ? cur : cur.n) + step; cnd = step > 0 ? v <= count : v >= count; ` +
            `if (cnd) { const fv = Number.isInteger(v) ? new LuaFloat(v) : v; ${set(a, "fv")} ${set(a + 3, "fv")} } } ` +
            `else { ${this.store(a, a + 3)}cnd = forLoopSlow(stack, base + ${a}); ${this.reload(a, a + 3)} } ` +
            `if (cnd && (L.fuel -= ${b}) < 0) { ${this.spillSet(target, "in", -1, -1, k)}fuelAt(L, f, ${target}); } }`,
        );
        return;
      }
      case Op.TForPrep:
        e(
          `{ f.pc = ${k + 1}; const v = ${R(a + 3)}; if (v !== undefined && v !== false) { ` +
            `if (getMetamethod(L, v, "__close") === undefined) rtError(L, "variable '(for state)' got a non-closable value"); th.tbc.push(base + ${a + 3}); } }`,
        );
        return;
      case Op.TForCall:
        e(
          `{ ${this.spillSet(k, "in")}stack[base + ${a + 4}] = ${R(a)}; stack[base + ${a + 5}] = ${R(a + 1)}; stack[base + ${a + 6}] = ${R(a + 2)}; f.pc = ${k + 1}; ` +
            `const st = call(L, th, f, base + ${a + 4}, 2, ${c}); if (st !== 0) return st; ${this.reload(a + 4, a + 3 + c)} }`,
        );
        return;
      case Op.TForLoop: {
        const target = k + 1 - b;
        e(
          `{ const v = ${R(a + 4)}; cnd = v !== undefined; if (cnd) { ${set(a + 2, "v")} ` +
            `if ((L.fuel -= ${b}) < 0) { ${this.spillSet(target, "in", -1, -1, k)}fuelAt(L, f, ${target}); } } }`,
        );
        return;
      }
      case Op.SetList: {
        if (b === 0) {
          e(
            `{ const t = ${R(a)}; const n = f.top - (base + ${a}) - 1; ` +
              `if (${c} === 0 && t.arr.length === 0) t.setArray(stack.slice(base + ${a + 1}, base + ${a + 1} + n)); ` +
              `else for (let j = 1; j <= n; j++) t.set(${c} + j, stack[base + ${a} + j]); }`,
          );
        } else {
          const vals: string[] = [];
          for (let j = 1; j <= b; j++) vals.push(R(a + j));
          const sets = vals.map((v, j) => `t.set(${c + j + 1}, ${v});`).join(" ");
          e(
            `{ const t = ${R(a)}; if (${c === 0} && t.arr.length === 0) t.setArray([${vals.join(", ")}]); else { ${sets} } }`,
          );
        }
        return;
      }
      case Op.Closure: {
        const np = p.protos[b];
        const ups = np.upvals.map((d) => (d.inStack ? `findUpval(th, base + ${d.index})` : `U[${d.index}]`));
        e(
          `${set(a, `new Closure(P[${b}], [${ups.join(", ")}])`)} account(CLOSURE_BYTES); ` +
            `if (++L.gcDebt > L.gcPace) { ${this.spillSet(k, "both")}gcStep(L, base + ${a + 1}, ${k}); }`,
        );
        return;
      }
      case Op.Vararg: {
        if (c === 0) {
          e(
            `{ ${this.spillSet(k, "in")}const va = f.varargs; th.ensure(base + ${a} + va.length + 1); ` +
              `for (let j = 0; j < va.length; j++) stack[base + ${a} + j] = va[j]; f.top = base + ${a} + va.length; }`,
          );
        } else {
          let s = "{ const va = f.varargs; ";
          for (let j = 0; j < c - 1; j++) s += set(a + j, `va[${j}]`);
          e(`${s} }`);
        }
        return;
      }
    }
    throw new Error(`jit: opcode ${op} not handled`);
  }

  /**
   * A binary arithmetic instruction: x and y are its operands, `fast` sets r when it can;
   * otherwise the general path (coercions, metamethods, errors) does.
   */
  arith(k: number, fast: string): string {
    const i = k * 4;
    const [op, a, b, c] = [this.code[i], this.code[i + 1], this.code[i + 2], this.code[i + 3]];
    return (
      `{ const x = ${this.RK(b)}, y = ${this.RK(c)}; let r; ${fast} ` +
      `if (r === undefined) { ${this.arithSlowWith(k, op, b, String(c))} } ${this.set(a, "r")} }`
    );
  }

  arithSlowWith(k: number, op: number, b: number, c: string): string {
    if (this.pure) return "return NOPE;";
    return (
      `if (!bothNum(x, y)) { ${this.spillSet(k, "both")} } f.pc = ${k + 1}; ` +
      `r = arith(L, f, ${op}, x, y, ${b}, ${c}); if (r === PENDING) return 1;`
    );
  }

  call(k: number, a: number, b: number, c: number): void {
    const nargs = b !== 0 ? String(b - 1) : `f.top - (base + ${a}) - 1`;
    const args = b !== 0 ? this.store(a, a + b - 1) : "";
    const results = c > 1 ? this.reload(a, a + c - 2) : "";
    const spill = b !== 0 ? this.spillSet(k, "in", a, a + b - 1) : this.spillSet(k, "in");
    const argList: string[] = [];
    for (let j = 1; j < b; j++) argList.push(this.R(a + j));
    // the direct paths by callee kind; anything they do not take goes through call()
    let closure = "";
    let native = "";
    if (b !== 0 && c === 2) {
      // a pure function: a plain JS call, no frame (it gives up with NOPE on anything else)
      closure +=
        `{ const pf = fn.proto.pure; if (pf !== undefined && L.fuel > ${PURE_COST_MAX}) { const r = pf(${argList.join(", ")}); ` +
        `if (r !== NOPE) { L.fuel -= fn.proto.cost; ${this.set(a, "r")} break c${k}; } } } `;
    }
    if (b !== 0 && this.inlineCalls) {
      // a compiled Lua function, called directly: its frame is pushed and its code runs
      // as a JS call (the loop takes over beyond MAX_JS_DEPTH nested compiled calls)
      const argStores = argList.map((r, j) => `stack[nb + ${j}] = ${r};`);
      closure +=
        "{ const p = fn.proto, jf = p.jit0; " +
        "if (jf !== undefined && !p.isVararg && L.jsDepth < MAX_JS_DEPTH && th.frames.length < L.maxFrames) { " +
        `${spill}f.pc = ${k + 1}; ` +
        "if ((L.fuel -= p.cost) < 0) outOfFuel(L); " +
        `const nb = base + ${a + 1}; if (nb + p.maxStack + 1 > stack.length) th.ensure(nb + p.maxStack + 1); ` +
        `${argStores.join(" ")} for (let j = ${b - 1}; j < p.numParams; j++) stack[nb + j] = undefined; ` +
        `const nf = th.pushFrame(fn, nb, base + ${a}, ${c - 1}, EMPTY, 0, f.cdepth); ` +
        `L.jsDepth++; const st = jf(L, th, nf); L.jsDepth--; if (st !== 0) return st; ${results}break c${k}; } } `;
    }
    if (b === 2 && c === 2) {
      // a native with a one-argument entry (math.sqrt, math.floor...): no frame, no spill
      native += `if (fn.fast1 !== undefined) { const r = fn.fast1(${argList[0]}); if (r !== NO_FAST) { ${this.set(a, "r")} break c${k}; } } `;
    }
    if (b !== 0 && c !== 0) {
      // a plain native: its arguments straight from the registers, its results into them
      let take = "";
      let keep = "";
      for (let j = 0; j < c - 1; j++) {
        take += this.set(a + j, `res === undefined ? undefined : res[${j}]`);
        if (this.info.local[a + j]) keep += `stack[base + ${a + j}] = r${a + j}; `;
      }
      native +=
        // the callee stays in its register, where tracebacks look for a native's name
        `if (fn.intrinsic === 0) { ${spill}${this.info.local[a] ? `stack[base + ${a}] = fn; ` : ""}f.pc = ${k + 1}; ` +
        `const res = callNative(L, fn, [${argList.join(", ")}], false); ${take}` +
        `if (L.localsWritten) { ${keep}return localsWritten(L); } break c${k}; } `;
    }
    let fast = "";
    if (closure !== "") fast += `if (fn instanceof Closure) { ${closure}} `;
    if (native !== "") fast += `${closure !== "" ? "else " : ""}if (fn instanceof NativeFunction) { ${native}} `;
    this.emit(
      `c${k}: { const fn = ${this.R(a)}; ${fast}${spill}${args}f.pc = ${k + 1}; ` +
        `const st = call(L, th, f, base + ${a}, ${nargs}, ${c - 1}); if (st !== 0) return st; ${results} }`,
    );
  }

  ret(k: number, a: number, b: number): void {
    const n = b !== 0 ? String(b - 1) : `f.top - (base + ${a})`;
    let copy = "";
    if (b === 0) copy = "for (let j = 0; j < n; j++) stack[dest + j] = stack[src + j];";
    else for (let j = 0; j < b - 1; j++) copy += `stack[dest + ${j}] = ${this.R(a + j)}; `;
    const storeRes = b !== 0 ? this.store(a, a + b - 2) : "";
    // the results of a call from JavaScript (sort comparators, metamethods called by natives)
    const vals: string[] = [];
    for (let j = 0; j < b - 1; j++) vals.push(this.R(a + j));
    const toJs =
      b !== 0
        ? `if (f.flags === ${FrameFlag.JsBoundary}) { th.frames.pop(); L.jsResults = [${vals.join(", ")}]; return 2; } `
        : "";
    // only a function with to-be-closed variables or captured registers has these to close
    const closeTbc = this.info.closes
      ? `while (th.tbc.length > 0 && th.tbc[th.tbc.length - 1] >= base) { ${this.spillSet(k, "in")}f.pc = ${k + 1}; if (closeOneTbc(L, th, f) === PENDING) return 1; } `
      : "";
    const closeUps = this.info.captures ? "if (th.openUpvals.length > 0) closeUpvals(th, base); " : "";
    this.emit(
      `{ ${closeTbc}${closeUps}const n = ${n}, src = base + ${a}; ` +
        `if (f.flags === 0) { th.frames.pop(); const dest = f.func; ${copy} const nres = f.nres; ` +
        "if (nres < 0) th.frames[th.frames.length - 1].top = dest + n; else for (let j = n; j < nres; j++) stack[dest + j] = undefined; return 0; } " +
        `${toJs}${storeRes}f.pc = ${k + 1}; return returnSlow(L, th, f, src, n); }`,
    );
  }
}

/**
 * Inside a multi-result window (a CALL or VARARG with all results, or a TAILCALL's native
 * path, then maybe CLOSE, then the instruction that takes the values up to the frame's top),
 * the register where those values start: from there up the stack holds them and the
 * locals are stale. -1 elsewhere.
 */
function multretFloor(code: Int32Array, k: number): number {
  let j = k - 1;
  while (j >= 0 && code[j * 4] === Op.Close) j--;
  if (j < 0) return -1;
  const op = code[j * 4];
  if ((op === Op.Call || op === Op.Vararg) && code[j * 4 + 3] === 0) return code[j * 4 + 1];
  if (op === Op.TailCall) return code[j * 4 + 1];
  return -1;
}

const RUNTIME_NAMES = [
  "LuaTable",
  "LuaFloat",
  "Closure",
  "NativeFunction",
  "NO_FAST",
  "PENDING",
  "NOPE",
  "UPVAL_INFO",
  "NO_INFO",
  "normInt",
  "rawEquals",
  "floatArith",
  "boxedFloatArith",
  "bothNum",
  "index",
  "indexMiss",
  "localsWritten",
  "powF",
  "callNative",
  "chainGet",
  "ChainCache",
  "setIndex",
  "rawSetChecked",
  "arith",
  "compare",
  "equals",
  "length",
  "concat",
  "closeUpvals",
  "closeOneTbc",
  "findUpval",
  "forPrep",
  "forLoopSlow",
  "fuelAt",
  "getMetamethod",
  "rtError",
  "gcStep",
  "account",
  "CLOSURE_BYTES",
  "call",
  "tailcall",
  "EMPTY",
  "MAX_JS_DEPTH",
  "outOfFuel",
  "returnSlow",
];

/** Analysis for p, or undefined when p is not compiled (too large, codegen not allowed). */
function prepare(p: Proto): JitInfo | undefined {
  if (p.jit !== undefined) return p.jit;
  if (p.jitOff || runtime === undefined || !canGenerate() || p.code.length >>> 2 > jitOptions.maxInstructions) {
    p.jitOff = true;
    return undefined;
  }
  try {
    p.jit = analyze(p);
  } catch {
    p.jitOff = true;
    return undefined;
  }
  return p.jit;
}

/** The compiled variant of p entered at pc, compiling it if needed; undefined when there is none. */
export function jitEntry(p: Proto, pc: number): JitFn | undefined {
  const info = p.jit ?? prepare(p);
  if (info === undefined) return undefined;
  const v = info.variants.get(pc);
  if (v !== undefined) return v ?? undefined;
  if (info.variants.size >= jitOptions.maxVariants) return undefined;
  let fn: JitFn | null = null;
  try {
    const blocks = buildCfg(p.code, pc);
    if (blocks !== null) {
      const gen = new Gen(p, info, blocks);
      const body = gen.generate(pc);
      const name = `lua_${(p.source || "?").replace(/[^A-Za-z0-9_]/g, "_").slice(-40)}_${p.lineDefined}_${pc}`;
      const src = `"use strict"; const { ${RUNTIME_NAMES.join(", ")} } = rt;\n${gen.prelude()}return function ${name}(L, th, f) {\n${body}\n};`;
      if (jitDebug === "dump") (globalThis as { console?: { error(s: string): void } }).console?.error(src);
      fn = new Function("rt", "K", "P", "ic", src)(runtime, p.k, p.protos, p.ic) as JitFn;
    }
  } catch (e) {
    if (jitDebug !== undefined) throw e;
    fn = null;
  }
  info.variants.set(pc, fn);
  if (pc === 0) {
    p.jit0 = fn ?? undefined;
    if (fn !== null) {
      try {
        p.pure = buildPure(p, info);
      } catch (e) {
        if (jitDebug !== undefined) throw e;
      }
    }
  }
  return fn ?? undefined;
}

/** Instructions a pure function may hold. */
const PURE_OPS = new Set<number>([
  Op.Move,
  Op.LoadK,
  Op.LoadNil,
  Op.LoadTrue,
  Op.LoadFalse,
  Op.Add,
  Op.Sub,
  Op.Mul,
  Op.Div,
  Op.Mod,
  Op.IDiv,
  Op.Pow,
  Op.BAnd,
  Op.BOr,
  Op.BXor,
  Op.Unm,
  Op.BNot,
  Op.Not,
  Op.AddI,
  Op.Eq,
  Op.EqK,
  Op.Lt,
  Op.Le,
  Op.Test,
  Op.TestSet,
  Op.Jmp,
  Op.Return,
]);
/** The most instructions of a pure function, and so the most fuel one call charges. */
const PURE_COST_MAX = 64;

/** The PureFn of p (see PureFn), or undefined when p is not one. */
function buildPure(p: Proto, info: JitInfo): PureFn | undefined {
  const code = p.code;
  const n = code.length >>> 2;
  if (p.isVararg || n > PURE_COST_MAX || p.cost > PURE_COST_MAX) return undefined;
  const blocks = buildCfg(code, 0);
  if (blocks === null) return undefined;
  // the reachable code (not the final RETURN after an explicit one)
  for (const b of blocks) {
    for (let k = b.start; k <= b.end; k++) {
      const op = code[k * 4];
      if (!PURE_OPS.has(op)) return undefined;
      if (op === Op.Jmp && (code[k * 4 + 1] !== 0 || code[k * 4 + 2] < 0)) return undefined; // closes, loops
      if (op === Op.Return && code[k * 4 + 2] !== 2) return undefined; // one result only
    }
  }
  for (let r = 0; r < p.maxStack; r++) if (!info.local[r]) return undefined;
  const body = new Gen(p, info, blocks).generatePure();
  const params: string[] = [];
  for (let r = 0; r < p.numParams; r++) params.push(`r${r}`);
  const name = `pure_${(p.source || "?").replace(/[^A-Za-z0-9_]/g, "_").slice(-40)}_${p.lineDefined}`;
  const src = `"use strict"; const { ${RUNTIME_NAMES.join(", ")} } = rt;\nreturn function ${name}(${params.join(", ")}) {\n${body}\n};`;
  if (jitDebug === "dump") (globalThis as { console?: { error(s: string): void } }).console?.error(src);
  return new Function("rt", "K", "P", "ic", src)(runtime, p.k, p.protos, p.ic) as PureFn;
}

/** Counts a call or loop iteration of p; compiles p's entry 0 when it gets hot. */
export function jitHot(p: Proto): void {
  if (++p.hot >= jitOptions.threshold && !p.jitOff && p.jit === undefined) {
    if (prepare(p) !== undefined) jitEntry(p, 0);
  }
}
