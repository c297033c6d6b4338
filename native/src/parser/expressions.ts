// Expressions: operators by precedence, primary and suffixed expressions, calls, table
// constructors and function bodies (lparser.c's expr..body).

import { TOKEN_COUNT, Tok } from "../lexer/tokens.js";
import type { BinaryOp, Expr, FunctionExpr, StringExpr, TableExpr, TableField, UnaryOp } from "./ast.js";
import type { Parser } from "./parser.js";
import { parseBlock } from "./statements.js";

// Binary operator priorities as in lparser.c: left > right makes an operator right
// associative ('..' and '^'); a higher number binds tighter.
const LEFT = new Uint8Array(TOKEN_COUNT);
const RIGHT = new Uint8Array(TOKEN_COUNT);
const BINARY_OPS: (BinaryOp | undefined)[] = [];
const UNARY_PRIORITY = 12; // above all binary operators but '^'

// Registers a binary operator token with its priorities.
function binary(tok: number, op: BinaryOp, left: number, right: number): void {
  LEFT[tok] = left;
  RIGHT[tok] = right;
  BINARY_OPS[tok] = op;
}
binary(Tok.Or, "or", 1, 1);
binary(Tok.And, "and", 2, 2);
binary(60, "<", 3, 3);
binary(62, ">", 3, 3);
binary(Tok.Le, "<=", 3, 3);
binary(Tok.Ge, ">=", 3, 3);
binary(Tok.Ne, "~=", 3, 3);
binary(Tok.Eq, "==", 3, 3);
binary(124, "|", 4, 4);
binary(126, "~", 5, 5);
binary(38, "&", 6, 6);
binary(Tok.Shl, "<<", 7, 7);
binary(Tok.Shr, ">>", 7, 7);
binary(Tok.Concat, "..", 9, 8);
binary(43, "+", 10, 10);
binary(45, "-", 10, 10);
binary(42, "*", 11, 11);
binary(47, "/", 11, 11);
binary(Tok.IDiv, "//", 11, 11);
binary(37, "%", 11, 11);
binary(94, "^", 14, 13);

// The unary operator a token starts, if any.
function unaryOp(tok: number): UnaryOp | undefined {
  switch (tok) {
    case Tok.Not:
      return "not";
    case 45:
      return "-";
    case 35:
      return "#";
    case 126:
      return "~";
    default:
      return undefined;
  }
}

/** Parses an expression. */
export function parseExpr(p: Parser): Expr {
  return subExpr(p, 0);
}

/** Parses `expr {',' expr}`. */
export function parseExprList(p: Parser): Expr[] {
  const list = [parseExpr(p)];
  while (p.testNext(44)) list.push(parseExpr(p));
  return list;
}

// Parses an expression whose binary operators all bind tighter than `limit` (subexpr).
function subExpr(p: Parser, limit: number): Expr {
  p.enterLevel();
  let left: Expr;
  const uop = unaryOp(p.tok);
  if (uop !== undefined) {
    const line = p.line;
    p.next();
    left = { kind: "Unary", line, op: uop, operand: subExpr(p, UNARY_PRIORITY) };
  } else {
    left = simpleExpr(p);
  }
  let tok = p.tok;
  while (LEFT[tok] > limit) {
    const line = p.line;
    p.next();
    const right = subExpr(p, RIGHT[tok]);
    left = { kind: "Binary", line, op: BINARY_OPS[tok] as BinaryOp, left, right };
    tok = p.tok;
  }
  p.leaveLevel();
  return left;
}

// Literals, '...', constructors, anonymous functions, or a suffixed expression.
function simpleExpr(p: Parser): Expr {
  const line = p.line;
  let e: Expr;
  switch (p.tok) {
    case Tok.Int:
    case Tok.Float:
      e = { kind: "Number", line, value: p.nval, isFloat: p.isFloat };
      break;
    case Tok.String:
      e = { kind: "String", line, value: p.sval };
      break;
    case Tok.Nil:
      e = { kind: "Nil", line };
      break;
    case Tok.True:
      e = { kind: "True", line };
      break;
    case Tok.False:
      e = { kind: "False", line };
      break;
    case Tok.Dots:
      if (!p.isVararg) p.error("cannot use '...' outside a vararg function");
      e = { kind: "Vararg", line };
      break;
    case 123: // '{'
      return tableConstructor(p);
    case Tok.Function:
      p.next();
      return parseFunctionBody(p, false, line, p.line);
    default:
      return parseSuffixedExpr(p);
  }
  p.next();
  return e;
}

