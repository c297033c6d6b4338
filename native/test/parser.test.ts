// Parser and lexer tests: error texts checked against PUC-Rio Lua 5.4.8, AST shapes, lines.

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Lexer, str2number } from "../src/lexer/lexer.js";
import { Tok } from "../src/lexer/tokens.js";
import type { Block, CallExpr, Expr, FunctionStat, IndexExpr, ReturnStat, Stat } from "../src/parser/ast.js";
import { parse } from "../src/parser/parser.js";
import { LuaSyntaxError } from "../src/vm/errors.js";

// The message `parse` throws for src (as `load(src, "=x.lua")` in lua5.4).
function errorOf(src: string, chunkName = "x.lua"): string {
  try {
    parse(src, chunkName, { skipComment: false });
  } catch (e) {
    expect(e).toBeInstanceOf(LuaSyntaxError);
    return (e as Error).message;
  }
  return "OK";
}

// The expression of `return <src>`.
function expr(src: string): Expr {
  const stat = parse(`return ${src}`, "x").body.body[0] as ReturnStat;
  return stat.exprs[0];
}

// An expression as an S-expression, to check shapes at a glance.
function show(e: Expr): string {
  switch (e.kind) {
    case "Binary":
      return `(${e.op} ${show(e.left)} ${show(e.right)})`;
    case "Unary":
      return `(${e.op} ${show(e.operand)})`;
    case "Number":
      return e.isFloat ? `${e.value}f` : String(e.value);
    case "String":
      return JSON.stringify(e.value);
    case "Name":
      return e.name;
    case "Paren":
      return `[${show(e.expr)}]`;
    case "Index":
      return `${show(e.object)}[${show(e.key)}]`;
    case "Call":
      return `${show(e.callee)}(${e.args.map(show).join(", ")})`;
    case "MethodCall":
      return `${show(e.object)}:${e.name}(${e.args.map(show).join(", ")})`;
    case "Vararg":
      return "...";
    case "Nil":
      return "nil";
    case "True":
      return "true";
    case "False":
      return "false";
    case "Table":
      return `{${e.fields.map((f) => (f.key ? `${show(f.key)}=${show(f.value)}` : show(f.value))).join(", ")}}`;
    case "Function":
      return `function(${e.params.join(", ")}${e.isVararg ? "..." : ""})`;
  }
}

