// Function state: the prototype being built, its scopes, locals, upvalues and registers.
//
// Registers are the stack slots of one frame. Active locals occupy the lowest registers in
// declaration order; temporaries are allocated above them stack-wise (freeReg), and every
// statement ends with freeReg back at the number of active locals.

import { LuaSyntaxError } from "../vm/errors.js";
import { type LocVar, Proto } from "../vm/function.js";
import { LuaFloat, type LuaValue } from "../vm/value.js";
import { MAX_REGS, Op } from "./opcodes.js";

/** Most upvalues of a function (MAXUPVAL). */
const MAX_UPVALS = 255;

/** A local variable in scope. */
export interface LocalVar {
  name: string;
  reg: number;
  attrib: string | undefined;
  /** Index in proto.locVars (debug info). */
  debugIndex: number;
  /** Declaration order among the function's locals and constants (see findOwn). */
  seq: number;
}

/**
 * A `<const>` local initialized with a compile-time constant: like PUC-Rio's RDKCTC it takes
 * no register and no debug entry, and every use compiles to its value.
 */
export interface ConstVar {
  name: string;
  value: LuaValue;
  seq: number;
}

/** A pending goto or break, or a defined label. */
export interface GotoEntry {
  name: string;
  pc: number;
  line: number;
  /** Number of active locals where the goto/label is. */
  nactive: number;
  /** For gotos: whether leaving blocks on the way needs closing upvalues. */
  close: boolean;
}

/** A lexical block (scope). */
export interface BlockScope {
  parent: BlockScope | undefined;
  /** Active locals when the block started. */
  nactive: number;
  /** Compile-time constants in scope when the block started (fs.consts.length). */
  nconsts: number;
  isLoop: boolean;
  /** Whether some local of this block is captured as an upvalue. */
  hasUpval: boolean;
  /** Whether some local of this block is to-be-closed. */
  hasTbc: boolean;
  /** Labels defined in this block. */
  labels: GotoEntry[];
  /** Index into fs.pendingGotos where this block's gotos start. */
  firstGoto: number;
}

export class FuncState {
  proto = new Proto();
  parent: FuncState | undefined;
  chunkName: string;
  code: number[] = [];
  lines: number[] = [];
  actives: LocalVar[] = [];
  /** Compile-time constants in scope, in declaration order. */
  consts: ConstVar[] = [];
  /** Locals and constants declared so far. */
  declared = 0;
  freeReg = 0;
  block: BlockScope | undefined = undefined;
  pendingGotos: GotoEntry[] = [];
  /** Constant dedupe: a typed key per constant. */
  kmap = new Map<string, number>();
  /** Current source line for emitted instructions. */
  line = 0;
  /** The pc of the last jump target, to avoid merging instructions across it. */
  lastTarget = -1;
  /** Whether a tbc variable is active somewhere in the function (disables tail calls). */
  tbcCount = 0;

  constructor(parent: FuncState | undefined, chunkName: string) {
    this.parent = parent;
    this.chunkName = chunkName;
    this.proto.source = chunkName;
  }

  /** Current pc (index of the next instruction). */
  pc(): number {
    return this.code.length >> 2;
  }

  /** Appends an instruction and returns its pc. */
  emit(op: Op, a: number, b = 0, c = 0): number {
    const pc = this.code.length >> 2;
    this.code.push(op, a, b, c);
    this.lines.push(this.line);
    return pc;
  }

  /** Emits a jump to be patched later; returns its pc. */
  emitJump(): number {
    return this.emit(Op.Jmp, 0, -1);
  }

  /** Points jump instruction at pc `jpc` to `target`. */
  patchJump(jpc: number, target: number): void {
    this.code[jpc * 4 + 2] = target - (jpc + 1);
  }

  /** Patches every jump of a list to the current pc. */
  patchHere(list: number[]): void {
    const here = this.pc();
    this.lastTarget = here;
    for (const j of list) this.patchJump(j, here);
  }

  /** Marks the current pc as a jump target. */
  markTarget(): number {
    this.lastTarget = this.pc();
    return this.lastTarget;
  }

  /** Raises a compile error at the current line. */
  error(msg: string, line = this.line): never {
    throw new LuaSyntaxError(`${this.chunkName}:${line}: ${msg}`);
  }

  /** Raises "too many <what> (limit is N) in <function>" (errorlimit). */
  checkLimit(n: number, limit: number, what: string): void {
    if (n <= limit) return;
    const ld = this.proto.lineDefined;
    const where = ld === 0 ? "main function" : `function at line ${ld}`;
    this.error(`too many ${what} (limit is ${limit}) in ${where}`);
  }

