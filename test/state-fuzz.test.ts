// Hydrate must survive any bytes: a fuzz test, examples of each refusal, and reductions of
// the inconsistent states the fuzz test found.
//
// The fuzz test feeds mutated, truncated and random byte strings to EndymionRuntime.hydrate
// (a fresh runtime per input, with the scripts loaded). Every input must either hydrate or
// fail with a StateError carrying one of the documented codes; any other exception is a
// failure, reported with the input in hex. When an input hydrates, the session is started
// and driven for at most DRIVE_STEPS host calls (invokes answered with small values, other
// commands resumed with nothing); it must end yielded, completed or failed, with no
// exception but StateError escaping, and every command it shows must be well formed (a
// string name, or a string level for log). The first time such a session is yielded,
// dehydrate is called once more and must succeed or throw a StateError. An input that takes
// more than 2 s is a failure too, and the run must stay under 60 s.
//
// Inputs come from valid states (the seed's order workflow at each of its host calls, a
// signed one, and a richer script with coroutines, metatables, closures, a pairs loop in
// progress, big integers, integral and negative-zero floats, non-UTF-8 strings, a loaded
// chunk and a gmatch iterator), by: byte flips, insertions, deletions and truncations of the
// whole state; byte changes in the body with the envelope (and signature) rebuilt; random
// bytes, alone, after an envelope's start, and as the body of a valid envelope; random CBOR
// bodies; structure-aware mutations that decode the body with cbor-x, change decoded fields
// (edge-case integers, swapped node kinds, references out of range or to the wrong kind of
// node, replaced strings, dropped and inserted elements, swapped nodes...) and encode it
// again, so that the input gets past the CBOR decoder to the semantic checks; and Lua values
// (table fields, stack slots, upvalues) replaced in place, which mostly get through hydrate
// so the rebuilt VM runs on them.
//
// Knobs: FUZZ_SEED (fast-check seed, default fixed), FUZZ_SCALE (multiplies the input
// counts, default 1: 11,800 inputs). All failures are collected and grouped by kind, so one
// run reports every distinct problem, each with its shortest reproducing input in hex; the
// same report goes to $TMPDIR/endymion-state-fuzz.txt.

import { createHash, createHmac } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Encoder, Tag } from "cbor-x";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EndymionRuntime, StateError } from "../core/dist/index.js";

/** The seed's order workflow (fixtures/order, as the README shows it). */
const ORDER_LUA = fs.readFileSync(new URL("../fixtures/order/scripts/order.lua", import.meta.url), "utf8");

// Suspends at host calls made from a coroutine, inside a pairs loop, inside a gmatch loop
// and under pcall; its module-level locals hold metatables, closures sharing an upvalue,
// a function from load, edge-case numbers and strings that are not UTF-8.
const RICH_LUA = `local Account = {}
Account.__index = Account
function Account.new(b) return setmetatable({ balance = b, log = {} }, Account) end
function Account:deposit(v)
  self.balance = self.balance + v
  self.log[#self.log + 1] = v
  return self.balance
end
local Vec = setmetatable({}, { __call = function(cls, x, y) return setmetatable({ x = x, y = y }, cls) end })
Vec.__index = Vec
Vec.__add = function(a, b) return Vec(a.x + b.x, a.y + b.y) end
Vec.__tostring = function(v) return "(" .. v.x .. "," .. v.y .. ")" end

local counter = 0
local function make_counter(step)
  return function() counter = counter + step; return counter end
end
local tick = make_counter(3)
local double = load("return function(x) return x * 2 end")()

local data = {
  big = math.maxinteger, small = math.mininteger, neg = -9007199254740993, odd = 9007199254740993,
  one = 1.0, negzero = -0.0, quarter = 3.25, huge = math.huge, nhuge = -math.huge, nan = 0/0,
  two53 = 2.0^53, two60 = 2.0^60, tiny = 5e-324,
  bin = "\\xff\\xfe\\x00\\x80abc", utf = "h\\xc3\\xa9llo", latin = "caf\\xe9",
  list = { 1, 2.5, "three", true, false, -0.0, 1.0 },
  [1.5] = "float key", [2.0] = "two", [math.maxinteger] = "max", ["\\xff"] = "binkey",
}
data.self = data
local weak = setmetatable({}, { __mode = "k" })
weak[data] = true

return {
  handlers = {
    rich = sys.export(function(input)
      local acct = Account.new(input.start or 10)
      local v = Vec(1, 2) + Vec(0.5, -0.0)
      local gen = coroutine.wrap(function()
        for i = 1, 3 do coroutine.yield(i * 1.0) end
        return "done"
      end)
      local g1 = gen()
      local co = coroutine.create(function(a)
        local x = coroutine.yield(a + 1)
        local r = sys.invoke("inside_co", { x = x, big = 123456789 })
        coroutine.yield(r)
        return "co-done"
      end)
      local _, first = coroutine.resume(co, 1)
      local _, second = coroutine.resume(co, first * 2)
      local seen = {}
      local tally = 0
      for k, val in pairs({ a = 1, b = 2, c = 3, [1.5] = "f", [7] = "seven" }) do
        local got = sys.invoke("visit", { key = tostring(k) })
        seen[#seen + 1] = tostring(k)
        tally = tally + (tonumber(got) or 0)
        acct:deposit(tick())
      end
      local words = {}
      for w in string.gmatch("alpha beta gamma", "%a+") do
        words[#words + 1] = w
        sys.emit("word", { w = w })
      end
      local ok, err = pcall(function()
        local r = sys.invoke("may_fail", { n = #words })
        return r
      end)
      sys.log("info", "tally", tally, tostring(v), data.big, data.negzero, data.one, data.bin == "\\xff\\xfe\\x00\\x80abc",
        double(21), gen())
      local r3 = select(2, coroutine.resume(co, "x"))
      return {
        balance = acct.balance, seen = #seen, words = table.concat(words, ","), ok = ok, g1 = g1,
        r3 = r3, first = first, counter = counter, second = second, err = err,
      }
    end),
  },
}
`;

// A numeric for loop suspended at a host call in its body.
const LOOP_LUA = `return {
  handlers = {
    loop = sys.export(function(input)
      local acc = 0
      for i = 1, 3 do acc = acc + sys.invoke("step", { i = i }).n end
      return { acc = acc }
    end),
  },
}
`;

const LIBS = ["base", "string", "table", "math", "coroutine"];
const CODES = new Set([
  "NOT_A_STATE",
  "UNSUPPORTED_VERSION",
  "CORRUPT",
  "TOO_LARGE",
  "BAD_SIGNATURE",
  "SCRIPT_MISMATCH",
  "UNKNOWN_NATIVE",
  "NOT_SERIALIZABLE",
  "NOT_SUSPENDED",
]);
const KEY = "fuzz-state-key";
const DRIVE_STEPS = 50;
const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20251125);
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);