// Messages observed with lua5.4.8: print(load(src, "=x.lua")).
const ERROR_CASES: [string, string][] = [
  ["x = = 1", "x.lua:1: unexpected symbol near '='"],
  ["x = 1 +", "x.lua:1: unexpected symbol near <eof>"],
  ["x = [==[ abc", "x.lua:1: unfinished long string (starting at line 1) near <eof>"],
  ["--[[ abc\n\n", "x.lua:3: unfinished long comment (starting at line 1) near <eof>"],
  ["x = 'abc", "x.lua:1: unfinished string near <eof>"],
  ["x = 'abc\n'", "x.lua:1: unfinished string near ''abc'"],
  ["x = 'a\\tb\n'", "x.lua:1: unfinished string near ''a\tb'"],
  ["x = 0x", "x.lua:1: malformed number near '0x'"],
  ["x = 3x", "x.lua:1: malformed number near '3x'"],
  ["x = 3..4", "x.lua:1: malformed number near '3..4'"],
  ["x = 1e+", "x.lua:1: malformed number near '1e+'"],
  ["x = .5x", "x.lua:1: malformed number near '.5x'"],
  ["x = 12ghi", "x.lua:1: malformed number near '12g'"],
  ["x = 0x1p", "x.lua:1: malformed number near '0x1p'"],
  ['x = "\\q"', "x.lua:1: invalid escape sequence near '\"\\q'"],
  ['x = "\\300"', "x.lua:1: decimal escape too large near '\"\\300\"'"],
  ["x = '\\xg'", "x.lua:1: hexadecimal digit expected near ''\\xg'"],
  ["x = '\\x4'", "x.lua:1: hexadecimal digit expected near ''\\x4''"],
  ["x = '\\u{110000000}'", "x.lua:1: UTF-8 value too large near ''\\u{110000000'"],
  ["x = '\\u123'", "x.lua:1: missing '{' near ''\\u1'"],
  ["x = '\\u{12'", "x.lua:1: missing '}' near ''\\u{12''"],
  ["x = '\\u{}'", "x.lua:1: hexadecimal digit expected near ''\\u{}'"],
  ["x = 'abc\\", "x.lua:1: unfinished string near <eof>"],
  ["x = [=", "x.lua:1: invalid long string delimiter near '[='"],
  ["x = [==x", "x.lua:1: invalid long string delimiter near '[=='"],
  ["x = \x01", "x.lua:1: unexpected symbol near '<\\1>'"],
  ["x = \0", "x.lua:1: unexpected symbol"],
  ["x = @", "x.lua:1: unexpected symbol near '@'"],
  ["x = \x80", "x.lua:1: unexpected symbol near '<\\128>'"],
  ['local x = 1 "a\\0b"', "x.lua:1: unexpected symbol near '\"a'"],
  ["local x <xyz> = 1", "x.lua:1: unknown attribute 'xyz'"],
  ["local x <close>, y <close> = 1", "x.lua:1: multiple to-be-closed variables in local list"],
  ["local x <const", "x.lua:1: '>' expected near <eof>"],
  ["local 1", "x.lua:1: <name> expected near '1'"],
  ["local function end", "x.lua:1: <name> expected near 'end'"],
  ["local function f", "x.lua:1: '(' expected near <eof>"],
  ["function f()\n\n", "x.lua:3: 'end' expected (to close 'function' at line 1) near <eof>"],
  ["function f()\nreturn 1", "x.lua:2: 'end' expected (to close 'function' at line 1) near <eof>"],
  ["if x then\n\n", "x.lua:3: 'end' expected (to close 'if' at line 1) near <eof>"],
  ["if x then else", "x.lua:1: 'end' expected near <eof>"],
  ["if x y", "x.lua:1: 'then' expected near 'y'"],
  ["if x then elseif y z", "x.lua:1: 'then' expected near 'z'"],
  ["while x y", "x.lua:1: 'do' expected near 'y'"],
  ["while x do\n", "x.lua:2: 'end' expected (to close 'while' at line 1) near <eof>"],
  ["do\nx = 1\n", "x.lua:3: 'end' expected (to close 'do' at line 1) near <eof>"],
  ["for x do end", "x.lua:1: '=' or 'in' expected near 'do'"],
  ["for i = 1 2", "x.lua:1: ',' expected near '2'"],
  ["for i = 1, 2 x", "x.lua:1: 'do' expected near 'x'"],
  ["for a, b x", "x.lua:1: 'in' expected near 'x'"],
  ["for 1 = 2", "x.lua:1: <name> expected near '1'"],
  ["repeat x = 1", "x.lua:1: 'until' expected near <eof>"],
  ["repeat x = 1\nuntil", "x.lua:2: unexpected symbol near <eof>"],
  ["function f(1) end", "x.lua:1: <name> or '...' expected near '1'"],
  ["function f(a,)", "x.lua:1: <name> or '...' expected near ')'"],
  ["function f(a b)", "x.lua:1: ')' expected near 'b'"],
  ["function f:() end", "x.lua:1: <name> expected near '('"],
  ["function f:m.n() end", "x.lua:1: '(' expected near '.'"],
  ["function f.1() end", "x.lua:1: '(' expected near '.1'"],
  ["f(", "x.lua:1: unexpected symbol near <eof>"],
  ["f\n(\n1 2)", "x.lua:3: ')' expected (to close '(' at line 2) near '2'"],
  ["f(1\n,\n2", "x.lua:3: ')' expected (to close '(' at line 1) near <eof>"],
  ["x = (1", "x.lua:1: ')' expected near <eof>"],
  ["x = (1\n\n", "x.lua:3: ')' expected (to close '(' at line 1) near <eof>"],
  ["x = a[1", "x.lua:1: ']' expected near <eof>"],
  ["x = a.", "x.lua:1: <name> expected near <eof>"],
  ["x = a:b", "x.lua:1: function arguments expected near <eof>"],
  ["x = a:b.c", "x.lua:1: function arguments expected near '.'"],
  ["x = {a b}", "x.lua:1: '}' expected near 'b'"],
  ["x = {\n[1] 2}", "x.lua:2: '=' expected near '2'"],
  ["x = {1,,}", "x.lua:1: unexpected symbol near ','"],
  ["x = {\na = 1,\n", "x.lua:3: unexpected symbol near <eof>"],
  ["return 1 x = 2", "x.lua:1: <eof> expected near 'x'"],
  ["return return", "x.lua:1: unexpected symbol near 'return'"],
  ["x", "x.lua:1: syntax error near <eof>"],
  ["x.y.z", "x.lua:1: syntax error near <eof>"],
  ["f() = 1", "x.lua:1: syntax error near '='"],
  ["(x) = 1", "x.lua:1: syntax error near '='"],
  ["x, f() = 1", "x.lua:1: syntax error near '='"],
  ["x, y", "x.lua:1: '=' expected near <eof>"],
  ["a.b:c = 1", "x.lua:1: function arguments expected near '='"],
  ["goto = 1", "x.lua:1: <name> expected near '='"],
  ["goto 1", "x.lua:1: <name> expected near '1'"],
  ["::a:: ::b", "x.lua:1: '::' expected near <eof>"],
  ["::1::", "x.lua:1: <name> expected near '1'"],
  ["function f() return ... end", "x.lua:1: cannot use '...' outside a vararg function near '...'"],
  [
    "function f(a, ...) return function() return ... end end",
    "x.lua:1: cannot use '...' outside a vararg function near '...'",
  ],
  ["x = not", "x.lua:1: unexpected symbol near <eof>"],
  ["x = 1 // // 2", "x.lua:1: unexpected symbol near '//'"],
  ["x = ~= 1", "x.lua:1: unexpected symbol near '~='"],
  ["local function f() end end", "x.lua:1: <eof> expected near 'end'"],
  ["until x", "x.lua:1: <eof> expected near 'until'"],
  ["then", "x.lua:1: unexpected symbol near 'then'"],
  ["x = function", "x.lua:1: '(' expected near <eof>"],
  ["x = function() end end", "x.lua:1: <eof> expected near 'end'"],
  ["x = 'a' .. 'b", "x.lua:1: unfinished string near <eof>"],
  ["f 'x' 'y' y", "x.lua:1: syntax error near <eof>"],
];

