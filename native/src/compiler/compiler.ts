// The compiler: walks the AST and emits register bytecode, one FuncState per function.
//
// Expressions are compiled towards a destination: exprToReg puts a value in a given
// register, exprAnyReg in whatever register already holds it (a local) or a fresh
// temporary, exprRK may also answer with a constant operand, exprMulti leaves a call's or
// vararg's results in consecutive registers, and condJump compiles a condition straight to
// jumps without materializing a boolean.
//
// Saved states hold pcs and registers of this code: any change to what is emitted for a
// given source must bump CODE_VERSION (state/format.ts), so that old states are refused.

import type * as A from "../parser/ast.js";
import type { Proto } from "../vm/function.js";
import { arithRaw, isBitwise } from "../vm/meta.js";
import {
  isFloat,
  isNumber,
  LuaFloat,
  type LuaValue,
  mkFloat,
  normInt,
  numberToInteger,
  toDouble,
} from "../vm/value.js";
import { type BlockScope, type ConstVar, FuncState, type GotoEntry } from "./funcstate.js";
import { FIELDS_PER_FLUSH, Op, rkConst } from "./opcodes.js";

type VarRef =
  | { kind: "local"; reg: number; name: string; attrib: string | undefined }
  | { kind: "upval"; idx: number; name: string; attrib: string | undefined }
  | { kind: "global"; name: string; env: VarRef }
  | { kind: "const"; name: string; value: LuaValue };

const ARITH_OPS: Record<string, Op> = {
  "+": Op.Add,
  "-": Op.Sub,
  "*": Op.Mul,
  "%": Op.Mod,
  "^": Op.Pow,
  "/": Op.Div,
  "//": Op.IDiv,
  "&": Op.BAnd,
  "|": Op.BOr,
  "~": Op.BXor,
  "<<": Op.Shl,
  ">>": Op.Shr,
};

/** Compiles a parsed chunk into its main prototype. */
export function compileChunk(chunk: A.Chunk): Proto {
  const fs = new FuncState(undefined, chunk.chunkName);
  fs.proto.isVararg = true;
  fs.proto.upvals.push({ name: "_ENV", inStack: true, index: 0 });
  fs.proto.lineDefined = 0;
  const c = new Compiler();
  c.fs = fs;
  c.enterBlock(false);
  c.block(chunk.body);
  // the final return is on the chunk's last line of code, as PUC-Rio's close_func puts it
  fs.line = chunk.body.lastLine;
  c.leaveBlock();
  fs.emit(Op.Return, 0, 1);
  c.checkPendingGotos();
  const p = fs.finish();
  p.lastLineDefined = 0;
  numberProtos(p);
  return p;
}

/** Gives each prototype of a chunk its depth-first index. */
function numberProtos(main: Proto): Proto[] {
  const all: Proto[] = [];
  const walk = (p: Proto) => {
    p.index = all.length;
    all.push(p);
    for (const c of p.protos) walk(c);
  };
  walk(main);
  return all;
}

/** The Lua value of a numeric literal. */
function numberValue(e: A.NumberExpr): LuaValue {
  if (e.isFloat) return mkFloat(e.value as number);
  return e.value;
}

/** Whether an expression produces multiple values (a call or `...`). */
function isMulti(e: A.Expr): boolean {
  return e.kind === "Call" || e.kind === "MethodCall" || e.kind === "Vararg";
}

/** The constant value of a literal expression, or a marker for "not a constant". */
const NOT_CONST = Symbol("notConst");
function constValue(e: A.Expr): LuaValue | typeof NOT_CONST {
  switch (e.kind) {
    case "Nil":
      return undefined;
    case "True":
      return true;
    case "False":
      return false;
    case "Number":
      return numberValue(e);
    case "String":
      return e.value;
    case "Unary":
      if (e.op === "-" && e.operand.kind === "Number") {
        const v = numberValue(e.operand);
        if (typeof v === "number")
          return v === 0 ? (e.operand.isFloat ? new LuaFloat(-0) : 0) : Number.isInteger(v) ? -v : -v;
        if (typeof v === "bigint") return normInt(-v);
        if (v instanceof LuaFloat) return new LuaFloat(-v.n);
      }
      return NOT_CONST;
    default:
      return NOT_CONST;
  }
}

/**
 * lcode.c's folding of one operation on constant numbers: its result, or NOT_CONST where
 * PUC-Rio leaves the operation to run time (an operand that is not a number, a bitwise
 * operand without an integer value, a zero divisor, a float result that is 0 or NaN).
 */
function foldedNumber(op: Op, a: LuaValue, b: LuaValue): LuaValue | typeof NOT_CONST {
  if (!isNumber(a) || !isNumber(b)) return NOT_CONST;
  if (isBitwise(op)) {
    if (numberToInteger(a) === undefined || numberToInteger(b) === undefined) return NOT_CONST;
  } else if ((op === Op.Div || op === Op.IDiv || op === Op.Mod) && toDouble(b) === 0) return NOT_CONST;
  const r = arithRaw(op, a, b);
  if (isFloat(r) && (toDouble(r) === 0 || Number.isNaN(toDouble(r)))) return NOT_CONST;
  return r;
}

/**
 * The line of an expression's last token, as far as the tree tells it (closing brackets
 * and parentheses are not recorded, so their lines count as the line of what they close).
 */