/** cbor-x as the state format uses it (format.ts): arrays, Maps, plain byte strings. */
const cbor = new Encoder({
  useRecords: false,
  mapsAsObjects: false,
  tagUint8Array: false,
  useFloat32: 0,
  largeBigIntToFloat: false,
  bundleStrings: false,
  structuredClone: false,
  pack: false,
} as ConstructorParameters<typeof Encoder>[0]);

const TAG_REF = 40000;
const TAG_FLOAT = 40001;

function runtime(
  key?: string,
  opts: { maxStateBytes?: number; libs?: string[]; order?: string; rich?: boolean; loop?: boolean } = {},
) {
  const rt = new EndymionRuntime({ stateKey: key, maxStateBytes: opts.maxStateBytes });
  rt.openLibs(opts.libs ?? LIBS);
  rt.registerNamespace("sys");
  rt.loadScriptSource("order.lua", opts.order ?? ORDER_LUA);
  if (opts.rich !== false) rt.loadScriptSource("rich.lua", RICH_LUA);
  if (opts.loop) rt.loadScriptSource("loop.lua", LOOP_LUA);
  return rt;
}

type Session = ReturnType<EndymionRuntime["startHandler"]>;

/** The answer to the i-th host call when making the seed states (and when driving). */
function answer(s: Session, i: number): void {
  const c = s.command;
  if (c?.type !== "invoke") s.resumeVoid();
  else if (c.name === "get_user") s.resume({ name: "ada", id: 1 });
  else if (c.name === "visit") s.resume(String(i));
  else s.resume({ ok: true, n: i });
}

interface Seed {
  name: string;
  bytes: Uint8Array;
  key?: string;
}

/** Every state of a run of `handler`, one per host call, and the run's result. */
function statesOf(
  handler: string,
  input: unknown,
  key?: string,
  rich = true,
): { states: Uint8Array[]; result: unknown } {
  const rt = runtime(key, { rich });
  const s = rt.startHandler(handler, input);
  const states: Uint8Array[] = [];
  for (let i = 0; s.status === "yielded"; i++) {
    states.push(new Uint8Array(rt.dehydrate()));
    answer(s, i);
  }
  expect(s.status, s.errorMessage).toBe("completed");
  return { states, result: s.result };
}

const hex = (b: Uint8Array) => Buffer.from(b).toString("hex");

// ---------------------------------------------------------------------------------------
// Decoded states and structure-aware mutation

type Envelope = [unknown, unknown, unknown, Uint8Array, Uint8Array | null];

function decodeEnvelope(bytes: Uint8Array): Envelope {
  return cbor.decode(bytes) as Envelope;
}

/** Re-encodes an envelope around a body, signing it when the seed is signed. */
function wrap(env: Envelope, body: Uint8Array, key?: string): Uint8Array {
  const mac = key === undefined ? env[4] : new Uint8Array(createHmac("sha256", key).update(body).digest());
  return cbor.encode([env[0], env[1], env[2], body, mac]);
}

/** A place in a decoded body: an array element or a tag's value. */
interface Slot {
  parent: unknown[] | Tag;
  key: number;
  /** A path for messages ("nodes[4][3][2]"). */
  path: string;
  /** In a closure, upvalue or coroutine node, a chunk, or the roots. */
  interesting: boolean;
}

function slotsOf(body: unknown[]): Slot[] {
  const out: Slot[] = [];
  const walk = (v: unknown, path: string, interesting: boolean, depth: number) => {
    if (depth > 40) return;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        out.push({ parent: v, key: i, path: `${path}[${i}]`, interesting });
        walk(v[i], `${path}[${i}]`, interesting, depth + 1);
      }
    } else if (v instanceof Tag) {
      out.push({ parent: v, key: 0, path: `${path}.tag${v.tag}`, interesting });
      walk(v.value, `${path}.tag${v.tag}`, interesting, depth + 1);
    }
  };
  const [chunks, nodes, roots, host] = body as [unknown, unknown[], unknown, unknown];
  walk(chunks, "chunks", true, 0);
  if (Array.isArray(nodes)) {
    for (let i = 0; i < nodes.length; i++) {
      const n = nodes[i];
      const kind = Array.isArray(n) ? n[0] : undefined;
      out.push({ parent: nodes, key: i, path: `nodes[${i}]`, interesting: kind !== 0 });
      walk(n, `nodes[${i}]`, kind !== 0 && kind !== 2, 0);
    }
  }
  walk(roots, "roots", true, 0);
  walk(host, "host", true, 0);
  return out;
}

const getSlot = (s: Slot): unknown => (s.parent instanceof Tag ? s.parent.value : s.parent[s.key]);
function setSlot(s: Slot, v: unknown): void {
  if (s.parent instanceof Tag) s.parent.value = v;
  else s.parent[s.key] = v;
}

const EDGE_INTS: unknown[] = [
  0,
  -1,
  1,
  2,
  4,
  5,
  16,
  250,
  251,
  255,
  256,
  1000,
  1001,
  65535,
  2 ** 24,
  2 ** 24 + 1,
  2 ** 31 - 1,
  2 ** 31,
  2 ** 31 + 1,
  2 ** 32,
  1e8,
  1e8 + 1,
  200000,
  200001,
  -(2 ** 31),
  2 ** 53 - 1,
  -(2 ** 53 - 1),
  2n ** 53n,
  2n ** 63n - 1n,
  -(2n ** 63n),
  2n ** 63n,
  2n ** 64n - 1n,
  -(2n ** 63n) - 1n,
  -(2n ** 64n),
  0.5,
  -0,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  1e300,
  Number.MAX_VALUE,
];

const ODD_STRINGS: unknown[] = [
  "",
  "x",
  "__index",
  "__mode",
  "__gc",
  "__close",
  "__proto__",
  "constructor",
  "prototype",
  "order.lua",
  "rich.lua",
  "sys.invoke",
  "sys.emit",
  "sys.log",
  "sys.export",
  "sys.config",
  "sys.config.index",
  "sys.config.pairs",
  "sys.config.len",
  "sys.config.newindex",
  "coroutine.wrap:call",
  "string.gmatch.iterator",
  "print",
  "next",
  "pairs",
  "ipairs",
  "pcall",
  "load",
  "no.such.native",
  "0000000000000000000000000000000000000000000000000000000000000000",
  "caf\u00e9", // a text string that is not ASCII
  "a\u0000b",
  "return function(...) while true do end end",
  "x".repeat(1000),
  "suspended",
  "dead",
  new Uint8Array([0xff, 0xfe]),
  new Uint8Array(0),
  new Uint8Array(Buffer.from("return 1", "latin1")),
  new Uint8Array(Buffer.from("syntax error here (", "latin1")),
];