describe("syntax errors", () => {
  it.each(ERROR_CASES)("%j", (src, message) => {
    expect(errorOf(src)).toBe(message);
  });

  it("uses the chunk name as given", () => {
    expect(errorOf("x = = 1", '[string "x = = 1"]')).toBe(`[string "x = = 1"]:1: unexpected symbol near '='`);
    expect(errorOf("x = \n\n = 1")).toBe("x.lua:3: unexpected symbol near '='");
  });

  it("rejects '...' only outside vararg functions", () => {
    expect(errorOf("x = ...")).toBe("OK");
    expect(errorOf("function f(...) return ... end")).toBe("OK");
    expect(errorOf("function f(...) return function() return ... end end")).toBe(
      "x.lua:1: cannot use '...' outside a vararg function near '...'",
    );
  });

  it("fails cleanly on very deep nesting, at lua5.4's depth", () => {
    const deep = (open: string, mid: string, close: string, n: number) => open.repeat(n) + mid + close.repeat(n);
    const tooDeep = "x.lua:1: chunk has too many syntax levels";
    expect(errorOf(`x = ${deep("(", "1", ")", 195)}`)).toBe("OK");
    expect(errorOf(`x = ${deep("(", "1", ")", 196)}`)).toBe(tooDeep);
    expect(errorOf(`x = ${deep("{", "", "}", 196)}`)).toBe("OK");
    expect(errorOf(`x = ${deep("{", "", "}", 197)}`)).toBe(tooDeep);
    expect(errorOf(`x = ${deep("function() return ", "1", " end", 97)}`)).toBe("OK");
    expect(errorOf(`x = ${deep("function() return ", "1", " end", 98)}`)).toBe(tooDeep);
    for (const [open, mid, close] of [
      ["(", "1", ")"],
      ["{", "", "}"],
      ["- ", "1", ""],
      ["not ", "1", ""],
      ["1 .. ", "1", ""],
      ["2 ^ ", "1", ""],
      ["f(", "", ")"],
      ["a[", "1", "]"],
      ["function() return ", "1", " end"],
    ]) {
      expect(errorOf(`x = ${deep(open, mid, close, 10000)}`)).toBe(tooDeep);
    }
    expect(errorOf(deep("do ", "", " end", 10000))).toBe(tooDeep);
    expect(errorOf(deep("if x then ", "", " end", 10000))).toBe(tooDeep);
    expect(errorOf(`a${", a".repeat(10000)} = 1`)).toBe(tooDeep);
    // long flat chains are not nesting
    expect(errorOf(`x = 1${" + 1".repeat(10000)}`)).toBe("OK");
    expect(errorOf(`x = a${".b".repeat(10000)}`)).toBe("OK");
  });
});

