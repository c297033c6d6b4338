// The string library called directly, natives only (no interpreter needed).
//
// The rows of `oracle` were produced by running the same calls in lua5.4 (5.4.4): a result
// row lists the values Lua returned; an error row gives the message and, for "bad argument"
// errors, the argument index that the NativeError must carry.

import { describe, expect, it } from "vitest";
import { openString } from "../src/stdlib/string.js";
import { NativeError } from "../src/vm/errors.js";
import { NativeFunction } from "../src/vm/function.js";
import { installImpl, LuaState } from "../src/vm/state.js";
import { LuaTable } from "../src/vm/table.js";
import { LuaFloat, type LuaValue } from "../src/vm/value.js";

const F = (n: number) => new LuaFloat(n);
const err = (message: string, argIndex = 0) => ({ message, argIndex });
type Expected = LuaValue[] | { message: string; argIndex: number };

// Stand-ins for the interpreter's services, enough for gsub, %s and the tests below.
installImpl({
  call: (L, f, args) => {
    if (f instanceof NativeFunction) return f.fn(L, args) ?? [];
    throw new Error("stand-in call: only natives");
  },
  index: (_L, o, k) => (o instanceof LuaTable ? o.get(k) : undefined),
  tostring: (_L, v) =>
    v === undefined ? "nil" : typeof v === "boolean" ? String(v) : v instanceof LuaTable ? "table: 0x1" : String(v),
  setIndex: () => {
    throw new Error("not used");
  },
  len: () => {
    throw new Error("not used");
  },
  lessThan: () => {
    throw new Error("not used");
  },
  equals: () => {
    throw new Error("not used");
  },
  getMetatable: () => undefined,
  load: () => {
    throw new Error("not used");
  },
});

const L = new LuaState();
const lib = openString(L);

/** Calls string.<name> with args and returns its results. */
function call(name: string, ...args: LuaValue[]): LuaValue[] {
  return (lib.get(name) as NativeFunction).fn(L, args) ?? [];
}

/** The NativeError a call raises. */
function failure(name: string, ...args: LuaValue[]): NativeError {
  try {
    call(name, ...args);
  } catch (e) {
    if (e instanceof NativeError) return e;
    throw e;
  }
  throw new Error(`string.${name} did not fail`);
}

const show = (v: LuaValue): string =>
  typeof v === "string"
    ? JSON.stringify(v.length > 40 ? `${v.slice(0, 37)}...` : v)
    : typeof v === "bigint"
      ? `${v}n`
      : v instanceof LuaFloat
        ? `${v.n}.0`
        : String(v);