function oddValue(k: number, nodes: number): unknown {
  const vs: unknown[] = [
    null,
    undefined,
    true,
    false,
    [],
    [[]],
    [null, null, null],
    [0, null, [], [], []],
    [1, 0, 0, []],
    [3, 0, null],
    [4, 0, true, [], [], [], [], null, null, false, null, null, false, 0, 0, 0],
    new Map<unknown, unknown>([["__proto__", new Map([["polluted", 1]])]]),
    new Map<unknown, unknown>([[1, 2]]),
    new Set([1, 2]),
    new Tag(0, TAG_REF),
    new Tag(nodes - 1, TAG_REF),
    new Tag(nodes, TAG_REF),
    new Tag(-1, TAG_REF),
    new Tag(2 ** 32, TAG_REF),
    new Tag(0.5, TAG_REF),
    new Tag("1", TAG_REF),
    new Tag(null, TAG_REF),
    new Tag([1], TAG_REF),
    new Tag(1, TAG_FLOAT),
    new Tag("-0", TAG_FLOAT),
    new Tag("0", TAG_FLOAT),
    new Tag(0.5, TAG_FLOAT),
    new Tag(2 ** 60, TAG_FLOAT),
    new Tag(Number.NaN, TAG_FLOAT),
    new Tag(Number.POSITIVE_INFINITY, TAG_FLOAT),
    new Tag(5n, TAG_FLOAT),
    new Tag(1, 40002),
    new Tag(1, 12345),
    new Tag("2024-01-01", 0),
    new Tag(new Tag(0, TAG_REF), TAG_REF),
    new Date(0),
    new Float64Array([1.5, 2]),
    { __proto__: null, polluted: 1 },
    JSON.parse('{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 1}}}'),
  ];
  return vs[k % vs.length];
}

/** A short description of a decoded value, for labels. */
function show(v: unknown): string {
  if (v instanceof Tag) return `tag${v.tag}(${show(v.value)})`;
  if (typeof v === "string") return JSON.stringify(v.length > 20 ? `${v.slice(0, 20)}…` : v);
  if (typeof v === "bigint") return `${v}n`;
  if (v instanceof Uint8Array) return `bytes(${Buffer.from(v.subarray(0, 20)).toString("hex")})`;
  if (Array.isArray(v)) return `[${v.slice(0, 4).map(show).join(",")}${v.length > 4 ? ",…" : ""}]`;
  if (v instanceof Map) return `Map(${v.size})`;
  if (v !== null && typeof v === "object") return v.constructor?.name ?? "object";
  return String(v);
}

const MUTATIONS = [
  "int",
  "odd",
  "retarget",
  "kind",
  "drop",
  "insert",
  "string",
  "perturb",
  "swapNodes",
  "truncateArray",
  "copy",
  "nest",
] as const;

interface Op {
  op: number;
  slot: number;
  arg: number;
  interesting: boolean;
}

/** Applies one mutation; returns a description. */
function mutate(body: unknown[], o: Op): string {
  const nodes = Array.isArray(body[1]) ? (body[1] as unknown[]) : [];
  const all = slotsOf(body);
  if (all.length === 0) return "no slots";
  const pool = o.interesting ? all.filter((s) => s.interesting) : all;
  const slots = pool.length > 0 ? pool : all;
  const s = slots[o.slot % slots.length];
  const cur = getSlot(s);
  const name = MUTATIONS[o.op % MUTATIONS.length];
  switch (name) {
    case "int": {
      const v = EDGE_INTS[o.arg % EDGE_INTS.length];
      setSlot(s, v);
      return `${s.path} = ${String(v)}`;
    }
    case "odd": {
      const v = oddValue(o.arg, nodes.length);
      setSlot(s, v);
      return `${s.path} = ${show(v)}`;
    }
    case "retarget": {
      const targets = [o.arg % Math.max(1, nodes.length), nodes.length, nodes.length + 1, -1, 2 ** 31, 2 ** 53 - 1];
      const t = targets[Math.floor(o.arg / 7) % targets.length];
      if (cur instanceof Tag && cur.tag === TAG_REF) cur.value = t;
      else setSlot(s, new Tag(t, TAG_REF));
      return `${s.path} -> ref ${t}`;
    }
    case "kind": {
      if (nodes.length === 0) return "no nodes";
      const i = o.slot % nodes.length;
      const n = nodes[i];
      const kinds = [0, 1, 2, 3, 4, 5, -1, "0", null, 1.5];
      const k = kinds[o.arg % kinds.length];
      if (Array.isArray(n)) n[0] = k;
      return `nodes[${i}][0] = ${String(k)}`;
    }
    case "drop": {
      if (Array.isArray(s.parent)) s.parent.splice(s.key, 1);
      else s.parent.value = undefined;
      return `drop ${s.path}`;
    }
    case "insert": {
      const v = o.arg % 2 === 0 ? EDGE_INTS[o.arg % EDGE_INTS.length] : oddValue(o.arg, nodes.length);
      if (Array.isArray(s.parent)) s.parent.splice(s.key, 0, v);
      else s.parent.value = [v, s.parent.value];
      return `insert before ${s.path}`;
    }
    case "string": {
      const v = ODD_STRINGS[o.arg % ODD_STRINGS.length];
      setSlot(s, v);
      return `${s.path} = ${show(v)}`;
    }
    case "perturb": {
      let v: unknown = cur;
      const d = (o.arg % 5) - 2 || 3;
      if (typeof cur === "number") v = o.arg % 7 === 0 ? -cur : cur + d;
      else if (typeof cur === "bigint") v = o.arg % 7 === 0 ? -cur : cur + BigInt(d);
      else if (cur instanceof Tag && typeof cur.value === "number") v = new Tag(cur.value + d, cur.tag);
      else if (typeof cur === "boolean") v = !cur;
      else if (typeof cur === "string") v = cur.slice(0, -1);
      else if (cur instanceof Uint8Array) v = cur.subarray(0, Math.max(0, cur.length - 1));
      else v = EDGE_INTS[o.arg % EDGE_INTS.length];
      setSlot(s, v);
      return `${s.path} perturbed`;
    }
    case "swapNodes": {
      if (nodes.length < 2) return "no nodes";
      const a = o.slot % nodes.length;
      const b = o.arg % nodes.length;
      [nodes[a], nodes[b]] = [nodes[b], nodes[a]];
      return `swap nodes ${a} and ${b}`;
    }
    case "truncateArray": {
      if (Array.isArray(cur)) {
        cur.length = cur.length === 0 ? 0 : o.arg % cur.length;
        return `${s.path}.length = ${cur.length}`;
      }
      setSlot(s, []);
      return `${s.path} = []`;
    }
    case "copy": {
      const from = all[o.arg % all.length];
      setSlot(s, getSlot(from));
      return `${s.path} = ${from.path}`;
    }
    case "nest": {
      let v: unknown = cur;
      const depth = [2, 10, 200][o.arg % 3];
      for (let i = 0; i < depth; i++) v = [v];
      setSlot(s, v);
      return `${s.path} nested ${depth} deep`;
    }
  }
  return "?";
}

