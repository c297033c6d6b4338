// Dehydrate and hydrate: suspensions from every depth survive a round trip into a fresh
// runtime; states are deterministic; changed scripts, signatures and values that cannot
// be written are reported clearly.

import { jitOptions } from "@endymion/native";
import { EndymionRuntime, type HandlerSession, StateError } from "endymion";
import { describe, expect, it } from "vitest";

/** Runs fn with every Lua function compiled to JavaScript before its first call. */
function compiled<T>(fn: () => T): T {
  const threshold = jitOptions.threshold;
  jitOptions.threshold = 0;
  try {
    return fn();
  } finally {
    jitOptions.threshold = threshold;
  }
}

const LIBS = ["base", "string", "table", "math", "coroutine", "utf8"];

function make(source: string, opts: { key?: string } = {}): EndymionRuntime {
  const rt = new EndymionRuntime({ stateKey: opts.key });
  rt.openLibs(LIBS);
  rt.registerNamespace("sys");
  rt.loadScriptSource("wf.lua", source);
  return rt;
}

const wf = (body: string, prelude = "") =>
  `${prelude}\nreturn { handlers = { main = sys.export(function(input)\n${body}\nend) } }`;

/** The host: answers invoke "x" with a counter, "fail*" with an error. */
function answer(s: HandlerSession, n: number): void {
  const c = s.command;
  if (c?.type !== "invoke") s.resumeVoid();
  else if (c.name.startsWith("fail")) s.resumeError(`${c.name} failed`);
  else s.resume(n);
}

interface Run {
  status: string;
  result: unknown;
  error: string | undefined;
  commands: unknown[];
  sizes: number[];
}

/** Runs straight, or with a dehydrate -> fresh runtime -> hydrate at every yield. */
function run(source: string, roundTrip: boolean, input: unknown = {}): Run {
  let rt = make(source);
  let s = rt.startHandler("main", input);
  const commands: unknown[] = [];
  const sizes: number[] = [];
  for (let n = 1; s.status === "yielded" && n < 500; n++) {
    commands.push(s.command);
    if (roundTrip) {
      const bytes = rt.dehydrate();
      expect(rt.dehydrate().equals(bytes)).toBe(true); // same state, same bytes
      sizes.push(bytes.length);
      rt = make(source);
      rt.hydrate(bytes);
      s = rt.startHydratedSession();
      expect(s.command).toEqual(commands[commands.length - 1]);
    }
    answer(s, n);
  }
  return { status: s.status, result: s.result, error: s.errorMessage, commands, sizes };
}

/** The straight and round-tripped runs agree; returns the straight one. */
function both(source: string, input?: unknown): Run {
  const a = run(source, false, input);
  const b = run(source, true, input);
  expect({ ...b, sizes: [] }).toEqual({ ...a, sizes: [] });
  expect(b.sizes.length).toBe(a.commands.length);
  return a;
}