function lastLineOf(e: A.Expr): number {
  switch (e.kind) {
    case "Binary":
      return lastLineOf(e.right);
    case "Unary":
      return lastLineOf(e.operand);
    case "Paren":
      return lastLineOf(e.expr);
    case "Index":
      return Math.max(e.line, lastLineOf(e.key));
    case "Call":
    case "MethodCall":
      return e.args.length > 0 ? Math.max(e.line, lastLineOf(e.args[e.args.length - 1])) : e.line;
    case "Function":
      return e.endLine;
    case "Table": {
      let l = e.line;
      for (const f of e.fields) l = Math.max(l, lastLineOf(f.value));
      return l;
    }
    default:
      return e.line;
  }
}

class Compiler {
  fs!: FuncState;
  /**
   * The line of the test of an if condition that is not a comparison: the 'then' line,
   * where PUC-Rio emits it (undefined elsewhere: the line of the code before it).
   */
  testLine: number | undefined = undefined;
  /**
   * The line for the load of the next operand compiled (a global, field, upvalue or constant
   * load, which PUC-Rio emits only when the operator after it is read): the operator's line
   * for a left operand, the operand's own for a right one. exprToReg takes and clears it.
   */
  operandLine: number | undefined = undefined;

  // --- scopes ----------------------------------------------------------------------

  enterBlock(isLoop: boolean): BlockScope {
    const fs = this.fs;
    const bl: BlockScope = {
      parent: fs.block,
      nactive: fs.nactive(),
      nconsts: fs.consts.length,
      isLoop,
      hasUpval: false,
      hasTbc: false,
      labels: [],
      firstGoto: fs.pendingGotos.length,
    };
    fs.block = bl;
    return bl;
  }

  /** Leaves the current block: closes its locals and moves its pending gotos out. */
  leaveBlock(): void {
    const fs = this.fs;
    const bl = fs.block as BlockScope;
    const hasLocals = fs.nactive() > bl.nactive;
    if (bl.isLoop) this.resolveBreaks(bl);
    fs.removeLocals(bl.nactive);
    fs.consts.length = bl.nconsts;
    if (bl.parent && hasLocals && (bl.hasUpval || bl.hasTbc)) {
      fs.emit(Op.Close, bl.nactive);
    }
    // pending gotos of this block now start outside it
    for (let i = bl.firstGoto; i < fs.pendingGotos.length; i++) {
      const g = fs.pendingGotos[i];
      if (g.nactive > bl.nactive) {
        g.nactive = bl.nactive;
        g.close = true;
      }
    }
    fs.freeReg = fs.nactive();
    fs.block = bl.parent;
  }

  /** Patches the pending breaks of a loop block to the current pc. */
  resolveBreaks(bl: BlockScope): void {
    const fs = this.fs;
    const here = fs.markTarget();
    const rest: GotoEntry[] = [];
    for (let i = bl.firstGoto; i < fs.pendingGotos.length; i++) {
      const g = fs.pendingGotos[i];
      if (g.name === "break") {
        fs.patchJump(g.pc, here);
        if (g.nactive > bl.nactive || g.close) fs.code[g.pc * 4 + 1] = bl.nactive + 1;
      } else rest.push(g);
    }
    fs.pendingGotos.length = bl.firstGoto;
    fs.pendingGotos.push(...rest);
  }

  /** At the end of a function: any goto still pending has no visible label. */
  checkPendingGotos(): void {
    const g = this.fs.pendingGotos[0];
    if (!g) return;
    if (g.name === "break") this.fs.error(`break outside loop at line ${g.line}`, g.line);
    this.fs.error(`no visible label '${g.name}' for <goto> at line ${g.line}`, g.line);
  }

  // --- statements --------------------------------------------------------------------

  block(b: A.Block, isRepeat = false): void {
    const body = b.body;
    for (let i = 0; i < body.length; i++) {
      const s = body[i];
      if (s.kind === "Label") {
        // a label followed only by labels is at the end of its block ('until' does not end it)
        let last = !isRepeat;
        for (let j = i + 1; j < body.length; j++) {
          if (body[j].kind !== "Label") {
            last = false;
            break;
          }
        }
        this.labelStat(s, last, body[i + 1]?.line ?? b.endLine);
      } else this.statement(s);
      this.fs.freeReg = this.fs.nactive();
    }
  }

  statement(s: A.Stat): void {
    const fs = this.fs;
    fs.line = s.line;
    switch (s.kind) {
      case "Local":
        this.localStat(s);
        return;
      case "Assign":
        this.assignStat(s);
        return;
      case "CallStat": {
        const base = this.callExpr(s.call, 0);
        fs.freeReg = base;
        return;
      }
      case "Do":
        this.enterBlock(false);
        this.block(s.body);
        fs.line = s.body.endLine;
        this.leaveBlock();
        return;
      case "While":
        this.whileStat(s);
        return;
      case "Repeat":
        this.repeatStat(s);
        return;
      case "If":
        this.ifStat(s);
        return;
      case "NumericFor":
        this.numericFor(s);
        return;
      case "GenericFor":
        this.genericFor(s);
        return;
      case "Function":
        this.functionStat(s);
        return;
      case "LocalFunction": {
        const v = fs.addLocal(s.name);
        fs.reserve(0);
        this.functionExpr(s.func, v.reg);
        fs.proto.locVars[v.debugIndex].startPc = fs.pc();
        return;
      }
      case "Return":
        this.returnStat(s);
        return;
      case "Break":
        this.breakStat(s);
        return;
      case "Goto":
        this.gotoStat(s);
        return;
      case "Label":
        this.labelStat(s, false);
        return;
    }
  }

