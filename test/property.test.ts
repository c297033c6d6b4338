// Property-based differential tests: fast-check generates random Lua programs, and each one
// is run by Endymion (in process, a fresh state per run) and by the reference interpreter
// (`lua5.4 -`, the program on stdin). The two runs must write the same bytes to stdout and,
// when the oracle stops with an error, Endymion must stop with the same message (compared
// after the "stdin:N:" position prefix).
//
// The engine loads each program under the chunk name "=stdin", the name lua5.4 gives a
// program read from stdin, so messages caught by pcall and printed ("stdin:3: attempt to
// perform 'n//0'") are comparable byte for byte.
//
// Runs per property: PROPERTY_RUNS (default 300). A failure reports fast-check's seed and
// path, and its message shows the (shrunk) program and both outputs; replay it with
// PROPERTY_SEED=<seed> PROPERTY_PATH=<path>. PROPERTY_SAMPLE=<n> prints n generated programs
// per property.
//
// Known engine bugs are excluded from the generators by the *_BUG flags below (each with a
// minimal reproduction); behaviour that differs between Lua 5.4 releases or platforms (see
// test/lua/README.md) is not generated, or, for the sign of NaN, not compared.

import { spawnSync } from "node:child_process";
import fc from "fast-check";
import { describe, it } from "vitest";
import { createState, jitOptions, LuaError, LuaSyntaxError, openLibs, runMain } from "../native/dist/index.js";

const ORACLE = process.env.LUA_ORACLE ?? "lua5.4";
const RUNS = Number(process.env.PROPERTY_RUNS ?? 300);
const PARAMS: fc.Parameters<unknown> = {
  numRuns: RUNS,
  ...(process.env.PROPERTY_SEED ? { seed: Number(process.env.PROPERTY_SEED) } : {}),
  ...(process.env.PROPERTY_PATH ? { path: process.env.PROPERTY_PATH } : {}),
};

/** Fixed environment for the oracle: C locale (strcoll = strcmp), no LUA_INIT. */
const ENV: NodeJS.ProcessEnv = (() => {
  const env: NodeJS.ProcessEnv = { ...process.env, LC_ALL: "C", LANG: "C" };
  for (const name of Object.keys(env)) if (/^LUA_(INIT|PATH|CPATH)/.test(name)) delete env[name];
  return env;
})();

// ---------------------------------------------------------------------------------------
// Running a program on both sides

interface Outcome {
  /** Bytes written to stdout, one char per byte. */
  stdout: string;
  /** The error message (position prefix included) when the run stopped with an error. */
  error?: string;
  /** Engine only: a JS exception that is not a Lua error (an engine crash). */
  crash?: string;
}

/**
 * Runs src on the engine; `compiled` compiles every function to JavaScript before its
 * first call (the compiled tier), instead of only hot ones.
 */
function runEngine(src: string, compiled = false): Outcome {
  const threshold = jitOptions.threshold;
  if (compiled) jitOptions.threshold = 0;
  try {
    return runEngineNow(src);
  } finally {
    jitOptions.threshold = threshold;
  }
}