describe("numbers", () => {
  const num = (src: string) => {
    const e = expr(src);
    if (e.kind !== "Number") throw new Error(`not a number: ${e.kind}`);
    return [e.value, e.isFloat];
  };

  it("reads integers, wrapping hex and turning large decimals into floats", () => {
    expect(num("3")).toEqual([3, false]);
    expect(num("0x10")).toEqual([16, false]);
    expect(num("0XfF")).toEqual([255, false]);
    expect(num("9007199254740991")).toEqual([9007199254740991, false]);
    expect(num("9007199254740992")).toEqual([9007199254740992n, false]);
    expect(num("9223372036854775807")).toEqual([9223372036854775807n, false]);
    expect(num("9223372036854775808")).toEqual([2 ** 63, true]);
    expect(num("0x7fffffffffffffff")).toEqual([9223372036854775807n, false]);
    expect(num("0x8000000000000000")).toEqual([-9223372036854775808n, false]);
    expect(num("0xffffffffffffffff")).toEqual([-1, false]);
    expect(num("0x10000000000000001")).toEqual([1, false]);
    expect(num("000123")).toEqual([123, false]);
  });

  it("reads floats, decimal and hexadecimal", () => {
    expect(num("3.0")).toEqual([3, true]);
    expect(num("5.")).toEqual([5, true]);
    expect(num(".5")).toEqual([0.5, true]);
    expect(num("1e2")).toEqual([100, true]);
    expect(num("1E+2")).toEqual([100, true]);
    expect(num("2.5e-3")).toEqual([0.0025, true]);
    expect(num("1e400")).toEqual([Infinity, true]);
    expect(num("0x1p4")).toEqual([16, true]);
    expect(num("0xA.8p0")).toEqual([10.5, true]);
    expect(num("0x.8")).toEqual([0.5, true]);
    expect(num("0xA.")).toEqual([10, true]);
    expect(num("0x1P-2")).toEqual([0.25, true]);
    expect(num("0x1p-1074")).toEqual([5e-324, true]);
    expect(num("0x1.fffffffffffff8p1023")).toEqual([Infinity, true]);
    expect(num("0x1.00000000000008p0")).toEqual([1, true]); // ties to even
    expect(num("0x1.00000000000018p0")).toEqual([1 + 2 ** -51, true]);
  });

  it("keeps the sign out of literals", () => {
    expect(show(expr("-1"))).toBe("(- 1)");
    expect(show(expr("-9223372036854775808"))).toBe("(- 9223372036854776000f)");
  });

  it("converts strings like luaO_str2num", () => {
    expect(str2number(" 0x10 ")).toEqual({ value: 16, isFloat: false });
    expect(str2number("-0x1")).toEqual({ value: -1, isFloat: false });
    expect(str2number("-9223372036854775808")).toEqual({ value: -9223372036854775808n, isFloat: false });
    expect(str2number("+1.5e1")).toEqual({ value: 15, isFloat: true });
    expect(str2number("\t-0.0\n")).toEqual({ value: -0, isFloat: true });
    expect(str2number("-0")).toEqual({ value: 0, isFloat: false });
    for (const bad of ["", " ", "inf", "nan", "1e", "0x", "- 1", "1 2", "0x1p", "1..2", "abc"]) {
      expect(str2number(bad)).toBeUndefined();
    }
  });
});