  localStat(s: A.LocalStat): void {
    const fs = this.fs;
    const nvars = s.names.length;
    const base = fs.freeReg;
    // as in PUC-Rio, a last <const> variable given a constant (without adjustment) is a
    // compile-time constant: it takes no register and its uses compile to the value
    const last = nvars - 1;
    const k = s.attribs[last] === "const" && s.exprs.length === nvars ? this.foldConst(s.exprs[last]) : NOT_CONST;
    const nregs = k === NOT_CONST ? nvars : last;
    this.explistTo(k === NOT_CONST ? s.exprs : s.exprs.slice(0, last), nregs);
    fs.freeReg = base + nregs;
    for (let i = 0; i < nregs; i++) fs.addLocal(s.names[i], s.attribs[i]);
    if (k !== NOT_CONST) fs.addConst(s.names[last], k);
    for (let i = 0; i < nregs; i++) {
      if (s.attribs[i] === "close") {
        (fs.block as BlockScope).hasTbc = true;
        fs.tbcCount++;
        fs.emit(Op.Tbc, base + i);
      }
    }
  }

  /**
   * Evaluates an expression list into `want` consecutive new registers at freeReg
   * (adjusting: missing values are nil, extra values are evaluated and dropped).
   */
  explistTo(exprs: A.Expr[], want: number): void {
    const fs = this.fs;
    const base = fs.freeReg;
    const n = exprs.length;
    for (let i = 0; i < n; i++) {
      const e = exprs[i];
      if (i === n - 1 && isMulti(e) && want > i) {
        this.exprMulti(e, fs.freeReg, want - i);
        fs.freeReg = base + want;
        return;
      }
      const r = fs.reserve();
      this.exprToReg(e, r);
    }
    if (n < want) {
      const r = fs.reserve(want - n);
      fs.emit(Op.LoadNil, r, want - n);
    }
    fs.freeReg = base + Math.max(want, 0);
    if (n > want) fs.freeReg = base + want;
  }

  assignStat(s: A.AssignStat): void {
    const fs = this.fs;
    if (s.targets.length === 1 && s.exprs.length === 1) {
      this.assignSingle(s.targets[0], s.exprs[0]);
      return;
    }
    // names assigned to in this statement, to detect conflicts with table operands
    const assignedLocals = new Set<number>();
    for (const t of s.targets) {
      if (t.kind === "Name") {
        const v = this.resolve(t.name);
        if (v.kind === "local") assignedLocals.add(v.reg);
      }
    }
    const prepared: { t: A.NameExpr | A.IndexExpr; obj?: number; key?: number }[] = [];
    for (const t of s.targets) {
      if (t.kind === "Name") {
        this.checkConst(this.resolve(t.name), t.line);
        prepared.push({ t });
      } else {
        let obj = this.exprAnyReg(t.object);
        if (assignedLocals.has(obj) && obj < fs.nactive()) {
          const tmp = fs.reserve();
          fs.emit(Op.Move, tmp, obj);
          obj = tmp;
        }
        let key = this.exprRK(t.key);
        if (key >= 0 && assignedLocals.has(key) && key < fs.nactive()) {
          const tmp = fs.reserve();
          fs.emit(Op.Move, tmp, key);
          key = tmp;
        }
        prepared.push({ t, obj, key });
      }
    }
    const vbase = fs.freeReg;
    fs.line = s.line;
    this.explistTo(s.exprs, s.targets.length);
    for (let i = prepared.length - 1; i >= 0; i--) {
      const p = prepared[i];
      fs.line = p.t.line;
      this.storeFromReg(p.t, vbase + i, p.obj, p.key);
    }
  }

  /** Stores register `src` into a prepared assignment target. */
  storeFromReg(t: A.NameExpr | A.IndexExpr, src: number, obj?: number, key?: number): void {
    const fs = this.fs;
    if (t.kind === "Name") {
      const v = this.resolve(t.name);
      if (v.kind === "local") {
        if (v.reg !== src) fs.emit(Op.Move, v.reg, src);
      } else if (v.kind === "upval") fs.emit(Op.SetUpval, src, v.idx);
      else if (v.kind === "global") this.storeGlobal(v, src);
      return;
    }
    this.emitSetTable(obj as number, key as number, src);
  }

  /** Emits a table store R[obj][RK(key)] = RK(val), using SetField for string constants. */
  emitSetTable(obj: number, key: number, val: number): void {
    const fs = this.fs;
    if (key < 0 && typeof fs.proto.k[-1 - key] === "string") fs.emit(Op.SetField, obj, -1 - key, val);
    else fs.emit(Op.SetTable, obj, key, val);
  }

  storeGlobal(v: VarRef & { kind: "global" }, val: number): void {
    const fs = this.fs;
    const k = rkConst(fs.constant(v.name));
    const env = v.env;
    if (env.kind === "upval") fs.emit(Op.SetTabUp, env.idx, k, val);
    else if (env.kind === "local") fs.emit(Op.SetField, env.reg, -1 - k, val);
    else {
      const r = fs.reserve();
      this.loadVar(env, r);
      fs.emit(Op.SetField, r, -1 - k, val);
    }
  }

  checkConst(v: VarRef, line: number): asserts v is Exclude<VarRef, { kind: "const" }> {
    if (v.kind === "const" || (v.kind !== "global" && (v.attrib === "const" || v.attrib === "close"))) {
      this.fs.error(`attempt to assign to const variable '${v.name}'`, line);
    }
  }

