// Statements and blocks: the statement half of the grammar (lparser.c's statlist..retstat).

import { Tok } from "../lexer/tokens.js";
import type {
  AssignStat,
  Block,
  CallStat,
  Expr,
  FunctionStat,
  IfStat,
  IndexExpr,
  LocalStat,
  NameExpr,
  ReturnStat,
  Stat,
} from "./ast.js";
import { parseExpr, parseExprList, parseFunctionBody, parseSuffixedExpr } from "./expressions.js";
import type { Parser } from "./parser.js";

// Whether `tok` ends a block; 'until' only counts where a repeat body may end.
function blockFollow(tok: number, withUntil: boolean): boolean {
  switch (tok) {
    case Tok.Else:
    case Tok.Elseif:
    case Tok.End:
    case Tok.Eos:
      return true;
    case Tok.Until:
      return withUntil;
    default:
      return false;
  }
}

/** Parses statements up to the token that closes the block (which is left current). */
export function parseBlock(p: Parser): Block {
  const nactvar = p.nactvar;
  const body: Stat[] = [];
  while (!blockFollow(p.tok, true)) {
    const isReturn = p.tok === Tok.Return;
    const stat = statement(p);
    if (stat !== undefined) body.push(stat);
    if (isReturn) break; // 'return' must be the last statement
  }
  p.nactvar = nactvar;
  return { body, endLine: p.line, lastLine: p.lastLine };
}

// Parses one statement; undefined for an empty statement (';').
function statement(p: Parser): Stat | undefined {
  const line = p.line;
  p.enterLevel();
  let stat: Stat | undefined;
  switch (p.tok) {
    case 59: // ';'
      p.next();
      break;
    case Tok.If:
      stat = ifStat(p, line);
      break;
    case Tok.While: {
      p.next();
      const cond = parseExpr(p);
      p.checkNext(Tok.Do);
      const body = parseBlock(p);
      p.checkMatch(Tok.End, Tok.While, line);
      stat = { kind: "While", line, cond, body };
      break;
    }
    case Tok.Do: {
      p.next();
      const body = parseBlock(p);
      p.checkMatch(Tok.End, Tok.Do, line);
      stat = { kind: "Do", line, body };
      break;
    }
    case Tok.For:
      stat = forStat(p, line);
      break;
    case Tok.Repeat: {
      p.next();
      const body = parseBlock(p);
      p.checkMatch(Tok.Until, Tok.Repeat, line);
      const cond = parseExpr(p);
      stat = { kind: "Repeat", line, body, cond };
      break;
    }
    case Tok.Function:
      stat = functionStat(p, line);
      break;
    case Tok.Local: {
      p.next();
      const funcLine = p.line;
      if (p.testNext(Tok.Function)) {
        const name = p.checkName();
        p.declareLocals(1);
        const func = parseFunctionBody(p, false, funcLine, p.line);
        func.name = name;
        stat = { kind: "LocalFunction", line, name, func };
      } else {
        stat = localStat(p, line);
      }
      break;
    }
    case Tok.DbColon: {
      p.next();
      const name = p.checkName();
      p.checkNext(Tok.DbColon);
      stat = { kind: "Label", line, name };
      break;
    }
    case Tok.Return:
      stat = returnStat(p);
      break;
    case Tok.Break:
      p.next();
      stat = { kind: "Break", line };
      break;
    case Tok.Goto:
      p.next();
      stat = { kind: "Goto", line, label: p.checkName() };
      break;
    default:
      stat = exprStat(p, line);
  }
  p.leaveLevel();
  return stat;
}

// `if cond then block {elseif cond then block} [else block] end`
function ifStat(p: Parser, line: number): IfStat {
  const clauses: IfStat["clauses"] = [];
  do {
    const clauseLine = p.line;
    p.next(); // skip 'if' or 'elseif'
    const cond = parseExpr(p);
    const thenLine = p.line;
    p.checkNext(Tok.Then);
    clauses.push({ cond, body: parseBlock(p), line: clauseLine, thenLine });
  } while (p.tok === Tok.Elseif);
  const stat: IfStat = { kind: "If", line, clauses };
  if (p.testNext(Tok.Else)) stat.orelse = parseBlock(p);
  p.checkMatch(Tok.End, Tok.If, line);
  return stat;
}

