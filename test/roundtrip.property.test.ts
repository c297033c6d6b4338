// Property-based round-trip tests for the portable VM state: fast-check generates workflow
// scripts (handlers mixing sys.invoke inside pcall, metamethods, iterators, coroutines,
// closures with shared upvalues, tables, <close> variables, tail calls, varargs, strings and
// math.random) and runs each one twice against the same deterministic host:
//
//   (A) straight, on one runtime, answering every host call;
//   (B) with a round trip at EVERY yield: dehydrate, a fresh runtime (same libraries,
//       namespace and script), hydrate, startHydratedSession, then the same answer.
//
// Both runs must give the same sessions (status, result, error message) and the same
// sequence of host commands. Run B also checks, at every yield, that the hydrated session
// shows the command the state was saved at, and that dehydrating twice at the same point
// gives identical bytes. Each run starts the handler twice in a row on the current runtime,
// so module-level state (counters, tables, a coroutine created at load time, the random
// generator) must survive the round trips too.
//
// Runs per property: PROPERTY_RUNS (default 500: about 15-25 s on a 2-core machine, some
// 15,000 round trips). A failure reports fast-check's seed and path, and its message shows
// the (shrunk) script and both runs; replay it with PROPERTY_SEED=<seed> PROPERTY_PATH=<path>.
// PROPERTY_SAMPLE=<n> prints n generated scripts; PROPERTY_STATS=1 prints what the runs did
// (session outcomes, commands per run, host calls by name).
//
// Known engine bugs are excluded from the generator by the *_BUG flags below (each with a
// minimal reproduction).

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EndymionRuntime, type HandlerSession, type HostCommand } from "../core/dist/index.js";
import { jitOptions } from "../native/dist/index.js";

const RUNS = Number(process.env.PROPERTY_RUNS ?? 500);
const PARAMS: fc.Parameters<unknown> = {
  numRuns: RUNS,
  ...(process.env.PROPERTY_SEED ? { seed: Number(process.env.PROPERTY_SEED) } : {}),
  ...(process.env.PROPERTY_PATH ? { path: process.env.PROPERTY_PATH } : {}),
};

/** Host calls answered per run (both sessions together) before the run is cut short. */
const MAX_STEPS = 500;
/** The two handler invocations of a run, one after the other on the same runtime. */
const INPUTS = [{ n: 3 }, { n: 5 }];
const LIBS = ["base", "string", "table", "math", "coroutine", "utf8"];

// ---------------------------------------------------------------------------------------
// Known engine bugs, kept out of the generator until they are fixed: clear a flag to
// generate the construct again.

// Regressions this property found in hydrate (fixed; pinned by the "regressions" tests at
// the end): a coroutine with two or more open upvalues was refused (their order was checked
// before they were read), and so were tables whose hash part kept a dead integer key inside
// the array part (after the array grew over it) or a float key such as 1.5 in {10, 20}.

// Also found: a __close running while pcall unwinds an error could not yield (fixed: the
// variables are closed from the loop, each __close a frame of its own).

// ---------------------------------------------------------------------------------------
// The host: runtimes, a deterministic responder, the two runs

function makeRuntime(src: string): EndymionRuntime {
  const rt = new EndymionRuntime();
  rt.openLibs(LIBS);
  rt.registerNamespace("sys");
  rt.loadScriptSource("wf.lua", src);
  return rt;
}

/**
 * The answer depends only on the command and the run's counter k: invoke "fail*" raises,
 * "num*" gives a number, "str*" a string, "nil*" nil, "list*" an array, "obj*" a nested
 * object (a float, a 64-bit integer, a boolean, UTF-8 text), anything else an object
 * { v, name, tag }; emit and log return nothing.
 */
function answer(s: HandlerSession, cmd: HostCommand, k: number): void {
  if (cmd.type !== "invoke") s.resumeVoid();
  else if (cmd.name.startsWith("fail")) s.resumeError(`${cmd.name} failed #${k}`);
  else s.resume(invokeResult(cmd.name, k));
}

function invokeResult(name: string, k: number): unknown {
  if (name.startsWith("num")) return (k * 7) % 23;
  if (name.startsWith("str")) return `s${k}`;
  if (name.startsWith("nil")) return null;
  if (name.startsWith("list")) return [k, k + 1, k + 2];
  if (name.startsWith("obj")) {
    return { v: k, f: k + 0.5, big: 2n ** 60n + BigInt(k), even: k % 2 === 0, s: `h\u00e9${k}`, list: [1, "two", [k]] };
  }
  return { v: k, name, tag: `t${k}` };
}

/** A stable text form of a host value: key order, Maps, BigInts and Buffers included. */
function canon(v: unknown): string {
  if (v === undefined) return "undefined";
  if (v === null) return "null";
  if (typeof v === "bigint") return `${v}n`;
  if (typeof v === "number") return Object.is(v, -0) ? "-0" : String(v);
  if (typeof v === "string" || typeof v === "boolean") return JSON.stringify(v);
  if (Buffer.isBuffer(v)) return `<bytes ${v.toString("hex")}>`;
  if (v instanceof Map) return `Map{${[...v].map(([k, x]) => `${canon(k)} => ${canon(x)}`).join(", ")}}`;
  if (Array.isArray(v)) return `[${v.map(canon).join(", ")}]`;
  if (typeof v === "object") {
    return `{${Object.entries(v as Record<string, unknown>)
      .map(([k, x]) => `${JSON.stringify(k)}: ${canon(x)}`)
      .join(", ")}}`;
  }
  return `<${typeof v}>`;
}

interface SessionOutcome {
  status: string;
  result: string;
  errorMessage?: string;
}

interface RunOutcome {
  sessions: SessionOutcome[];
  /** Every host command, in order, in canon() form. */
  commands: string[];
  /** Set when MAX_STEPS was reached (the session was aborted). */
  capped?: boolean;
  /** A JS exception out of the engine or the API (never expected). */
  crash?: string;
  /** Round trip only: a broken check at a yield (determinism, the hydrated command). */
  problems?: string[];
}

/** Runs the handler for every input; with roundTrip, through a fresh runtime at every yield. */
function execute(src: string, roundTrip: boolean): RunOutcome {
  const out: RunOutcome = { sessions: [], commands: [] };
  const problems: string[] = [];
  let k = 0;
  try {
    let rt = makeRuntime(src);
    for (const input of INPUTS) {
      let s = rt.startHandler("main", input);
      while (s.status === "yielded") {
        if (out.commands.length >= MAX_STEPS) {
          s.abort();
          out.capped = true;
          break;
        }
        const cmd = s.command as HostCommand;
        out.commands.push(canon(cmd));
        if (roundTrip) {
          const bytes = rt.dehydrate();
          const again = rt.dehydrate();
          if (!bytes.equals(again)) problems.push(`step ${k}: dehydrating twice gave different bytes`);
          rt = makeRuntime(src);
          rt.hydrate(bytes);
          s = rt.startHydratedSession();
          if (s.status !== "yielded" || canon(s.command) !== canon(cmd)) {
            problems.push(`step ${k}: the hydrated session shows ${s.status} ${canon(s.command)}`);
          }
        }
        answer(s, cmd, k++);
      }
      out.sessions.push({
        status: s.status,
        result: canon(s.result),
        ...(s.errorMessage === undefined ? {} : { errorMessage: s.errorMessage }),
      });
    }
  } catch (e) {
    out.crash = e instanceof Error ? (e.stack ?? e.message) : String(e);
  }
  if (problems.length > 0) out.problems = problems;
  return out;
}

function show(o: RunOutcome): string {
  const lines: string[] = [];
  o.sessions.forEach((s, i) => {
    lines.push(`session ${i + 1}: ${s.status}`);
    lines.push(`  result: ${s.result}`);
    if (s.errorMessage !== undefined) lines.push(`  error: ${JSON.stringify(s.errorMessage)}`);
  });
  lines.push(`commands (${o.commands.length}${o.capped ? ", capped" : ""}):`);
  o.commands.forEach((c, i) => void lines.push(`  ${i}: ${c}`));
  if (o.crash !== undefined) lines.push(`CRASH: ${o.crash}`);
  for (const p of o.problems ?? []) lines.push(`PROBLEM: ${p}`);
  return lines.join("\n");
}