// A name or a parenthesized expression: what suffixes ('.', '[', ':', call) apply to.
function primaryExpr(p: Parser): Expr {
  const line = p.line;
  if (p.tok === Tok.Name) {
    const name = p.sval;
    p.next();
    return { kind: "Name", line, name };
  }
  if (p.tok === 40) {
    // '('
    p.next();
    const expr = parseExpr(p);
    p.checkMatch(41, 40, line);
    return { kind: "Paren", line, expr };
  }
  p.error("unexpected symbol");
}

/**
 * Parses `primaryexp { '.' NAME | '[' exp ']' | ':' NAME args | args }`. Calls get the line
 * of their argument list, as Lua 5.4.6+ reports them (5.4.4 used the expression's first line).
 */
export function parseSuffixedExpr(p: Parser): Expr {
  let e = primaryExpr(p);
  for (;;) {
    switch (p.tok) {
      case 46: {
        // '.' NAME
        const dotLine = p.line;
        p.next();
        const keyLine = p.line;
        const key: StringExpr = { kind: "String", line: keyLine, value: p.checkName() };
        e = { kind: "Index", line: dotLine, object: e, key };
        break;
      }
      case 91: {
        // '[' exp ']'
        const bracketLine = p.line;
        p.next();
        const key = parseExpr(p);
        p.checkNext(93);
        e = { kind: "Index", line: bracketLine, object: e, key };
        break;
      }
      case 58: {
        // ':' NAME args
        p.next();
        const name = p.checkName();
        const line = p.line;
        e = { kind: "MethodCall", line, object: e, name, args: callArgs(p) };
        break;
      }
      case 40:
      case 123:
      case Tok.String:
        e = { kind: "Call", line: p.line, callee: e, args: callArgs(p) };
        break;
      default:
        return e;
    }
  }
}

// Parses call arguments: `(explist)`, a table constructor or a string literal.
function callArgs(p: Parser): Expr[] {
  const line = p.line;
  switch (p.tok) {
    case 40: {
      p.next();
      if (p.testNext(41)) return []; // no arguments
      const args = parseExprList(p);
      p.checkMatch(41, 40, line);
      return args;
    }
    case 123:
      return [tableConstructor(p)];
    case Tok.String: {
      const arg: StringExpr = { kind: "String", line: p.line, value: p.sval };
      p.next();
      return [arg];
    }
    default:
      p.error("function arguments expected");
  }
}

// `{ [field {sep field} [sep]] }` with sep ',' or ';'.
function tableConstructor(p: Parser): TableExpr {
  const line = p.line;
  const fields: TableField[] = [];
  p.checkNext(123);
  do {
    if (p.tok === 125) break; // '}'
    fields.push(tableField(p));
  } while (p.testNext(44) || p.testNext(59));
  p.checkMatch(125, 123, line);
  return { kind: "Table", line, fields };
}

// One field: `name = e`, `[k] = e` or a positional `e`.
function tableField(p: Parser): TableField {
  const line = p.line;
  if (p.tok === Tok.Name && p.lookahead() === 61) {
    const key: StringExpr = { kind: "String", line, value: p.sval };
    p.next();
    p.checkNext(61);
    return { type: "named", key, value: parseExpr(p), line };
  }
  if (p.tok === 91) {
    p.next();
    const key = parseExpr(p);
    p.checkNext(93);
    p.checkNext(61);
    return { type: "keyed", key, value: parseExpr(p), line };
  }
  return { type: "positional", value: parseExpr(p), line };
}

/**
 * Parses `(params) block end` after 'function' (and the name, for statements). `line` is
 * the line of 'function'; `matchLine` the one PUC-Rio names in "'end' expected (to close
 * 'function' at line N)", which for expressions is the line of the token after 'function'.
 */
export function parseFunctionBody(p: Parser, isMethod: boolean, line: number, matchLine: number): FunctionExpr {
  const params: string[] = isMethod ? ["self"] : [];
  let isVararg = false;
  p.checkNext(40);
  if (p.tok !== 41) {
    do {
      if (p.tok === Tok.Name) {
        params.push(p.sval);
        p.next();
      } else if (p.tok === Tok.Dots) {
        p.next();
        isVararg = true;
      } else {
        p.error("<name> or '...' expected");
      }
    } while (!isVararg && p.testNext(44));
  }
  p.checkNext(41);
  const outerVararg = p.isVararg;
  const outerActvar = p.nactvar;
  const outerLine = p.fnLine;
  p.isVararg = isVararg;
  p.nactvar = 0;
  p.fnLine = line;
  p.declareLocals(params.length);
  const body = parseBlock(p);
  p.isVararg = outerVararg;
  p.nactvar = outerActvar;
  p.fnLine = outerLine;
  const endLine = p.line;
  p.checkMatch(Tok.End, Tok.Function, matchLine);
  return { kind: "Function", line, endLine, params, isVararg, body };
}