function runEngineNow(src: string): Outcome {
  let stdout = "";
  const L = createState({ stdout: (s: string) => void (stdout += s), stderr: () => {} });
  openLibs(L);
  try {
    runMain(L, L.load(src, "=stdin"), []);
    return { stdout };
  } catch (e) {
    if (e instanceof LuaError) {
      const v = e.value;
      return { stdout, error: typeof v === "string" ? v : `(error object is a ${typeof v} value)` };
    }
    if (e instanceof LuaSyntaxError) return { stdout, error: e.message };
    return { stdout, crash: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
}

function runOracle(src: string): Outcome {
  const r = spawnSync(ORACLE, ["-"], { input: Buffer.from(src, "latin1"), env: ENV, timeout: 20_000 });
  if (r.error) throw r.error;
  const stdout = r.stdout.toString("latin1");
  if (r.status === 0) return { stdout };
  let err = r.stderr.toString("latin1");
  err = err.replace(/^[^:\n]*: /, ""); // "lua5.4: "
  const tb = err.indexOf("\nstack traceback:");
  if (tb >= 0) err = err.slice(0, tb);
  return { stdout, error: err.replace(/\n$/, "") || `exit status ${r.status ?? r.signal}` };
}

const stripPosition = (msg: string) => msg.replace(/^stdin:\d+: /, "");

function show(o: Outcome): string {
  let s = `stdout:\n${JSON.stringify(o.stdout)}`;
  if (o.error !== undefined) s += `\nerror: ${JSON.stringify(o.error)}`;
  if (o.crash !== undefined) s += `\nCRASH: ${o.crash}`;
  return s;
}

/**
 * "-nan" vs "nan" depends on the platform (x86-64 gives 0/0 the sign bit), and the project's
 * rules (test/lua/README.md) keep NaN signs out of the comparison; properties whose programs
 * can print a NaN compare with the sign dropped.
 */
const dropNaNSign = (s: string) => s.replace(/-nan/g, "nan");

/** Runs src on both interpreters and throws (with the program) when they disagree. */
function agree(src: string, normalize?: (stdout: string) => string): void {
  const want = runOracle(src);
  if (normalize) want.stdout = normalize(want.stdout);
  for (const compiled of [false, true]) {
    const got = runEngine(src, compiled);
    if (normalize) got.stdout = normalize(got.stdout);
    const ok =
      got.crash === undefined &&
      got.stdout === want.stdout &&
      (want.error === undefined
        ? got.error === undefined
        : got.error !== undefined && stripPosition(got.error) === stripPosition(want.error));
    if (!ok) {
      const how = compiled ? "endymion, every function compiled" : "endymion";
      throw new Error(
        `engine and ${ORACLE} disagree\n--- program ---\n${src}\n--- ${ORACLE} ---\n${show(want)}\n--- ${how} ---\n${show(got)}\n`,
      );
    }
  }
}

function check(arb: fc.Arbitrary<string>, normalize?: (stdout: string) => string): void {
  // PROPERTY_SAMPLE=n prints n generated programs (to see what a generator produces)
  const sample = Number(process.env.PROPERTY_SAMPLE ?? 0);
  if (sample > 0) console.log(fc.sample(arb, sample).join("\n-- ---------------------------\n"));
  fc.assert(
    fc.property(arb, (src) => agree(src, normalize)),
    PARAMS,
  );
}

// ---------------------------------------------------------------------------------------
// Literals

const paren = (s: string) => `(${s})`;

/** A Lua float literal with exactly the value n (finite). */
function floatLit(n: number): string {
  if (Object.is(n, -0)) return "(-0.0)";
  let s = String(n); // shortest round-trip form: "1.5", "1e+21", "5e-324"
  if (!/[.e]/.test(s)) s += ".0";
  return n < 0 ? paren(s) : s;
}

/** A Lua integer literal (any int64). */
function intLit(n: bigint): string {
  if (n === -(2n ** 63n)) return "math.mininteger";
  return n < 0n ? paren(String(n)) : String(n);
}

/** A quoted Lua string with exactly these bytes; anything but [A-Za-z0-9 ] as \ddd. */
function strLit(bytes: number[]): string {
  let s = '"';
  for (const b of bytes) {
    const alnum = (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b === 32;
    s += alnum ? String.fromCharCode(b) : `\\${String(b).padStart(3, "0")}`;
  }
  return `${s}"`;
}

const smallInt = fc.integer({ min: -20, max: 20 }).map((n) => intLit(BigInt(n)));
const anyInt64 = fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).map(intLit);
const bigIntConst = fc.constantFrom(
  "9007199254740991",
  "9007199254740992",
  "9007199254740993",
  "(-9007199254740993)",
  "9223372036854775807",
  "(-9223372036854775807)",
  "math.maxinteger",
  "math.mininteger",
  "0x7fffffffffffffff",
  "0xffffffffffffffff", // wraps to -1
  "0x8000000000000000",
  "4611686018427387904",
  "3037000500", // its square overflows
  "1099511627776",
  "9223372036854775808", // does not fit: a float
);
const floatConst = fc.constantFrom(
  "0.5",
  "(-0.0)",
  "0.0",
  "1e300",
  "(-1e300)",
  "2.0",
  "(-2.0)",
  "3.75",
  "(-1.5)",
  "0.1",
  "1e15",
  "1e16",
  "9007199254740992.0",
  "9007199254740993.0",
  "2^53",
  "2^63",
  "(-2^63)",
  "math.huge",
  "(-math.huge)",
  "1e-310",
  "5e-324",
  "123456.789",
  "2.5",
  "(-2.5)",
);
const randomDouble = fc
  .oneof(
    fc.double({ noNaN: true, noDefaultInfinity: true }), // mostly huge or tiny magnitudes
    fc.double({ min: -1e6, max: 1e6, noNaN: true }),
    fc.integer({ min: -100000, max: 100000 }).map((n) => n / 100), // 2.675, 0.005: rounding cases
    fc.integer({ min: -4096, max: 4096 }).map((n) => n / 64), // exact binary fractions
  )
  .map(floatLit);
const numericString = fc.constantFrom('"10"', '"0x10"', '"1e2"', '" -7 "', '"3.0"', '"9007199254740993"');

// ---------------------------------------------------------------------------------------
// Known engine bugs, kept out of the generators until they are fixed: clear a flag to
// generate the construct again.

// KNOWN ENGINE BUGS in `^` (excluded while POW_BUGS is set). `^` is JS `**`, which is not
// C's pow:
// - results differ in the last bit: print(string.format("%.17g", 2^1.5)) gives
//   2.8284271247461903 in lua5.4 and 2.8284271247461898 in Endymion, and
//   print(3^-18 == 1/387420489) gives true / false;
// - IEEE special cases: print(1^(0/0), (-1)^math.huge) gives "1.0 1.0" / "-nan -nan".
// While set, exponents come from a small set for which both agree (not even -1: glibc's
// pow is not correctly rounded either, (1 - 2^-53)^-1 is 1.0 in lua5.4).
const POW_BUGS = true;
const safeExponent = fc.constantFrom("0", "1", "2", "2.0", "0.0");

// Fixed engine bug (STRING_DIVZERO_BUG, kept as a switch): an integer division or modulo by
// zero reached through string coercion is raised inside the string metamethod, a C
// function, so lua5.4 gives the message no position:
//   print(pcall(function() return "10" // 0 end))   --> false	attempt to divide by zero
const STRING_DIVZERO_BUG = false;
const noStrDiv = (op: string, x: string) =>
  STRING_DIVZERO_BUG && (op === "//" || op === "%") && x.startsWith('"') ? paren(`${x} + 0`) : x;

// KNOWN ENGINE BUG (excluded while SUB_ZERO_BUG is set): lua5.4 compiles
// x - k, k an integer constant (after constant folding), as x + (-k), so x - 0 is x + 0 and
// turns -0.0 into 0.0. The engine does this for a literal constant (z - 0 gives 0.0) but
// does not fold constant expressions, so z - (1 - 1) still gives -0.0:
//   local z = -0.0; print(z - 0, z - (1 - 1))   --> lua5.4: 0.0 0.0   Endymion: 0.0 -0.0
// While set, a right operand of - made only of numerals and operators goes through id(),
// which the compiler cannot fold.
const SUB_ZERO_BUG = true;
const noSubZero = (op: string, x: string) =>
  SUB_ZERO_BUG && op === "-" && /^[\s()0-9a-fx+\-*/%<>&|~]*$/.test(x) ? `id${paren(x)}` : x;

// ---------------------------------------------------------------------------------------
// 1. Arithmetic over integer/float mixes

const arithLeaf = fc.oneof(
  { arbitrary: smallInt, weight: 5 },
  { arbitrary: fc.constantFrom("0", "0.0", "(-0.0)", "1", "(-1)"), weight: 3 },
  { arbitrary: bigIntConst, weight: 3 },
  { arbitrary: anyInt64, weight: 1 },
  { arbitrary: floatConst, weight: 4 },
  { arbitrary: randomDouble, weight: 2 },
  { arbitrary: numericString, weight: 1 },
);

// Not generated (it differs between Lua 5.4 releases, see test/lua/README.md): integer
// division/modulo by zero inside a multi-line function, where 5.4.4 reports the line the
// function starts on. Every generated function that can divide is written on one line.

function arithExpr(depth: number): fc.Arbitrary<string> {
  if (depth === 0) return arithLeaf;
  const sub = arithExpr(depth - 1);
  return fc.oneof(
    { arbitrary: arithLeaf, weight: 2 },
    {
      arbitrary: fc
        .tuple(sub, fc.constantFrom("+", "-", "*", "/", "//", "%"), sub)
        .map(([a, op, b]) => paren(`${noStrDiv(op, a)} ${op} ${noSubZero(op, noStrDiv(op, b))}`)),
      weight: 6,
    },
    {
      arbitrary: fc.tuple(sub, POW_BUGS ? safeExponent : sub).map(([a, b]) => paren(`${a} ^ ${b}`)),
      weight: 1,
    },
    { arbitrary: sub.map((a) => paren(`- ${a}`)), weight: 1 },
    {
      arbitrary: fc
        .tuple(fc.constantFrom("math.floor", "math.ceil", "math.abs", "math.tointeger"), sub)
        .map(([f, a]) => `${f}(${a})`),
      weight: 1,
    },
    {
      arbitrary: fc
        .tuple(fc.constantFrom("math.fmod", "math.max", "math.min"), sub, sub)
        // Which of two bad arguments math.fmod reports depends on the C compiler's order of
        // evaluation (lua5.4 here checks #2 first), so at most one may be nil.
        .map(([f, a, b]) =>
          f === "math.fmod" && a.startsWith("math.tointeger") && b.startsWith("math.tointeger")
            ? `${f}((${a} or 0), ${b})`
            : `${f}(${a}, ${b})`,
        ),
      weight: 1,
    },
  );
}

const ARITH_PRELUDE = `local function id(x) return x end
local function P(f)
  local ok, v = pcall(f)
  if not ok then print("error", v)
  elseif math.type(v) then print(math.type(v), tostring(v), string.format("%.17g", v))
  else print(type(v), tostring(v)) end
end
`;

const arithStmt = fc.oneof(
  { arbitrary: arithExpr(3).map((e) => `P(function() return ${e} end)`), weight: 4 },
  {
    arbitrary: fc
      .tuple(arithExpr(1), fc.constantFrom("<", "<=", "==", "~=", ">", ">="), arithExpr(1))
      .map(([a, op, b]) => `P(function() return ${a} ${op} ${b} end)`),
    weight: 2,
  },
  {
    // integer division and modulo by zero, caught by pcall
    arbitrary: fc
      .tuple(arithExpr(1), fc.constantFrom("//", "%"), fc.constantFrom("0", "(1 - 1)", "0.0", "(-0.0)"))
      .map(([a, op, z]) => `print(pcall(function() return ${noStrDiv(op, a)} ${op} ${z} end))`),
    weight: 1,
  },
  {
    arbitrary: arithExpr(2).map((e) => `print(pcall(function() return math.type(${e}), tostring(${e}) end))`),
    weight: 1,
  },
);

const arithProgram = fc.array(arithStmt, { minLength: 1, maxLength: 8 }).map((ss) => ARITH_PRELUDE + ss.join("\n"));

// ---------------------------------------------------------------------------------------
// 2. Bitwise operators

const shiftAmount = fc.oneof(
  fc.integer({ min: -70, max: 70 }).map((n) => intLit(BigInt(n))),
  fc.constantFrom("64", "63", "(-64)", "(-63)", "65", "128", "math.mininteger", "math.maxinteger"),
);

const bitLeaf = fc.oneof(
  { arbitrary: smallInt, weight: 4 },
  { arbitrary: bigIntConst.filter((s) => s !== "9223372036854775808"), weight: 3 },
  { arbitrary: anyInt64, weight: 3 },
  { arbitrary: fc.constantFrom("2.0", "(-0.0)", "2^53", "(-2^62)", "1e15"), weight: 1 }, // integral floats convert
  { arbitrary: fc.constantFrom("1.5", "2^63", "math.huge", '"3"'), weight: 1 }, // errors
);

function bitExpr(depth: number): fc.Arbitrary<string> {
  if (depth === 0) return bitLeaf;
  const sub = bitExpr(depth - 1);
  return fc.oneof(
    { arbitrary: bitLeaf, weight: 2 },
    {
      arbitrary: fc.tuple(sub, fc.constantFrom("&", "|", "~"), sub).map(([a, op, b]) => paren(`${a} ${op} ${b}`)),
      weight: 4,
    },
    {
      arbitrary: fc.tuple(sub, fc.constantFrom("<<", ">>"), shiftAmount).map(([a, op, b]) => paren(`${a} ${op} ${b}`)),
      weight: 3,
    },
    { arbitrary: sub.map((a) => paren(`~ ${a}`)), weight: 1 },
    {
      arbitrary: fc
        .tuple(sub, fc.constantFrom("+", "-", "*"), sub)
        .map(([a, op, b]) => paren(`${a} ${op} ${noSubZero(op, b)}`)),
      weight: 1,
    },
  );
}

const BIT_PRELUDE = `local function id(x) return x end
local function B(f)
  local ok, v = pcall(f)
  if not ok then print("error", v)
  elseif math.type(v) == "integer" then print(v, string.format("%x", v), math.ult(v, 1000))
  else print(math.type(v), v) end
end
`;

const bitProgram = fc
  .array(
    fc.oneof(
      { arbitrary: bitExpr(3).map((e) => `B(function() return ${e} end)`), weight: 4 },
      {
        arbitrary: fc
          .tuple(bitExpr(1), fc.constantFrom("<<", ">>"), shiftAmount)
          .map(([a, op, s]) => `B(function() return ${a} ${op} ${s} end)`),
        weight: 2,
      },
    ),
    { minLength: 1, maxLength: 8 },
  )
  .map((ss) => BIT_PRELUDE + ss.join("\n"));

// ---------------------------------------------------------------------------------------
// 3. String operations

const byte = fc.oneof(
  { arbitrary: fc.constantFrom(...Array.from("abcxyzAB 019", (c) => c.charCodeAt(0))), weight: 4 },
  { arbitrary: fc.constantFrom(0, 10, 13, 34, 39, 92, 127, 128, 200, 255), weight: 2 },
  { arbitrary: fc.integer({ min: 0, max: 255 }), weight: 2 },
);
const bytes = fc.array(byte, { maxLength: 6 });
const strLeaf = bytes.map(strLit);
const numForConcat = fc.oneof(
  smallInt,
  fc.constantFrom("1.5", "(-0.0)", "2.0", "2^63", "1e100", "math.maxinteger", "math.mininteger", "0.1", "1e15", "1e16"),
  randomDouble,
);
const smallIndex = fc.oneof(
  { arbitrary: fc.integer({ min: -8, max: 8 }).map((n) => intLit(BigInt(n))), weight: 8 },
  { arbitrary: fc.constantFrom("math.maxinteger", "math.mininteger", "2.0", "1.5"), weight: 1 },
);
const fmtInt = fc.oneof(
  smallInt,
  bigIntConst.filter((s) => s !== "9223372036854775808"),
  fc.constantFrom("2.0"),
);
const fmtFloat = fc.oneof(
  fc.constantFrom("0.005", "2.675", "1e300", "(-0.0)", "1.005", "(-1.5)", "123.456", "0.125", "1e15", "3"),
  randomDouble,
);

function strExpr(depth: number): fc.Arbitrary<string> {
  if (depth === 0) return strLeaf;
  const sub = strExpr(depth - 1);
  return fc.oneof(
    { arbitrary: strLeaf, weight: 3 },
    { arbitrary: fc.tuple(sub, sub).map(([a, b]) => paren(`${a} .. ${b}`)), weight: 3 },
    { arbitrary: fc.tuple(sub, numForConcat).map(([a, n]) => paren(`${a} .. ${n}`)), weight: 1 },
    { arbitrary: fc.tuple(numForConcat, sub).map(([n, a]) => paren(`${n} .. ${a}`)), weight: 1 },
    {
      arbitrary: fc
        .tuple(sub, fc.integer({ min: -1, max: 4 }), fc.option(sub, { nil: undefined }))
        .map(([a, n, sep]) => (sep === undefined ? `string.rep(${a}, ${n})` : `string.rep(${a}, ${n}, ${sep})`)),
      weight: 1,
    },
    {
      arbitrary: fc
        .tuple(sub, smallIndex, fc.option(smallIndex, { nil: undefined }))
        .map(([a, i, j]) => (j === undefined ? `string.sub(${a}, ${i})` : `${paren(a)}:sub(${i}, ${j})`)),
      weight: 2,
    },
    {
      arbitrary: fc
        .tuple(fc.constantFrom("string.upper", "string.lower", "string.reverse"), sub)
        .map(([f, a]) => `${f}(${a})`),
      weight: 2,
    },
    {
      arbitrary: fc
        .array(fc.oneof({ arbitrary: byte, weight: 10 }, { arbitrary: fc.constantFrom(256, -1), weight: 1 }), {
          maxLength: 4,
        })
        .map((bs) => `string.char(${bs.join(", ")})`),
      weight: 1,
    },
    {
      arbitrary: fc
        .tuple(fmtInt, sub, fc.oneof(sub, fmtInt, fmtFloat), fmtInt, fmtFloat)
        .map(([d, s, q, x, f]) => `string.format("%d %s %q %x %5.2f", ${d}, ${s}, ${q}, ${x}, ${f})`),
      weight: 1,
    },
  );
}

/**
 * One random conversion for string.format with its argument, using only the flags, width
 * and precision that Lua 5.4 accepts for that conversion (checkformat; no %a, whose digits
 * depend on the C library).
 */
const formatItem: fc.Arbitrary<[string, string]> = fc
  .tuple(
    fc.constantFrom("c", "d", "i", "o", "x", "X", "e", "E", "f", "F", "g", "G", "s", "q"),
    fc.subarray(["-", "+", " ", "#", "0"]),
    fc.option(fc.integer({ min: 0, max: 25 }), { nil: undefined }),
    fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }),
    fc.integer({ min: 0, max: 0xffff }),
  )
  .chain(([conv, flags, width, prec, pick]) => {
    const allowed: Record<string, string> = { c: "-", d: "-+0 ", i: "-+0 ", o: "-#0", x: "-#0", X: "-#0", s: "-" };
    // no "#" with %g: glibc's "%#g" of 999999.5 is "1.e+06", not "1.00000e+06" (a libc bug,
    // and Endymion prints the latter)
    const okFlags = flags
      .filter((f) => (allowed[conv] ?? "-+ #0").includes(f) && !(f === "#" && "gG".includes(conv)))
      .join("");
    const noPrec = conv === "c";
    const spec =
      conv === "q" ? "%q" : `%${okFlags}${width ?? ""}${noPrec || prec === undefined ? "" : `.${prec}`}${conv}`;
    const arg: fc.Arbitrary<string> =
      conv === "c"
        ? byte.map(String)
        : "dioxX".includes(conv)
          ? fmtInt
          : "eEfFgG".includes(conv)
            ? fc.oneof(fmtFloat, fmtInt, fc.constantFrom("math.huge", "(-math.huge)", '"10"'))
            : conv === "s"
              ? fc.oneof({ arbitrary: strLeaf, weight: 4 }, { arbitrary: numForConcat, weight: 1 })
              : fc.oneof(strLeaf, fmtInt, fmtFloat);
    return arg.map((a): [string, string] => [spec, pick % 17 === 0 ? "1.5" : a]); // 1.5: not an integer for %d
  });