/** Runs src both ways; throws (with the script and both runs) when they differ. */
function agree(src: string): RunOutcome {
  const straight = execute(src, false);
  const trip = execute(src, true);
  const same =
    straight.crash === undefined &&
    trip.crash === undefined &&
    trip.problems === undefined &&
    JSON.stringify(straight.sessions) === JSON.stringify(trip.sessions) &&
    JSON.stringify(straight.commands) === JSON.stringify(trip.commands) &&
    straight.capped === trip.capped;
  if (!same) {
    throw new Error(
      `straight run and round-trip run disagree\n--- script ---\n${src}\n--- straight ---\n${show(straight)}\n--- round trip at every yield ---\n${show(trip)}\n`,
    );
  }
  return straight;
}

// ---------------------------------------------------------------------------------------
// The script around a generated handler body

const PRELUDE = `local calls = 0
local shared = {hits = 0, 10, 20}
local closed = {}
local V = {}
local out = {}
--SEED_MODULE--
local function num(x)
  local t = type(x)
  if t == "number" then return x
  elseif t == "string" then return #x
  elseif t == "boolean" then return x and 1 or 0
  elseif t == "table" then return num(x.v or x[1])
  else return 0 end
end
local function norm(x)
  local t = type(x)
  if t == "number" or t == "string" or t == "boolean" then return x
  elseif t == "nil" then return "nil"
  elseif t == "table" and getmetatable(x) == nil then
    local c = {}
    for k, v in pairs(x) do c[k] = norm(v) end
    return c
  elseif t == "table" then return "object"
  else return t end
end
local function val(o)
  if type(o) == "table" then return num(o.val) end
  return num(o)
end
local MT = {}
MT.__index = function(o, k) return num(sys.invoke("num_index", {k = k})) end
MT.__newindex = function(o, k, v)
  sys.emit("newindex", {k = k, v = v})
  rawset(o, k, v)
end
MT.__add = function(x, y) return val(x) + val(y) + num(sys.invoke("num_add", {x = val(x), y = val(y)})) end
MT.__sub = function(x, y) return val(x) - val(y) end
MT.__concat = function(x, y)
  local l = type(x) == "table" and "<" .. val(x) .. ">" or x
  local r = type(y) == "table" and "<" .. val(y) .. ">" or y
  return l .. sys.invoke("str_concat", {l = l, r = r}) .. r
end
MT.__eq = function(x, y)
  sys.log("debug", "eq", val(x), val(y))
  return val(x) % 2 == val(y) % 2
end
MT.__lt = function(x, y) return val(x) < val(y) + num(sys.invoke("num_lt", {})) end
MT.__le = function(x, y)
  sys.emit("le", {x = val(x), y = val(y)})
  return val(x) <= val(y)
end
MT.__len = function(o) return num(sys.invoke("num_len", {})) end
MT.__unm = function(o) return -val(o) end
MT.__call = function(o, x) return val(o) * 2 + num(sys.invoke("num_call", {x = x})) end
MT.__tostring = function(o) return "Obj" .. sys.invoke("str_tostring", {}) end
local Class = setmetatable({}, {__call = function(_, v)
  sys.log("info", "new", v)
  return setmetatable({val = v}, MT)
end})
local function closer(tag, loud)
  return setmetatable({}, {__close = function(_, e)
    if loud then sys.log("info", "closed", tag, type(e) == "string" and e or type(e)) end
    closed[#closed + 1] = tag
  end})
end
local function tailsum(n, acc)
  if n <= 0 then return sys.invoke("tail_end", {acc = acc}) end
  return tailsum(n - 1, acc + num(sys.invoke("num_tail", {n = n})))
end
local function va(...)
  local n = select("#", ...)
  sys.invoke("va", {n = n})
  return n, ...
end
local function range(n)
  local i = 0
  return function()
    i = i + 1
    if i <= n then return i, num(sys.invoke("num_range", {i = i})) end
  end
end
local function step(t, i)
  i = i + 1
  local v = t[i]
  if v ~= nil then
    sys.invoke("step", {i = i})
    return i, v
  end
end
local function proxy(t)
  return setmetatable({}, {__pairs = function(p)
    sys.log("debug", "pairs")
    return function(_, k)
      local nk, nv = next(t, k)
      if nk ~= nil then sys.invoke("nextp", {k = nk}) end
      return nk, nv
    end, p, nil
  end})
end
local ticker = coroutine.wrap(function()
  local i = 0
  while true do
    i = i + 1
    coroutine.yield(i + num(sys.invoke("num_tick", {i = i})))
  end
end)
local function bump(x)
  calls = calls + 1
  return x + num(sys.invoke("num_bump", {calls = calls}))
end
local function push(x) out[#out + 1] = norm(x) end
local function show(x) return (math.type(x) or type(x)) .. " " .. tostring(x) end
local function small(x) return (math.tointeger(x) or 0) % 26 end
local function twice(x) return x * 2 end
local function finish(tag)
  return {tag = tag, out = out, calls = calls, hits = shared.hits, closed = closed, r = math.random(1, 1000)}
end
`;

/** A generated variable (a local). */
const ref = (name: string) => name;
const declare = (name: string, rhs: string) => `local ${name} = ${rhs}`;

function script(seed: number, seedWhere: "module" | "handler" | "both", body: string): string {
  const seedLine = `math.randomseed(${seed})`;
  return `${PRELUDE.replace("--SEED_MODULE--", seedWhere === "handler" ? "" : seedLine)}
return { handlers = { main = sys.export(function(input)
  ${seedWhere === "module" ? "" : seedLine}
  V = {}
  out = {}
  ${declare("a", "num(input.n)")}
  ${declare("b", "2")}
  ${declare("o0", "setmetatable({val = num(input.n)}, MT)")}
  ${declare("t0", "{1, 2, 3, x = 4}")}
${body}
  return finish("end")
end) } }
`;
}

// ---------------------------------------------------------------------------------------
// Generated handler bodies: an AST whose variable references are indices, resolved against
// the variables in scope when it is rendered (so any shrunk AST still renders to a valid
// script).

type Expr =
  | { k: "lit"; n: number }
  | { k: "var"; p: number }
  | { k: "bin"; op: "+" | "-" | "*"; a: Expr; b: Expr }
  | { k: "div"; op: "%" | "//"; a: Expr; d: number }
  | { k: "inv"; name: string; a: Expr }
  | { k: "call"; p: number; a: Expr }
  | { k: "len"; p: number }
  | { k: "field"; p: number; key: string }
  | { k: "metaArith"; p: number; op: "+" | "-"; a: Expr }
  | { k: "max"; a: Expr; b: Expr }
  | { k: "rand" }
  | { k: "ticker" }
  | { k: "strlen"; a: Expr }
  | { k: "const"; text: string }
  | { k: "fdiv"; a: Expr; d: number };

type Body = Stmt[];
type ErrKind = "none" | "str" | "str0" | "tab" | "rt" | "inv" | "arith";
type MetaOp =
  | "add"
  | "sub"
  | "concatL"
  | "concatR"
  | "eq"
  | "lt"
  | "le"
  | "len"
  | "unm"
  | "call"
  | "index"
  | "newindex";

