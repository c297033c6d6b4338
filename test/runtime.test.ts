// The runtime and session API as a host uses it: the seed's library example, the sys
// functions, values across the boundary, config, limits and the session lock.

import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { EndymionRuntime, type HandlerSession, StateError } from "endymion";
import { describe, expect, it } from "vitest";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const ORDER = join(ROOT, "fixtures/order/scripts/order.lua");
const LIBS = ["base", "string", "table", "math", "coroutine"];

function runtime(source: string, setup?: (rt: EndymionRuntime) => void): EndymionRuntime {
  const rt = new EndymionRuntime();
  rt.openLibs(LIBS);
  rt.registerNamespace("sys");
  setup?.(rt);
  rt.loadScriptSource("main.lua", source);
  return rt;
}

function handler(body: string, prelude = ""): string {
  return `${prelude}\nreturn { handlers = { main = sys.export(function(input)\n${body}\nend) } }`;
}

/** Answers every yield with `answer` (invokes) or resumeVoid, collecting the commands. */
function drive(s: HandlerSession, answer: (name: string, payload: unknown) => unknown = () => null): unknown[] {
  const log: unknown[] = [];
  for (let n = 0; s.status === "yielded" && n < 1000; n++) {
    const c = s.command;
    log.push(c);
    if (c?.type === "invoke") s.resume(answer(c.name, c.payload));
    else s.resumeVoid();
  }
  return log;
}

describe("the seed's library example", () => {
  it("runs as written, and a hydrated second runtime continues from the suspension point", async () => {
    const calls: string[] = [];
    const myBackend = {
      async call(name: string, payload: unknown): Promise<unknown> {
        calls.push(`${name} ${JSON.stringify(payload)}`);
        if (name === "get_user") return { name: "Ada" };
        return { ok: true };
      },
    };
    // --- first half, verbatim apart from the path and the stop after the first call
    const rt = new EndymionRuntime();
    rt.openLibs(["base", "string", "table", "math"]);
    rt.registerNamespace("sys");
    rt.setConfig({ region: "eu-west-1" });
    rt.setLimits(64 * 1024 * 1024, 5000, 200);
    expect(rt.loadScript(ORDER)).toEqual(["process_order"]);
    const session = rt.startHandler("process_order", { orderId: 42 });
    expect(session.status).toBe("yielded");
    expect(session.command).toEqual({ type: "invoke", name: "get_user", payload: {} });
    // the host fulfils the first call, then the VM sleeps at the second
    const first = session.command as { type: "invoke"; name: string; payload: unknown };
    session.resume(await myBackend.call(first.name, first.payload));
    expect(session.command).toEqual({ type: "invoke", name: "charge", payload: { orderId: 42 } });

    // Dehydrate mid-execution
    const state: Buffer = rt.dehydrate();
    expect(Buffer.isBuffer(state)).toBe(true);

    // Hydrate on fresh instance
    const rt2 = new EndymionRuntime();
    rt2.openLibs(["base", "string", "table", "math"]);
    rt2.registerNamespace("sys");
    rt2.loadScript(ORDER);
    rt2.hydrate(state);
    const session2 = rt2.startHydratedSession();
    // continues from exact suspension point
    expect(session2.status).toBe("yielded");
    expect(session2.command).toEqual({ type: "invoke", name: "charge", payload: { orderId: 42 } });
    while (session2.status === "yielded") {
      // biome-ignore lint/suspicious/noExplicitAny: the seed's example types the command loosely
      const cmd = session2.command as any;
      if (cmd.type === "invoke") {
        const result = await myBackend.call(cmd.name, cmd.payload);
        session2.resume(result);
      } else {
        session2.resumeVoid();
      }
    }
    expect(session2.status).toBe("completed");
    // the local `user` survived the trip
    expect(session2.result).toEqual({ status: "completed", user: "Ada" });
    expect(calls).toEqual(["get_user {}", 'charge {"orderId":42}', 'send_email {"to":"Ada","orderId":42}']);
  });

  it("a host error at charge is caught by the script's pcall", () => {
    const rt = new EndymionRuntime();
    rt.openLibs(LIBS);
    rt.registerNamespace("sys");
    rt.loadScript(ORDER);
    const s = rt.startHandler("process_order", { orderId: 7, userId: 1 });
    expect(s.command).toEqual({ type: "invoke", name: "get_user", payload: { id: 1 } });
    s.resume({ name: "Bo" });
    s.resumeError("card declined");
    expect(s.status).toBe("completed");
    expect(s.result).toEqual({ status: "charge_failed" });
  });
});