/** The places in a decoded body that hold Lua values (table fields, stack slots...). */
function valueSlotsOf(body: unknown[]): Slot[] {
  const out: Slot[] = [];
  const nodes = Array.isArray(body[1]) ? (body[1] as unknown[]) : [];
  const each = (a: unknown, path: string) => {
    if (Array.isArray(a))
      for (let i = 0; i < a.length; i++) out.push({ parent: a, key: i, path: `${path}[${i}]`, interesting: true });
  };
  nodes.forEach((n, i) => {
    if (!Array.isArray(n)) return;
    const p = `nodes[${i}]`;
    if (n[0] === 0) {
      each(n[2], `${p}.array`);
      each(n[3], `${p}.keys`);
      each(n[4], `${p}.values`);
    } else if (n[0] === 2) each(n[2], `${p}.bound`);
    else if (n[0] === 3 && n[1] === 0) out.push({ parent: n, key: 2, path: `${p}.value`, interesting: true });
    else if (n[0] === 4) {
      each(n[3], `${p}.stack`);
      if (Array.isArray(n[4])) {
        n[4].forEach((f, k) => {
          if (Array.isArray(f)) each(f[5], `${p}.frames[${k}].varargs`);
        });
      }
      out.push({ parent: n, key: 10, path: `${p}.body`, interesting: true });
      out.push({ parent: n, key: 11, path: `${p}.error`, interesting: true });
    }
  });
  return out;
}

/** A Lua value for a value slot: numbers, strings, and references to any node. */
function luaValue(k: number, nodes: unknown[]): unknown {
  const pick = k % 4;
  const j = Math.floor(k / 4);
  if (pick === 0) return EDGE_INTS[j % EDGE_INTS.length];
  if (pick === 1) return ODD_STRINGS[j % ODD_STRINGS.length];
  if (pick === 2) return new Tag(j % Math.max(1, nodes.length), TAG_REF);
  return [null, true, false, new Tag(1, TAG_FLOAT), new Tag("-0", TAG_FLOAT), 0.5, Number.NaN, -1][j % 8];
}

// ---------------------------------------------------------------------------------------
// Running one input

interface Failure {
  group: string;
  detail: string;
  input: Uint8Array;
}

interface Stats {
  inputs: number;
  hydrated: number;
  codes: Map<string, number>;
  statuses: Map<string, number>;
  failures: Map<string, Failure & { count: number }>;
  slowest: { ms: number; label: string };
}

function newStats(): Stats {
  return {
    inputs: 0,
    hydrated: 0,
    codes: new Map(),
    statuses: new Map(),
    failures: new Map(),
    slowest: { ms: 0, label: "" },
  };
}

const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);