  assignSingle(t: A.NameExpr | A.IndexExpr, e: A.Expr): void {
    const fs = this.fs;
    if (t.kind === "Name") {
      const v = this.resolve(t.name);
      this.checkConst(v, t.line);
      if (v.kind === "local") {
        // constructors and and/or write their target before reading all operands
        let inner = e;
        while (inner.kind === "Paren") inner = inner.expr;
        const unsafe = inner.kind === "Table" || (inner.kind === "Binary" && (inner.op === "and" || inner.op === "or"));
        if (unsafe) {
          const r = fs.reserve();
          this.exprToReg(e, r);
          fs.line = t.line;
          fs.emit(Op.Move, v.reg, r);
        } else this.exprToReg(e, v.reg);
        return;
      }
      // a store is made once the value's last token is read, as PUC-Rio's lastline has it
      if (v.kind === "upval") {
        const r = this.exprAnyReg(e);
        fs.line = Math.max(t.line, lastLineOf(e));
        fs.emit(Op.SetUpval, r, v.idx);
        return;
      }
      if (v.env.kind === "upval") {
        const k = rkConst(fs.constant(v.name));
        const val = this.exprRK(e);
        fs.line = Math.max(t.line, lastLineOf(e));
        fs.emit(Op.SetTabUp, v.env.idx, k, val);
        return;
      }
      const envReg = this.exprAnyRegVar(v.env);
      const k = fs.constant(v.name);
      const val = this.exprRK(e);
      fs.emit(Op.SetField, envReg, k, val);
      return;
    }
    const obj = this.exprAnyReg(t.object);
    const key = this.exprRK(t.key);
    const val = this.exprRK(e);
    fs.line = Math.max(t.line, lastLineOf(e));
    this.emitSetTable(obj, key, val);
  }

  whileStat(s: A.WhileStat): void {
    const fs = this.fs;
    const start = fs.markTarget();
    const exit = this.condJump(s.cond, false);
    this.enterBlock(true);
    this.enterBlock(false);
    this.block(s.body);
    fs.line = s.body.endLine;
    this.leaveBlock();
    fs.line = s.body.lastLine; // the jump back is made before 'end' is read
    const j = fs.emitJump();
    fs.patchJump(j, start);
    fs.patchHere(exit);
    this.leaveBlock();
  }

  repeatStat(s: A.RepeatStat): void {
    const fs = this.fs;
    const start = fs.markTarget();
    this.enterBlock(true);
    const inner = this.enterBlock(false);
    this.block(s.body, true);
    fs.line = s.body.endLine;
    const exit = this.condJump(s.cond, true);
    if (inner.hasUpval || inner.hasTbc) {
      // locals must be closed on both ways out of the body
      const back = fs.emitJump();
      fs.code[back * 4 + 1] = inner.nactive + 1;
      fs.patchJump(back, start);
      fs.patchHere(exit);
      this.leaveBlock();
    } else {
      const back = fs.emitJump();
      fs.patchJump(back, start);
      fs.patchHere(exit);
      fs.removeLocals(inner.nactive);
      fs.consts.length = inner.nconsts;
      fs.block = inner.parent;
      for (let i = inner.firstGoto; i < fs.pendingGotos.length; i++) {
        const g = fs.pendingGotos[i];
        if (g.nactive > inner.nactive) g.nactive = inner.nactive;
      }
      fs.freeReg = fs.nactive();
    }
    this.leaveBlock();
  }

  ifStat(s: A.IfStat): void {
    const fs = this.fs;
    const ends: number[] = [];
    for (let i = 0; i < s.clauses.length; i++) {
      const cl = s.clauses[i];
      fs.line = cl.cond.line;
      this.testLine = cl.thenLine;
      const next = this.condJump(cl.cond, false);
      this.testLine = undefined;
      this.enterBlock(false);
      this.block(cl.body);
      fs.line = cl.body.endLine;
      this.leaveBlock();
      const isLast = i === s.clauses.length - 1 && !s.orelse;
      // the jump past the other clauses is made before 'else'/'elseif' is read
      fs.line = cl.body.lastLine;
      if (!isLast) ends.push(fs.emitJump());
      fs.patchHere(next);
    }
    if (s.orelse) {
      this.enterBlock(false);
      this.block(s.orelse);
      fs.line = s.orelse.endLine;
      this.leaveBlock();
    }
    fs.patchHere(ends);
  }

  numericFor(s: A.NumericForStat): void {
    const fs = this.fs;
    this.enterBlock(true);
    const base = fs.freeReg;
    this.exprToReg(s.start, fs.reserve());
    this.exprToReg(s.limit, fs.reserve());
    if (s.step) this.exprToReg(s.step, fs.reserve());
    else fs.emit(Op.LoadK, fs.reserve(), fs.constant(1));
    fs.addLocal("(for state)");
    fs.addLocal("(for state)");
    fs.addLocal("(for state)");
    fs.line = s.line;
    const prep = fs.emit(Op.ForPrep, base, 0);
    this.enterBlock(false);
    fs.addLocal(s.var);
    fs.reserve(0);
    this.block(s.body);
    fs.line = s.body.endLine;
    this.leaveBlock();
    fs.line = s.line;
    const loop = fs.emit(Op.ForLoop, base, 0);
    fs.code[prep * 4 + 2] = loop - prep - 1;
    fs.code[loop * 4 + 2] = loop - prep;
    this.leaveBlock();
  }

  genericFor(s: A.GenericForStat): void {
    const fs = this.fs;
    const loopBlock = this.enterBlock(true);
    const base = fs.freeReg;
    this.explistTo(s.exprs, 4);
    // the fourth control variable is to-be-closed: no tail calls in the loop's scope
    for (let i = 0; i < 4; i++) fs.addLocal("(for state)", i === 3 ? "close" : undefined);
    fs.tbcCount++;
    loopBlock.hasTbc = true;
    fs.line = s.line;
    const prep = fs.emit(Op.TForPrep, base, 0);
    this.enterBlock(false);
    for (const n of s.names) fs.addLocal(n);
    fs.reserve(0);
    fs.touch(base + 3 + s.names.length + 3);
    this.block(s.body);
    fs.line = s.body.endLine;
    this.leaveBlock();
    fs.line = s.callLine;
    const call = fs.emit(Op.TForCall, base, 0, s.names.length);
    const loop = fs.emit(Op.TForLoop, base, 0);
    fs.code[prep * 4 + 2] = call - prep - 1;
    fs.code[loop * 4 + 2] = loop - prep;
    this.leaveBlock();
  }