const S = strExpr(2);
const strStmt = fc.oneof(
  { arbitrary: S.map((e) => `return ${e}`), weight: 4 },
  { arbitrary: S.map((e) => `return #${e}, string.len(${e})`), weight: 1 },
  {
    arbitrary: fc
      .tuple(S, fc.option(smallIndex, { nil: undefined }), fc.option(smallIndex, { nil: undefined }))
      .map(([e, i, j]) =>
        j === undefined
          ? i === undefined
            ? `return string.byte(${e})`
            : `return string.byte(${e}, ${i})`
          : `return string.byte(${e}, ${i ?? "1"}, ${j})`,
      ),
    weight: 2,
  },
  {
    arbitrary: fc
      .tuple(S, S, fc.option(smallIndex, { nil: undefined }))
      .map(([a, b, i]) => `return string.find(${a}, ${b}, ${i ?? "1"}, true)`),
    weight: 2,
  },
  {
    // find a piece that is really there
    arbitrary: fc
      .tuple(bytes, bytes, bytes, fc.integer({ min: -3, max: 3 }))
      .map(([a, b, c, i]) => `return string.find(${strLit([...a, ...b, ...c])}, ${strLit(b)}, ${i}, true)`),
    weight: 1,
  },
  {
    arbitrary: fc.tuple(S, S).map(([a, b]) => `return ${a} < ${b}, ${a} <= ${b}, ${a} == ${b}, ${b} < ${a}`),
    weight: 2,
  },
  {
    // strings that share a prefix compare on the first differing byte or on length
    arbitrary: fc
      .tuple(bytes, bytes, bytes)
      .map(([p, a, b]) => [strLit([...p, ...a]), strLit([...p, ...b])])
      .map(([a, b]) => `return ${a} < ${b}, ${a} <= ${b}, ${a} == ${b}, ${a} > ${b}`),
    weight: 1,
  },
  { arbitrary: S.map((e) => `return string.format("%q", ${e})`), weight: 1 },
  {
    arbitrary: fc
      .array(formatItem, { minLength: 1, maxLength: 3 })
      .map(
        (items) => `return string.format("${items.map(([f]) => f).join("|")}", ${items.map(([, a]) => a).join(", ")})`,
      ),
    weight: 2,
  },
);