const oracle: [string, LuaValue[], Expected][] = [
  ["format", ["%5.2f", 3.14158], [" 3.14"]],
  ["format", ["%.14g", 0.1], ["0.1"]],
  ["format", ["%g", 0.1], ["0.1"]],
  ["format", ["%e", 0.1], ["1.000000e-01"]],
  ["format", ["%.20f", 0.1], ["0.10000000000000000555"]],
  ["format", ["%g", F(1e300)], ["1e+300"]],
  [
    "format",
    ["%f", F(1e300)],
    [
      "1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160.000000",
    ],
  ],
  ["format", ["%e", F(1e300)], ["1.000000e+300"]],
  ["format", ["%g", 5e-324], ["4.94066e-324"]],
  ["format", ["%.3e", 5e-324], ["4.941e-324"]],
  ["format", ["%a", 5e-324], ["0x0.0000000000001p-1022"]],
  ["format", ["%g", F(-0)], ["-0"]],
  ["format", ["%f", F(-0)], ["-0.000000"]],
  ["format", ["%a", F(-0)], ["-0x0p+0"]],
  ["format", ["%.14g", F(9223372036854776000)], ["9.2233720368548e+18"]],
  ["format", ["%f", F(9223372036854776000)], ["9223372036854775808.000000"]],
  ["format", ["%a", 0.1], ["0x1.999999999999ap-4"]],
  ["format", ["%A", 0.1], ["0X1.999999999999AP-4"]],
  ["format", ["%a", 1], ["0x1p+0"]],
  ["format", ["%a", F(1)], ["0x1p+0"]],
  ["format", ["%a", -1.5], ["-0x1.8p+0"]],
  ["format", ["%.1a", 1.03125], ["0x1.0p+0"]],
  ["format", ["%.1a", 1.09375], ["0x1.2p+0"]],
  ["format", ["%.0a", 1.5], ["0x2p+0"]],
  ["format", ["%.3a", 1e-310], ["0x0.012p-1022"]],
  ["format", ["%a", 1e-310], ["0x0.012688b70e62bp-1022"]],
  ["format", ["%010a", 1], ["0x00001p+0"]],
  ["format", ["%+.2A", 12], ["+0X1.80P+3"]],
  ["format", ["%#a", 1], ["0x1.p+0"]],
  ["format", ["%f", Infinity], ["inf"]],
  ["format", ["%e", -Infinity], ["-inf"]],
  ["format", ["%5.1f|", Infinity], ["  inf|"]],
  ["format", ["%g", F(1000000000000000)], ["1e+15"]],
  ["format", ["%g", 100000], ["100000"]],
  ["format", ["%g", 1000000], ["1e+06"]],
  ["format", ["%g", 0.0001], ["0.0001"]],
  ["format", ["%g", 0.00001], ["1e-05"]],
  ["format", ["%.0f %.0f %.0f %.2f", 0.5, 1.5, 2.5, 0.125], ["0 2 2 0.12"]],
  ["format", ["%.0e %.1e", 25, 0.25], ["2e+01 2.5e-01"]],
  ["format", ["%.1g", 0.25], ["0.2"]],
  ["format", ["%.14g", F(123456789012345)], ["1.2345678901234e+14"]],
  ["format", ["%#g", 1], ["1.00000"]],
  ["format", ["%#.0f", 2.5], ["2."]],
  ["format", ["%#.0e", 1.5], ["2.e+00"]],
  ["format", ["%+#014.0f", 100], ["+000000000100."]],
  ["format", ["%+.3G", 1.5], ["+1.5"]],
  ["format", ["% .1g", 1024], [" 1e+03"]],
  ["format", ["%010.3f|%-10.2e|%+.3g", -3.14158, 12345.678, 0.00001], ["-00003.142|1.23e+04  |+1e-05"]],
  [
    "format",
    ["%.99f", 0.1],
    ["0.100000000000000005551115123125782702118158340454101562500000000000000000000000000000000000000000000"],
  ],
  ["format", ["%.3f", "1.25"], ["1.250"]],
  ["format", ["%5.1E", 123456], ["1.2E+05"]],
  ["format", ["%d", 42], ["42"]],
  ["format", ["%d", F(3)], ["3"]],
  ["format", ["%d", "10"], ["10"]],
  ["format", ["%i", -7], ["-7"]],
  ["format", ["%5d|%-5d|%05d", 7, 7, -7], ["    7|7    |-0007"]],
  ["format", ["%+d % d %+d", 5, 5, -5], ["+5  5 -5"]],
  ["format", ["%.3d|%.0d|%2.5d", 7, 0, -100], ["007||-00100"]],
  ["format", ["%x", -1], ["ffffffffffffffff"]],
  ["format", ["%X", 255], ["FF"]],
  ["format", ["%#x %#X %#o %o", 255, 255, 8, 8], ["0xff 0XFF 010 10"]],
  ["format", ["%x", -9223372036854775808n], ["8000000000000000"]],
  ["format", ["%d", -9223372036854775808n], ["-9223372036854775808"]],
  ["format", ["%d", 9223372036854775807n], ["9223372036854775807"]],
  ["format", ["%u", -1], ["18446744073709551615"]],
  ["format", ["%.u", 0], [""]],
  ["format", ["%d", F(9007199254740992)], ["9007199254740992"]],
  ["format", ["%#.3x", 1], ["0x001"]],
  ["format", ["%#5o", 0], ["    0"]],
  ["format", ["%c%c%c", 76, 117, 97], ["Lua"]],
  ["format", ["%-3c|%3c", 97, 98], ["a  |  b"]],
  ["format", ["%%%d %010d", 10, 23], ["%10 0000000023"]],
  ["format", ["%s", "hello"], ["hello"]],
  ["format", ["%5s|%-5s|%.2s", "ab", "ab", "abc"], ["   ab|ab   |ab"]],
  ["format", ["%5.1s|", "abc"], ["    a|"]],
  ["format", ["%s", 1.5], ["1.5"]],
  ["format", ["%s %s", 1, F(1)], ["1 1.0"]],
  ["format", ["%q", 'a\nb\u0000c"d\\e\r1'], ['"a\\\nb\\0c\\"d\\\\e\\13\\1271"']],
  ["format", ["%q", "\u00001\u0002x\u0003"], ['"\\0001\\2x\\3"']],
  ["format", ["%q", 1], ["1"]],
  ["format", ["%q", F(1)], ["0x1p+0"]],
  ["format", ["%q", 0.1], ["0x1.999999999999ap-4"]],
  ["format", ["%q", -9223372036854775808n], ["0x8000000000000000"]],
  ["format", ["%q", Infinity], ["1e9999"]],
  ["format", ["%q", -Infinity], ["-1e9999"]],
  ["format", ["%q", NaN], ["(0/0)"]],
  ["format", ["%q", F(-0)], ["-0x0p+0"]],
  ["format", ["%q", 1152921504606846976n], ["1152921504606846976"]],
  ["format", ["%-50s|", "a"], ["a                                                 |"]],
  ["format", ["%.20s", "%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%"], ["%%%%%%%%%%%%%%%%%%%%"]],
  ["format", ["%s\u0000%s", "a\u0000", "b"], ["a\u0000\u0000b"]],
  ["format", ["no conversions"], ["no conversions"]],
  ["format", ["%d", 3.5], err("number has no integer representation", 2)],
  ["format", ["%d"], err("no value", 2)],
  ["format", ["%d %d", 1], err("no value", 3)],
  ["format", ["%y", 1], err("invalid conversion '%y' to 'format'")],
  ["format", ["abc%", 1], err("invalid conversion '%' to 'format'")],
  ["format", ["%123d", 1], err("invalid conversion specification: '%123d'")],
  ["format", ["%10.123f", 1], err("invalid conversion specification: '%10.123f'")],
  ["format", ["%05c", 65], err("invalid conversion specification: '%05c'")],
  ["format", ["%#d", 1], err("invalid conversion specification: '%#d'")],
  ["format", ["%5q", 1], err("specifier '%q' cannot have modifiers")],
  ["format", ["%F", 1.5], err("invalid conversion '%F' to 'format'")],
  ["format", ["%-+ #0-+ #0-+ #0-+ #0-+ #0d", 3], err("invalid format (too long)")],
  ["format", ["%q", "x", "y"], ['"x"']],
  ["format", ["%10s", "a\u0000b"], err("string contains zeros", 2)],
  ["format", ["%d", "x"], err("number expected, got string", 2)],
  ["format", ["%.3p", 1], err("invalid conversion specification: '%.3p'")],
  ["format", ["%p", 1], ["(null)"]],
  ["format", ["%10p|", true], ["    (null)|"]],
  ["find", ["hello world", "wor"], [7, 9]],
  ["find", ["hello world", "o", 6], [8, 8]],
  ["find", ["hello", "l+"], [3, 4]],
  ["find", ["a.b", ".", 1, true], [2, 2]],
  ["find", ["abc", "b", -1], [undefined]],
  ["find", ["", ""], [1, 0]],
  ["find", ["", "", 2], [undefined]],
  ["find", ["abc", "", 10], [undefined]],
  ["find", ["hello", "(h)(e)"], [1, 2, "h", "e"]],
  ["find", ["key = value", "(%w+)%s*=%s*(%w+)"], [1, 11, "key", "value"]],
  ["find", ["abc", "^b"], [undefined]],
  ["find", ["abc", "c$"], [3, 3]],
  ["find", ["a$c", "$c"], [2, 3]],
  ["match", ["hello world", "%w+"], ["hello"]],
  ["match", ["  trim  ", "^%s*(.-)%s*$"], ["trim"]],
  ["match", ["x = 10", "()=()"], [3, 4]],
  ["match", ["f(a(b)c)d", "%b()"], ["(a(b)c)"]],
  ["match", ["THE (quick) fox", "%f[%a]%a+"], ["THE"]],
  ["match", ["hello", "(l)%1"], ["l"]],
  ["match", ["abcabc", "(abc)%1"], ["abc"]],
  ["match", ["2024-01-15", "(%d+)-(%d+)-(%d+)"], ["2024", "01", "15"]],
  ["match", ["[test]", "%[(.-)%]"], ["test"]],
  ["match", ["a+b", "a%+b"], ["a+b"]],
  ["match", ["aaa", "a-b"], [undefined]],
  ["match", ["aaab", "a-b"], ["aaab"]],
  ["match", ["abc", "[%a-]+"], ["abc"]],
  ["match", ["x]y", "[]]"], ["]"]],
  ["match", ["a^b", "[%^^]+"], ["^"]],
  ["match", ["hello", ".-(l+)(.*)"], ["ll", "o"]],
  ["match", ["ab\u0000cd", "%z"], ["\u0000"]],
  ["match", ["ab\u0000\u0001\u0002c", "[\u0000-\u0002]+"], ["\u0000\u0001\u0002"]],
  ["match", ["café", "%a+"], ["caf"]],
  ["match", ["0x1F", "%x+", 3], ["1F"]],
  ["match", ["AbC", "%u%l%u"], ["AbC"]],
  ["match", ["a,b;c", "%p"], [","]],
  ["match", ["\t x", "%S"], ["x"]],
  ["match", ["aaa", "^(a*)$"], ["aaa"]],
  ["match", ["abc", "((a)(b))"], ["ab", "a", "b"]],
  ["match", ["abc", "()"], [1]],
  ["gsub", ["hello world", "o", "0"], ["hell0 w0rld", 2]],
  ["gsub", ["hello world", "(%w+)", "<%1>"], ["<hello> <world>", 2]],
  ["gsub", ["hello", "", "-"], ["-h-e-l-l-o-", 6]],
  ["gsub", ["abc", "%w", "%0%0"], ["aabbcc", 3]],
  ["gsub", ["hello world", "%w+", "%%", 1], ["% world", 1]],
  ["gsub", ["abc", "b*", "X"], ["XaXcX", 3]],
  ["gsub", ["one two three", "(%w+) (%w+)", "%2 %1"], ["two one three", 1]],
  ["gsub", ["abc", "^a", "A"], ["Abc", 1]],
  ["gsub", ["aaa", "^a", "A"], ["Aaa", 1]],
  ["gsub", ["x = 1", "()", "%1"], ["1x2 3=4 516", 6]],
  ["gsub", ["abc", ".", 1], ["111", 3]],
  ["gsub", ["  trim  ", "^%s+", ""], ["trim  ", 1]],
  ["gsub", ["abc", "x", "%9"], ["abc", 0]],
  ["gsub", ["abc", "b", "%1"], ["abc", 1]],
  ["gsub", ["f(a(b)c)d", "%b()", "[]"], ["f[]d", 1]],
  ["gsub", ["THE (quick) fox", "%f[%a]%a+", "W"], ["W (W) W", 3]],
  ["gsub", ["hello world", "l", "L", 2], ["heLLo world", 2]],
  ["gsub", ["hello", "l", "L", 0], ["hello", 0]],
  ["find", ["a", "%"], err("malformed pattern (ends with '%')")],
  ["find", ["a", "[a"], err("malformed pattern (missing ']')")],
  ["find", ["a", "[]"], err("malformed pattern (missing ']')")],
  ["find", ["a", "[^]"], err("malformed pattern (missing ']')")],
  ["find", ["a", "%f"], err("missing '[' after '%f' in pattern")],
  ["find", ["a", "%fa"], err("missing '[' after '%f' in pattern")],
  ["find", ["a", "(."], err("unfinished capture")],
  ["find", ["a", ".)"], err("invalid pattern capture")],
  ["find", ["a", "%b"], err("malformed pattern (missing arguments to '%b')")],
  ["find", ["a", "%ba"], err("malformed pattern (missing arguments to '%b')")],
  ["find", ["a", "(a%2)"], err("invalid capture index %2")],
  ["find", ["abc", "((((((((((((((((((((((((((((((((()))))))))))))))))))))))))))))))))"], err("too many captures")],
  [
    "find",
    [
      "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
      "a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?",
    ],
    err("pattern too complex"),
  ],
  ["gsub", ["abc", "(b)", "%2"], err("invalid capture index %2")],
  ["gsub", ["abc", "b", "%x"], err("invalid use of '%' in replacement string")],
  ["gsub", ["abc", "b"], err("string/function/table expected, got no value", 3)],
  ["gsub", ["abc", "b", true], err("string/function/table expected, got boolean", 3)],
  ["match", ["alo", "(%0)"], err("invalid capture index %0")],
  ["match", ["alo", "(%1)"], err("invalid capture index %1")],
  ["len", ["\u0000\u0000\u0000"], [3]],
  ["sub", ["123456789", 2, 4], ["234"]],
  ["sub", ["123456789", -4], ["6789"]],
  ["sub", ["123456789", 0, 0], [""]],
  ["sub", ["123456789", -10, 10], ["123456789"]],
  ["sub", ["123456789", -9223372036854775808n, -4], ["123456"]],
  ["sub", ["123456789", 7, 6], [""]],
  ["sub", ["hello", 2], ["ello"]],
  ["byte", ["ABC"], [65]],
  ["byte", ["ABC", -1], [67]],
  ["byte", ["ABC", 1, -1], [65, 66, 67]],
  ["byte", ["ABC", 10], []],
  ["byte", ["ÿ\u0000", 1, 2], [255, 0]],
  ["char", [72, 105, 0, 255], ["Hi\u0000ÿ"]],
  ["char", [], [""]],
  ["char", [256], err("value out of range", 1)],
  ["char", [-1], err("value out of range", 1)],
  ["rep", ["ab", 3], ["ababab"]],
  ["rep", ["ab", 3, ","], ["ab,ab,ab"]],
  ["rep", ["x", 0], [""]],
  ["rep", ["x", -5, "y"], [""]],
  ["rep", ["", 10, "."], ["........."]],
  ["rep", ["x", 2147483648], err("resulting string too large")],
  ["rep", ["aa", 1073741824], err("resulting string too large")],
  ["reverse", ["abc\u0000"], ["\u0000cba"]],
  ["lower", ["HeLLo ÀÉ"], ["hello ÀÉ"]],
  ["upper", ["hello àÿ"], ["HELLO àÿ"]],
  ["len", [123], [3]],
  ["upper", [F(1.5)], ["1.5"]],
  ["sub", ["hello", 1.5], err("number has no integer representation", 2)],
  ["byte", [], err("string expected, got no value", 1)],
  ["dump", [], err("function expected, got no value", 1)],
  ["pack", ["i4", 100], ["d\u0000\u0000\u0000"]],
  ["pack", [">i4", 100], ["\u0000\u0000\u0000d"]],
  ["pack", ["<i2 >i2", -2, -2], ["þÿÿþ"]],
  ["pack", ["b B h H", -1, 255, -300, 65000], ["ÿÿÔþèý"]],
  ["pack", ["j", -9223372036854775808n], ["\u0000\u0000\u0000\u0000\u0000\u0000\u0000"]],
  ["pack", ["J", -1], ["ÿÿÿÿÿÿÿÿ"]],
  ["pack", ["i16", -3], ["ýÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿ"]],
  ["pack", ["I16", -3], ["ýÿÿÿÿÿÿÿ\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000"]],
  ["pack", ["i3", 8388607], ["ÿÿ"]],
  ["pack", ["d", 1.5], ["\u0000\u0000\u0000\u0000\u0000\u0000ø?"]],
  ["pack", ["f", 0.1], ["ÍÌÌ="]],
  ["pack", [">n", F(-0)], ["\u0000\u0000\u0000\u0000\u0000\u0000\u0000"]],
  ["pack", ["z", "hi"], ["hi\u0000"]],
  ["pack", ["s1", "hello"], ["\u0005hello"]],
  ["pack", ["s", "ab"], ["\u0002\u0000\u0000\u0000\u0000\u0000\u0000\u0000ab"]],
  ["pack", ["c5", "ab"], ["ab\u0000\u0000\u0000"]],
  [
    "pack",
    ["!8 b d", 1, 2.5],
    ["\u0001\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0004@"],
  ],
  ["pack", ["!4 b i8", 1, 2], ["\u0001\u0000\u0000\u0000\u0002\u0000\u0000\u0000\u0000\u0000\u0000\u0000"]],
  ["pack", ["b x x h", 1, 2], ["\u0001\u0000\u0000\u0002\u0000"]],
  ["pack", ["b Xi4 i4", 1, 2], ["\u0001\u0002\u0000\u0000\u0000"]],
  ["pack", ["<!4 i3 Xi4 b", 1, 2], err("format asks for alignment not power of 2", 1)],
  ["unpack", ["i4", "d\u0000\u0000\u0000"], [100, 5]],
  ["unpack", [">I2 <I2", "\u0001\u0002\u0001\u0002"], [258, 513, 5]],
  ["unpack", ["b B", "ÿÿ"], [-1, 255, 3]],
  ["unpack", ["z z", "ab\u0000cd\u0000"], ["ab", "cd", 7]],
  ["unpack", ["s1", "\u0003abcxyz"], ["abc", 5]],
  ["unpack", ["c2 c1", "abc"], ["ab", "c", 4]],
  ["unpack", ["d", "\u0000\u0000\u0000\u0000\u0000\u0000ø?"], [1.5, 9]],
  ["unpack", ["f", "ÍÌÌ="], [0.10000000149011612, 5]],
  ["unpack", ["i16", "ýÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿ"], [-3, 17]],
  ["unpack", ["J", "ÿÿÿÿÿÿÿÿ"], [-1, 9]],
  ["unpack", ["j", "\u0000\u0000\u0000\u0000\u0000\u0000\u0000"], [-9223372036854775808n, 9]],
  ["unpack", ["i4", "abcdabcd", 5], [1684234849, 9]],
  ["unpack", ["i4", "abcdabcd", -4], [1684234849, 9]],
  ["unpack", ["!4 b i4", "\u0001\u0000\u0000\u0000\u0002\u0000\u0000\u0000"], [1, 2, 9]],
  ["unpack", ["i7", "ÿÿÿÿÿÿÿ"], [-1, 8]],
  ["unpack", ["I7", "ÿÿÿÿÿÿÿ"], [72057594037927935n, 8]],
  ["packsize", ["i4 i8 d"], [20]],
  ["packsize", ["!8 b d"], [16]],
  ["packsize", ["c10 b"], [11]],
  [
    "packsize",
    ["c268435456c268435456c268435456c268435456c268435456c268435456c268435456c268435456"],
    err("format result too large", 1),
  ],
  ["pack", ["i17", 1], err("integral size (17) out of limits [1,16]")],
  ["pack", ["i0", 1], err("integral size (0) out of limits [1,16]")],
  ["pack", ["!3 i4", 1], err("format asks for alignment not power of 2", 1)],
  ["pack", ["y", 1], err("invalid format option 'y'")],
  ["unpack", ["i4", "abc"], err("data string too short", 2)],
  ["unpack", ["z", "abc"], err("unfinished string for format 'z'", 2)],
  ["unpack", ["i9", "ÿÿÿÿÿÿÿÿ\u0001"], err("9-byte integer does not fit into Lua Integer")],
  [
    "unpack",
    ["i16", "\u0003\u0003\u0003\u0003\u0003\u0003\u0003\u0003\u0003\u0003\u0003\u0003\u0003\u0003\u0003\u0003"],
    err("16-byte integer does not fit into Lua Integer"),
  ],
  ["pack", ["i1", 200], err("integer overflow", 2)],
  ["pack", ["I1", -1], err("unsigned overflow", 2)],
  ["pack", ["i2", -40000], err("integer overflow", 2)],
  [
    "pack",
    [
      "s1",
      "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
    ],
    err("string length does not fit in given size", 2),
  ],
  ["pack", ["c", ""], err("missing size for format option 'c'")],
  ["pack", ["X"], err("invalid next option for option 'X'", 1)],
  ["pack", ["Xc1"], err("invalid next option for option 'X'", 1)],
  ["packsize", ["s"], err("variable-length format", 1)],
  ["packsize", ["z"], err("variable-length format", 1)],
  ["unpack", ["i4", "abcd", 10], err("initial position out of string", 3)],
  ["pack", ["c3", "1234"], err("string longer than given size", 2)],
  ["pack", ["z", "a\u0000b"], err("string contains zeros", 2)],
  ["pack", ["i4", 1.5], err("number has no integer representation", 2)],
  ["pack", ["i4"], err("number expected, got nil", 2)],
  ["pack", ["i4 i4", 1], err("number expected, got nil", 3)],
  ["pack", ["z"], err("string expected, got nil", 2)],
  ["unpack", ["s", "\u0005\u0000\u0000\u0000\u0000\u0000\u0000\u0000ab"], err("data string too short", 2)],
  ["packsize", ["c10000000000000000000000000000000000000000"], err("invalid format option '0'")],
];