function describeError(e: unknown): string {
  if (e instanceof Error) {
    const at = (e.stack ?? "").split("\n").find((l) => /(native|core)\/dist\//.test(l)) ?? "";
    return `${e.constructor.name}: ${e.message} ${at.trim()}`.trim();
  }
  return `non-Error thrown: ${String(e)}`;
}

function fail(stats: Stats, phase: string, e: unknown, label: string, input: Uint8Array): void {
  const d = describeError(e);
  // group by phase, class and message with numbers and quoted names blanked
  const group = `${phase}: ${d
    .replace(/ at (payload|value|result)\S*( \(a key\))?/, "")
    .replace(/\d+/g, "N")
    .replace(/'[^']*'/g, "'…'")
    .replace(/Cannot convert .* to a BigInt/, "Cannot convert … to a BigInt")}`;
  const f = stats.failures.get(group);
  if (!f) stats.failures.set(group, { group, detail: `${d} [${label}]`, input, count: 1 });
  else {
    f.count++;
    // keep the shortest reproduction
    if (input.length < f.input.length) Object.assign(f, { detail: `${d} [${label}]`, input });
  }
}

/** Is e an acceptable refusal? */
function isStateError(e: unknown): e is StateError {
  return e instanceof StateError && CODES.has(e.code);
}

function runInput(stats: Stats, input: Uint8Array, key: string | undefined, label: string): void {
  stats.inputs++;
  const t0 = performance.now();
  const rt = runtime(key);
  let ok = false;
  try {
    rt.hydrate(input);
    ok = true;
  } catch (e) {
    if (isStateError(e)) bump(stats.codes, e.code);
    else fail(stats, "hydrate", e, label, input);
  }
  if (ok) {
    stats.hydrated++;
    drive(stats, rt, input, label);
  }
  const ms = performance.now() - t0;
  if (ms > stats.slowest.ms) stats.slowest = { ms, label };
  if (ms > 2000) fail(stats, "slow", new Error(`one input took ${ms.toFixed(0)} ms`), label, input);
}

function describeCommand(c: unknown): string {
  try {
    return JSON.stringify(c, (_k, v) => (typeof v === "bigint" ? `${v}n` : v)) ?? String(c);
  } catch {
    return String(c);
  }
}

function drive(stats: Stats, rt: EndymionRuntime, input: Uint8Array, label: string): void {
  let s: Session;
  try {
    s = rt.startHydratedSession();
  } catch (e) {
    if (isStateError(e)) bump(stats.statuses, `start:${e.code}`);
    else fail(stats, "startHydratedSession", e, label, input);
    return;
  }
  let redehydrated = false;
  for (let step = 0; step < DRIVE_STEPS && s.status === "yielded"; step++) {
    const c = s.command;
    const shapeOk =
      c !== undefined &&
      (c.type === "log"
        ? typeof c.level === "string" && typeof c.message === "string"
        : (c.type === "invoke" || c.type === "emit") && typeof c.name === "string");
    if (!shapeOk) {
      const shape =
        c &&
        `type ${String(c.type)}, name ${typeof (c as { name?: unknown }).name}, level ${typeof (c as { level?: unknown }).level}`;
      fail(stats, "command", new Error(`malformed command (${shape})`), `${label}; ${describeCommand(c)}`, input);
    }
    if (!redehydrated) {
      redehydrated = true;
      try {
        rt.dehydrate();
      } catch (e) {
        if (!isStateError(e)) fail(stats, "dehydrate after hydrate", e, label, input);
      }
    }
    try {
      if (c?.type === "invoke") s.resume([1, "x", { n: step, name: "u" }, true, null][step % 5]);
      else s.resumeVoid();
    } catch (e) {
      if (isStateError(e)) bump(stats.statuses, `resume:${e.code}`);
      else fail(stats, "resume", e, label, input);
      return;
    }
  }
  if (!["yielded", "completed", "error"].includes(s.status)) {
    fail(stats, "status", new Error(`session status ${String(s.status)}`), label, input);
  }
  bump(stats.statuses, s.status);
}

// ---------------------------------------------------------------------------------------
// The tests

let seeds: Seed[] = [];
let orderStates: Uint8Array[] = [];
const protoBefore = Object.getOwnPropertyNames(Object.prototype).sort();
const arrayProtoBefore = Object.getOwnPropertyNames(Array.prototype).sort();

beforeAll(() => {
  // the order workflow alone, as in the seed (the runtimes that hydrate load both scripts)
  const order = statesOf("process_order", { orderId: 42, userId: 1 }, undefined, false);
  orderStates = order.states;
  const rich = statesOf("rich", { start: 5 });
  const signed = statesOf("process_order", { orderId: 7, userId: 2 }, KEY, false);
  seeds = [
    ...order.states.map((bytes, i) => ({ name: `order#${i}`, bytes })),
    ...rich.states.map((bytes, i) => ({ name: `rich#${i}`, bytes })),
    { name: "order-signed#0", bytes: signed.states[0], key: KEY },
    { name: "order-signed#1", bytes: signed.states[1], key: KEY },
  ];
});

describe("hydrate fuzz", () => {
  it("valid seed states hydrate and finish like an uninterrupted run", () => {
    const direct = statesOf("rich", { start: 5 });
    expect(direct.states.length).toBeGreaterThanOrEqual(10);
    for (let k = 0; k < direct.states.length; k++) {
      const rt = runtime();
      rt.hydrate(direct.states[k]);
      const s = rt.startHydratedSession();
      for (let i = k; s.status === "yielded"; i++) answer(s, i);
      expect(s.status, s.errorMessage).toBe("completed");
      expect(s.result).toEqual(direct.result);
    }
    // the integral and negative-zero floats, the big integer and the binary string survive
    const rt = runtime();
    rt.hydrate(direct.states[direct.states.length - 2]);
    const s = rt.startHydratedSession();
    answer(s, direct.states.length - 2);
    expect(s.command).toEqual({
      type: "log",
      level: "info",
      message: "tally 15 (1.5,2.0) 9223372036854775807 -0.0 1.0 true 42 2.0",
    });
  });

  it("only StateError escapes hydrate, for >= 10,000 mutated, truncated and random inputs", () => {
    const stats = newStats();
    const t0 = performance.now();
    const n = (k: number) => Math.max(1, Math.round(k * SCALE));
    const seedIdx = fc.nat({ max: seeds.length - 1 });
    let round = 0;
    const sample = <T>(arb: fc.Arbitrary<T>, runs: number): T[] =>
      fc.sample(arb, { numRuns: runs, seed: FUZZ_SEED + round++ });

    // 1. byte flips of whole states
    for (const { si, edits } of sample(
      fc.record({
        si: seedIdx,
        edits: fc.array(fc.record({ pos: fc.nat(), xor: fc.integer({ min: 1, max: 255 }) }), {
          minLength: 1,
          maxLength: 8,
        }),
      }),
      n(1500),
    )) {
      const seed = seeds[si];
      const b = seed.bytes.slice();
      for (const e of edits) b[e.pos % b.length] ^= e.xor;
      runInput(stats, b, seed.key, `flip ${seed.name}`);
    }
    // 2. insertions
    for (const { si, pos, bytes } of sample(
      fc.record({ si: seedIdx, pos: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }) }),
      n(700),
    )) {
      const seed = seeds[si];
      const p = pos % (seed.bytes.length + 1);
      const b = new Uint8Array([...seed.bytes.subarray(0, p), ...bytes, ...seed.bytes.subarray(p)]);
      runInput(stats, b, seed.key, `insert ${seed.name}@${p}`);
    }
    // 3. deletions
    for (const { si, pos, len } of sample(
      fc.record({ si: seedIdx, pos: fc.nat(), len: fc.integer({ min: 1, max: 64 }) }),
      n(700),
    )) {
      const seed = seeds[si];
      const p = pos % seed.bytes.length;
      const b = new Uint8Array([...seed.bytes.subarray(0, p), ...seed.bytes.subarray(p + len)]);
      runInput(stats, b, seed.key, `delete ${seed.name}@${p}+${len}`);
    }
    // 4. truncations
    for (const { si, len } of sample(fc.record({ si: seedIdx, len: fc.nat() }), n(700))) {
      const seed = seeds[si];
      runInput(stats, seed.bytes.subarray(0, len % seed.bytes.length), seed.key, `truncate ${seed.name}`);
    }
    // 5. byte flips, insertions and deletions inside the body, envelope (and MAC) rebuilt
    for (const { si, edits, cut } of sample(
      fc.record({
        si: seedIdx,
        edits: fc.array(fc.record({ pos: fc.nat(), xor: fc.integer({ min: 1, max: 255 }) }), {
          minLength: 1,
          maxLength: 6,
        }),
        cut: fc.option(fc.record({ pos: fc.nat(), len: fc.integer({ min: -8, max: 8 }) })),
      }),
      n(1500),
    )) {
      const seed = seeds[si];
      const env = decodeEnvelope(seed.bytes);
      let body = env[3].slice();
      for (const e of edits) body[e.pos % body.length] ^= e.xor;
      if (cut) {
        const p = cut.pos % body.length;
        body =
          cut.len < 0
            ? new Uint8Array([...body.subarray(0, p), ...body.subarray(p - cut.len)])
            : new Uint8Array([...body.subarray(0, p), ...new Uint8Array(cut.len).fill(0x18), ...body.subarray(p)]);
      }
      runInput(stats, wrap(env, body, seed.key), seed.key, `body bytes ${seed.name}`);
    }
    // 6. random bytes, and random bytes after a CBOR array header / the magic
    for (const { bytes, prefix } of sample(
      fc.record({ bytes: fc.uint8Array({ maxLength: 300 }), prefix: fc.nat({ max: 3 }) }),
      n(700),
    )) {
      const prefixes = [
        [],
        [0x85],
        [...cbor.encode(["endymion-state", 1, "0.1.0"])], // a 3-array, then junk
        [0x85, ...cbor.encode("endymion-state"), 0x01],
      ];
      runInput(stats, new Uint8Array([...prefixes[prefix], ...bytes]), undefined, "random bytes");
    }
    // 7. random bodies in a valid envelope: random bytes, and random CBOR values
    const cborValue = fc.letrec((tie) => ({
      v: fc.oneof(
        { depthSize: "small", withCrossShrink: true },
        fc.integer({ min: -3, max: 40 }),
        fc.constantFrom<unknown>(null, true, false, "sys.invoke", "order.lua", -0, 0.5, 2n ** 63n),
        fc.string({ maxLength: 4 }),
        fc.nat({ max: 60 }).map((i) => new Tag(i, TAG_REF)),
        fc.array(tie("v"), { maxLength: 17 }),
      ),
    })).v;
    for (const { bytes, value, mode } of sample(
      fc.record({ bytes: fc.uint8Array({ maxLength: 200 }), value: cborValue, mode: fc.nat({ max: 2 }) }),
      n(500),
    )) {
      const seed = seeds[0];
      const env = decodeEnvelope(seed.bytes);
      const body =
        mode === 0
          ? bytes
          : mode === 1
            ? cbor.encode(value)
            : cbor.encode([
                [[0, "order.lua", "x"]],
                Array.isArray(value) ? value : [value],
                new Array(10).fill(value),
                null,
              ]);
      runInput(stats, wrap(env, body), undefined, `random body (mode ${mode})`);
    }
    // 8. structure-aware mutations of decoded bodies
    const decoded = seeds.map((seed) => ({ seed, env: decodeEnvelope(seed.bytes) }));
    for (const { si, ops, resign } of sample(
      fc.record({
        si: seedIdx,
        ops: fc.array(
          fc.record({
            op: fc.nat({ max: MUTATIONS.length - 1 }),
            slot: fc.nat(),
            arg: fc.nat({ max: 10_000 }),
            interesting: fc.boolean(),
          }),
          { minLength: 1, maxLength: 3 },
        ),
        resign: fc.boolean(),
      }),
      n(4000),
    )) {
      const { seed, env } = decoded[si];
      const body = cbor.decode(env[3]) as unknown[];
      const what = ops.map((o) => mutate(body, o)).join("; ");
      let bodyBytes: Uint8Array;
      try {
        bodyBytes = cbor.encode(body);
      } catch (e) {
        // the encoder refused (e.g. a bigint past 64 bits): not an input
        if (e instanceof RangeError || e instanceof TypeError || e instanceof Error) continue;
        throw e;
      }
      // signed seeds: usually re-signed (so the checks after the MAC run), else a wrong MAC
      const key = seed.key;
      const input = key !== undefined && !resign ? wrap(env, bodyBytes) : wrap(env, bodyBytes, key);
      runInput(stats, input, key, `structure ${seed.name}: ${what}`);
    }

    // 9. Lua values changed in place (table fields, stack slots, upvalues, bound values):
    // these mostly get through hydrate, so the rebuilt VM runs on them
    for (const { si, edits } of sample(
      fc.record({
        si: seedIdx,
        edits: fc.array(fc.record({ slot: fc.nat(), value: fc.nat({ max: 100_000 }) }), {
          minLength: 1,
          maxLength: 3,
        }),
      }),
      n(1500),
    )) {
      const { seed, env } = decoded[si];
      const body = cbor.decode(env[3]) as unknown[];
      const slots = valueSlotsOf(body);
      const what = edits
        .map((e) => {
          const s = slots[e.slot % slots.length];
          const v = luaValue(e.value, body[1] as unknown[]);
          setSlot(s, v);
          return `${s.path} = ${show(v)}`;
        })
        .join("; ");
      runInput(stats, wrap(env, cbor.encode(body), seed.key), seed.key, `value ${seed.name}: ${what}`);
    }

    const ms = performance.now() - t0;
    const report = [
      `fuzz: ${stats.inputs} inputs in ${(ms / 1000).toFixed(1)} s; ${stats.hydrated} hydrated`,
      `refusals: ${[...stats.codes].map(([k, v]) => `${k} ${v}`).join(", ")}`,
      `sessions: ${[...stats.statuses].map(([k, v]) => `${k} ${v}`).join(", ")}`,
      `slowest input: ${stats.slowest.ms.toFixed(0)} ms (${stats.slowest.label})`,
    ];
    const failures = [...stats.failures.values()].map(
      (f) => `${f.group}\n  x${f.count}, e.g. ${f.detail}\n  input: ${hex(f.input)}`,
    );
    const file = path.join(os.tmpdir(), "endymion-state-fuzz.txt");
    fs.writeFileSync(file, `${[...report, "", ...failures].join("\n")}\n`);
    report.push(`report with every failure kind and its input in hex: ${file}`);
    console.log(report.join("\n"));
    expect(stats.inputs).toBeGreaterThanOrEqual(Math.min(10_000, n(10_000)));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoBefore);
    expect(failures, `${failures.length} kinds of failure:\n${failures.join("\n")}`).toEqual([]);
    expect(ms).toBeLessThan(60_000);
  });

  afterAll(() => {
    // nothing in the run may have polluted the shared prototypes
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(([] as unknown as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoBefore);
    expect(Object.getOwnPropertyNames(Array.prototype).sort()).toEqual(arrayProtoBefore);
  });
});