/**
 * A generated statement. Expressions (Expr) mix integer and float arithmetic with
 * sys.invoke calls, closure calls, __index/__add/__sub metamethods, #t, math.random and a
 * module-level coroutine (ticker()). Statements, by kind:
 * - local/set/push/show: variables and the handler's output list (show keeps float/int apart);
 * - emit/log: the other host calls; pinv: pcall(sys.invoke, ...) (some names fail);
 * - pbody/xpbody: a body inside pcall/xpcall ending in a return, error(string/table, level
 *   0), a runtime error or a failing invoke (xpcall's handler may itself make a host call);
 * - for (integer or float loop, maybe with a host call in its limit), while/repeat;
 * - pairs (maybe deleting/updating the current key), ipairs, range (a closure iterator
 *   making host calls), step (a stateless iterator function), ppairs (a __pairs proxy);
 * - tab/tset: table constructors and writes (append, table.insert/remove, keys);
 * - obj/meta: objects whose Lua metamethods make host calls (__index, __newindex, __call,
 *   __add, __concat, __eq, __lt, __le, __len; __unm and __sub without), sub-objects
 *   inheriting through an __index table;
 * - upv: two closures sharing a counter (a closed upvalue, or an open one); fn: a local function (varargs and a tail call in one version);
 * - tail: a recursive tail call ending in a tail-called sys.invoke; va: varargs with nils;
 * - wrap/create: coroutines whose bodies (any statements, coroutines included) make host
 *   calls and yield values; coclose: coroutine.close of a coroutine with a pending <close>;
 * - close: a <close> variable around a body (its __close may make a host call);
 * - str: string building, UTF-8 and a payload with non-UTF-8 bytes;
 * - cboundary: host calls in a table.sort comparator, a gsub callback, __tostring (all
 *   "attempt to yield across a C-call boundary", under pcall), or the same without;
 * - counter: module-level state; if; ret: an early return; fatal: an uncaught error.
 */
type Stmt =
  | { k: "local"; e: Expr }
  | { k: "set"; p: number; e: Expr }
  | { k: "push"; e: Expr }
  | { k: "emit"; e: Expr; f: Expr }
  | { k: "log"; level: string; e: Expr }
  | { k: "pinv"; name: string; e: Expr }
  | { k: "pbody"; body: Body; err: ErrKind; e: Expr }
  | { k: "xpbody"; body: Body; err: ErrKind; e: Expr; loudHandler: boolean }
  | { k: "for"; n: number; body: Body; bound: Expr | null; float: boolean }
  | { k: "while"; n: number; body: Body; repeat: boolean }
  | { k: "pairs"; p: number; body: Body; mut: "none" | "del" | "set" }
  | { k: "ipairs"; p: number; body: Body }
  | { k: "range"; n: number; body: Body }
  | { k: "step"; p: number; body: Body }
  | { k: "ppairs"; p: number; body: Body }
  | { k: "tab"; es: Expr[]; keys: [string, Expr][] }
  | { k: "tset"; p: number; how: "field" | "append" | "insert" | "remove"; key: string; e: Expr }
  | { k: "obj"; e: Expr; sub: boolean; p: number }
  | { k: "meta"; p: number; q: number; op: MetaOp; e: Expr }
  | { k: "upv"; e: Expr; open: boolean }
  | { k: "fn"; body: Body; e: Expr; vararg: boolean }
  | { k: "tail"; n: number }
  | { k: "va"; es: (Expr | null)[] }
  | { k: "wrap"; n: number; body: Body }
  | { k: "create"; n: number; body: Body }
  | { k: "coclose"; loud: boolean }
  | { k: "close"; body: Body; loud: boolean }
  | { k: "str"; es: Expr[]; ask: boolean }
  | { k: "cboundary"; which: "sort" | "gsub" | "tostring" | "sortQuiet" | "gsubQuiet" }
  | { k: "counter"; e: Expr }
  | { k: "if"; c: Expr; d: number; yes: Body; no: Body }
  | { k: "ret"; c: Expr; d: number }
  | { k: "fatal"; c: Expr; d: number; how: "error" | "inv" }
  | { k: "show"; e: Expr }
  | { k: "costat" };

// --- arbitraries ---

const smallNat = (max: number) => fc.integer({ min: 0, max });
const pick = fc.nat(50);
const invName = fc.constantFrom("get", "num_q", "str_q", "nil_q", "list_q", "obj_q", "get_user", "num_price");

function exprArb(depth: number): fc.Arbitrary<Expr> {
  const leaf: fc.Arbitrary<Expr> = fc.oneof(
    { arbitrary: fc.integer({ min: -3, max: 9 }).map((n): Expr => ({ k: "lit", n })), weight: 3 },
    { arbitrary: pick.map((p): Expr => ({ k: "var", p })), weight: 5 },
    { arbitrary: pick.map((p): Expr => ({ k: "len", p })), weight: 1 },
    { arbitrary: fc.constant<Expr>({ k: "rand" }), weight: 1 },
    {
      // floats (-0.0 included) and integers beyond 2^53
      arbitrary: fc
        .constantFrom(
          "0.5",
          "2.5",
          "(-0.0)",
          "1e300",
          "math.maxinteger",
          "math.mininteger",
          "(1 << 62)",
          "9007199254740993",
        )
        .map((text): Expr => ({ k: "const", text })),
      weight: 1,
    },
    { arbitrary: fc.constant<Expr>({ k: "ticker" }), weight: 1 },
    {
      arbitrary: fc
        .tuple(pick, fc.constantFrom("val", "missing", "other"))
        .map(([p, key]): Expr => ({ k: "field", p, key })),
      weight: 1,
    },
  );
  if (depth === 0) return leaf;
  const sub = exprArb(depth - 1);
  return fc.oneof(
    { arbitrary: leaf, weight: 6 },
    {
      arbitrary: fc.tuple(fc.constantFrom<"+" | "-" | "*">("+", "-", "*"), sub, sub).map(
        ([op, a, b]): Expr => ({
          k: "bin",
          op,
          a,
          b,
        }),
      ),
      weight: 4,
    },
    {
      arbitrary: fc
        .tuple(fc.constantFrom<"%" | "//">("%", "//"), sub, fc.integer({ min: 1, max: 5 }))
        .map(([op, a, d]): Expr => ({ k: "div", op, a, d })),
      weight: 1,
    },
    { arbitrary: fc.tuple(invName, sub).map(([name, a]): Expr => ({ k: "inv", name, a })), weight: 4 },
    { arbitrary: fc.tuple(pick, sub).map(([p, a]): Expr => ({ k: "call", p, a })), weight: 3 },
    {
      arbitrary: fc
        .tuple(pick, fc.constantFrom<"+" | "-">("+", "-"), sub)
        .map(([p, op, a]): Expr => ({ k: "metaArith", p, op, a })),
      weight: 2,
    },
    { arbitrary: fc.tuple(sub, sub).map(([a, b]): Expr => ({ k: "max", a, b })), weight: 1 },
    { arbitrary: sub.map((a): Expr => ({ k: "strlen", a })), weight: 1 },
    {
      arbitrary: fc.tuple(sub, fc.integer({ min: 1, max: 4 })).map(([a, d]): Expr => ({ k: "fdiv", a, d })),
      weight: 1,
    },
  );
}

const expr = exprArb(2);
const smallExpr = exprArb(1);
const errKind = fc.constantFrom<ErrKind>("none", "str", "str0", "tab", "rt", "inv", "arith");
const metaOp = fc.constantFrom<MetaOp>(
  "add",
  "sub",
  "concatL",
  "concatR",
  "eq",
  "lt",
  "le",
  "len",
  "unm",
  "call",
  "index",
  "newindex",
);