  functionStat(s: A.FunctionStat): void {
    const fs = this.fs;
    if (s.path.length === 1 && !s.method) {
      const t: A.NameExpr = { kind: "Name", line: s.line, name: s.path[0] };
      const v = this.resolve(t.name);
      this.checkConst(v, s.line);
      const r = fs.reserve();
      this.functionExpr(s.func, r);
      fs.line = s.line;
      this.storeFromReg(t, r);
      return;
    }
    let obj = this.exprAnyReg({ kind: "Name", line: s.line, name: s.path[0] });
    const last = s.method ?? s.path[s.path.length - 1];
    const middle = s.method ? s.path.slice(1) : s.path.slice(1, -1);
    for (const key of middle) {
      const r = fs.reserve();
      fs.emit(Op.GetField, r, obj, fs.constant(key));
      obj = r;
    }
    const f = fs.reserve();
    this.functionExpr(s.func, f);
    fs.line = s.func.line;
    fs.emit(Op.SetField, obj, fs.constant(last), f);
  }

  returnStat(s: A.ReturnStat): void {
    const fs = this.fs;
    const n = s.exprs.length;
    if (n === 1 && (s.exprs[0].kind === "Call" || s.exprs[0].kind === "MethodCall") && fs.tbcCount === 0) {
      const base = this.callExpr(s.exprs[0] as A.CallExpr, -1);
      const pc = fs.pc() - 1;
      fs.code[pc * 4] = Op.TailCall;
      fs.emit(Op.Return, base, 0);
      return;
    }
    let first: number;
    let b: number;
    if (n === 0) {
      first = 0;
      b = 1;
    } else if (n === 1 && !isMulti(s.exprs[0])) {
      first = this.exprAnyReg(s.exprs[0]);
      b = 2;
    } else {
      first = fs.freeReg;
      const last = s.exprs[n - 1];
      if (isMulti(last)) {
        for (let i = 0; i < n - 1; i++) this.exprToReg(s.exprs[i], fs.reserve());
        this.exprMulti(last, fs.freeReg, -1);
        b = 0;
      } else {
        this.explistTo(s.exprs, n);
        b = n + 1;
      }
    }
    fs.line = s.line;
    if (fs.tbcCount > 0) fs.emit(Op.Close, 0);
    fs.emit(Op.Return, first, b);
  }

  breakStat(s: A.BreakStat): void {
    const fs = this.fs;
    const pc = fs.emitJump();
    fs.pendingGotos.push({ name: "break", pc, line: s.line, nactive: fs.nactive(), close: false });
    // find the loop to know whether there is one at all (checked at function end otherwise)
  }

  gotoStat(s: A.GotoStat): void {
    const fs = this.fs;
    // a backward jump to a visible label?
    for (let bl = fs.block; bl; bl = bl.parent) {
      const lab = bl.labels.find((l) => l.name === s.label);
      if (lab) {
        const pc = fs.emitJump();
        fs.patchJump(pc, lab.pc);
        if (fs.nactive() > lab.nactive) fs.code[pc * 4 + 1] = lab.nactive + 1;
        return;
      }
    }
    const pc = fs.emitJump();
    fs.pendingGotos.push({ name: s.label, pc, line: s.line, nactive: fs.nactive(), close: false });
  }

  labelStat(s: A.LabelStat, last: boolean, nextLine = s.line): void {
    const fs = this.fs;
    const bl = fs.block as BlockScope;
    for (let b: BlockScope | undefined = bl; b; b = b.parent) {
      const dup = b.labels.find((l) => l.name === s.name);
      if (dup) fs.error(`label '${s.name}' already defined on line ${dup.line}`, s.line);
    }
    const lab: GotoEntry = {
      name: s.name,
      pc: fs.markTarget(),
      line: s.line,
      nactive: last ? bl.nactive : fs.nactive(),
      close: false,
    };
    bl.labels.push(lab);
    // resolve pending forward gotos of this block
    const rest: GotoEntry[] = [];
    for (let i = bl.firstGoto; i < fs.pendingGotos.length; i++) {
      const g = fs.pendingGotos[i];
      if (g.name !== s.name) {
        rest.push(g);
        continue;
      }
      if (g.nactive < lab.nactive) {
        const v = fs.actives[g.nactive];
        fs.error(`<goto ${s.name}> at line ${g.line} jumps into the scope of local '${v.name}'`, nextLine);
      }
      fs.patchJump(g.pc, lab.pc);
      if (g.close || g.nactive > lab.nactive) fs.code[g.pc * 4 + 1] = lab.nactive + 1;
    }
    fs.pendingGotos.length = bl.firstGoto;
    fs.pendingGotos.push(...rest);
  }

  // --- variables ---------------------------------------------------------------------

  /** Resolves a name to a local, an upvalue or a global (through _ENV). */
  resolve(name: string): VarRef {
    const fs = this.fs;
    const c = this.constVar(name);
    if (c) return { kind: "const", name, value: c.value };
    const loc = fs.findLocal(name);
    if (loc) return { kind: "local", reg: loc.reg, name, attrib: loc.attrib };
    const up = fs.findUpval(name);
    if (up >= 0) return { kind: "upval", idx: up, name, attrib: fs.proto.upvals[up].kind };
    const env = this.resolve("_ENV");
    return { kind: "global", name, env };
  }