describe("suspension survives a round trip at every yield", () => {
  const cases: [string, string, unknown, string?][] = [
    ["inside pcall", `local ok, v = pcall(function() return sys.invoke("x") + 1 end) return {ok, v}`, [true, 2]],
    ["pcall(sys.invoke) with a host error", `return { pcall(sys.invoke, "fail1") }`, [false, "fail1 failed"]],
    [
      "inside xpcall with a handler",
      `return { xpcall(function() error(sys.invoke("x"), 0) end, function(m) return "handled " .. m end) }`,
      [false, "handled 1"],
    ],
    [
      "in __index, __newindex and __call",
      `local log = {}
       local t = setmetatable({}, {
         __index = function(_, k) return sys.invoke("x") * 10 end,
         __newindex = function(_, k, v) log[#log + 1] = k .. v .. sys.invoke("x") end,
         __call = function(self, a) return a + sys.invoke("x") end })
       local a = t.foo
       t.bar = 5
       return { a, log[1], t(100) }`,
      [10, "bar52", 103],
    ],
    [
      "in arithmetic, __concat, __unm and __len",
      `local mt = {}
       mt.__add = function(a, b) return sys.invoke("x") + 100 end
       mt.__concat = function(a, b) return "c" .. sys.invoke("x") end
       mt.__unm = function(a) return -sys.invoke("x") end
       mt.__len = function(a) return sys.invoke("x") end
       local o = setmetatable({}, mt)
       return { o + 1, "a" .. o .. "b", -o, #o }`,
      [101, "ac2", -3, 4],
    ],
    [
      "in __eq, __lt and __le",
      `local mt = { __eq = function() return sys.invoke("x") == 1 end,
                    __lt = function() return sys.invoke("x") == 2 end,
                    __le = function() return sys.invoke("x") == 4 end }
       local a, b = setmetatable({}, mt), setmetatable({}, mt)
       return { a == b, a < b, a <= b, a <= b }`,
      [true, true, false, true],
    ],
    [
      "in __close",
      `local out = {}
       do
         local c <close> = setmetatable({}, { __close = function() out[#out + 1] = sys.invoke("x") end })
         out[#out + 1] = sys.invoke("x")
       end
       return out`,
      [1, 2],
    ],
    [
      "in __close while pcall unwinds an error",
      `local log = {}
       local ok, e = pcall(function()
         local a <close> = setmetatable({}, { __close = function(_, err) log[#log + 1] = err .. sys.invoke("x") end })
         local b <close> = setmetatable({}, { __close = function(_, err) sys.log("info", err) error("b failed", 0) end })
         error("boom", 0)
       end)
       return { ok, e, log[1] }`,
      [false, "b failed", "b failed2"],
    ],
    [
      "in a generic-for iterator and __pairs",
      `local function it(_, i) if i < 3 then return i + 1, sys.invoke("x") end end
       local r = {}
       for i, v in it, nil, 0 do r[#r + 1] = i * 100 + v end
       local p = setmetatable({}, { __pairs = function(t) sys.invoke("x") return next, { "a", "b" }, nil end })
       for k, v in pairs(p) do r[#r + 1] = v end
       return r`,
      [101, 202, 303, "a", "b"],
    ],
    [
      "in a pairs traversal half-way (same keys after hydration)",
      `local t = { 10, 20, a = 1, b = 2, c = 3 }
       t.b = nil
       local seen = {}
       for k, v in pairs(t) do seen[#seen + 1] = tostring(k) .. "=" .. v .. "@" .. sys.invoke("x") end
       return seen`,
      ["1=10@1", "2=20@2", "a=1@3", "c=3@4"],
    ],
    [
      "in coroutines: resume, wrap and a coroutine inside a coroutine",
      `local inner = coroutine.wrap(function() local a = sys.invoke("x") coroutine.yield(a) return sys.invoke("x") end)
       local outer = coroutine.create(function(p)
         local v = inner() + p
         local w = coroutine.yield(v)
         return w + inner() + sys.invoke("x")
       end)
       local ok1, v1 = coroutine.resume(outer, 100)
       local ok2, v2 = coroutine.resume(outer, 1000)
       return { ok1, v1, ok2, v2, coroutine.status(outer) }`,
      [true, 101, true, 1005, "dead"],
    ],
    [
      "after tail calls and in vararg frames",
      `local function v(...) local n = select("#", ...) return n, sys.invoke("x"), ... end
       local function tail(a) return v(a, false, 3) end
       return { tail(7) }`,
      [3, 1, 7, false, 3],
    ],
    [
      "upvalues shared between closures and a live frame",
      `local n = 0
       local function inc() n = n + 1 return n end
       local function get() return n end
       inc()
       sys.invoke("x")
       inc()
       local a = get()
       sys.invoke("x")
       n = n + 10
       return { a, get(), inc() }`,
      [2, 12, 13],
    ],
    [
      "math.random continues the same sequence",
      `math.randomseed(42)
       local a = math.random(1, 1000000)
       sys.invoke("x")
       local b = math.random(1, 1000000)
       sys.invoke("x")
       return { a, b, math.random(1, 1000000) }`,
      undefined,
    ],
    [
      "chunks made by load keep their source",
      `local f = load("local a = ... return function(b) return a .. b .. sys.invoke('x') end")("p")
       sys.invoke("x")
       return f("q")`,
      "pq2",
    ],
    [
      "module-level locals, gmatch iterators, integers, floats and byte strings",
      `local r = {}
       for w in ("one two three"):gmatch("%a+") do r[#r + 1] = w .. sys.invoke("x") end
       local f, z, big, bytes = 2.0, -0.0, math.maxinteger, "\\xff\\x00\\xfe"
       sys.invoke("x")
       r[#r + 1] = math.type(f) .. tostring(f) .. tostring(1 / z) .. tostring(big + 1) .. #bytes .. bytes:byte(1)
       counter = (counter or 0) + 1
       return r`,
      ["one1", "two2", "three3", `float2.0-inf${-(2n ** 63n)}3255`],
    ],
    ["emit and log", `sys.emit("started", { id = 1 }) sys.log("warn", "careful", 1) return sys.invoke("x")`, 3],
    [
      "inside hot loops and calls that run as compiled code",
      `local function work(i)
         local acc = 0
         for j = 1, 40 do acc = acc + j * i end
         if i % 7 == 0 then acc = acc + sys.invoke("x") end
         return acc
       end
       local total, f = 0, 0.5
       for i = 1, 60 do total = total + work(i); f = f * 1.25 end
       return { total, f }`,
      // 820 * (1 + ... + 60), plus the answers 1..8 of the calls at i = 7, 14, ..., 56
      [820 * 1830 + 36, Array.from({ length: 60 }).reduce((x: number) => x * 1.25, 0.5)],
    ],
  ];
  for (const [name, body, expected] of cases) {
    it(name, () => {
      const r = both(wf(body));
      expect(r.error).toBeUndefined();
      expect(r.status).toBe("completed");
      if (expected !== undefined) expect(r.result).toEqual(expected);
    });
    it(`${name}, every function compiled`, () => {
      const r = compiled(() => both(wf(body)));
      expect(r.error).toBeUndefined();
      expect(r.status).toBe("completed");
      if (expected !== undefined) expect(r.result).toEqual(expected);
    });
  }

  it("a yield inside table.sort's comparator is an error in both runs", () => {
    const r = both(
      wf(`local t = {3, 1, 2} table.sort(t, function(a, b) return sys.invoke("x") > 0 and a < b end) return t`),
    );
    expect(r.status).toBe("error");
    expect(r.error).toMatch(/attempt to yield across a C-call boundary/);
  });

  it("the seed's order workflow state is small", () => {
    const r = both(
      `return { handlers = { main = sys.export(function(input)
         local user = sys.invoke("get_user", { id = input.userId })
         local ok = pcall(sys.invoke, "charge", { orderId = input.orderId })
         if not ok then return { status = "charge_failed" } end
         sys.invoke("send_email", { to = user, orderId = input.orderId })
         return { status = "completed", user = user } end) } }`,
      { orderId: 42, userId: 1 },
    );
    expect(r.result).toEqual({ status: "completed", user: 1 });
    const sizes = run(wf(`sys.invoke("x") return 1`), true).sizes;
    expect(sizes[0]).toBeLessThan(8000);
  });
});