describe("string library against lua5.4", () => {
  oracle.forEach(([name, args, expected], i) => {
    it(`#${i} string.${name}(${args.map(show).join(", ")})`, () => {
      if (Array.isArray(expected)) {
        expect(call(name, ...args)).toEqual(expected);
      } else {
        const e = failure(name, ...args);
        expect({ message: e.message, argIndex: e.argIndex }).toEqual(expected);
      }
    });
  });
});

describe("string library setup", () => {
  it("sets the global, the string metatable and qualified native names", () => {
    expect(L.globals.get("string")).toBe(lib);
    expect(L.stringMeta?.get("__index")).toBe(lib);
    expect(L.natives.get("string.format")).toBe(lib.get("format"));
    expect((lib.get("gsub") as NativeFunction).name).toBe("string.gsub");
  });
  it("string.dump refuses functions", () => {
    expect(failure("dump", lib.get("len")).message).toBe("unable to dump given function");
  });
});

describe("gsub with function and table replacements", () => {
  const upper = new NativeFunction("test.upper", (_L, args) => [(args[0] as string).toUpperCase()]);
  const keep = new NativeFunction("test.keep", () => [false]);
  const table = new NativeFunction("test.table", () => [new LuaTable()]);
  const positions = new NativeFunction("test.pos", (_L, args) => [`${args[0]}-${args[1]}`]);

  it("calls a function with the captures and uses its first result", () => {
    expect(call("gsub", "hello world", "%w+", upper)).toEqual(["HELLO WORLD", 2]);
    expect(call("gsub", "abc", "()(.)", positions)).toEqual(["1-a2-b3-c", 3]);
    expect(call("gsub", "a=1, b=2", "(%w+)=(%w+)", upper, 1)).toEqual(["A, b=2", 1]);
  });
  it("keeps the match when the function returns false or nil", () => {
    expect(call("gsub", "hello", "l", keep)).toEqual(["hello", 2]);
  });
  it("rejects a table result", () => {
    expect(failure("gsub", "hello", "l", table).message).toBe("invalid replacement value (a table)");
  });
  it("indexes a table with the first capture", () => {
    const t = new LuaTable();
    t.set("name", "Lua");
    t.set("version", 5.4);
    t.set("n", new LuaTable());
    expect(call("gsub", "$name $version $other", "%$(%w+)", t)).toEqual(["Lua 5.4 $other", 3]);
    expect(failure("gsub", "$n", "%$(%w+)", t).message).toBe("invalid replacement value (a table)");
  });
});