function stmtArb(depth: number): fc.Arbitrary<Stmt> {
  const leaves: fc.WeightedArbitrary<Stmt>[] = [
    { arbitrary: expr.map((e): Stmt => ({ k: "local", e })), weight: 4 },
    { arbitrary: fc.tuple(pick, expr).map(([p, e]): Stmt => ({ k: "set", p, e })), weight: 3 },
    { arbitrary: expr.map((e): Stmt => ({ k: "push", e })), weight: 4 },
    { arbitrary: fc.tuple(smallExpr, smallExpr).map(([e, f]): Stmt => ({ k: "emit", e, f })), weight: 1 },
    {
      arbitrary: fc
        .tuple(fc.constantFrom("debug", "info", "warn", "error"), smallExpr)
        .map(([level, e]): Stmt => ({ k: "log", level, e })),
      weight: 1,
    },
    {
      arbitrary: fc
        .tuple(fc.constantFrom("fail_charge", "fail_x", "get", "num_ok", "str_ok"), smallExpr)
        .map(([name, e]): Stmt => ({ k: "pinv", name, e })),
      weight: 3,
    },
    {
      arbitrary: fc
        .tuple(fc.array(smallExpr, { maxLength: 3 }), fc.array(fc.tuple(fc.constantFrom("x", "y", "k1"), smallExpr)))
        .map(([es, keys]): Stmt => ({ k: "tab", es, keys: keys.slice(0, 3) })),
      weight: 2,
    },
    {
      arbitrary: fc
        .record({
          p: pick,
          how: fc.constantFrom<"field" | "append" | "insert" | "remove">("field", "append", "insert", "remove"),
          key: fc.constantFrom('"x"', '"y"', '"z"', "0", "(-1)", "1.5", "1000", "true", "1", "2", "4", "5"),
          e: smallExpr,
        })
        .map((r): Stmt => ({ k: "tset", ...r })),
      weight: 2,
    },
    {
      arbitrary: fc.tuple(smallExpr, fc.boolean(), pick).map(([e, sub, p]): Stmt => ({ k: "obj", e, sub, p })),
      weight: 2,
    },
    {
      arbitrary: fc.tuple(pick, pick, metaOp, smallExpr).map(([p, q, op, e]): Stmt => ({ k: "meta", p, q, op, e })),
      weight: 4,
    },
    { arbitrary: fc.tuple(smallExpr, fc.boolean()).map(([e, open]): Stmt => ({ k: "upv", e, open })), weight: 2 },
    { arbitrary: smallNat(3).map((n): Stmt => ({ k: "tail", n })), weight: 1 },
    {
      arbitrary: fc
        .array(fc.option(smallExpr, { nil: null, freq: 4 }), { maxLength: 4 })
        .map((es): Stmt => ({ k: "va", es })),
      weight: 1,
    },
    { arbitrary: fc.boolean().map((loud): Stmt => ({ k: "coclose", loud })), weight: 1 },
    {
      arbitrary: fc
        .tuple(fc.array(smallExpr, { minLength: 1, maxLength: 3 }), fc.boolean())
        .map(([es, ask]): Stmt => ({ k: "str", es, ask })),
      weight: 2,
    },
    {
      arbitrary: fc
        .constantFrom<"sort" | "gsub" | "tostring" | "sortQuiet" | "gsubQuiet">(
          "sort",
          "gsub",
          "tostring",
          "sortQuiet",
          "gsubQuiet",
        )
        .map((which): Stmt => ({ k: "cboundary", which })),
      weight: 1,
    },
    { arbitrary: smallExpr.map((e): Stmt => ({ k: "counter", e })), weight: 1 },
    { arbitrary: expr.map((e): Stmt => ({ k: "show", e })), weight: 2 },
    { arbitrary: fc.constant<Stmt>({ k: "costat" }), weight: 1 },
    {
      arbitrary: fc.tuple(smallExpr, fc.integer({ min: 0, max: 30 })).map(([c, d]): Stmt => ({ k: "ret", c, d })),
      weight: 1,
    },
    {
      arbitrary: fc
        .tuple(smallExpr, fc.integer({ min: 10, max: 60 }), fc.constantFrom<"error" | "inv">("error", "inv"))
        .map(([c, d, how]): Stmt => ({ k: "fatal", c, d, how })),
      weight: 1,
    },
  ];
  if (depth === 0) return fc.oneof(...leaves);
  const body = fc.array(stmtArb(depth - 1), { minLength: 1, maxLength: 3 });
  const n = smallNat(3);
  return fc.oneof(
    ...leaves,
    {
      arbitrary: fc.tuple(body, errKind, smallExpr).map(([b, err, e]): Stmt => ({ k: "pbody", body: b, err, e })),
      weight: 4,
    },
    {
      arbitrary: fc
        .tuple(body, errKind, smallExpr, fc.boolean())
        .map(([b, err, e, loudHandler]): Stmt => ({ k: "xpbody", body: b, err, e, loudHandler })),
      weight: 1,
    },
    {
      arbitrary: fc
        .tuple(n, body, fc.option(smallExpr, { nil: null }), fc.boolean())
        .map(([cnt, b, bound, float]): Stmt => ({ k: "for", n: cnt, body: b, bound, float })),
      weight: 2,
    },
    {
      arbitrary: fc
        .tuple(n, body, fc.boolean())
        .map(([cnt, b, repeat]): Stmt => ({ k: "while", n: cnt, body: b, repeat })),
      weight: 1,
    },
    {
      arbitrary: fc
        .tuple(pick, body, fc.constantFrom<"none" | "del" | "set">("none", "del", "set"))
        .map(([p, b, mut]): Stmt => ({ k: "pairs", p, body: b, mut })),
      weight: 2,
    },
    { arbitrary: fc.tuple(pick, body).map(([p, b]): Stmt => ({ k: "ipairs", p, body: b })), weight: 1 },
    { arbitrary: fc.tuple(n, body).map(([cnt, b]): Stmt => ({ k: "range", n: cnt, body: b })), weight: 2 },
    { arbitrary: fc.tuple(pick, body).map(([p, b]): Stmt => ({ k: "step", p, body: b })), weight: 1 },
    { arbitrary: fc.tuple(pick, body).map(([p, b]): Stmt => ({ k: "ppairs", p, body: b })), weight: 1 },
    {
      arbitrary: fc
        .tuple(body, smallExpr, fc.boolean())
        .map(([b, e, vararg]): Stmt => ({ k: "fn", body: b, e, vararg })),
      weight: 2,
    },
    { arbitrary: fc.tuple(n, body).map(([cnt, b]): Stmt => ({ k: "wrap", n: cnt, body: b })), weight: 3 },
    { arbitrary: fc.tuple(n, body).map(([cnt, b]): Stmt => ({ k: "create", n: cnt, body: b })), weight: 2 },
    { arbitrary: fc.tuple(body, fc.boolean()).map(([b, loud]): Stmt => ({ k: "close", body: b, loud })), weight: 2 },
    {
      arbitrary: fc
        .tuple(smallExpr, fc.integer({ min: 0, max: 20 }), body, fc.array(stmtArb(depth - 1), { maxLength: 2 }))
        .map(([c, d, t, e]): Stmt => ({ k: "if", c, d, yes: t, no: e })),
      weight: 1,
    },
  );
}

const handlerArb = fc.record({
  seed: fc.integer({ min: 0, max: 1000 }),
  seedWhere: fc.constantFrom<"module" | "handler" | "both">("module", "handler", "both"),
  body: fc.array(stmtArb(3), { minLength: 1, maxLength: 6 }),
});

// --- rendering ---

interface Num {
  name: string;
  /** Assignable (for-loop control variables and iteration values are not). */
  rw: boolean;
}

interface Scope {
  nums: Num[];
  funcs: string[];
  objs: string[];
  tabs: string[];
}

type Ctx = "handler" | "fn" | "co";

const at = <T>(xs: T[], p: number): T => xs[p % xs.length];