  /** Reserves n registers above the current top and returns the first. */
  reserve(n = 1): number {
    const r = this.freeReg;
    this.freeReg += n;
    if (this.freeReg > MAX_REGS) this.error("function or expression needs too many registers");
    if (this.freeReg > this.proto.maxStack) this.proto.maxStack = this.freeReg;
    return r;
  }

  /** Makes sure register r exists in the frame. */
  touch(r: number): void {
    if (r + 1 > this.proto.maxStack) this.proto.maxStack = r + 1;
    if (r + 1 > MAX_REGS) this.error("function or expression needs too many registers");
  }

  /** Number of active locals (the registers they hold are 0..n-1). */
  nactive(): number {
    return this.actives.length;
  }

  /** Adds a constant and returns its index. */
  constant(v: LuaValue): number {
    let key: string;
    if (typeof v === "string") key = `s${v}`;
    else if (typeof v === "number") key = Number.isInteger(v) ? `i${v}` : `f${v}`;
    else if (typeof v === "bigint") key = `b${v}`;
    else if (v instanceof LuaFloat) key = Object.is(v.n, -0) ? "F-0" : `F${v.n}`;
    else if (v === undefined) key = "nil";
    else if (v === true) key = "true";
    else if (v === false) key = "false";
    else throw new Error("bad constant");
    let k = this.kmap.get(key);
    if (k === undefined) {
      k = this.proto.k.length;
      this.proto.k.push(v);
      this.kmap.set(key, k);
    }
    return k;
  }

  /** Declares a new local in the next register and makes it active. */
  addLocal(name: string, attrib?: string): LocalVar {
    const reg = this.actives.length;
    this.touch(reg);
    const lv: LocVar = { name, startPc: this.pc(), endPc: -1, reg };
    this.proto.locVars.push(lv);
    const v: LocalVar = { name, reg, attrib, debugIndex: this.proto.locVars.length - 1, seq: this.declared++ };
    this.actives.push(v);
    if (this.freeReg < this.actives.length) this.freeReg = this.actives.length;
    return v;
  }

  /** Removes locals down to n active, closing their debug ranges. */
  removeLocals(n: number): void {
    const pc = this.pc();
    while (this.actives.length > n) {
      const v = this.actives.pop() as LocalVar;
      this.proto.locVars[v.debugIndex].endPc = pc;
      if (v.attrib === "close") this.tbcCount--;
    }
  }

  /** Declares a compile-time constant (it takes no register). */
  addConst(name: string, value: LuaValue): void {
    this.consts.push({ name, value, seq: this.declared++ });
  }

  /** The innermost local or compile-time constant of this function named `name`. */
  findOwn(name: string): LocalVar | ConstVar | undefined {
    const loc = this.findLocal(name);
    for (let i = this.consts.length - 1; i >= 0; i--) {
      const c = this.consts[i];
      if (c.name === name) return loc === undefined || c.seq > loc.seq ? c : loc;
    }
    return loc;
  }

  /** Finds an active local by name, innermost first. */
  findLocal(name: string): LocalVar | undefined {
    for (let i = this.actives.length - 1; i >= 0; i--) {
      if (this.actives[i].name === name) return this.actives[i];
    }
    return undefined;
  }

  /** Marks the block that declared local register `reg` as having a captured local. */
  markUpval(reg: number): void {
    let bl = this.block;
    while (bl && bl.nactive > reg) bl = bl.parent;
    if (bl) bl.hasUpval = true;
  }

  /** Finds or creates an upvalue for `name`; returns its index or -1 if it is a global. */
  findUpval(name: string): number {
    const ups = this.proto.upvals;
    for (let i = 0; i < ups.length; i++) if (ups[i].name === name) return i;
    const parent = this.parent;
    if (!parent) return -1;
    const loc = parent.findLocal(name);
    if (loc) {
      parent.markUpval(loc.reg);
      this.checkLimit(ups.length + 1, MAX_UPVALS, "upvalues");
      ups.push({ name, inStack: true, index: loc.reg, kind: loc.attrib });
      return ups.length - 1;
    }
    const idx = parent.findUpval(name);
    if (idx < 0) return -1;
    this.checkLimit(ups.length + 1, MAX_UPVALS, "upvalues");
    ups.push({ name, inStack: false, index: idx, kind: parent.proto.upvals[idx].kind });
    return ups.length - 1;
  }

  /** Copies the code and line info into the prototype. */
  finish(): Proto {
    const p = this.proto;
    p.code = Int32Array.from(this.code);
    p.lineInfo = Int32Array.from(this.lines);
    p.ic = new Int32Array(this.lines.length).fill(-1);
    return p;
  }
}