describe("string.format %s and %p", () => {
  it("uses tostring for non-string values", () => {
    expect(call("format", "%s %s %5s|%-6s|", undefined, true, false, new LuaTable())).toEqual([
      "nil true false|table: 0x1|",
    ]);
    expect(call("format", "%.3s", true)).toEqual(["tru"]);
  });
  it("gives objects a stable pointer of their own", () => {
    const t1 = new LuaTable();
    const t2 = new LuaTable();
    const [p1] = call("format", "%p", t1);
    expect(p1).toMatch(/^0x[0-9a-f]+$/);
    expect(call("format", "%p", t1)).toEqual([p1]);
    expect(call("format", "%p", t2)).not.toEqual([p1]);
    expect((call("format", "%90p", t1)[0] as string).length).toBe(90);
    expect(call("format", "%p", "abc")).toEqual(call("format", "%p", "abc"));
  });
});

describe("string.gmatch", () => {
  /** Runs a gmatch loop to the end, collecting each step's results. */
  function collect(...args: LuaValue[]): LuaValue[][] {
    const it = call("gmatch", ...args)[0] as NativeFunction;
    const out: LuaValue[][] = [];
    for (;;) {
      const r = it.fn(L, []) ?? [];
      if (r.length === 0 || r[0] === undefined) return out;
      out.push(r);
    }
  }
  it("iterates matches and captures (as lua5.4 does)", () => {
    expect(collect("one two  three", "%a+")).toEqual([["one"], ["two"], ["three"]]);
    expect(collect("k1=v1, k2=v2", "(%w+)=(%w+)")).toEqual([
      ["k1", "v1"],
      ["k2", "v2"],
    ]);
    expect(collect("abc", "")).toEqual([[""], [""], [""], [""]]);
    expect(collect("alo alo th02 is 1hat", "()%f[%w%d]")).toEqual([[1], [5], [9], [14], [17]]);
    expect(collect("^a^a", "^a")).toEqual([["^a"], ["^a"]]);
  });
  it("takes the 5.4 init argument", () => {
    expect(collect("abcd", ".", 3)).toEqual([["c"], ["d"]]);
    expect(collect("abcd", ".", -1)).toEqual([["d"]]);
    expect(collect("abcd", ".", 10)).toEqual([]);
  });
  it("keeps its whole state in `bound`", () => {
    const it = call("gmatch", "a b c", "%a")[0] as NativeFunction;
    expect(it.fn(L, [])).toEqual(["a"]);
    expect(it.bound).toEqual(["a b c", "%a", 1, 1]);
  });
});