describe("state errors", () => {
  const src = wf(`local conn = input sys.invoke("x") return conn`);

  it("hydrating against a changed script names the script and both hashes", () => {
    const rt = make(src);
    rt.startHandler("main", 1);
    const state = rt.dehydrate();
    const rt2 = make(`${src}\n-- edited`);
    let err: unknown;
    try {
      rt2.hydrate(state);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(StateError);
    expect((err as StateError).code).toBe("SCRIPT_MISMATCH");
    expect((err as Error).message).toMatch(/script 'wf.lua' changed .* sha256 [0-9a-f]{64}, .* sha256 [0-9a-f]{64}/);
    const rt3 = new EndymionRuntime();
    rt3.openLibs(LIBS);
    rt3.registerNamespace("sys");
    expect(() => rt3.hydrate(state)).toThrow(/needs script 'wf.lua', which is not loaded/);
  });

  it("a failed hydrate leaves the runtime as it was", () => {
    const rt = make(src);
    rt.startHandler("main", 1);
    const state = rt.dehydrate();
    const rt2 = make(wf("return 'fresh'"));
    expect(() => rt2.hydrate(state.subarray(0, state.length - 5))).toThrow(StateError);
    expect(rt2.startHandler("main").result).toBe("fresh");
  });

  it("signed states: the right key works, tampering and a missing signature are refused", () => {
    const rt = make(src, { key: "secret" });
    rt.startHandler("main", 1);
    const state = rt.dehydrate();
    const ok = make(src, { key: "secret" });
    ok.hydrate(state);
    const s = ok.startHydratedSession();
    s.resume(null);
    expect(s.result).toBe(1);
    const tampered = Buffer.from(state);
    tampered[tampered.length - 40] ^= 1;
    expect(() => make(src, { key: "secret" }).hydrate(tampered)).toThrow(/signature does not match/);
    expect(() => make(src, { key: "other" }).hydrate(state)).toThrow(
      expect.objectContaining({ code: "BAD_SIGNATURE" }),
    );
    const plain = make(src);
    plain.startHandler("main", 1);
    expect(() => make(src, { key: "secret" }).hydrate(plain.dehydrate())).toThrow(/not signed/);
  });

  it("a value that cannot be written is reported with the path it was reached by", () => {
    const rt = new EndymionRuntime();
    rt.openLibs(LIBS);
    rt.registerNamespace("sys");
    rt.L.globals.set("opaque", new (class Conn {})() as never);
    rt.loadScriptSource(
      "wf.lua",
      `local conn = opaque
       opaque = nil
       return { handlers = { process_order = sys.export(function() sys.invoke("x") return conn ~= nil end) } }`,
    );
    rt.startHandler("process_order");
    expect(() => rt.dehydrate()).toThrow(
      /cannot serialize a host object \(reached by upvalue 'conn' of handler 'process_order'/,
    );
  });

  it("dehydrate only works while yielded at a host call", () => {
    const rt = make(wf("return 1"));
    expect(() => rt.dehydrate()).toThrow(expect.objectContaining({ code: "NOT_SUSPENDED" }));
  });
});