function renderBody(body: Body, seed: number, seedWhere: "module" | "handler" | "both"): string {
  let fresh = 1; // a0, b0, o0 and t0 are the handler's own
  const id = (prefix: string) => `${prefix}${fresh++}`;

  const ex = (e: Expr, sc: Scope): string => {
    switch (e.k) {
      case "lit":
        return e.n < 0 ? `(${e.n})` : String(e.n);
      case "var":
        return at(sc.nums, e.p).name;
      case "bin":
        return `(${ex(e.a, sc)} ${e.op} ${ex(e.b, sc)})`;
      case "div":
        return `(${ex(e.a, sc)} ${e.op} ${e.d})`;
      case "inv":
        return `num(sys.invoke("${e.name}", {x = ${ex(e.a, sc)}, tag = "${e.name}"}))`;
      case "call":
        return `${at(sc.funcs, e.p)}(${ex(e.a, sc)})`;
      case "len":
        return `#${at(sc.tabs, e.p)}`;
      case "field":
        return `${at(sc.objs, e.p)}.${e.key}`;
      case "metaArith":
        return e.op === "+" ? `(${at(sc.objs, e.p)} + ${ex(e.a, sc)})` : `(${ex(e.a, sc)} - ${at(sc.objs, e.p)})`;
      case "max":
        return `math.max(${ex(e.a, sc)}, ${ex(e.b, sc)})`;
      case "rand":
        return "math.random(1, 100)";
      case "ticker":
        return "ticker()";
      case "strlen":
        return `#tostring(${ex(e.a, sc)})`;
      case "const":
        return e.text;
      case "fdiv":
        return `(${ex(e.a, sc)} / ${e.d})`;
    }
  };

  const copy = (sc: Scope): Scope => ({
    nums: [...sc.nums],
    funcs: [...sc.funcs],
    objs: [...sc.objs],
    tabs: [...sc.tabs],
  });

  const lines: string[] = [];
  const emit = (ind: string, s: string) => {
    for (const l of s.split("\n")) lines.push(ind + l);
  };
  /** Names bound by a for loop or a parameter list (nothing to do: they are locals). */
  const bind = (_ind: string, ..._names: string[]) => {};

  /** The last statement of a pcall/xpcall body. */
  const errTail = (err: ErrKind, e: string): string => {
    switch (err) {
      case "none":
        return `return ${e}`;
      case "str":
        return `error("boom " .. ${e})`;
      case "str0":
        return `error("plain " .. ${e}, 0)`;
      case "tab":
        return `error({code = ${e}})`;
      case "rt":
        return `local z = nil\nreturn z.field + ${e}`;
      case "inv":
        return `return num(sys.invoke("fail_inner", {x = ${e}}))`;
      case "arith":
        return `return ${e} + {}`;
    }
  };

  const block = (body: Body, sc0: Scope, ind: string, ctx: Ctx): void => {
    const sc = copy(sc0);
    for (const s of body) stmt(s, sc, ind, ctx);
  };

  /** A guarded generic for: at most 6 iterations, whatever the body does to the table. */
  const guarded = (ind: string, head: string, names: string[], inner: () => void) => {
    const g = id("g");
    emit(ind, `local ${g} = 0`);
    emit(ind, `${head} do`);
    emit(ind, `  ${g} = ${g} + 1`);
    emit(ind, `  if ${g} > 6 then break end`);
    bind(`${ind}  `, ...names);
    inner();
    emit(ind, "end");
  };

  const stmt = (s: Stmt, sc: Scope, ind: string, ctx: Ctx): void => {
    switch (s.k) {
      case "local": {
        const v = id("v");
        emit(ind, declare(v, ex(s.e, sc)));
        sc.nums.push({ name: ref(v), rw: true });
        break;
      }
      case "set": {
        const rw = sc.nums.filter((x) => x.rw);
        if (rw.length === 0) emit(ind, `push(${ex(s.e, sc)})`);
        else emit(ind, `${at(rw, s.p).name} = ${ex(s.e, sc)}`);
        break;
      }
      case "push":
        emit(ind, `push(${ex(s.e, sc)})`);
        break;
      case "emit":
        emit(ind, `sys.emit("ev", {x = ${ex(s.e, sc)}, list = {${ex(s.f, sc)}, 1}})`);
        break;
      case "log":
        emit(ind, `sys.log("${s.level}", "at", ${ex(s.e, sc)})`);
        break;
      case "pinv":
        emit(ind, "do");
        emit(ind, `  local ok, r = pcall(sys.invoke, "${s.name}", {x = ${ex(s.e, sc)}})`);
        emit(ind, "  push(ok)");
        emit(ind, "  push(r)");
        emit(ind, "end");
        break;
      case "pbody":
      case "xpbody": {
        const ok = id("ok");
        const r = id("r");
        emit(ind, `local ${ok}, ${r} = ${s.k === "pbody" ? "pcall" : "xpcall"}(function()`);
        block(s.body, sc, `${ind}  `, "fn");
        emit(`${ind}  `, errTail(s.err, ex(s.e, sc)));
        if (s.k === "pbody") emit(ind, "end)");
        else if (s.loudHandler) {
          // a host call in a message handler
          emit(ind, `end, function(m) sys.log("warn", "handler", type(m)) return "H:" .. tostring(norm(m)) end)`);
        } else emit(ind, `end, function(m) return "H:" .. (type(m) == "table" and "table" or tostring(m)) end)`);
        emit(ind, `push(${ok})`);
        emit(ind, `push(${r})`);
        break;
      }
      case "for": {
        const i = id("i");
        const hi = s.bound === null ? String(s.n) : `(${ex(s.bound, sc)}) % 3 + ${s.n}`;
        // a float loop: 1.0, 1.5, ... up to the same bound
        emit(ind, s.float ? `for ${i} = 1.0, ${hi}, 0.5 do` : `for ${i} = 1, ${hi} do`);
        bind(`${ind}  `, i);
        const inner = copy(sc);
        inner.nums.push({ name: ref(i), rw: false });
        block(s.body, inner, `${ind}  `, ctx);
        emit(ind, "end");
        break;
      }
      case "while": {
        const w = id("w");
        const wr = ref(w);
        emit(ind, declare(w, "0"));
        const inner = copy(sc);
        inner.nums.push({ name: wr, rw: false });
        if (s.repeat) {
          emit(ind, "repeat");
          emit(ind, `  ${wr} = ${wr} + 1`);
          block(s.body, inner, `${ind}  `, ctx);
          emit(ind, `until ${wr} >= ${s.n}`);
        } else {
          emit(ind, `while ${wr} < ${s.n} do`);
          emit(ind, `  ${wr} = ${wr} + 1`);
          block(s.body, inner, `${ind}  `, ctx);
          emit(ind, "end");
        }
        break;
      }
      case "pairs": {
        const t = at(sc.tabs, s.p);
        const kk = id("k");
        const vv = id("v");
        guarded(ind, `for ${kk}, ${vv} in pairs(${t})`, [kk, vv], () => {
          emit(ind, `  push(${ref(kk)})`);
          const inner = copy(sc);
          inner.nums.push({ name: ref(vv), rw: false });
          block(s.body, inner, `${ind}  `, ctx);
          // deleting or updating the current key during a traversal is allowed
          if (s.mut === "del") emit(ind, `  ${t}[${ref(kk)}] = nil`);
          if (s.mut === "set") emit(ind, `  ${t}[${ref(kk)}] = ${ref(vv)} + 1`);
        });
        break;
      }
      case "ipairs": {
        const i = id("i");
        const vv = id("v");
        guarded(ind, `for ${i}, ${vv} in ipairs(${at(sc.tabs, s.p)})`, [i, vv], () => {
          const inner = copy(sc);
          inner.nums.push({ name: ref(i), rw: false }, { name: ref(vv), rw: false });
          block(s.body, inner, `${ind}  `, ctx);
        });
        break;
      }
      case "range":
      case "step":
      case "ppairs": {
        const i = id("i");
        const vv = id("v");
        const head =
          s.k === "range"
            ? `for ${i}, ${vv} in range(${s.n})`
            : s.k === "step"
              ? `for ${i}, ${vv} in step, ${at(sc.tabs, s.p)}, 0`
              : `for ${i}, ${vv} in pairs(proxy(${at(sc.tabs, s.p)}))`;
        guarded(ind, head, [i, vv], () => {
          const inner = copy(sc);
          if (s.k === "ppairs") emit(ind, `  push(${ref(i)})`);
          else inner.nums.push({ name: ref(i), rw: false });
          inner.nums.push({ name: ref(vv), rw: false });
          block(s.body, inner, `${ind}  `, ctx);
        });
        break;
      }
      case "tab": {
        const t = id("t");
        const parts = [...s.es.map((e) => ex(e, sc)), ...s.keys.map(([k, e]) => `${k} = ${ex(e, sc)}`)];
        emit(ind, declare(t, `{${parts.join(", ")}}`));
        sc.tabs.push(ref(t));
        break;
      }
      case "tset": {
        const t = at(sc.tabs, s.p);
        const e = ex(s.e, sc);
        if (s.how === "field") emit(ind, `${t}[${s.key}] = ${e}`);
        else if (s.how === "append") emit(ind, `${t}[#${t} + 1] = ${e}`);
        else if (s.how === "insert") emit(ind, `table.insert(${t}, ${e})`);
        else emit(ind, `push(table.remove(${t}))`);
        break;
      }
      case "obj": {
        const o = id("o");
        if (s.sub) emit(ind, declare(o, `setmetatable({}, {__index = ${at(sc.objs, s.p)}})`));
        else emit(ind, declare(o, `Class(${ex(s.e, sc)})`));
        sc.objs.push(ref(o));
        break;
      }
      case "meta": {
        const o = at(sc.objs, s.p);
        const q = at(sc.objs, s.q);
        const e = ex(s.e, sc);
        switch (s.op) {
          case "add":
            emit(ind, `push(${o} + ${e})`);
            break;
          case "sub":
            emit(ind, `push(${e} - ${o})`);
            break;
          case "concatL":
            emit(ind, `push(${o} .. "s" .. ${e})`);
            break;
          case "concatR":
            emit(ind, `push(${e} .. ${o})`);
            break;
          case "eq":
            emit(ind, `push(${o} == ${q})`);
            break;
          case "lt":
            emit(ind, `push(${o} < ${q})`);
            break;
          case "le":
            emit(ind, `push(${o} <= ${q})`);
            break;
          case "len":
            emit(ind, `push(#${o})`);
            break;
          case "unm":
            emit(ind, `push(-${o})`);
            break;
          case "call":
            emit(ind, `push(${o}(${e}))`);
            break;
          case "index":
            emit(ind, `push(${o}[${e}])`);
            break;
          case "newindex": {
            const f = id("f");
            emit(ind, `${o}.${f} = ${e}`);
            emit(ind, `push(rawget(${o}, "${f}"))`);
            break;
          }
        }
        break;
      }
      case "upv": {
        const c = id("c");
        const g = id("get");
        const h = id("add");
        if (s.open) {
          // The counter stays in scope: the running frame and both closures share it, an open
          // upvalue.
          const cr = c;
          emit(ind, `local ${c} = ${ex(s.e, sc)}`);
          emit(ind, declare(g, `function(d) return ${cr} + d end`));
          emit(
            ind,
            declare(h, `function(d) ${cr} = ${cr} + d + num(sys.invoke("num_up", {c = ${cr}})) return ${cr} end`),
          );
          sc.nums.push({ name: cr, rw: true });
          emit(ind, `push(${ref(h)}(1))`);
        } else {
          // the counter is a local of a finished block: a closed upvalue shared by both closures
          emit(ind, `local ${g}, ${h}\ndo`);
          emit(ind, `  local ${c} = ${ex(s.e, sc)}`);
          emit(ind, `  ${ref(g)} = function(d) return ${c} + d end`);
          emit(
            ind,
            `  ${ref(h)} = function(d) ${c} = ${c} + d + num(sys.invoke("num_up", {c = ${c}})) return ${c} end`,
          );
          emit(ind, "end");
          emit(ind, `push(${ref(h)}(1))`);
        }
        sc.funcs.push(ref(g), ref(h));
        break;
      }
      case "fn": {
        const f = id("fn");
        const p = id("p");
        const pr = ref(p);
        emit(ind, `local function ${f}(${p}${s.vararg ? ", ..." : ""})`);
        bind(`${ind}  `, p);
        const inner = copy(sc);
        inner.nums.push({ name: pr, rw: true });
        if (s.vararg) emit(ind, `  ${pr} = ${pr} + select("#", ...)`);
        block(s.body, inner, `${ind}  `, "fn");
        // the vararg version ends with a tail call
        if (s.vararg) emit(ind, `  return twice(${pr} + ${ex(s.e, inner)})`);
        else emit(ind, `  return ${pr} + ${ex(s.e, inner)}`);
        emit(ind, "end");
        sc.funcs.push(s.vararg ? `(function(x) return ${ref(f)}(x, 1, nil) end)` : ref(f));
        break;
      }
      case "tail":
        emit(ind, `push(num(tailsum(${s.n}, 0)))`);
        break;
      case "va": {
        const r = id("r");
        const args = s.es.map((e) => (e === null ? "nil" : ex(e, sc)));
        emit(ind, `local ${r} = table.pack(va(${args.join(", ")}))`);
        emit(ind, `push(${r}.n)`);
        emit(ind, `for i = 1, ${r}.n do push(${r}[i]) end`);
        break;
      }
      case "wrap": {
        const w = id("w");
        const a = id("a");
        const j = id("j");
        const ar = ref(a);
        emit(ind, declare(w, `coroutine.wrap(function(${a})`));
        bind(`${ind}  `, a);
        emit(ind, `  for ${j} = 1, ${s.n} do`);
        bind(`${ind}    `, j);
        const inner = copy(sc);
        inner.nums.push({ name: ar, rw: true }, { name: ref(j), rw: false });
        block(s.body, inner, `${ind}    `, "co");
        emit(ind, `    ${ar} = coroutine.yield(${ar} + ${j} + num(sys.invoke("num_co", {j = ${j}}))) or ${ar}`);
        emit(ind, "  end");
        emit(ind, "  return -1");
        emit(ind, "end)");
        emit(ind, `for j = 1, ${s.n + 1} do push(${ref(w)}(j)) end`);
        break;
      }
      case "create": {
        const c = id("co");
        const a = id("a");
        const j = id("j");
        const ar = ref(a);
        emit(ind, declare(c, `coroutine.create(function(${a})`));
        bind(`${ind}  `, a);
        emit(ind, `  for ${j} = 1, ${s.n} do`);
        bind(`${ind}    `, j);
        const inner = copy(sc);
        inner.nums.push({ name: ar, rw: true }, { name: ref(j), rw: false });
        block(s.body, inner, `${ind}    `, "co");
        emit(ind, `    ${ar} = coroutine.yield(${ar} * 2, sys.invoke("str_co", {j = ${j}})) or ${ar}`);
        emit(ind, "  end");
        emit(ind, `  return "done", ${ar}`);
        emit(ind, "end)");
        emit(ind, `for j = 1, ${s.n + 2} do`);
        emit(ind, `  local ok, x, y = coroutine.resume(${ref(c)}, j)`);
        emit(ind, `  push(ok) push(x) push(y) push(coroutine.status(${ref(c)}))`);
        emit(ind, "end");
        break;
      }
      case "coclose": {
        // a suspended coroutine with a pending <close> variable, closed by coroutine.close
        const c = id("co");
        emit(ind, `local ${c} = coroutine.create(function()`);
        emit(ind, `  local x <close> = closer("${c}", ${s.loud})`);
        emit(ind, `  coroutine.yield(num(sys.invoke("num_cc", {})))`);
        emit(ind, "  return 2");
        emit(ind, "end)");
        emit(ind, `push(select(2, coroutine.resume(${c})))`);
        emit(ind, "do");
        emit(ind, `  local ok, e = coroutine.close(${c})`);
        emit(ind, `  push(ok) push(e) push(coroutine.status(${c}))`);
        emit(ind, "end");
        break;
      }
      case "close": {
        const x = id("x");
        emit(ind, "do");
        emit(ind, `  local ${x} <close> = closer("${x}", ${s.loud})`);
        block(s.body, sc, `${ind}  `, ctx);
        emit(ind, "end");
        break;
      }
      case "str": {
        const v = id("s");
        const es = s.es.map((e) => ex(e, sc));
        emit(
          ind,
          `local ${v} = table.concat({${es.join(", ")}}, "-") .. string.format("<%s|%5.1f>", ${es[0]}, ${es[0]})`,
        );
        emit(ind, `${v} = ${v} .. string.rep("ab", small(${v}:len()) % 3) .. utf8.char(65 + small(#${v}), 233, 8364)`);
        // a payload with bytes that are not UTF-8 (the host gets a Buffer)
        if (s.ask) emit(ind, `${v} = ${v} .. sys.invoke("str_s", {s = ${v}, raw = "\\0\\255" .. ${v}})`);
        emit(ind, `push(${v}) push(#${v}) push(${v}:upper():sub(2, 6)) push(string.byte(${v}, -1))`);
        break;
      }
      case "cboundary":
        emit(ind, "do");
        switch (s.which) {
          case "sort":
            emit(
              ind,
              `  local ok, e = pcall(table.sort, {3, 1, 2}, function(x, y) sys.invoke("cmp", {x = x}) return x < y end)`,
            );
            break;
          case "sortQuiet":
            emit(ind, `  local t = {3, 1, 2, ${at(sc.nums, 0).name}}`);
            emit(ind, `  local ok, e = pcall(table.sort, t, function(x, y) return x > y end)`);
            emit(ind, `  push(table.concat(t, ","))`);
            break;
          case "gsub":
            emit(
              ind,
              `  local ok, e = pcall(string.gsub, "abc", "%w", function(c) return sys.invoke("str_g", {c = c}) end)`,
            );
            break;
          case "gsubQuiet":
            emit(ind, `  local ok, e = pcall(string.gsub, "abc", "%w", function(c) return c .. c end)`);
            break;
          case "tostring":
            emit(ind, `  local ok, e = pcall(tostring, ${at(sc.objs, 0)})`);
            break;
        }
        emit(ind, "  push(ok) push(e)");
        emit(ind, "end");
        break;
      case "counter":
        emit(ind, `calls = calls + ${ex(s.e, sc)}`);
        emit(ind, "shared.hits = shared.hits + 1");
        emit(ind, "push(calls)");
        break;
      case "if":
        emit(ind, `if ${ex(s.c, sc)} > ${s.d} then`);
        block(s.yes, sc, `${ind}  `, ctx);
        if (s.no.length > 0) {
          emit(ind, "else");
          block(s.no, sc, `${ind}  `, ctx);
        }
        emit(ind, "end");
        break;
      case "ret":
        if (ctx === "handler") emit(ind, `if ${ex(s.c, sc)} > ${s.d} then return finish("early") end`);
        else if (ctx === "fn") emit(ind, `if ${ex(s.c, sc)} > ${s.d} then return ${s.d} end`);
        else emit(ind, `push(${ex(s.c, sc)} > ${s.d})`);
        break;
      case "show":
        emit(ind, `push(show(${ex(s.e, sc)}))`);
        break;
      case "costat":
        emit(ind, `push(coroutine.isyieldable()) push(select(2, coroutine.running()))`);
        break;
      case "fatal":
        if (s.how === "error") emit(ind, `if ${ex(s.c, sc)} > ${s.d} then error("fatal " .. ${s.d}) end`);
        else emit(ind, `if ${ex(s.c, sc)} > ${s.d} then push(sys.invoke("fail_fatal", {})) end`);
        break;
    }
  };

  const top: Scope = {
    nums: [
      { name: ref("a"), rw: true },
      { name: ref("b"), rw: true },
    ],
    funcs: ["twice", "bump"],
    objs: [ref("o0")],
    tabs: [ref("t0"), "shared"],
  };
  block(body, top, "  ", "handler");
  return script(seed, seedWhere, lines.join("\n"));
}