describe("deep and long matches stay off the JS stack", () => {
  it("handles long subjects", () => {
    const s = "a".repeat(200000);
    expect(call("match", `${s}b`, ".-b")).toEqual([`${s}b`]);
    expect(call("find", s, "a*$")).toEqual([1, 200000]);
    expect(call("gsub", s, "a", "b")[1]).toBe(200000);
    expect(call("match", s, "(a+)(a)")).toEqual([s.slice(1), "a"]);
  });
  it("limits recursion with 'pattern too complex'", () => {
    expect(call("match", "a".repeat(150), "a?".repeat(150))).toEqual(["a".repeat(150)]);
    expect(failure("match", "a".repeat(250), "a?".repeat(250)).message).toBe("pattern too complex");
  });
});

describe("string.pack round trips", () => {
  const samples: [string, LuaValue[]][] = [
    ["<i1 i2 i3 i4 i5 i6 i7 i8", [-128, -32768, 8388607, -1, 2 ** 39 - 1, -(2 ** 47), 2 ** 52, -9223372036854775807n]],
    [">I1 I2 I3 I4 I5 I6 I7 I8", [255, 65535, 16777215, 4294967295, 2 ** 40 - 1, 2 ** 48 - 1, 72057594037927935n, -1]],
    ["=j J T l L", [9007199254740993n, -2, 7, -7, 123456789012]],
    ["!<b d b f b n", [1, 0.1, 2, 0.5, 3, F(-0)]],
    ["<i16 I16 >i12", [-5, 6, -9223372036854775808n]],
    ["s1 s2 s z c3 x", ["a", "bc".repeat(100), "", "zero", "abc"]],
  ];
  for (const [fmt, values] of samples) {
    it(fmt, () => {
      const [packed] = call("pack", fmt, ...values);
      const size = (packed as string).length;
      const back = call("unpack", fmt, packed);
      expect(back).toEqual([...values, size + 1]);
      if (!/[sz]/.test(fmt)) expect(call("packsize", fmt)).toEqual([size]);
    });
  }
});