const strProgram = fc
  .array(strStmt, { minLength: 1, maxLength: 8 })
  .map((ss) => ss.map((s) => `print(pcall(function() ${s} end))`).join("\n"));

// ---------------------------------------------------------------------------------------
// 4. Tables

type Key = { src: string; norm: string | number | bigint | null }; // norm: the key after normalization (null: float key)
const tableKey: fc.Arbitrary<Key> = fc.oneof(
  { arbitrary: fc.integer({ min: 1, max: 12 }).map((n) => ({ src: String(n), norm: n })), weight: 8 },
  { arbitrary: fc.integer({ min: -2, max: 0 }).map((n) => ({ src: intLit(BigInt(n)), norm: n })), weight: 1 },
  { arbitrary: fc.integer({ min: 1, max: 12 }).map((n) => ({ src: `${n}.0`, norm: n })), weight: 2 },
  {
    arbitrary: fc.constantFrom<Key>(
      { src: "(-0.0)", norm: 0 },
      { src: "2^53", norm: 2 ** 53 },
      { src: "math.maxinteger", norm: 2n ** 63n - 1n },
      { src: "math.mininteger", norm: -(2n ** 63n) },
      { src: "1.5", norm: null },
      { src: "0.5", norm: null },
      { src: "1e100", norm: null },
      { src: "(-2.5)", norm: null },
    ),
    weight: 1,
  },
  {
    arbitrary: fc.constantFrom("a", "b", "x1", "1", "2.0", "").map((s) => ({ src: `"${s}"`, norm: `s${s}` })),
    weight: 3,
  },
);
const tableValue = fc.oneof(
  { arbitrary: fc.constant("nil"), weight: 4 },
  { arbitrary: smallInt, weight: 3 },
  { arbitrary: fc.constantFrom('"v"', '"w"', "true", "false", "2.5", "0.0"), weight: 2 },
);