  /**
   * The compile-time constant `name` refers to here, if it does: the innermost declaration
   * of the name in this function or, failing one, in the enclosing functions (a constant is
   * used in nested functions without an upvalue).
   */
  constVar(name: string): ConstVar | undefined {
    for (let fs: FuncState | undefined = this.fs; fs; fs = fs.parent) {
      const own = fs.findOwn(name);
      if (own) return "reg" in own ? undefined : own;
      if (fs.proto.upvals.some((u) => u.name === name)) return undefined;
    }
    return undefined;
  }

  /**
   * The value of e when it is a compile-time constant as PUC-Rio's parser sees one: a
   * literal, a compile-time constant, or arithmetic, bitwise and `not` operations on them
   * that lcode.c folds (numbers only, no division by zero, no float result that is 0 or NaN).
   */
  foldConst(e: A.Expr): LuaValue | typeof NOT_CONST {
    switch (e.kind) {
      case "Paren":
        return this.foldConst(e.expr);
      case "Unary": {
        const v = this.foldConst(e.operand);
        if (v === NOT_CONST) return NOT_CONST;
        if (e.op === "not") return v === undefined || v === false;
        if (e.op === "-") return foldedNumber(Op.Unm, v, v);
        if (e.op === "~") return foldedNumber(Op.BNot, v, v);
        return NOT_CONST;
      }
      case "Binary": {
        const op = ARITH_OPS[e.op];
        if (op === undefined) return NOT_CONST;
        const a = this.foldConst(e.left);
        if (a === NOT_CONST) return NOT_CONST;
        const b = this.foldConst(e.right);
        return b === NOT_CONST ? NOT_CONST : foldedNumber(op, a, b);
      }
      default:
        return this.constOf(e);
    }
  }

  /** constValue(e), and the value of a name that is a compile-time constant. */
  constOf(e: A.Expr): LuaValue | typeof NOT_CONST {
    if (e.kind === "Name") {
      const c = this.constVar(e.name);
      return c ? c.value : NOT_CONST;
    }
    return constValue(e);
  }

  /** Loads a variable's value into register r. */
  loadVar(v: VarRef, r: number): void {
    const fs = this.fs;
    if (v.kind === "const") this.loadConst(v.value, r);
    else if (v.kind === "local") {
      if (v.reg !== r) fs.emit(Op.Move, r, v.reg);
    } else if (v.kind === "upval") fs.emit(Op.GetUpval, r, v.idx);
    else {
      const k = fs.constant(v.name);
      if (v.env.kind === "upval") fs.emit(Op.GetTabUp, r, v.env.idx, rkConst(k));
      else {
        const envReg = this.exprAnyRegVar(v.env);
        fs.emit(Op.GetField, r, envReg, k);
      }
    }
  }

  exprAnyRegVar(v: VarRef): number {
    if (v.kind === "local") return v.reg;
    const r = this.fs.reserve();
    this.loadVar(v, r);
    return r;
  }

  // --- expressions -------------------------------------------------------------------

  /** Loads a constant value into register reg. */
  loadConst(v: LuaValue, reg: number): void {
    const fs = this.fs;
    if (v === undefined) fs.emit(Op.LoadNil, reg, 1);
    else if (v === true) fs.emit(Op.LoadTrue, reg);
    else if (v === false) fs.emit(Op.LoadFalse, reg);
    else fs.emit(Op.LoadK, reg, fs.constant(v));
  }

  /** Puts the value of e (one value) into register reg. */
  exprToReg(e: A.Expr, reg: number): void {
    const fs = this.fs;
    fs.touch(reg);
    // the line for this value's own load, when an operator is discharging it (see operandLine)
    const line = this.operandLine;
    this.operandLine = undefined;
    switch (e.kind) {
      case "Nil":
      case "True":
      case "False":
      case "Number":
      case "String":
        if (line !== undefined) fs.line = line;
        this.loadConst(constValue(e) as LuaValue, reg);
        return;
      case "Vararg":
        fs.line = e.line;
        fs.emit(Op.Vararg, reg, 0, 2);
        return;
      case "Function":
        this.functionExpr(e, reg);
        return;
      case "Table":
        this.tableExpr(e, reg);
        return;
      case "Paren":
        this.exprToReg(e.expr, reg);
        return;
      case "Name":
        if (line !== undefined) fs.line = line;
        this.loadVar(this.resolve(e.name), reg);
        return;
      case "Index": {
        const save = fs.freeReg;
        const obj = this.exprAnyReg(e.object);
        const key = this.exprRK(e.key);
        fs.line = line ?? e.line;
        if (key < 0 && typeof fs.proto.k[-1 - key] === "string") fs.emit(Op.GetField, reg, obj, -1 - key);
        else fs.emit(Op.GetTable, reg, obj, key);
        fs.freeReg = save;
        return;
      }
      case "Call":
      case "MethodCall": {
        const save = fs.freeReg;
        if (reg === fs.freeReg - 1 && reg >= fs.nactive()) {
          fs.freeReg = reg;
          this.callExpr(e, 1);
          fs.freeReg = save;
        } else {
          const base = this.callExpr(e, 1);
          fs.emit(Op.Move, reg, base);
          fs.freeReg = save;
        }
        return;
      }
      case "Unary":
        this.unaryExpr(e, reg);
        return;
      case "Binary":
        this.binaryExpr(e, reg);
        return;
    }
  }