describe("strings", () => {
  const str = (src: string) => {
    const e = expr(src);
    if (e.kind !== "String") throw new Error(`not a string: ${e.kind}`);
    return e.value;
  };

  it("decodes escapes", () => {
    expect(str(String.raw`"\a\b\f\n\r\t\v\\\"\'"`)).toBe("\x07\b\f\n\r\t\v\\\"'");
    expect(str(String.raw`'\65\066\0\255x'`)).toBe("AB\0\xffx");
    expect(str(String.raw`'\1234'`)).toBe("{4");
    expect(str(String.raw`'\x41\xfF'`)).toBe("A\xff");
    expect(str("'a\\z  \n\t  b'")).toBe("ab");
    expect(str("'a\\\nb\\\r\nc\\\n\rd\\\re'")).toBe("a\nb\nc\nd\ne");
    expect(str("'caf\xe9'")).toBe("caf\xe9");
  });

  it("encodes \\u{...} as UTF-8 bytes, up to 2^31 - 1", () => {
    expect(str(String.raw`'\u{41}\u{7FF}\u{800}'`)).toBe("A\xdf\xbf\xe0\xa0\x80");
    expect(str(String.raw`'\u{10FFFF}'`)).toBe("\xf4\x8f\xbf\xbf");
    expect(str(String.raw`'\u{110000}'`)).toBe("\xf4\x90\x80\x80");
    expect(str(String.raw`'\u{7FFFFFFF}'`)).toBe("\xfd\xbf\xbf\xbf\xbf\xbf");
    expect(str(String.raw`'\u{0000000041}'`)).toBe("A");
  });

  it("reads long strings", () => {
    expect(str("[[abc]]")).toBe("abc");
    expect(str("[[\nabc]]")).toBe("abc");
    expect(str("[[\r\nab\r\ncd\n\ref\rg]]")).toBe("ab\ncd\nef\ng");
    expect(str("[==[a]]b]=]c]==]")).toBe("a]]b]=]c");
    expect(str("[=[]]=]")).toBe("]");
    expect(str("[[\\n]]")).toBe("\\n");
  });

  it("skips comments and a first '#' line", () => {
    const chunk = parse("#!/usr/bin/lua\n--[==[ long\n]] ]==] x = 1 -- short\n--[ not long\nreturn", "x");
    expect(chunk.body.body.map((s) => [s.kind, s.line])).toEqual([
      ["Assign", 3],
      ["Return", 5],
    ]);
    expect(errorOf("#!/usr/bin/lua\nx = 1")).toBe("x.lua:1: unexpected symbol near '#'");
    expect(() => parse("#!/usr/bin/lua\nx = = 1", "x.lua")).toThrow("x.lua:2: unexpected symbol near '='");
    expect(parse("\xEF\xBB\xBFreturn 1", "x").body.body[0].kind).toBe("Return");
  });
});

describe("lexer", () => {
  it("produces single-byte and multi-byte tokens", () => {
    const lex = new Lexer("a <= b ~= c // d .. e ... :: >> << == >= ~ [ ]", "x");
    const kinds: number[] = [];
    for (let t = lex.next(); t !== Tok.Eos; t = lex.next()) kinds.push(t);
    const c = (s: string) => s.charCodeAt(0);
    expect(kinds).toEqual([
      Tok.Name,
      Tok.Le,
      Tok.Name,
      Tok.Ne,
      Tok.Name,
      Tok.IDiv,
      Tok.Name,
      Tok.Concat,
      Tok.Name,
      Tok.Dots,
      Tok.DbColon,
      Tok.Shr,
      Tok.Shl,
      Tok.Eq,
      Tok.Ge,
      c("~"),
      c("["),
      c("]"),
    ]);
  });
});