/** show(t) prints #t and the ipairs traversal of t (there is no io library to write with). */
const SHOW_PRELUDE = `local function show(t)
  local parts = {}
  for i, v in ipairs(t) do parts[#parts + 1] = i .. "=" .. tostring(v) end
  print(#t, table.concat(parts, " "))
end
`;

const TABLE_PRELUDE = `${SHOW_PRELUDE}local function order(a, b)
  local ta, tb = type(a), type(b)
  if ta ~= tb then return ta < tb end
  return a < b
end
local function dump(t)
  local keys, n = {}, 0
  for k in pairs(t) do n = n + 1; keys[n] = k end
  table.sort(keys, order)
  local parts = {}
  for i, k in ipairs(keys) do parts[i] = (math.type(k) or type(k)) .. ":" .. tostring(k) .. "=" .. tostring(t[k]) end
  local m, k = 0, next(t)
  while k ~= nil do m = m + 1; k = next(t, k) end
  local b = #t
  print(n, m, (b == 0 or t[b] ~= nil) and t[b + 1] == nil, table.concat(parts, " "))
end
`;

// Traversals that delete entries. These found two bugs, fixed in the engine since:
//   local t = {10}; for k in pairs(t) do t[k] = nil end   --> "invalid key to 'next'"
//   local t = {"v", 0, [1.5] = 0}; for k in pairs(t) do end  --> "invalid key to 'next'"

type Sweep = "strkey" | "floatkey" | "numval" | "evenkey" | "all";
const sweeps: Sweep[] = ["strkey", "floatkey", "numval", "evenkey", "all"];
const SWEEP_COND: Record<Sweep, string> = {
  strkey: 'type(k) == "string"',
  floatkey: 'math.type(k) == "float"',
  numval: 'type(v) == "number"',
  evenkey: 'math.type(k) == "integer" and k % 2 == 0',
  all: "true",
};

type TableOp = { k: "set"; key: Key; value: string } | { k: "dump" } | { k: "sweep"; sweep: Sweep };

const tableOp: fc.Arbitrary<TableOp> = fc.oneof(
  {
    arbitrary: fc.tuple(tableKey, tableValue).map(([key, value]): TableOp => ({ k: "set", key, value })),
    weight: 12,
  },
  { arbitrary: fc.constant<TableOp>({ k: "dump" }), weight: 2 },
  { arbitrary: fc.constantFrom(...sweeps).map((sweep): TableOp => ({ k: "sweep", sweep })), weight: 1 },
);

/**
 * A table program: a constructor, random assignments, traversals that delete entries,
 * and dumps; #t is printed only when t is a sequence (its border is then unique).
 */