  /** A register holding e's value: a local's own register or a new temporary. */
  exprAnyReg(e: A.Expr): number {
    if (e.kind === "Name") {
      const v = this.resolve(e.name);
      if (v.kind === "local") return v.reg;
    }
    if (e.kind === "Paren") return this.exprAnyReg(e.expr);
    const r = this.fs.reserve();
    this.exprToReg(e, r);
    return r;
  }

  /** An RK operand for e: a constant operand for literals, else a register. */
  exprRK(e: A.Expr): number {
    const c = this.constOf(e);
    if (c !== NOT_CONST) return rkConst(this.fs.constant(c));
    return this.exprAnyReg(e);
  }

  /**
   * Leaves `n` results of a multi-value expression in registers reg.. (reg must be the
   * first free register); n = -1 leaves all results and sets the frame's top.
   */
  exprMulti(e: A.Expr, reg: number, n: number): void {
    const fs = this.fs;
    if (e.kind === "Vararg") {
      fs.line = e.line;
      fs.emit(Op.Vararg, reg, 0, n + 1);
      if (n > 0) {
        fs.freeReg = reg;
        fs.reserve(n);
      }
      return;
    }
    fs.freeReg = reg;
    this.callExpr(e as A.CallExpr | A.MethodCallExpr, n);
    fs.freeReg = reg + Math.max(n, 0);
    if (n > 0) fs.touch(reg + n - 1);
  }

  /** Compiles a call with `nres` results (-1: all); returns the register of the function. */
  callExpr(e: A.CallExpr | A.MethodCallExpr, nres: number): number {
    const fs = this.fs;
    const base = fs.reserve();
    if (e.kind === "MethodCall") {
      const obj = this.exprAnyReg(e.object);
      fs.freeReg = base + 1;
      fs.reserve();
      fs.line = e.line;
      fs.emit(Op.Self, base, obj, rkConst(fs.constant(e.name)));
    } else {
      this.exprToReg(e.callee, base);
      fs.freeReg = base + 1;
    }
    const args = e.args;
    let b: number;
    const n = args.length;
    for (let i = 0; i < n; i++) {
      const a = args[i];
      if (i === n - 1 && isMulti(a)) {
        this.exprMulti(a, fs.freeReg, -1);
        b = 0;
        fs.line = e.line;
        fs.emit(Op.Call, base, 0, nres + 1);
        fs.freeReg = base;
        return base;
      }
      this.exprToReg(a, fs.reserve());
    }
    b = fs.freeReg - base;
    fs.line = e.line;
    fs.emit(Op.Call, base, b, nres + 1);
    fs.freeReg = base;
    return base;
  }

  functionExpr(e: A.FunctionExpr, reg: number): void {
    const parent = this.fs;
    const fs = new FuncState(parent, parent.chunkName);
    fs.proto.lineDefined = e.line;
    fs.proto.lastLineDefined = e.endLine;
    fs.proto.numParams = e.params.length;
    fs.proto.isVararg = e.isVararg;
    fs.line = e.line;
    this.fs = fs;
    this.enterBlock(false);
    for (const p of e.params) fs.addLocal(p);
    fs.reserve(0);
    this.block(e.body);
    fs.line = e.endLine;
    this.leaveBlock();
    fs.emit(Op.Return, 0, 1);
    this.checkPendingGotos();
    const p = fs.finish();
    this.fs = parent;
    parent.proto.protos.push(p);
    // made when its 'end' has been read, as in PUC-Rio
    parent.line = e.endLine;
    parent.emit(Op.Closure, reg, parent.proto.protos.length - 1);
  }

  tableExpr(e: A.TableExpr, reg: number): void {
    const fs = this.fs;
    const save = fs.freeReg;
    let t = reg;
    if (reg !== fs.freeReg - 1) t = fs.reserve();
    fs.line = e.line;
    let narr = 0;
    let nhash = 0;
    for (const f of e.fields)
      if (f.type === "positional") narr++;
      else nhash++;
    fs.emit(Op.NewTable, t, narr, nhash);
    let pending = 0;
    let stored = 0;
    const n = e.fields.length;
    for (let i = 0; i < n; i++) {
      const f = e.fields[i];
      if (f.type === "positional") {
        if (i === n - 1 && isMulti(f.value)) {
          this.exprMulti(f.value, fs.freeReg, -1);
          fs.line = f.line;
          fs.emit(Op.SetList, t, 0, stored);
          pending = 0;
          break;
        }
        this.exprToReg(f.value, fs.reserve());
        pending++;
        if (pending === FIELDS_PER_FLUSH) {
          fs.line = f.line;
          fs.emit(Op.SetList, t, pending, stored);
          stored += pending;
          pending = 0;
          fs.freeReg = t + 1;
        }
      } else {
        const top = fs.freeReg;
        const key =
          f.type === "named" ? rkConst(fs.constant((f.key as A.StringExpr).value)) : this.exprRK(f.key as A.Expr);
        const val = this.exprRK(f.value);
        fs.line = f.line;
        this.emitSetTable(t, key, val);
        fs.freeReg = top;
      }
    }
    if (pending > 0) {
      fs.line = e.line;
      fs.emit(Op.SetList, t, pending, stored);
    }
    fs.freeReg = save;
    if (t !== reg) fs.emit(Op.Move, reg, t);
  }