// ---------------------------------------------------------------------------------------
// Examples

function hydrateError(rt: EndymionRuntime, bytes: Uint8Array): StateError {
  try {
    rt.hydrate(bytes);
  } catch (e) {
    expect(e).toBeInstanceOf(StateError);
    return e as StateError;
  }
  throw new Error("hydrate accepted the state");
}

const sha = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

describe("hydrate refusals", () => {
  it("a truncated state is NOT_A_STATE", () => {
    const state = orderStates[0];
    for (const len of [0, 1, 10, state.length >> 1, state.length - 1]) {
      expect(hydrateError(runtime(), state.subarray(0, len)).code).toBe("NOT_A_STATE");
    }
  });

  it("a state with the wrong magic is NOT_A_STATE", () => {
    const env = decodeEnvelope(orderStates[0]);
    const bad = cbor.encode(["endymion-statf", env[1], env[2], env[3], env[4]]);
    const e = hydrateError(runtime(), bad);
    expect(e.code).toBe("NOT_A_STATE");
    expect(hydrateError(runtime(), new TextEncoder().encode("hello")).code).toBe("NOT_A_STATE");
  });

  it("a newer format version is UNSUPPORTED_VERSION, naming both versions", () => {
    const env = decodeEnvelope(orderStates[0]);
    expect(env[1]).toBe(1);
    const e = hydrateError(runtime(), cbor.encode([env[0], 99, env[2], env[3], env[4]]));
    expect(e.code).toBe("UNSUPPORTED_VERSION");
    expect(e.message).toMatch(/\b99\b/);
    expect(e.message).toMatch(/\b1\b/);
  });

  it("a state from a compiler with another code layout is UNSUPPORTED_VERSION, naming both engines", () => {
    const env = decodeEnvelope(orderStates[0]);
    expect(env[2]).toMatch(/^\d+\.\d+\.\d+\+code\d+$/);
    // states written before the layout was recorded carry the bare release
    for (const engine of ["0.1.0", String(env[2]).replace(/code\d+$/, "code1")]) {
      const e = hydrateError(runtime(), cbor.encode([env[0], env[1], engine, env[3], env[4]]));
      expect(e.code).toBe("UNSUPPORTED_VERSION");
      expect(e.message).toContain(`engine ${engine},`);
      expect(e.message).toContain(String(env[2]));
    }
    // the same layout hydrates
    expect(() => runtime().hydrate(Buffer.from(cbor.encode([env[0], env[1], env[2], env[3], env[4]])))).not.toThrow();
  });

  it("a signed state checked with another key, or with a changed body, is BAD_SIGNATURE", () => {
    const signed = seeds.find((s) => s.key !== undefined) as Seed;
    // the right key accepts it
    runtime(KEY).hydrate(signed.bytes);
    expect(hydrateError(runtime("another key"), signed.bytes).code).toBe("BAD_SIGNATURE");
    // one flipped byte of the body, envelope and MAC kept
    const env = decodeEnvelope(signed.bytes);
    const body = env[3].slice();
    const at = Buffer.from(body).indexOf("get_user");
    expect(at).toBeGreaterThan(0);
    body[at] ^= 0x01; // "fet_user"
    expect(hydrateError(runtime(KEY), wrap(env, body)).code).toBe("BAD_SIGNATURE");
    // the same flip in the raw bytes
    const raw = signed.bytes.slice();
    raw[Buffer.from(raw).indexOf("get_user")] ^= 0x01;
    expect(hydrateError(runtime(KEY), raw).code).toBe("BAD_SIGNATURE");
  });

  it("a runtime with a key rejects an unsigned state", () => {
    const e = hydrateError(runtime(KEY), orderStates[0]);
    expect(e.code).toBe("BAD_SIGNATURE");
    expect(e.message).toMatch(/not signed/);
  });

  it("a changed script is SCRIPT_MISMATCH naming the script and both hashes", () => {
    const changed = ORDER_LUA.replace('"charge"', '"charge_card"');
    const e = hydrateError(runtime(undefined, { order: changed }), orderStates[0]);
    expect(e.code).toBe("SCRIPT_MISMATCH");
    expect(e.message).toContain("order.lua");
    expect(e.message).toContain(sha(ORDER_LUA));
    expect(e.message).toContain(sha(changed));
  });

  it("a missing native is UNKNOWN_NATIVE", () => {
    const e = hydrateError(
      runtime(undefined, { libs: ["base", "string", "table", "coroutine"], rich: false }),
      orderStates[0],
    );
    expect(e.code).toBe("UNKNOWN_NATIVE");
    expect(e.message).toMatch(/math\./);
  });

  it("a state over maxStateBytes is TOO_LARGE", () => {
    const state = orderStates[0];
    const e = hydrateError(runtime(undefined, { maxStateBytes: state.length - 1 }), state);
    expect(e.code).toBe("TOO_LARGE");
    expect(e.message).toContain(String(state.length));
    runtime(undefined, { maxStateBytes: state.length }).hydrate(state);
  });

  it("dehydrate with no yielded session is NOT_SUSPENDED", () => {
    try {
      runtime().dehydrate();
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(StateError);
      expect((e as StateError).code).toBe("NOT_SUSPENDED");
    }
  });
});