// `for v = e1, e2 [, e3] do block end` or `for v1, v2... in explist do block end`
function forStat(p: Parser, line: number): Stat {
  p.next(); // skip 'for'
  const nactvar = p.nactvar;
  const first = p.checkName();
  let stat: Stat;
  if (p.tok === 61) {
    // '='
    p.next();
    const start = parseExpr(p);
    p.checkNext(44); // ','
    const limit = parseExpr(p);
    const step = p.testNext(44) ? parseExpr(p) : undefined;
    p.checkNext(Tok.Do);
    p.declareLocals(4); // three hidden control variables and the loop's variable
    const body = parseBlock(p);
    stat = { kind: "NumericFor", line, var: first, start, limit, body };
    if (step !== undefined) stat.step = step;
  } else if (p.tok === 44 || p.tok === Tok.In) {
    const names = [first];
    while (p.testNext(44)) names.push(p.checkName());
    p.checkNext(Tok.In);
    const callLine = p.line;
    const exprs = parseExprList(p);
    p.checkNext(Tok.Do);
    p.declareLocals(4 + names.length); // four hidden control variables and the names
    const body = parseBlock(p);
    stat = { kind: "GenericFor", line, callLine, names, exprs, body };
  } else {
    p.error("'=' or 'in' expected");
  }
  p.checkMatch(Tok.End, Tok.For, line);
  p.nactvar = nactvar;
  return stat;
}

// `function a.b.c:m(params) body end`
function functionStat(p: Parser, line: number): FunctionStat {
  p.next(); // skip 'function'
  const path = [p.checkName()];
  while (p.tok === 46) {
    // '.'
    p.next();
    path.push(p.checkName());
  }
  let method: string | undefined;
  if (p.tok === 58) {
    // ':'
    p.next();
    method = p.checkName();
  }
  const func = parseFunctionBody(p, method !== undefined, line, line);
  func.name = method === undefined ? path.join(".") : `${path.join(".")}:${method}`;
  const stat: FunctionStat = { kind: "Function", line, path, func };
  if (method !== undefined) stat.method = method;
  return stat;
}

// `local n1 [<attrib>], n2 [<attrib>] [= explist]`
function localStat(p: Parser, line: number): LocalStat {
  const names: string[] = [];
  const attribs: (string | undefined)[] = [];
  let hasClose = false;
  do {
    names.push(p.checkName());
    p.declareLocals(1);
    let attrib: string | undefined;
    if (p.testNext(60)) {
      // '<' attribute '>'
      attrib = p.checkName();
      p.checkNext(62);
      if (attrib === "close") {
        if (hasClose) p.semError("multiple to-be-closed variables in local list");
        hasClose = true;
      } else if (attrib !== "const") {
        p.semError(`unknown attribute '${attrib}'`);
      }
    }
    attribs.push(attrib);
  } while (p.testNext(44));
  const exprs = p.testNext(61) ? parseExprList(p) : [];
  return { kind: "Local", line, names, attribs, exprs };
}

// `return [explist] [';']`
function returnStat(p: Parser): ReturnStat {
  const line = p.line;
  p.next(); // skip 'return'
  const exprs = blockFollow(p.tok, true) || p.tok === 59 ? [] : parseExprList(p);
  p.testNext(59);
  return { kind: "Return", line, exprs };
}

// Whether an expression can be assigned to.
function isTarget(e: Expr): e is NameExpr | IndexExpr {
  return e.kind === "Name" || e.kind === "Index";
}

// A call statement or an assignment `t1, t2... = explist`.
function exprStat(p: Parser, line: number): AssignStat | CallStat {
  const first = parseSuffixedExpr(p);
  if (p.tok !== 61 && p.tok !== 44) {
    if (first.kind !== "Call" && first.kind !== "MethodCall") p.error("syntax error");
    return { kind: "CallStat", line, call: first };
  }
  if (!isTarget(first)) p.error("syntax error");
  const targets = [first];
  let levels = 0;
  while (p.testNext(44)) {
    const target = parseSuffixedExpr(p);
    p.enterLevel(); // PUC-Rio recurses once per target
    levels++;
    if (!isTarget(target)) p.error("syntax error");
    targets.push(target);
  }
  p.checkNext(61);
  const exprs = parseExprList(p);
  p.leaveLevel(levels);
  return { kind: "Assign", line, targets, exprs };
}