const programArb = handlerArb.map(({ seed, seedWhere, body }) => renderBody(body, seed, seedWhere));

// ---------------------------------------------------------------------------------------
// Fixed examples: one script per depth a host call can be made from

/** A handler script: `module` is module-level code, `body` the handler's body. */
const wf = (body: string, module = "") =>
  `local calls = 0\n${module}\nreturn { handlers = { main = sys.export(function(input)\n${body}\nend) } }\n`;

/** The type and name (or level) of each command, for short expectations. */
const kinds = (r: RunOutcome) =>
  r.commands.map((c) => {
    const m = /^\{"type": "(\w+)", "(?:name|level)": ("(?:[^"\\]|\\.)*")/.exec(c);
    return m ? `${m[1]} ${JSON.parse(m[2])}` : c;
  });

describe("round trip at every yield: fixed examples", () => {
  it("sys.invoke, emit and log at the top of the handler, with module-level state", () => {
    const r = agree(
      wf(
        `calls = calls + 1
local u = sys.invoke("get_user", {id = input.n})
sys.emit("seen", {id = u.v})
sys.log("info", "user", u.name, calls)
return {user = u, calls = calls}`,
      ),
    );
    expect(r.commands).toEqual([
      '{"type": "invoke", "name": "get_user", "payload": {"id": 3}}',
      '{"type": "emit", "name": "seen", "payload": {"id": 0}}',
      '{"type": "log", "level": "info", "message": "user get_user 1"}',
      '{"type": "invoke", "name": "get_user", "payload": {"id": 5}}',
      '{"type": "emit", "name": "seen", "payload": {"id": 3}}',
      '{"type": "log", "level": "info", "message": "user get_user 2"}',
    ]);
    expect(r.sessions[1].result).toBe('{"user": {"v": 3, "name": "get_user", "tag": "t3"}, "calls": 2}');
  });

  it("inside pcall and xpcall (a failing invoke is caught)", () => {
    const r = agree(
      wf(`local ok1, e1 = pcall(sys.invoke, "fail_charge", {amount = input.n})
local ok2, e2 = pcall(function() return sys.invoke("num_a", {}) + sys.invoke("num_b", {}) end)
local ok3, e3 = xpcall(function() sys.invoke("fail_inner", {}) end, function(m) return "handled: " .. m end)
return {ok1, e1, ok2, e2, ok3, e3}`),
    );
    expect(r.sessions[0].result).toBe(
      '[false, "fail_charge failed #0", true, 21, false, "handled: fail_inner failed #3"]',
    );
  });

  it("inside metamethods: __newindex, __index, __call, __add, __concat, __eq, __lt, __le, __len", () => {
    const r = agree(
      wf(`local mt = {}
mt.__index = function(t, k) return sys.invoke("num_index", {k = k}) end
mt.__newindex = function(t, k, v) sys.emit("set", {k = k, v = v}) rawset(t, k, v) end
mt.__call = function(t, x) return sys.invoke("num_call", {x = x}) end
mt.__add = function(x, y) return sys.invoke("num_add", {}) end
mt.__concat = function(x, y) return sys.invoke("str_concat", {}) end
mt.__eq = function(x, y) sys.log("debug", "eq") return true end
mt.__lt = function(x, y) return sys.invoke("num_lt", {}) > 3 end
mt.__le = function(x, y) return sys.invoke("num_le", {}) > 100 end
mt.__len = function(x) return sys.invoke("num_len", {}) end
local p, q = setmetatable({}, mt), setmetatable({}, mt)
p.name = "p"
return {p.missing, p(1), p + 1, p .. "x", p == q, p < q, p <= q, #p, rawget(p, "name")}`),
    );
    expect(kinds(r).slice(0, 9)).toEqual([
      "emit set",
      "invoke num_index",
      "invoke num_call",
      "invoke num_add",
      "invoke str_concat",
      "log debug",
      "invoke num_lt",
      "invoke num_le",
      "invoke num_len",
    ]);
    expect(r.sessions[0].result).toBe('[7, 14, 21, "s4", true, true, false, 10, "p"]');
  });

  it("inside __close: leaving a block, breaking out of a loop, returning from a function", () => {
    const r = agree(
      wf(
        `log = {}
do
  local x <close> = closer("block")
  log[#log + 1] = sys.invoke("str_body", {})
end
for i = 1, 3 do
  local y <close> = closer("loop" .. i)
  if i == 2 then break end
end
local function f()
  local z <close> = closer("fn")
  return "returned"
end
local v = f()
log[#log + 1] = v
return log`,
        `local log
local function closer(tag)
  return setmetatable({}, {__close = function() log[#log + 1] = tag .. sys.invoke("str_close", {tag = tag}) end})
end`,
      ),
    );
    expect(r.sessions[0].result).toBe('["s0", "blocks1", "loop1s2", "loop2s3", "fns4", "returned"]');
  });

  it("inside generic-for iterators, __pairs, a traversal that deletes, and a tail-called host call", () => {
    const r = agree(
      wf(
        `local items = {}
local function range(n)
  local i = 0
  return function() i = i + 1 if i <= n then return i, sys.invoke("num_it", {i = i}) end end
end
for i, v in range(3) do items[#items + 1] = v end
local t = {a = 1, b = 2, c = 3}
local proxy = setmetatable({}, {__pairs = function() sys.log("debug", "pairs") return next, t, nil end})
for k, v in pairs(proxy) do items[#items + 1] = k .. sys.invoke("str_k", {k = k}) end
for k in pairs(t) do t[k] = nil items[#items + 1] = sys.invoke("num_del", {k = k}) end
local function last(x) return sys.invoke("get_last", {x = x}) end
return {items = items, last = last(#items)}`,
      ),
    );
    expect(r.sessions[0].result).toBe(
      '{"items": [0, 7, 14, "as4", "bs5", "cs6", 3, 10, 17], "last": {"v": 10, "name": "get_last", "tag": "t10"}}',
    );
  });

  it("inside coroutines: create/resume, wrap, and a coroutine inside a coroutine", () => {
    const r = agree(
      wf(`local inner = coroutine.wrap(function()
  for i = 1, 2 do coroutine.yield(sys.invoke("num_inner", {i = i})) end
end)
local outer = coroutine.create(function(a)
  local x = inner() + a
  local b = coroutine.yield(x)
  return x + inner() + b + sys.invoke("num_outer", {})
end)
local r = {}
for i = 1, 3 do
  local ok, v = coroutine.resume(outer, i * 10)
  r[#r + 1] = tostring(ok) .. ":" .. tostring(v) .. ":" .. coroutine.status(outer)
end
return r`),
    );
    expect(r.sessions[0].result).toBe(
      '["true:10:suspended", "true:51:dead", "false:cannot resume dead coroutine:dead"]',
    );
  });

  it("a module-level coroutine, closures sharing an upvalue, varargs and math.random", () => {
    const r = agree(
      wf(
        `local get, add
do
  local c = 0
  get = function() return c end
  add = function(d) c = c + d + sys.invoke("num_up", {c = c}) end
end
local function va(...) local n = select("#", ...) sys.invoke("va", {n = n}) return n, ... end
add(1) add(2)
local r = table.pack(va(1, nil, ticker()))
return {get(), r.n, r[4], ticker(), math.random(1, 1000), math.random(1, 1000)}`,
        `math.randomseed(7)
local ticker = coroutine.wrap(function()
  local i = 0
  while true do i = i + 1 coroutine.yield(i * 100 + sys.invoke("num_tick", {i = i})) end
end)`,
      ),
    );
    // the ticker goes on where the first session left it: i = 3 and 4 in the second
    expect(kinds(r)).toEqual([
      "invoke num_up",
      "invoke num_up",
      "invoke num_tick",
      "invoke va",
      "invoke num_tick",
      "invoke num_up",
      "invoke num_up",
      "invoke num_tick",
      "invoke va",
      "invoke num_tick",
    ]);
    expect(r.commands[7]).toBe('{"type": "invoke", "name": "num_tick", "payload": {"i": 3}}');
  });

  it("a host call in a table.sort comparator or a gsub callback: the same C-call boundary error", () => {
    const r = agree(
      wf(`local ok1, e1 = pcall(table.sort, {3, 1, 2}, function(x, y) sys.invoke("cmp", {}) return x < y end)
local ok2, e2 = pcall(string.gsub, "ab", "%w", function(c) return sys.invoke("str_g", {c = c}) end)
sys.log("info", "after")
return {ok1, e1, ok2, e2}`),
    );
    expect(r.sessions[0].result).toBe(
      '[false, "attempt to yield across a C-call boundary", false, "attempt to yield across a C-call boundary"]',
    );
  });

  it("an uncaught failure ends the session with the same error", () => {
    const r = agree(wf(`local x = sys.invoke("get", {}) return sys.invoke("fail_final", {x = x.v})`));
    expect(r.sessions[0]).toEqual({ status: "error", result: "undefined", errorMessage: "fail_final failed #1" });
  });

  // Regressions found by the property (fixed).

  it("regression: a yield while a frame has two captured locals", () => {
    const r = agree(
      wf(`local x, y = input.n, 2
local function f() return x * 10 + y end
y = y + sys.invoke("num_q", {})
return f()`),
    );
    expect(r.sessions[0].result).toBe("32");
  });

  it("regression: a table whose array part grew over a hash key", () => {
    const r = agree(
      wf(`local t = {}
t[2] = "b"
t[1] = "a"
t[3] = sys.invoke("str_q", {})
return t`),
    );
    expect(r.sessions[0].result).toBe('["a", "b", "s0"]');
    // the same through LuaTable.compactArray(): no key is ever written out of order
    const c = agree(
      wf(`local t = {}
for i = 1, 20 do t[i] = i end
for i = 1, 18 do t[i] = nil end
t[21] = 21
for i = 1, 18 do t[i] = i end
t[22] = sys.invoke("num_q", {})
return {#t, t[19], t[20], t[21]}`),
    );
    expect(c.sessions[0].result).toBe("[22, 19, 20, 21]");
  });

  it("regression: a float key between 1 and the size of the array part", () => {
    const r = agree(
      wf(`local t = {10, 20}
t[1.5] = 15
t[3] = sys.invoke("num_q", {})
return {t[1], t[1.5], t[2], t[3]}`),
    );
    expect(r.sessions[0].result).toBe("[10, 15, 20, 0]");
  });

  it("regression: a host call in __close while pcall unwinds an error", () => {
    const r = agree(
      wf(`local ok, e = pcall(function()
  local y <close> = setmetatable({}, {__close = function(_, err) sys.log("info", "closing", err) end})
  error("boom", 0)
end)
return {ok, e}`),
    );
    expect(r.commands[0]).toBe('{"type": "log", "level": "info", "message": "closing boom"}');
    expect(r.sessions[0].result).toBe('[false, "boom"]');
  });
});