// ---------------------------------------------------------------------------------------
// Inconsistent states the fuzz test found, reduced to one change of the order workflow's
// state at get_user (or of a numeric for loop's state). Each must be refused with a
// StateError, or run to an end (yielded, completed or error) with no other exception.

interface Decoded {
  env: Envelope;
  body: unknown[];
  nodes: unknown[][];
}

function decodeState(bytes: Uint8Array): Decoded {
  const env = decodeEnvelope(bytes);
  const body = cbor.decode(env[3]) as unknown[];
  return { env, body, nodes: body[1] as unknown[][] };
}

const encodeState = (d: Decoded) => wrap(d.env, cbor.encode(d.body));

function nodeIndex(d: Decoded, what: string, pred: (n: unknown[]) => boolean): number {
  const i = d.nodes.findIndex(pred);
  if (i < 0) throw new Error(`no ${what} node in the state`);
  return i;
}

/** The coroutine suspended at the host call (status "running"). */
const suspendedThread = (d: Decoded) => nodeIndex(d, "running coroutine", (n) => n[0] === 4 && n[1] === 1);
/** The arguments table of the pending host call: { "get_user", { id = 1 } }. */
const pendingArgs = (d: Decoded) =>
  nodeIndex(d, "host call arguments", (n) => n[0] === 0 && Array.isArray(n[2]) && n[2][0] === "get_user");

type Answer = (s: Session, step: number) => void;
const answerOrder: Answer = (s) => (s.command?.type === "invoke" ? s.resume({ name: "ada" }) : s.resumeVoid());

/** Hydrates and drives; returns what escaped that is not a StateError, or undefined. */
function crashOf(bytes: Uint8Array, answer: Answer = answerOrder, rt = runtime()): string | undefined {
  try {
    rt.hydrate(bytes);
    const s = rt.startHydratedSession();
    for (let step = 0; step < DRIVE_STEPS && s.status === "yielded"; step++) {
      const c = s.command;
      const ok =
        c?.type === "log"
          ? typeof c.level === "string"
          : typeof (c as { name?: unknown } | undefined)?.name === "string";
      if (!ok) return `malformed command ${describeCommand(c)}`;
      answer(s, step);
    }
    expect(["yielded", "completed", "error"]).toContain(s.status);
    return undefined;
  } catch (e) {
    if (isStateError(e)) return undefined;
    return describeError(e);
  }
}

function orderWith(change: (d: Decoded) => void): Uint8Array {
  const d = decodeState(orderStates[0]);
  change(d);
  return encodeState(d);
}