describe("sys functions", () => {
  it("invoke returns the host's value; emit and log are yield points resumed with resumeVoid", () => {
    const rt = runtime(
      handler(`
        local a = sys.invoke("add", { x = 1, y = 2 })
        sys.emit("progress", { step = 1 })
        sys.log("info", "got", a, true, nil)
        return { a = a }`),
    );
    const s = rt.startHandler("main", {});
    const log = drive(s, () => 3);
    expect(log).toEqual([
      { type: "invoke", name: "add", payload: { x: 1, y: 2 } },
      { type: "emit", name: "progress", payload: { step: 1 } },
      { type: "log", level: "info", message: "got 3 true nil" },
    ]);
    expect(s.result).toEqual({ a: 3 });
  });

  it("resumeError raises a Lua error that pcall and xpcall catch, with the message as given", () => {
    const rt = runtime(
      handler(`
        local ok, e = pcall(sys.invoke, "f", {})
        local ok2, e2 = xpcall(sys.invoke, function(m) return "handled: " .. m end, "g", {})
        local ok3, e3 = pcall(function() return sys.invoke("h", {}) end)
        return { ok, e, ok2, e2, ok3, e3 }`),
    );
    const s = rt.startHandler("main", {});
    s.resumeError("boom f");
    s.resumeError("boom g");
    s.resumeError("boom h");
    expect(s.status).toBe("completed");
    expect(s.result).toEqual([false, "boom f", false, "handled: boom g", false, "boom h"]);
  });

  it("an uncaught host error ends the session with status error", () => {
    const rt = runtime(handler(`local x = sys.invoke("f", {}) return x`));
    const s = rt.startHandler("main", {});
    s.resumeError("backend down");
    expect(s.status).toBe("error");
    expect(s.errorMessage).toBe("backend down");
  });

  it("bad arguments to sys functions are Lua errors at the call", () => {
    const rt = runtime(
      handler(`
        local r = {}
        r[1] = select(2, pcall(sys.invoke, 42))
        r[2] = select(2, pcall(sys.invoke, "f", { cb = print }))
        r[3] = select(2, pcall(sys.log, "loud", "x"))
        r[4] = select(2, pcall(sys.export, 1))
        return r`),
    );
    const s = rt.startHandler("main", {});
    expect(s.status).toBe("completed");
    const r = s.result as string[];
    expect(r[0]).toBe("bad argument #1 to 'sys.invoke' (string expected, got number)");
    expect(r[1]).toBe("bad argument #2 to 'sys.invoke' (cannot convert a function at payload.cb)");
    expect(r[2]).toMatch(/bad argument #1 to 'sys.log' \(level must be/);
    expect(r[3]).toMatch(/bad argument #1 to 'sys.export' \(function expected, got number\)/);
  });

  it("the namespace name is the host's choice", () => {
    const rt = new EndymionRuntime();
    rt.openLibs(LIBS);
    rt.registerNamespace("host");
    rt.loadScriptSource(
      "m.lua",
      `return { handlers = { h = host.export(function() return host.invoke("x", 1) end) } }`,
    );
    const s = rt.startHandler("h");
    expect(s.command).toEqual({ type: "invoke", name: "x", payload: 1 });
    s.resume("y");
    expect(s.result).toBe("y");
  });

  it("module-level locals persist across invocations and each invocation gets its own coroutine", () => {
    const rt = runtime(
      handler(
        `count = count + 1
         local co, main = coroutine.running()
         seen[#seen + 1] = tostring(co)
         return { count = count, main = main, yieldable = coroutine.isyieldable(), distinct = seen[1] ~= seen[2] }`,
        "count = 0 seen = {}",
      ),
    );
    expect(rt.startHandler("main").result).toEqual({ count: 1, main: false, yieldable: true, distinct: true });
    expect(rt.startHandler("main").result).toEqual({ count: 2, main: false, yieldable: true, distinct: true });
  });

  it("a script that does not return handlers is refused with its name", () => {
    const rt = new EndymionRuntime();
    rt.openLibs(LIBS);
    rt.registerNamespace("sys");
    expect(() => rt.loadScriptSource("bad.lua", "return 1")).toThrow(/bad.lua: a script must return \{ handlers/);
    expect(() => rt.loadScriptSource("syn.lua", "return {")).toThrow(/syn.lua:1:/);
    expect(() => rt.loadScriptSource("err.lua", "local x = nil; x.y = 1")).toThrow(
      /err.lua:1: attempt to index a nil value \(local 'x'\)/,
    );
    expect(() => rt.startHandler("nope")).toThrow(/unknown handler 'nope'/);
  });

  it("errors carry Lua's messages and a traceback", () => {
    const rt = runtime(handler(`local user = nil\nreturn user.name`));
    const s = rt.startHandler("main");
    expect(s.status).toBe("error");
    expect(s.errorMessage).toBe("main.lua:4: attempt to index a nil value (local 'user')");
    expect(s.traceback).toMatch(/stack traceback/);
  });
});

describe("values across the boundary", () => {
  it("maps JS values to Lua and back as the seed does", () => {
    const rt = runtime(
      handler(`
        local r = {}
        for k, v in pairs(input) do r[#r + 1] = k .. "=" .. math.type(v) .. ":" .. tostring(v) end
        table.sort(r)
        return r`),
    );
    const s = rt.startHandler("main", { a: 1, b: 1.5, c: 2 ** 53 + 8, d: 2n ** 60n });
    expect(s.result).toEqual(["a=integer:1", "b=float:1.5", "c=float:9.007199254741e+15", `d=integer:${2n ** 60n}`]);
  });

  it("returns integers beyond 2^53 as BigInt, non-UTF-8 bytes as Buffer, mixed tables as Map", () => {
    const rt = runtime(
      handler(`return {
        big = math.maxinteger, small = 3, f = 2.0, half = 0.5, s = "héllo", bytes = "\\xff\\x00",
        seq = {1, 2, 3}, empty = {}, mixed = {1, 2, x = 3}, sparse = {[1] = "a", [3] = "c"},
        nested = { list = { { id = 1 } } }, flag = false }`),
    );
    const r = rt.startHandler("main").result as Record<string, unknown>;
    expect(r.big).toBe(9223372036854775807n);
    expect(r.small).toBe(3);
    expect(r.f).toBe(2);
    expect(r.half).toBe(0.5);
    expect(r.s).toBe("héllo");
    expect(r.bytes).toEqual(Buffer.from([0xff, 0]));
    expect(r.seq).toEqual([1, 2, 3]);
    expect(r.empty).toEqual({});
    expect(r.mixed).toEqual(
      new Map<unknown, unknown>([
        [1, 1],
        [2, 2],
        ["x", 3],
      ]),
    );
    expect(r.sparse).toEqual(
      new Map<unknown, unknown>([
        [1, "a"],
        [3, "c"],
      ]),
    );
    expect(r.nested).toEqual({ list: [{ id: 1 }] });
    expect(r.flag).toBe(false);
  });

  it("takes Buffers, Maps and BigInts from the host", () => {
    const rt = runtime(handler(`return { #input.b, input.m[10], math.type(input.n), input.n // 2 }`));
    const r = rt.startHandler("main", { b: Buffer.from([1, 2, 3]), m: new Map([[10, "ten"]]), n: 2n ** 62n });
    expect(r.result).toEqual([3, "ten", "integer", 2n ** 61n]);
  });

  it("refuses cycles and functions with the path where they were met", () => {
    const rt = runtime(handler(`local t = {} t.self = t return { wrap = t }`));
    const s = rt.startHandler("main");
    expect(s.status).toBe("error");
    expect(s.errorMessage).toMatch(/contains itself \(a cycle\) at result.wrap.self/);
    const cyc: Record<string, unknown> = { a: 1 };
    cyc.me = cyc;
    expect(() => rt.startHandler("main", cyc)).toThrow(/cycle\) at input.me/);
    expect(() => rt.startHandler("main", { f: () => 1 })).toThrow(/cannot convert a function at input.f/);
    const s2 = rt.startHandler("main", {});
    expect(s2.status).toBe("error");
    expect(() => runtime(handler("return print")).startHandler("main")).not.toThrow();
    expect(runtime(handler("return print")).startHandler("main").errorMessage).toMatch(/cannot convert a function/);
  });
});

describe("config", () => {
  it("sys.config() is a read-only view of the host's config", () => {
    const rt = runtime(
      handler(`
        local c = sys.config()
        local keys = {}
        for k in pairs(c) do keys[#keys + 1] = k end
        table.sort(keys)
        local ok, e = pcall(function() c.region = "x" end)
        local ok2, e2 = pcall(function() c.db.host = "x" end)
        return { region = c.region, host = c.db.host, n = #c.zones, z2 = c.zones[2], keys = keys,
                 ok = ok, e = e, ok2 = ok2, mt = getmetatable(c) }`),
    );
    rt.setConfig({ region: "eu-west-1", db: { host: "db1" }, zones: ["a", "b"] });
    const r = rt.startHandler("main").result as Record<string, unknown>;
    expect(r).toMatchObject({ region: "eu-west-1", host: "db1", n: 2, z2: "b", keys: ["db", "region", "zones"] });
    expect(r.ok).toBe(false);
    expect(r.e).toMatch(/config is read-only/);
    expect(r.ok2).toBe(false);
    expect(r.mt).toBe("read-only config");
    rt.clearConfig();
    expect(runtime(handler("return sys.config().region")).startHandler("main").result).toBe(null);
  });

  it("is not in the state: a hydrated runtime reads its own config", () => {
    const src = handler(`local c = sys.config() sys.invoke("wait", {}) return c.region`);
    const rt = runtime(src);
    rt.setConfig({ region: "staging" });
    const s = rt.startHandler("main");
    const state = rt.dehydrate();
    expect(state.includes(Buffer.from("staging"))).toBe(false);
    const rt2 = runtime(src);
    rt2.hydrate(state);
    rt2.setConfig({ region: "production" });
    const s2 = rt2.startHydratedSession();
    s2.resume(null);
    expect(s2.result).toBe("production");
    s.resume(null);
    expect(s.result).toBe("staging");
  });
});

describe("the session lock", () => {
  it("refuses VM-mutating calls while a session is yielded, naming the call", () => {
    const rt = runtime(handler(`sys.invoke("x", 1) return 1`));
    const s = rt.startHandler("main");
    expect(() => rt.loadScriptSource("b.lua", "return {handlers={}}")).toThrow(/loadScriptSource\(\) is not allowed/);
    expect(() => rt.registerNamespace("x")).toThrow(/registerNamespace\(\) is not allowed while a handler session/);
    expect(() => rt.openLibs(["utf8"])).toThrow(/openLibs\(\)/);
    expect(() => rt.setConfig({})).toThrow(/setConfig\(\)/);
    expect(() => rt.startHandler("main")).toThrow(/startHandler\(\)/);
    expect(() => rt.hydrate(Buffer.alloc(0))).toThrow(/hydrate\(\)/);
    s.resume(1);
    expect(s.status).toBe("completed");
    expect(() => rt.setConfig({})).not.toThrow();
    expect(() => rt.dehydrate()).toThrow(StateError);
    expect(() => s.resume(1)).toThrow(/the session is completed/);
  });

  it("abort() releases a yielded session", () => {
    const rt = runtime(handler(`sys.invoke("x", 1) return 1`));
    const s = rt.startHandler("main");
    s.abort();
    expect(s.status).toBe("error");
    expect(rt.startHandler("main").status).toBe("yielded");
  });
});

describe("limits", () => {
  function limited(body: string, limits: Parameters<EndymionRuntime["setLimits"]>[0]): EndymionRuntime {
    return runtime(handler(body), (rt) => rt.setLimits(limits));
  }

  it("an instruction budget stops a runaway loop at the same point every time, and pcall catches it", () => {
    const body = `
      local n = 0
      local ok, e = pcall(function() while true do n = n + 1 end end)
      return { ok = ok, e = e, n = n }`;
    const a = limited(body, { instructions: 100_000 }).startHandler("main").result as Record<string, unknown>;
    const b = limited(body, { instructions: 100_000 }).startHandler("main").result as Record<string, unknown>;
    expect(a.ok).toBe(false);
    expect(a.e).toMatch(/main.lua:5: instruction limit exceeded \(100000 instructions\)/);
    expect(a.n).toBe(b.n);
    expect(a.n as number).toBeGreaterThan(10_000);
  });

  it("the instruction count survives dehydrate and hydrate", () => {
    const src = handler(`
      for i = 1, 3 do
        local n = 0
        for j = 1, 20000 do n = n + j end
        sys.invoke("step", i)
      end
      return "done"`);
    const mk = () => runtime(src, (rt) => rt.setLimits({ instructions: 90_000 }));
    let rt = mk();
    let s = rt.startHandler("main");
    const used: number[] = [];
    while (s.status === "yielded") {
      used.push(rt.usage.instructions);
      const st = rt.dehydrate();
      rt = mk();
      rt.setLimits({ instructions: 90_000 });
      rt.hydrate(st);
      expect(rt.usage.instructions).toBe(used[used.length - 1]);
      s = rt.startHydratedSession();
      s.resume(null);
    }
    expect(used.length).toBe(2);
    expect(s.status).toBe("error");
    expect(s.errorMessage).toMatch(/instruction limit exceeded/);
  });

  it("a CPU time limit stops an endless loop", () => {
    const s = limited("while true do end", { cpuTime: 50 }).startHandler("main");
    expect(s.status).toBe("error");
    expect(s.errorMessage).toMatch(/CPU time limit exceeded \(50 ms\)/);
  });

  it("the memory limit stops a growing table long before the process suffers, and pcall catches it", () => {
    const s = limited(
      `local t = {}
       local ok, e = pcall(function() while true do t[#t + 1] = ("x"):rep(1e6) end end)
       local n = #t
       t = nil
       return { ok = ok, e = e, n = n }`,
      { memory: 64 * 1024 * 1024 },
    ).startHandler("main");
    const r = s.result as Record<string, unknown>;
    expect(r.ok).toBe(false);
    expect(r.e).toMatch(/not enough memory/);
    expect(r.n as number).toBeLessThan(80);
  });

  it("garbage does not count against the memory limit", () => {
    const s = limited(
      `local last
       for i = 1, 300 do last = ("y"):rep(1e6) .. i end
       return #last`,
      { memory: 32 * 1024 * 1024 },
    ).startHandler("main");
    expect(s.status).toBe("completed");
    expect(s.result).toBe(1_000_003);
  });

  it("maxCallDepth bounds recursion with a catchable error", () => {
    const s = limited(
      `local function f(n) return 1 + f(n + 1) end
       local ok, e = pcall(f, 1)
       return e`,
      { maxCallDepth: 200 },
    ).startHandler("main");
    expect(s.result).toMatch(/call depth limit exceeded \(maxCallDepth 200\)/);
  });

  it("limits travel with the state", () => {
    const src = handler(`sys.invoke("x", 1) while true do end`);
    const rt = runtime(src, (r) => r.setLimits({ instructions: 5000 }));
    rt.startHandler("main");
    const rt2 = runtime(src);
    rt2.hydrate(rt.dehydrate());
    expect(rt2.limits.instructions).toBe(5000);
    const s = rt2.startHydratedSession();
    s.resume(null);
    expect(s.errorMessage).toMatch(/instruction limit exceeded/);
  });
});

describe("the package", () => {
  it("imports from ESM and CommonJS", () => {
    for (const code of [
      `import { EndymionRuntime } from 'endymion'; console.log(typeof EndymionRuntime)`,
      `const { EndymionRuntime } = require('endymion'); console.log(typeof EndymionRuntime)`,
    ]) {
      const esm = code.startsWith("import");
      const r = spawnSync(process.execPath, [esm ? "--input-type=module" : "--input-type=commonjs", "-e", code], {
        cwd: ROOT,
        encoding: "utf8",
      });
      expect(r.stderr).toBe("");
      expect(r.stdout.trim()).toBe("function");
    }
  });
});