  unaryExpr(e: A.UnaryExpr, reg: number): void {
    const fs = this.fs;
    const c = constValue(e);
    if (c !== NOT_CONST) {
      this.loadConst(c, reg);
      return;
    }
    if (e.op === "not") {
      const oc = this.constOf(e.operand);
      if (oc !== NOT_CONST) {
        fs.emit(oc === undefined || oc === false ? Op.LoadTrue : Op.LoadFalse, reg);
        return;
      }
    }
    const save = fs.freeReg;
    if (reg === fs.freeReg - 1 && reg >= fs.nactive()) fs.freeReg = reg;
    const r = this.exprAnyReg(e.operand);
    fs.line = e.line;
    const op = e.op === "-" ? Op.Unm : e.op === "not" ? Op.Not : e.op === "#" ? Op.Len : Op.BNot;
    fs.emit(op, reg, r);
    fs.freeReg = save;
  }

  binaryExpr(e: A.BinaryExpr, reg: number): void {
    const fs = this.fs;
    const op = e.op;
    const save = fs.freeReg;
    if (op === "and" || op === "or") {
      this.exprToReg(e.left, reg);
      fs.line = e.line;
      fs.emit(Op.Test, reg, 0, op === "and" ? 0 : 1);
      const j = fs.emitJump();
      fs.freeReg = Math.max(save, reg + 1);
      this.exprToReg(e.right, reg);
      fs.freeReg = save;
      fs.patchHere([j]);
      return;
    }
    if (op === "..") {
      const parts: A.Expr[] = [];
      let cur: A.Expr = e;
      while (cur.kind === "Binary" && cur.op === "..") {
        parts.push(cur.left);
        cur = cur.right;
      }
      parts.push(cur);
      // operands go to consecutive registers, starting at the target when it is the top
      if (reg === fs.freeReg - 1 && reg >= fs.nactive()) fs.freeReg = reg;
      const base = fs.freeReg;
      for (const p of parts) this.exprToReg(p, fs.reserve());
      fs.line = e.line;
      fs.emit(Op.Concat, base, parts.length);
      if (base !== reg) fs.emit(Op.Move, reg, base);
      fs.freeReg = save;
      return;
    }
    const arith = ARITH_OPS[op];
    if (arith !== undefined) {
      // a target that is the top temporary can hold an operand: chains like a+b+c+d then
      // need two registers, not one per operand
      if (reg === fs.freeReg - 1 && reg >= fs.nactive()) fs.freeReg = reg;
      this.operandLine = e.line;
      const b = this.exprRK(e.left);
      this.operandLine = e.right.line;
      const c = this.exprRK(e.right);
      this.operandLine = undefined;
      fs.line = e.line;
      if (arith === Op.Add && c < 0 && b >= 0) {
        const kv = fs.proto.k[-1 - c];
        if (typeof kv === "number" && Number.isInteger(kv) && Math.abs(kv) < 0x10000) {
          fs.emit(Op.AddI, reg, b, kv);
          fs.freeReg = save;
          return;
        }
      }
      fs.emit(arith, reg, b, c);
      fs.freeReg = save;
      return;
    }
    // comparison as a value
    const jt = this.condJump(e, true);
    fs.emit(Op.LoadFalse, reg);
    const skip = fs.emitJump();
    fs.patchHere(jt);
    fs.emit(Op.LoadTrue, reg);
    fs.patchHere([skip]);
    fs.freeReg = save;
  }

  /**
   * Compiles e as a condition: returns the jumps taken when truthy(e) === jumpIf; the
   * code falls through otherwise.
   */
  condJump(e: A.Expr, jumpIf: boolean): number[] {
    const fs = this.fs;
    const save = fs.freeReg;
    const c = this.constOf(e);
    if (c !== NOT_CONST) {
      const t = c !== undefined && c !== false;
      return t === jumpIf ? [fs.emitJump()] : [];
    }
    if (e.kind === "Paren") return this.condJump(e.expr, jumpIf);
    if (e.kind === "Unary" && e.op === "not") return this.condJump(e.operand, !jumpIf);
    if (e.kind === "Binary") {
      const op = e.op;
      if (op === "and") {
        if (!jumpIf) return [...this.condJump(e.left, false), ...this.condJump(e.right, false)];
        const fl = this.condJump(e.left, false);
        const t = this.condJump(e.right, true);
        fs.patchHere(fl);
        return t;
      }
      if (op === "or") {
        if (jumpIf) return [...this.condJump(e.left, true), ...this.condJump(e.right, true)];
        const tl = this.condJump(e.left, true);
        const f = this.condJump(e.right, false);
        fs.patchHere(tl);
        return f;
      }
      if (op === "==" || op === "~=" || op === "<" || op === "<=" || op === ">" || op === ">=") {
        this.operandLine = e.line;
        let b = this.exprRK(e.left);
        this.operandLine = e.right.line;
        let cc = this.exprRK(e.right);
        this.operandLine = undefined;
        let k = jumpIf;
        let cop: Op;
        if (op === "==" || op === "~=") {
          cop = Op.Eq;
          if (op === "~=") k = !k;
          if (b < 0 && cc >= 0) [b, cc] = [cc, b];
        } else if (op === "<" || op === "<=") cop = op === "<" ? Op.Lt : Op.Le;
        else {
          cop = op === ">" ? Op.Lt : Op.Le;
          [b, cc] = [cc, b];
        }
        fs.line = e.line;
        if (cop === Op.Eq && b >= 0 && cc < 0) fs.emit(Op.EqK, k ? 1 : 0, b, -1 - cc);
        else fs.emit(cop, k ? 1 : 0, b, cc);
        fs.freeReg = save;
        return [fs.emitJump()];
      }
    }
    const r = this.exprAnyReg(e);
    if (this.testLine !== undefined) fs.line = this.testLine;
    fs.emit(Op.Test, r, 0, jumpIf ? 1 : 0);
    fs.freeReg = save;
    return [fs.emitJump()];
  }
}