// ---------------------------------------------------------------------------------------

describe("round trip at every yield: generated workflow scripts, every function compiled", () => {
  it("suspensions inside compiled code survive the round trips", () => {
    // the compiled tier (vm/jit.ts) keeps registers in JS locals between host calls: with
    // every function compiled before its first call, every suspension happens in it
    const threshold = jitOptions.threshold;
    jitOptions.threshold = 0;
    try {
      fc.assert(
        fc.property(programArb, (src) => {
          agree(src);
        }),
        { ...PARAMS, numRuns: Math.max(1, Math.floor(RUNS / 2)) },
      );
    } finally {
      jitOptions.threshold = threshold;
    }
  });
});

describe("round trip at every yield: generated workflow scripts", () => {
  it("a dehydrate -> fresh runtime -> hydrate at every yield changes neither result nor commands", () => {
    // PROPERTY_SAMPLE=n prints n generated scripts (to see what the generator produces)
    const sample = Number(process.env.PROPERTY_SAMPLE ?? 0);
    if (sample > 0) console.log(fc.sample(programArb, sample).join("\n-- ---------------------------\n"));
    // PROPERTY_STATS=1 prints what the runs did: session outcomes, commands per run, and the
    // host calls by name (which tells where they were made from: num_co in a coroutine,
    // num_add in __add, nextp in a __pairs iterator, ...)
    const stats = { runs: 0, capped: 0, commands: [] as number[], status: new Map<string, number>() };
    const byName = new Map<string, number>();
    const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
    fc.assert(
      fc.property(programArb, (src) => {
        const r = agree(src);
        stats.runs++;
        if (r.capped) stats.capped++;
        stats.commands.push(r.commands.length);
        for (const s of r.sessions)
          bump(stats.status, s.errorMessage === undefined ? s.status : `error: ${s.errorMessage.replace(/\d+/g, "N")}`);
        for (const k of kinds(r)) bump(byName, k);
      }),
      PARAMS,
    );
    if (process.env.PROPERTY_STATS) {
      const sorted = [...stats.commands].sort((x, y) => x - y);
      const q = (f: number) => sorted[Math.min(sorted.length - 1, Math.floor(f * sorted.length))];
      console.log(
        [
          `runs: ${stats.runs}, capped at ${MAX_STEPS} commands: ${stats.capped}`,
          `commands per run: min ${q(0)}, median ${q(0.5)}, p90 ${q(0.9)}, max ${q(1)}, total ${sorted.reduce((x, y) => x + y, 0)}`,
          "sessions:",
          ...[...stats.status].sort((x, y) => y[1] - x[1]).map(([k, n]) => `  ${n}\t${k}`),
          "commands:",
          ...[...byName].sort((x, y) => y[1] - x[1]).map(([k, n]) => `  ${n}\t${k}`),
        ].join("\n"),
      );
    }
  });
});