describe("precedence", () => {
  it.each([
    ["1 + 2 * 3", "(+ 1 (* 2 3))"],
    ["1 * 2 + 3", "(+ (* 1 2) 3)"],
    ["a - b - c", "(- (- a b) c)"],
    ["a // b % c * d / e", "(/ (* (% (// a b) c) d) e)"],
    ["-2 ^ 2", "(- (^ 2 2))"],
    ["2 ^ -3", "(^ 2 (- 3))"],
    ["2 ^ 3 ^ 2", "(^ 2 (^ 3 2))"],
    ["-x ^ -y ^ z", "(- (^ x (- (^ y z))))"],
    ["a .. b .. c", "(.. a (.. b c))"],
    ["1 + 2 .. 3 + 4", "(.. (+ 1 2) (+ 3 4))"],
    ["1 << 2 .. 3", "(<< 1 (.. 2 3))"],
    ["a | b ~ c & d << e", "(| a (~ b (& c (<< d e))))"],
    ["a & b ~ c | d", "(| (~ (& a b) c) d)"],
    ["a < b | c", "(< a (| b c))"],
    ["a < b == c", "(== (< a b) c)"],
    ["a >= b ~= c <= d > e", "(> (<= (~= (>= a b) c) d) e)"],
    ["a or b and c", "(or a (and b c))"],
    ["a and b or c and d", "(or (and a b) (and c d))"],
    ["not a == b", "(== (not a) b)"],
    ["not not a", "(not (not a))"],
    ["#t + 1", "(+ (# t) 1)"],
    ["- - x", "(- (- x))"],
    ["~x ~ y", "(~ (~ x) y)"],
    ["(a + b) * c", "(* [(+ a b)] c)"],
    ["a.b[c]:d(e)(f){g}'h'", 'a["b"][c]:d(e)(f)({g})("h")'],
    ["f{x = 1, [2] = 3; 4,}", 'f({"x"=1, 2=3, 4})'],
  ])("%s", (src, shape) => {
    expect(show(expr(src))).toBe(shape);
  });
});

describe("statements", () => {
  const stats = (src: string): Stat[] => parse(src, "x").body.body;

  it("builds locals with attributes", () => {
    expect(stats("local a <const>, b <close>, c = 1, 2")[0]).toMatchObject({
      kind: "Local",
      names: ["a", "b", "c"],
      attribs: ["const", "close", undefined],
      exprs: [
        { kind: "Number", value: 1 },
        { kind: "Number", value: 2 },
      ],
    });
    expect(stats("local x")[0]).toMatchObject({ kind: "Local", names: ["x"], exprs: [] });
  });

  it("builds loops, ifs, labels and gotos", () => {
    const [nfor, gfor, wh, rep, ifs, lbl, gt] = stats(
      "for i = 1, 10, 2 do end for k, v in pairs(t) do break end while x do end repeat local y until y " +
        "if a then elseif b then else end ::top:: goto top",
    );
    expect(nfor).toMatchObject({ kind: "NumericFor", var: "i", step: { value: 2 } });
    expect(gfor).toMatchObject({ kind: "GenericFor", names: ["k", "v"], body: { body: [{ kind: "Break" }] } });
    expect(wh).toMatchObject({ kind: "While", cond: { kind: "Name", name: "x" } });
    expect(rep).toMatchObject({ kind: "Repeat", body: { body: [{ kind: "Local" }] }, cond: { name: "y" } });
    expect(ifs).toMatchObject({ kind: "If", clauses: [{ cond: { name: "a" } }, { cond: { name: "b" } }] });
    expect((ifs as { orelse?: Block }).orelse).toBeDefined();
    expect(lbl).toEqual({ kind: "Label", line: 1, name: "top" });
    expect(gt).toEqual({ kind: "Goto", line: 1, label: "top" });
    expect(stats("for i = 1, 2 do end")[0]).not.toHaveProperty("step");
  });

  it("builds function statements", () => {
    const [f1, f2, f3] = stats("function a.b:c(x, ...) end function f() end local function g(y) end");
    expect(f1).toMatchObject({ kind: "Function", path: ["a", "b"], method: "c" });
    expect((f1 as FunctionStat).func).toMatchObject({ name: "a.b:c", params: ["self", "x"], isVararg: true });
    expect(f2).toMatchObject({ kind: "Function", path: ["f"], func: { name: "f", params: [], isVararg: false } });
    expect(f2).not.toHaveProperty("method");
    expect(f3).toMatchObject({ kind: "LocalFunction", name: "g", func: { name: "g", params: ["y"] } });
  });

  it("builds assignments, calls and returns", () => {
    const [asg, call, mcall] = stats("a, b.c, d[1] = 1, 2 f(1) o:m 'x' return;");
    expect(asg).toMatchObject({ kind: "Assign", targets: [{ kind: "Name" }, { kind: "Index" }, { kind: "Index" }] });
    expect(call).toMatchObject({ kind: "CallStat", call: { kind: "Call", args: [{ value: 1 }] } });
    expect(mcall).toMatchObject({ kind: "CallStat", call: { kind: "MethodCall", name: "m", args: [{ value: "x" }] } });
    expect(stats("return")[0]).toEqual({ kind: "Return", line: 1, exprs: [] });
    expect(stats("do return 1, 2; end")[0]).toMatchObject({ body: { body: [{ kind: "Return", exprs: [{}, {}] }] } });
  });

  it("makes the main chunk a block ending at <eof>", () => {
    const chunk = parse("x = 1\n\n", "main.lua");
    expect(chunk).toMatchObject({ kind: "Chunk", chunkName: "main.lua", body: { endLine: 3 } });
  });
});