const tableProgram = fc
  .tuple(
    fc.array(
      tableValue.filter((v) => v !== "nil"),
      { maxLength: 5 },
    ),
    fc.array(fc.tuple(fc.constantFrom('"a"', '"k"', "1.5", "100"), tableValue), { maxLength: 2 }),
    fc.array(tableOp, { maxLength: 30 }),
  )
  .map(([positional, named, ops]) => {
    // the model: normalized key -> value source; non-integral float keys are not tracked
    const model = new Map<string | number | bigint, string>();
    positional.forEach((v, i) => {
      model.set(i + 1, v);
    });
    const fields = [...positional];
    for (const [k, v] of named) {
      fields.push(`[${k}] = ${v}`);
      const norm = k.startsWith('"') ? `s${k.slice(1, -1)}` : k === "100" ? 100 : null;
      if (norm !== null) {
        if (v === "nil") model.delete(norm);
        else model.set(norm, v);
      }
    }
    const lines = [`local t = {${fields.join(", ")}}`];
    const isSequence = () => {
      let n = 0;
      for (const k of model.keys()) if (typeof k !== "string" && k >= 1) n++;
      for (let i = 1; i <= n; i++) if (!model.has(i)) return false;
      return true;
    };
    const isNumberSrc = (v: string) => /^\(?-?[0-9]/.test(v);
    for (const op of ops) {
      switch (op.k) {
        case "dump":
          lines.push("dump(t)");
          if (isSequence()) lines.push("print(#t)");
          break;
        case "set":
          lines.push(`t[${op.key.src}] = ${op.value}`);
          if (op.key.norm !== null) {
            if (op.value === "nil") model.delete(op.key.norm);
            else model.set(op.key.norm, op.value);
          }
          break;
        case "sweep": {
          const cond = SWEEP_COND[op.sweep];
          lines.push(
            `do local c = 0; for k, v in pairs(t) do c = c + 1; if ${cond} then t[k] = nil end end; print("visited", c) end`,
          );
          for (const [k, v] of [...model]) {
            const del =
              op.sweep === "all" ||
              (op.sweep === "strkey" && typeof k === "string") ||
              (op.sweep === "numval" && isNumberSrc(v)) ||
              (op.sweep === "evenkey" && typeof k !== "string" && BigInt(k) % 2n === 0n);
            if (del) model.delete(k);
          }
          break;
        }
      }
    }
    lines.push("dump(t)");
    if (isSequence()) lines.push("print(#t)", "show(t)");
    return TABLE_PRELUDE + lines.join("\n");
  });

type SeqOp =
  | { k: "insert"; v: string }
  | { k: "insertAt"; pos: number; v: string }
  | { k: "remove" }
  | { k: "removeAt"; pos: number }
  | { k: "concat"; sep: string; range: [number, number] | null }
  | { k: "sort"; desc: boolean }
  | { k: "len" }
  | { k: "unpack" };

const seqNumber = fc.oneof(
  smallInt,
  fc.constantFrom("1.5", "(-0.5)", "1e100", "math.maxinteger", "math.mininteger", "0.1"),
);
const seqString = bytes.map(strLit);

/**
 * A sequence program: all values are numbers or all are strings (so that table.sort works
 * without a comparator, and no two elements compare equal while printing differently).
 */
const seqProgram = fc.boolean().chain((numbers) => {
  const value = numbers ? seqNumber : seqString;
  const pos = fc.integer({ min: -1, max: 12 });
  const op: fc.Arbitrary<SeqOp> = fc.oneof(
    { arbitrary: value.map((v) => ({ k: "insert" as const, v })), weight: 5 },
    { arbitrary: fc.tuple(pos, value).map(([p, v]) => ({ k: "insertAt" as const, pos: p, v })), weight: 3 },
    { arbitrary: fc.constant({ k: "remove" as const }), weight: 2 },
    { arbitrary: pos.map((p) => ({ k: "removeAt" as const, pos: p })), weight: 2 },
    {
      arbitrary: fc
        .tuple(fc.constantFrom(",", "", " | "), fc.option(fc.tuple(pos, pos), { nil: null }))
        .map(([sep, range]) => ({ k: "concat" as const, sep, range })),
      weight: 2,
    },
    { arbitrary: fc.boolean().map((desc) => ({ k: "sort" as const, desc })), weight: 1 },
    { arbitrary: fc.constant({ k: "len" as const }), weight: 1 },
    { arbitrary: fc.constant({ k: "unpack" as const }), weight: 1 },
  );
  return fc.array(op, { maxLength: 25 }).map((ops) => {
    const lines = ["local s = {}"];
    let len = 0; // #s, tracked to pick valid table.remove positions
    const safe = (stmt: string) => `print(pcall(function() ${stmt} end))`;
    for (const o of ops) {
      switch (o.k) {
        case "insert":
          lines.push(`table.insert(s, ${o.v})`);
          len++;
          break;
        case "insertAt":
          // out-of-range positions raise "bad argument #2 to 'insert' (position out of bounds)"
          lines.push(safe(`table.insert(s, ${o.pos}, ${o.v})`));
          if (o.pos >= 1 && o.pos <= len + 1) len++;
          break;
        case "remove":
          lines.push("print(table.remove(s))");
          if (len > 0) len--;
          break;
        case "removeAt": {
          // Only valid positions: the argument number of the out-of-bounds error changed
          // between 5.4 releases (#1 in 5.4.4, #2 later; see test/lua/README.md).
          const valid = len === 0 ? [0, 1] : Array.from({ length: len + 1 }, (_, i) => i + 1);
          const p = valid[((o.pos % valid.length) + valid.length) % valid.length];
          lines.push(safe(`return table.remove(s, ${p})`));
          if (p >= 1 && p <= len) len--;
          break;
        }
        case "concat":
          lines.push(
            safe(
              o.range
                ? `return table.concat(s, "${o.sep}", ${o.range[0]}, ${o.range[1]})`
                : `return table.concat(s, "${o.sep}")`,
            ),
          );
          break;
        case "sort":
          lines.push(o.desc ? "table.sort(s, function(a, b) return a > b end)" : "table.sort(s)");
          lines.push('print(table.concat(s, ","))');
          break;
        case "len":
          lines.push("print(#s, select('#', table.unpack(s)))");
          break;
        case "unpack":
          lines.push("print(table.unpack(s))");
          break;
      }
    }
    lines.push("show(s)");
    return SHOW_PRELUDE + lines.join("\n");
  });
});

// ---------------------------------------------------------------------------------------
// 5. Control flow, closures, varargs

type CExpr =
  | { k: "var"; i: number }
  | { k: "int"; n: number }
  | { k: "flt"; s: string }
  | { k: "bin"; op: string; l: CExpr; r: CExpr }
  | { k: "div"; op: string; l: CExpr; n: number };
type CCond = { op: string; l: CExpr; r: CExpr; neg: boolean };
type CStmt =
  | { k: "assign"; target: number; e: CExpr }
  | { k: "print"; es: CExpr[] }
  | { k: "if"; c: CCond; t: CStmt[]; f: CStmt[] | null }
  | { k: "while"; n: number; body: CStmt[]; brk: CCond | null; cont: CCond | null }
  | { k: "repeat"; n: number; body: CStmt[] }
  | { k: "for"; a: string; b: string; step: string | null; body: CStmt[]; cont: CCond | null }
  | { k: "swap" }
  | { k: "closure"; e: CExpr }
  | { k: "counter"; e: CExpr }
  | { k: "vararg"; args: string[]; sel: number };

const cLeafExpr: fc.Arbitrary<CExpr> = fc.oneof(
  { arbitrary: fc.nat(20).map((i) => ({ k: "var" as const, i })), weight: 3 },
  { arbitrary: fc.integer({ min: -5, max: 9 }).map((n) => ({ k: "int" as const, n })), weight: 2 },
  { arbitrary: fc.constantFrom("0.5", "2.0", "(-1.25)").map((s) => ({ k: "flt" as const, s })), weight: 1 },
);
const cExpr: fc.Arbitrary<CExpr> = fc.oneof(
  { arbitrary: cLeafExpr, weight: 3 },
  {
    arbitrary: fc
      .tuple(fc.constantFrom("+", "-", "*"), cLeafExpr, cLeafExpr)
      .map(([op, l, r]) => ({ k: "bin" as const, op, l, r })),
    weight: 3,
  },
  {
    arbitrary: fc
      .tuple(fc.constantFrom("//", "%", "/"), cLeafExpr, fc.constantFrom(2, 3, -4, 7))
      .map(([op, l, n]) => ({ k: "div" as const, op, l, n })),
    weight: 1,
  },
);
const cCond: fc.Arbitrary<CCond> = fc
  .tuple(fc.constantFrom("<", "<=", "==", "~=", ">", ">="), cExpr, cExpr, fc.boolean())
  .map(([op, l, r, neg]) => ({ op, l, r, neg }));
const forRange = fc.oneof(
  fc
    .tuple(
      fc.integer({ min: -3, max: 4 }),
      fc.integer({ min: -3, max: 6 }),
      fc.constantFrom(null, "1", "2", "-1", "-2", "3"),
    )
    .map(([a, b, s]) => ({ a: String(a), b: String(b), step: s })),
  fc.constantFrom(
    { a: "1", b: "2", step: "0.25" },
    { a: "1.0", b: "3", step: null },
    { a: "0", b: "1", step: "0.1" },
    { a: "3", b: "1.5", step: "-0.5" },
    { a: "1", b: "3.5", step: null },
    { a: "3", b: "1", step: "-1" },
    { a: "math.maxinteger - 2", b: "math.maxinteger", step: null },
    { a: "math.mininteger", b: "math.mininteger + 2", step: null },
    { a: "math.mininteger + 2", b: "math.mininteger", step: "-1" },
    { a: "1", b: "0", step: null },
    { a: "0", b: "math.maxinteger", step: "math.maxinteger // 2" },
    { a: "math.maxinteger - 1", b: "math.maxinteger", step: "2" },
    { a: "1", b: "math.mininteger", step: "math.mininteger" },
    { a: "0.1", b: "1", step: "0.1" },
    { a: "1", b: "2", step: "0" }, // error: 'for' step is zero
    { a: '"1"', b: "2", step: null }, // error: 'for' initial value must be a number
  ),
);
const varargArg = fc.constantFrom("nil", "1", "2.5", '"s"', "a", "b", "true", "va(7, 8)", "(va(7, 8))", "...");

const cStmt: fc.Arbitrary<CStmt> = fc.letrec<{ stmt: CStmt; block: CStmt[] }>((tie) => ({
  block: fc.array(tie("stmt"), { maxLength: 3, depthIdentifier: "cblock" }),
  stmt: fc.oneof(
    { depthSize: "small", depthIdentifier: "cblock", maxDepth: 3 },
    { arbitrary: fc.tuple(fc.nat(2), cExpr).map(([target, e]) => ({ k: "assign" as const, target, e })), weight: 4 },
    {
      arbitrary: fc.array(cExpr, { minLength: 1, maxLength: 3 }).map((es) => ({ k: "print" as const, es })),
      weight: 3,
    },
    { arbitrary: cExpr.map((e) => ({ k: "closure" as const, e })), weight: 2 },
    { arbitrary: cExpr.map((e) => ({ k: "counter" as const, e })), weight: 1 },
    {
      arbitrary: fc
        .tuple(fc.array(varargArg, { maxLength: 5 }), fc.integer({ min: -3, max: 4 }))
        .map(([args, sel]) => ({ k: "vararg" as const, args, sel })),
      weight: 2,
    },
    {
      arbitrary: fc
        .tuple(cCond, tie("block"), fc.option(tie("block"), { nil: null }))
        .map(([c, t, f]) => ({ k: "if" as const, c, t: t as CStmt[], f: f as CStmt[] | null })),
      weight: 2,
    },
    {
      arbitrary: fc
        .tuple(
          fc.integer({ min: 0, max: 4 }),
          tie("block"),
          fc.option(cCond, { nil: null }),
          fc.option(cCond, { nil: null, freq: 3 }),
        )
        .map(([n, body, brk, cont]) => ({ k: "while" as const, n, body: body as CStmt[], brk, cont })),
      weight: 1,
    },
    {
      arbitrary: fc
        .tuple(fc.integer({ min: 1, max: 3 }), tie("block"))
        .map(([n, body]) => ({ k: "repeat" as const, n, body: body as CStmt[] })),
      weight: 1,
    },
    {
      arbitrary: fc
        .tuple(forRange, tie("block"), fc.option(cCond, { nil: null, freq: 3 }))
        .map(([r, body, cont]) => ({ k: "for" as const, ...r, body: body as CStmt[], cont })),
      weight: 2,
    },
    { arbitrary: fc.constant({ k: "swap" as const }), weight: 1 },
  ),
})).stmt;

/** Renders a control-flow program; `scope` lists the variables readable at each point. */
function renderControl(stmts: CStmt[], indent: string): string {
  const lines: string[] = [];
  let fresh = 0;
  const expr = (e: CExpr, scope: string[]): string => {
    switch (e.k) {
      case "var":
        return scope[e.i % scope.length];
      case "int":
        return e.n < 0 ? paren(String(e.n)) : String(e.n);
      case "flt":
        return e.s;
      case "bin": {
        const r = expr(e.r, scope);
        // x - 0 is the SUB_ZERO_BUG (-0.0 - 0 is 0.0 in lua5.4)
        return paren(`${expr(e.l, scope)} ${e.op} ${noSubZero(e.op, r)}`);
      }
      case "div":
        return paren(`${expr(e.l, scope)} ${e.op} ${e.n < 0 ? paren(String(e.n)) : e.n}`);
    }
  };
  const cond = (c: CCond, scope: string[]) => {
    const s = `${expr(c.l, scope)} ${c.op} ${expr(c.r, scope)}`;
    return c.neg ? `not (${s})` : s;
  };
  const block = (ss: CStmt[], scope: string[], ind: string): void => {
    for (const s of ss) stmt(s, scope, ind);
  };
  const stmt = (s: CStmt, scope: string[], ind: string): void => {
    switch (s.k) {
      case "assign":
        lines.push(`${ind}${"abc"[s.target]} = ${expr(s.e, scope)}`);
        break;
      case "swap":
        lines.push(`${ind}a, b, c = b, c, a`);
        break;
      case "print":
        lines.push(`${ind}print(${s.es.map((e) => expr(e, scope)).join(", ")})`);
        break;
      case "closure":
        lines.push(`${ind}fs[#fs + 1] = function() return ${expr(s.e, scope)} end`);
        break;
      case "counter": {
        // two closures sharing one fresh upvalue
        const x = `x${fresh++}`;
        lines.push(`${ind}local ${x} = ${expr(s.e, scope)}`);
        lines.push(`${ind}fs[#fs + 1] = function() ${x} = ${x} + 1; return ${x} end`);
        lines.push(`${ind}fs[#fs + 1] = function() return ${x} end`);
        scope.push(x);
        break;
      }
      case "vararg": {
        const args = s.args.join(", ");
        lines.push(`${ind}print(va(${args}))`);
        lines.push(`${ind}print(pcall(select, ${s.sel}${args ? ", " : ""}${args}))`);
        lines.push(`${ind}print(table.pack(${args}).n, select('#'${args ? ", " : ""}${args}))`);
        break;
      }
      case "if":
        lines.push(`${ind}if ${cond(s.c, scope)} then`);
        block(s.t, [...scope], `${ind}  `);
        if (s.f) {
          lines.push(`${ind}else`);
          block(s.f, [...scope], `${ind}  `);
        }
        lines.push(`${ind}end`);
        break;
      case "while": {
        const n = `n${fresh++}`;
        lines.push(`${ind}local ${n} = 0`);
        lines.push(`${ind}while ${n} < ${s.n} do`);
        lines.push(`${ind}  ${n} = ${n} + 1`);
        const inner = [...scope, n];
        const label = `continue${fresh++}`; // a label may not shadow a visible one
        if (s.cont) lines.push(`${ind}  if ${cond(s.cont, inner)} then goto ${label} end`);
        block(s.body, inner, `${ind}  `);
        if (s.brk) lines.push(`${ind}  if ${cond(s.brk, inner)} then break end`);
        if (s.cont) lines.push(`${ind}  ::${label}::`);
        lines.push(`${ind}end`);
        break;
      }
      case "repeat": {
        const n = `r${fresh++}`;
        lines.push(`${ind}local ${n} = 0`);
        lines.push(`${ind}repeat`);
        lines.push(`${ind}  ${n} = ${n} + 1`);
        const inner = [...scope, n];
        block(s.body, inner, `${ind}  `);
        lines.push(`${ind}until ${n} >= ${s.n}`);
        break;
      }
      case "for": {
        const i = `i${fresh++}`;
        lines.push(`${ind}for ${i} = ${s.a}, ${s.b}${s.step === null ? "" : `, ${s.step}`} do`);
        lines.push(`${ind}  fs[#fs + 1] = function() return ${i} end`);
        const inner = [...scope, i];
        const label = `continue${fresh++}`;
        if (s.cont) lines.push(`${ind}  if ${cond(s.cont, inner)} then goto ${label} end`);
        block(s.body, inner, `${ind}  `);
        if (s.cont) lines.push(`${ind}  ::${label}::`);
        lines.push(`${ind}end`);
        break;
      }
    }
  };
  block(stmts, ["a", "b", "c"], indent);
  return lines.join("\n");
}

const CONTROL_PRELUDE = `local function id(x) return x end
local function va(...) return select('#', ...), ... end
local fs = {}
`;
const CONTROL_EPILOGUE = `
print(a, b, c, math.type(a), math.type(b), math.type(c))
for k = 1, #fs do print(k, fs[k]()) end`;

const controlProgram = fc
  .tuple(
    fc.tuple(fc.integer({ min: -5, max: 9 }), fc.integer({ min: -5, max: 9 }), fc.constantFrom("0", "1.5", "-2")),
    fc.array(cStmt, { minLength: 1, maxLength: 6 }),
    fc.boolean(),
  )
  .map(([[a, b, c], stmts, inFunction]) => {
    const body = renderControl(stmts, inFunction ? "  " : "");
    const init = `local a, b, c = ${a}, ${b}, ${c}`;
    if (!inFunction) return `${CONTROL_PRELUDE}${init}\n${body}${CONTROL_EPILOGUE}`;
    // the same statements inside a vararg function, called with a few arguments
    return `${CONTROL_PRELUDE}${init}\nlocal function main(...)\n${body}\nend\nmain(1, nil, "x")${CONTROL_EPILOGUE}`;
  });

// ---------------------------------------------------------------------------------------

describe("property-based differential tests against lua5.4", () => {
  it("arithmetic over integer/float mixes", () => check(arithProgram, dropNaNSign));
  it("bitwise operators", () => check(bitProgram));
  it("string operations", () => check(strProgram));
  it("tables: keys, normalization, deletion, traversal, border", () => check(tableProgram));
  it("tables: insert/remove/concat/sort on sequences", () => check(seqProgram));
  it("control flow, closures and varargs", () => check(controlProgram, dropNaNSign));
});