describe("inconsistent states found by the fuzz test", () => {
  it("the unchanged state runs (control)", () => {
    expect(crashOf(orderWith(() => {}))).toBeUndefined();
  });

  it("host call payload is a function", () => {
    const input = orderWith((d) => {
      const print = nodeIndex(d, "print", (n) => n[0] === 2 && n[1] === "print");
      (d.nodes[pendingArgs(d)][2] as unknown[])[1] = new Tag(print, TAG_REF);
    });
    expect(crashOf(input), hex(input)).toBeUndefined();
  });

  it("host call name is a number, or missing", () => {
    const number = orderWith((d) => {
      (d.nodes[pendingArgs(d)][2] as unknown[])[0] = 5;
    });
    expect(crashOf(number), hex(number)).toBeUndefined();
    const missing = orderWith((d) => {
      d.nodes[pendingArgs(d)][2] = [];
    });
    expect(crashOf(missing), hex(missing)).toBeUndefined();
  });

  it("the coroutine at the host call is marked suspended instead of running", () => {
    const input = orderWith((d) => {
      d.nodes[suspendedThread(d)][1] = 0;
    });
    expect(crashOf(input), hex(input)).toBeUndefined();
  });

  it("the coroutine at the host call has no frames", () => {
    const input = orderWith((d) => {
      d.nodes[suspendedThread(d)][4] = [];
    });
    expect(crashOf(input), hex(input)).toBeUndefined();
  });

  it("the coroutine at the host call is not marked as resumed from JavaScript", () => {
    const input = orderWith((d) => {
      const t = d.nodes[suspendedThread(d)];
      expect(t[9]).toBe(true);
      t[9] = false;
    });
    expect(crashOf(input), hex(input)).toBeUndefined();
  });

  it("a frame's pc is one past its last instruction", () => {
    // the largest pc hydrate accepts for the handler's frame
    let last: Uint8Array | undefined;
    for (let pc = 0; pc < 10_000; pc++) {
      const input = orderWith((d) => {
        ((d.nodes[suspendedThread(d)][4] as unknown[][])[0] as unknown[])[1] = pc;
      });
      try {
        runtime().hydrate(input);
        last = input;
      } catch (e) {
        expect(isStateError(e)).toBe(true);
        if (last !== undefined) break;
      }
    }
    expect(last).toBeDefined();
    expect(crashOf(last as Uint8Array), hex(last as Uint8Array)).toBeUndefined();
  });

  it("the handler's frame is flagged as called from JavaScript, or not as the coroutine's base", () => {
    const flagged = (flags: number) =>
      orderWith((d) => {
        const f = (d.nodes[suspendedThread(d)][4] as unknown[][])[0];
        expect(f[7]).toBe(16); // CoroutineBase
        f[7] = flags;
      });
    // get_user answers 5, so `user.name` raises a Lua error: it must end the session
    const badUser: Answer = (s, step) => (step === 0 ? s.resume(5) : answerOrder(s, step));
    const boundary = flagged(16 | 8);
    const notBase = flagged(0);
    expect(
      { boundary: crashOf(boundary, badUser), notBase: crashOf(notBase) },
      `flags 24: ${hex(boundary)}\nflags 0: ${hex(notBase)}`,
    ).toEqual({ boundary: undefined, notBase: undefined });
  });

  it("a native that needs bound values has none", () => {
    const crashes: Record<string, string | undefined> = {};
    const inputs: string[] = [];
    for (const name of ["coroutine.wrap:call", "string.gmatch.iterator"]) {
      const input = orderWith((d) => {
        d.nodes[nodeIndex(d, "pcall", (n) => n[0] === 2 && n[1] === "pcall")] = [2, name, null];
      });
      crashes[name] = crashOf(input);
      inputs.push(`${name}: ${hex(input)}`);
    }
    expect(crashes, inputs.join("\n")).toEqual({
      "coroutine.wrap:call": undefined,
      "string.gmatch.iterator": undefined,
    });
  });

  it("a reference to an upvalue node where a Lua value is expected is CORRUPT", () => {
    const input = orderWith((d) => {
      const uv = nodeIndex(d, "upvalue", (n) => n[0] === 3);
      (d.nodes[pendingArgs(d)][2] as unknown[])[1] = new Tag(uv, TAG_REF);
    });
    const e = hydrateError(runtime(), input);
    expect(e.code).toBe("CORRUPT");
  });

  it("a numeric for loop's registers hold a string or a big integer", () => {
    const loopRuntime = () => runtime(undefined, { loop: true, rich: false });
    const rt = loopRuntime();
    const s = rt.startHandler("loop", {});
    expect(s.command).toEqual({ type: "invoke", name: "step", payload: { i: 1 } });
    const state = new Uint8Array(rt.dehydrate());
    const answer: Answer = (s2) => s2.resume({ n: 1 });
    expect(crashOf(state, answer, loopRuntime())).toBeUndefined(); // control
    const crashes: Record<string, string | undefined> = {};
    const inputs: string[] = [];
    for (const [slot, value] of [
      [5, "x"], // the step
      [3, 2n ** 62n], // the internal index
    ] as const) {
      const d = decodeState(state);
      const stack = d.nodes[suspendedThread(d)][3] as unknown[];
      // acc, then the loop's registers: internal index, remaining count, step, and the local i
      expect(stack.slice(2, 7)).toEqual([0, 1, 2, 1, 1]);
      stack[slot] = value;
      const input = encodeState(d);
      crashes[`stack[${slot}]`] = crashOf(input, answer, loopRuntime());
      inputs.push(`stack[${slot}]: ${hex(input)}`);
    }
    expect(crashes, inputs.join("\n")).toEqual({ "stack[5]": undefined, "stack[3]": undefined });
  });

  it("a CBOR bignum in the envelope is refused in linear time, even by a runtime with a key", () => {
    // tag 2 over a 128 KiB byte string, in place of the engine version of a signed state:
    // the envelope is decoded before the signature is checked
    const signed = seeds.find((x) => x.key !== undefined) as Seed;
    const env = decodeEnvelope(signed.bytes);
    const big = new Uint8Array(1 + 5 + 128 * 1024).fill(0xff);
    big[0] = 0xc2; // tag 2
    big[1] = 0x5a; // byte string, 4-byte length
    new DataView(big.buffer).setUint32(2, 128 * 1024);
    const head = cbor.encode([env[0], env[1]]);
    head[0] = 0x85; // an array of 5: magic, version, (the bignum), body, mac
    const input = new Uint8Array([...head, ...big, ...cbor.encode(env[3]), ...cbor.encode(env[4])]);
    const t0 = performance.now();
    const e = hydrateError(runtime(KEY), input);
    const ms = performance.now() - t0;
    expect(isStateError(e)).toBe(true);
    expect(ms, `hydrate took ${ms.toFixed(0)} ms to refuse ${input.length} bytes`).toBeLessThan(500);
  });
});