describe("lines", () => {
  it("counts \\n, \\r, \\r\\n and \\n\\r as one line each", () => {
    const lines = parse("a = 1\r\nb = 2\n\rc = 3\rd = 4\n\ne = [[\n\n]] f = 1", "x").body.body.map((s) => s.line);
    expect(lines).toEqual([1, 2, 3, 4, 6, 8]);
  });

  it("gives operators, calls, indexes and functions their lines", () => {
    const src = [
      "local t = {}", // 1
      "function t.a.b:c(x)", // 2
      "  return x", // 3
      "    + 1", // 4
      "end", // 5
      "t", // 6
      "  .k", // 7
      "  [1]", // 8
      "  (", // 9
      "  2)", // 10
      "t:m", // 11
      "{}", // 12
      "local f = function", // 13
      "() end", // 14
    ].join("\n");
    const [, fstat, cstat, mstat, lstat] = parse(src, "x").body.body;
    const func = (fstat as FunctionStat).func;
    expect([func.line, func.endLine, func.body.endLine]).toEqual([2, 5, 5]);
    const ret = func.body.body[0] as ReturnStat;
    expect([ret.line, ret.exprs[0].line]).toEqual([3, 4]);
    const call = (cstat as { call: CallExpr }).call;
    expect([cstat.line, call.line]).toEqual([6, 9]);
    const index = call.callee as IndexExpr;
    expect([index.line, (index.object as IndexExpr).line]).toEqual([8, 7]);
    expect([mstat.line, (mstat as { call: Expr }).call.line]).toEqual([11, 12]);
    expect(lstat).toMatchObject({ line: 13, exprs: [{ kind: "Function", line: 13, endLine: 14 }] });
  });

  it("gives block end lines and if clause lines", () => {
    const [ifs] = parse("if a then\nx()\nelseif b then\ny()\nelse\nz()\nend", "x").body.body;
    expect(ifs).toMatchObject({
      line: 1,
      clauses: [
        { line: 1, body: { endLine: 3 } },
        { line: 3, body: { endLine: 5 } },
      ],
      orelse: { endLine: 7 },
    });
  });
});

describe("performance", () => {
  it("parses a megabyte quickly", () => {
    let src = "local t = {\n";
    for (let i = 0; src.length < 1 << 20; i++) {
      src += `  { name = "item${i}", v = ${i} * 2.5 + 0x1F, f = function(a, b) return a .. b, #a end }, -- c\n`;
    }
    src += "}\n";
    parse(src, "big.lua"); // warm up
    const start = performance.now();
    const chunk = parse(src, "big.lua");
    const ms = performance.now() - start;
    expect(chunk.body.body).toHaveLength(1);
    expect(ms).toBeLessThan(1000);
  });
});

const SUITE = "/work/shared/lua-5.4.8-tests/testes";
describe.skipIf(!existsSync(SUITE))("the Lua 5.4.8 test suite", () => {
  it("parses every file", () => {
    const files = readdirSync(SUITE, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".lua"));
    expect(files.length).toBeGreaterThan(20);
    for (const f of files) {
      expect(() => parse(readFileSync(join(SUITE, f), "latin1"), f)).not.toThrow();
    }
  });
});
