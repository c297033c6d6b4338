// EndymionRuntime and HandlerSession: the seed's library surface.
//
// A runtime owns one Lua state. Scripts return `{ handlers = { name = sys.export(fn) } }`;
// their handlers are kept in a table that travels with the state, and each invocation
// runs in a fresh coroutine. The sys.* functions are host yields: the coroutine (and any
// coroutine chain above it) suspends, the session shows the command, and the host resumes
// it. While a session is yielded, dehydrate() writes the whole VM; hydrate() on a fresh
// runtime with the same scripts loaded brings it back, and startHydratedSession() goes on.

import { readFileSync } from "node:fs";
import { basename, resolve } from "node:path";
import {
  applyLimits,
  args as args_,
  type ChunkInfo,
  Closure,
  compile,
  createState,
  dehydrateState,
  type ExecResult,
  endRun,
  type HostHooks,
  hostYieldNative,
  hydrateState,
  instructionsUsed,
  LIBRARIES,
  type Limits,
  LuaError,
  type LuaState,
  LuaSyntaxError,
  LuaTable,
  LuaThread,
  type LuaValue,
  mainClosure,
  memoryEstimate,
  NativeError,
  NativeFunction,
  native,
  openLibs,
  type Proto,
  resumeFromJS,
  resumeHost,
  runMain,
  StateError,
  startRun,
  tostringBasic,
  typeName,
} from "@endymion/native";
import { ConversionError, toJS, toLua } from "./values.js";

/** What a yielded session asks the host to do. */
export type HostCommand =
  | { type: "invoke"; name: string; payload: unknown }
  | { type: "emit"; name: string; payload: unknown }
  | { type: "log"; level: string; message: string };

export type SessionStatus = "yielded" | "completed" | "error";

/** Limits by name; a missing or non-finite value means no limit. */
export interface RuntimeLimits {
  /** Bytes of Lua memory (an estimate from allocation accounting). */
  memory?: number;
  /** Milliseconds of execution, accumulated across resumes. */
  cpuTime?: number;
  /** Nested Lua calls. */
  maxCallDepth?: number;
  /** Instruction units: deterministic, the same on every machine. */
  instructions?: number;
}

export interface RuntimeOptions {
  /** Signs dehydrated states with HMAC-SHA256 and accepts only states signed with it. */
  stateKey?: string | Uint8Array;
  /** Largest state hydrate accepts, in bytes (default 512 MiB). */
  maxStateBytes?: number;
  /** Output and clock hooks for the engine (print, os.time, os.clock). */
  hooks?: Partial<HostHooks>;
}

/** Resource use so far (survives dehydrate and hydrate). */
export interface RuntimeUsage {
  instructions: number;
  cpuTime: number;
  memory: number;
}

const LOG_LEVELS = new Set(["debug", "info", "warn", "error"]);

/** Internal: which sys function a native is. */
type CommandKind = "invoke" | "emit" | "log";

export class EndymionRuntime {
  /** The engine's state (for tools; mutate it only when no session is active). */
  readonly L: LuaState;
  private readonly scripts = new Map<string, ChunkInfo>();
  private readonly scriptNames = new Map<object, string>();
  private handlers = new LuaTable();
  /** Which script exported each handler. */
  private readonly handlerScripts = new Map<string, string>();
  private readonly kinds = new Map<NativeFunction, CommandKind>();
  /** Commands built when sys calls were validated, by their argument arrays. */
  private readonly commands = new WeakMap<LuaValue[], HostCommand>();
  private readonly namespaces: string[] = [];
  private configLua: LuaValue = undefined;
  private active: HandlerSession | undefined;
  private hydrated:
    | { handler: string; co: LuaThread; thread: LuaThread; fn: NativeFunction; args: LuaValue[] }
    | undefined;
  private key: Uint8Array | undefined;
  private readonly maxStateBytes: number | undefined;

  constructor(options: RuntimeOptions = {}) {
    this.L = createState(options.hooks ?? {});
    this.key = options.stateKey === undefined ? undefined : keyBytes(options.stateKey);
    this.maxStateBytes = options.maxStateBytes;
  }

  /** Opens standard libraries by name: base, string, table, math, utf8, coroutine, os. */
  openLibs(names: string[]): void {
    this.unlocked("openLibs");
    for (const n of names) {
      if (!(n in LIBRARIES)) {
        throw new Error(`openLibs: unknown library '${n}' (known: ${Object.keys(LIBRARIES).join(", ")})`);
      }
    }
    openLibs(this.L, names);
  }

  /** Creates the global table `name` with invoke, emit, log, config and export. */
  registerNamespace(name: string): void {
    this.unlocked("registerNamespace");
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`registerNamespace: '${name}' is not a Lua name`);
    const L = this.L;
    const t = new LuaTable();
    const yielding = (kind: CommandKind) => {
      const f = hostYieldNative(L, `${name}.${kind}`, (_L, args) => {
        this.check(kind, args);
        return undefined;
      });
      this.kinds.set(f, kind);
      t.set(kind, f);
    };
    yielding("invoke");
    yielding("emit");
    yielding("log");
    t.set(
      "config",
      native(L, `${name}.config`, () => [this.configProxy(name, new LuaTable())]),
    );
    t.set(
      "export",
      native(L, `${name}.export`, (_L, args) => {
        const f = args[0];
        if (!(f instanceof Closure || f instanceof NativeFunction)) {
          args_.typeError(args, 1, "function");
        }
        return [f];
      }),
    );
    this.configNatives(name);
    L.globals.set(name, t);
    this.namespaces.push(name);
  }

  /** Sets the table sys.config() reads (not part of the state: set it again after hydrate). */
  setConfig(config: Record<string, unknown>): void {
    this.unlocked("setConfig");
    this.configLua = toLua(config, "config");
  }

  clearConfig(): void {
    this.unlocked("clearConfig");
    this.configLua = undefined;
  }

  /**
   * Sets resource limits: setLimits(memBytes, cpuMs, callDepth) as the seed, or an object
   * { memory, cpuTime, maxCallDepth, instructions }. 0 or a missing value: no limit.
   */
  setLimits(memory: number | RuntimeLimits, cpuTime?: number, maxCallDepth?: number, instructions?: number): void {
    this.unlocked("setLimits");
    const o: RuntimeLimits = typeof memory === "object" ? memory : { memory, cpuTime, maxCallDepth, instructions };
    const norm = (n: number | undefined, what: string) => {
      if (n === undefined || n === null || n === 0 || n === Infinity) return Infinity;
      if (typeof n !== "number" || !(n > 0)) throw new Error(`setLimits: ${what} must be a positive number`);
      return n;
    };
    const lim: Limits = {
      memory: norm(o.memory, "memory"),
      cpuTime: norm(o.cpuTime, "cpuTime"),
      maxCallDepth: norm(o.maxCallDepth, "maxCallDepth"),
      instructions: norm(o.instructions, "instructions"),
    };
    applyLimits(this.L, lim);
  }

  /** The limits in force. */
  get limits(): Required<RuntimeLimits> {
    return { ...this.L.limits };
  }

  /** Resources used so far (across resumes, dehydrate and hydrate). */
  get usage(): RuntimeUsage {
    return { instructions: instructionsUsed(this.L), cpuTime: this.L.usage.cpuMs, memory: memoryEstimate(this.L) };
  }

  /** Signs dehydrated states (and requires signed states in hydrate) from now on. */
  setStateKey(key: string | Uint8Array | undefined): void {
    this.key = key === undefined ? undefined : keyBytes(key);
  }

  /** Loads a script file; its name in states is the file's base name. Returns its handler names. */
  loadScript(path: string, name = basename(path)): string[] {
    this.unlocked("loadScript");
    let text: string;
    try {
      text = readFileSync(resolve(path)).toString("latin1");
    } catch (e) {
      throw new Error(`loadScript: cannot read '${path}': ${(e as Error).message}`);
    }
    return this.load(name, text, path);
  }

  /**
   * Loads a script from source under a name (for hosts without files): text (encoded as
   * UTF-8) or raw bytes. chunkName is how error messages name it (default: the name).
   */
  loadScriptSource(name: string, source: string | Uint8Array, chunkName = name): string[] {
    this.unlocked("loadScriptSource");
    const bytes = typeof source === "string" ? Buffer.from(source, "utf8") : Buffer.from(source);
    return this.load(name, bytes.toString("latin1"), chunkName);
  }

  private load(name: string, source: string, chunkName: string): string[] {
    const L = this.L;
    let main: Closure;
    try {
      main = mainClosure(compileCached(source, `@${chunkName}`), L.globals);
    } catch (e) {
      if (e instanceof LuaSyntaxError) throw new Error(e.message);
      throw e;
    }
    const info = main.proto.chunk as ChunkInfo;
    let ret: LuaValue[];
    try {
      ret = runMain(L, main, []);
    } catch (e) {
      if (e instanceof LuaError) {
        const msg = errorText(L, e.value);
        throw new Error(msg.startsWith(`${chunkName}:`) ? msg : `${chunkName}: ${msg}`);
      }
      throw e;
    }
    const mod = ret[0];
    const hs = mod instanceof LuaTable ? mod.get("handlers") : undefined;
    if (!(hs instanceof LuaTable)) {
      throw new Error(`${chunkName}: a script must return { handlers = { name = sys.export(fn), ... } }`);
    }
    const names: string[] = [];
    for (let k = hs.next(undefined); k; k = hs.next(k[0])) {
      const [key, fn] = k;
      if (typeof key !== "string" || !(fn instanceof Closure || fn instanceof NativeFunction)) {
        throw new Error(`${chunkName}: handlers must map names to functions (bad entry '${String(key)}')`);
      }
      names.push(key);
    }
    for (const n of names) {
      const other = this.handlerScripts.get(n);
      if (other !== undefined && other !== name) {
        throw new Error(`${chunkName}: handler '${n}' is already exported by script '${other}'`);
      }
    }
    for (const n of names) {
      this.handlers.set(n, hs.get(n));
      this.handlerScripts.set(n, name);
    }
    this.scripts.set(name, info);
    this.scriptNames.set(info, name);
    return names;
  }

  /** The names of the loaded handlers. */
  get handlerNames(): string[] {
    const out: string[] = [];
    for (let k = this.handlers.next(undefined); k; k = this.handlers.next(k[0])) out.push(k[0] as string);
    return out;
  }

  /** Starts a handler in a fresh coroutine; runs it to its first host call or its end. */
  startHandler(name: string, input?: unknown): HandlerSession {
    this.unlocked("startHandler");
    const fn = this.handlers.get(name);
    if (fn === undefined) {
      const have = this.handlerNames;
      throw new Error(
        `unknown handler '${name}'${have.length ? ` (loaded: ${have.join(", ")})` : " (no script loaded)"}`,
      );
    }
    const arg = toLua(input, "input");
    this.hydrated = undefined;
    const co = new LuaThread(fn);
    const session = new HandlerSession(this, co, name);
    this.active = session;
    session.take(this.run(() => resumeFromJS(this.L, co, [arg])));
    return session;
  }

  /** Serializes the VM; only while a session is yielded at a host call. */
  dehydrate(): Buffer {
    const s = this.active;
    if (s?.status !== "yielded" || !s.thread || !s.fn) {
      throw new StateError("NOT_SUSPENDED", "dehydrate: no session is yielded at a host call");
    }
    const pending = new LuaTable();
    pending.setArray(s.args ?? []);
    const bytes = dehydrateState(this.L, {
      scripts: this.scriptNames,
      key: this.key,
      roots: [
        { value: this.handlers, label: "the handlers", fieldLabel: "handler" },
        { value: s.co as unknown as LuaValue, label: `the coroutine of handler '${s.handler}'` },
        { value: s.thread as unknown as LuaValue, label: "the suspended coroutine" },
        { value: s.fn, label: "the host call" },
        { value: pending, label: "the host call's arguments" },
      ],
      host: [s.handler],
    });
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /**
   * Replaces the VM with a dehydrated state. Load the same scripts and open the same
   * libraries and namespace first; set the config again after. Throws StateError.
   */
  hydrate(state: Uint8Array): void {
    this.unlocked("hydrate");
    const h = hydrateState(this.L, state, { scripts: this.scripts, key: this.key, maxBytes: this.maxStateBytes });
    const [handlers, co, thread, fn, args] = h.roots;
    const handler = Array.isArray(h.host) && typeof h.host[0] === "string" ? h.host[0] : "?";
    if (
      !(handlers instanceof LuaTable) ||
      !(co instanceof LuaThread) ||
      !(thread instanceof LuaThread) ||
      !(fn instanceof NativeFunction) ||
      !this.kinds.has(fn) ||
      !(args instanceof LuaTable) ||
      thread.pending === undefined ||
      thread.status !== "running" ||
      !reaches(thread, co)
    ) {
      throw new StateError("CORRUPT", "corrupt state: the suspended session is malformed");
    }
    const pendingArgs = args.arr.slice();
    try {
      this.check(this.kinds.get(fn) as CommandKind, pendingArgs);
    } catch (e) {
      throw new StateError("CORRUPT", `corrupt state: the suspended host call is malformed (${(e as Error).message})`);
    }
    this.handlers = handlers;
    this.toMain();
    this.hydrated = { handler, co, thread, fn, args: pendingArgs };
  }

  /** The session of a hydrated state, yielded at the host call where it was saved. */
  startHydratedSession(): HandlerSession {
    this.unlocked("startHydratedSession");
    const h = this.hydrated;
    if (!h) throw new Error("startHydratedSession: no hydrated state (call hydrate first)");
    this.hydrated = undefined;
    const session = new HandlerSession(this, h.co, h.handler);
    this.active = session;
    session.take({ kind: "hostyield", fn: h.fn, args: h.args, thread: h.thread });
    return session;
  }

  // --- internals used by HandlerSession ---

  /**
   * Runs a step of a session with CPU and memory accounting. An error that escapes the
   * engine (a defect, or a crafted state that passed hydrate's checks) ends the session
   * with an "internal error" instead of reaching the host.
   */
  run(step: () => ExecResult): ExecResult {
    startRun(this.L);
    try {
      return step();
    } catch (e) {
      this.toMain();
      if (e instanceof LuaError) return { kind: "error", value: e.value, traceback: e.luaTraceback };
      const what = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
      return { kind: "error", value: `internal error: ${what}`, traceback: undefined };
    } finally {
      endRun(this.L);
    }
  }

  /** Continues a yielded session. */
  continue(s: HandlerSession, values: LuaValue[] | undefined, error?: string): ExecResult {
    return this.run(() => resumeHost(this.L, s.thread as LuaThread, values, error));
  }

  release(s: HandlerSession): void {
    if (this.active === s) this.active = undefined;
    this.toMain();
  }

  /** Makes the main thread current (a yielded session leaves its own thread current). */
  private toMain(): void {
    const S = this.L as unknown as { current: LuaThread; mainThread: LuaThread };
    S.current = S.mainThread;
  }

  /** The command of a host call: the one its validation built, or built now (after hydrate). */
  command(fn: NativeFunction, args: LuaValue[]): HostCommand {
    return this.commands.get(args) ?? this.buildCommand(this.kinds.get(fn) as CommandKind, args);
  }

  errorText(v: LuaValue): string {
    return errorText(this.L, v);
  }

  /**
   * Validates a sys call's arguments at the call (errors are Lua errors there) and keeps the
   * command it makes, so that arguments are converted (and __tostring called) once.
   */
  private check(kind: CommandKind, args: LuaValue[]): void {
    this.commands.set(args, this.buildCommand(kind, args));
  }

  private buildCommand(kind: CommandKind, args: LuaValue[]): HostCommand {
    const first = args[0];
    if (typeof first !== "string") args_.typeError(args, 1, "string");
    if (kind === "log") {
      if (!LOG_LEVELS.has(first)) throw new NativeError("level must be 'debug', 'info', 'warn' or 'error'", 1);
      const parts: string[] = [];
      for (let i = 1; i < args.length; i++) parts.push(this.L.tostring(args[i]));
      return { type: "log", level: first, message: toText(parts.join(" ")) };
    }
    try {
      return { type: kind, name: toText(first), payload: toJS(args[1], "payload") };
    } catch (e) {
      if (e instanceof ConversionError) throw new NativeError(e.message, 2);
      throw e;
    }
  }

  private unlocked(call: string): void {
    if (this.active && this.active.status === "yielded") {
      throw new Error(
        `${call}() is not allowed while a handler session is active (handler '${this.active.handler}' is yielded)`,
      );
    }
  }

  // --- sys.config(): a read-only view of the config set by the host ---

  /** A read-only proxy for the config table at `path` (a Lua sequence of keys). */
  private configProxy(ns: string, path: LuaTable): LuaTable {
    const L = this.L;
    const mt = new LuaTable();
    const make = (what: string) =>
      (L.natives.get(`${ns}.config.${what}`) as NativeFunction).make as (b: LuaValue[]) => NativeFunction;
    mt.set("__index", make("index")([path]));
    mt.set("__newindex", L.natives.get(`${ns}.config.newindex`));
    mt.set("__pairs", make("pairs")([path]));
    mt.set("__len", make("len")([path]));
    mt.set("__metatable", "read-only config");
    const t = new LuaTable();
    t.metatable = mt;
    return t;
  }

  /** The config table at a path, or undefined. */
  private configAt(path: LuaTable): LuaTable | undefined {
    let cur = this.configLua;
    for (const k of path.arr) {
      if (!(cur instanceof LuaTable)) return undefined;
      cur = cur.get(k);
    }
    return cur instanceof LuaTable ? cur : undefined;
  }

  /** A config value as scripts see it: tables as read-only proxies. */
  private configValue(ns: string, path: LuaTable, k: LuaValue, v: LuaValue): LuaValue {
    if (!(v instanceof LuaTable)) return v;
    const sub = new LuaTable();
    sub.setArray([...path.arr, k]);
    return this.configProxy(ns, sub);
  }

  private configNatives(ns: string): void {
    const L = this.L;
    const bound = (what: string, fn: (path: LuaTable, args: LuaValue[]) => LuaValue[]) => {
      const make = (b: LuaValue[]) =>
        new NativeFunction(`${ns}.config.${what}`, (_L, args) => fn(b[0] as LuaTable, args), 0, b);
      L.registerNative(make([new LuaTable()])).make = (b) => {
        if (!(b[0] instanceof LuaTable)) throw new StateError("CORRUPT", "corrupt state: a malformed config view");
        return make(b);
      };
    };
    bound("index", (path, args) => {
      const t = this.configAt(path);
      const k = args[1];
      return [t === undefined ? undefined : this.configValue(ns, path, k, t.get(k))];
    });
    bound("len", (path) => [this.configAt(path)?.length() ?? 0]);
    bound("pairs", (path, args) => {
      const iter = new NativeFunction(`${ns}.config.next`, (_L, a) => {
        const t = this.configAt(path);
        const e = t?.next(a[1]);
        if (!e) return [undefined];
        return [e[0], this.configValue(ns, path, e[0], e[1])];
      });
      return [iter, args[0], undefined];
    });
    native(L, `${ns}.config.newindex`, () => {
      throw new NativeError("config is read-only");
    });
  }
}

/** One handler invocation: yielded at a host call, completed or failed. */
export class HandlerSession {
  status: SessionStatus = "yielded";
  /** The pending host call while yielded. */
  command: HostCommand | undefined = undefined;
  /** The handler's return value once completed. */
  result: unknown = undefined;
  /** The error message once failed. */
  errorMessage: string | undefined = undefined;
  /** The Lua traceback of an error, when there is one. */
  traceback: string | undefined = undefined;
  /** @internal the thread suspended at the host call, its native and arguments. */
  thread: LuaThread | undefined = undefined;
  /** @internal */
  fn: NativeFunction | undefined = undefined;
  /** @internal */
  args: LuaValue[] | undefined = undefined;

  constructor(
    private readonly rt: EndymionRuntime,
    /** @internal the handler's coroutine */
    readonly co: LuaThread,
    /** The handler's name. */
    readonly handler: string,
  ) {}

  /** Resumes the host call with its result (sys.invoke returns it). */
  resume(value?: unknown): void {
    this.expectYielded("resume");
    let v: LuaValue;
    try {
      v = toLua(value, "result");
    } catch (e) {
      throw new Error(`resume: ${(e as Error).message}`);
    }
    this.take(this.rt.continue(this, [v]));
  }

  /** Resumes a host call that returns nothing (emit and log). */
  resumeVoid(): void {
    this.expectYielded("resumeVoid");
    this.take(this.rt.continue(this, []));
  }

  /** Makes the pending host call raise a Lua error with this message (pcall catches it). */
  resumeError(message: string): void {
    this.expectYielded("resumeError");
    this.take(this.rt.continue(this, undefined, String(message)));
  }

  /** Abandons a yielded session (the runtime accepts new calls again). */
  abort(): void {
    if (this.status !== "yielded") return;
    this.status = "error";
    this.errorMessage = "session aborted by the host";
    this.command = undefined;
    this.rt.release(this);
  }

  private expectYielded(call: string): void {
    if (this.status !== "yielded") throw new Error(`${call}: the session is ${this.status}, not yielded`);
  }

  /** @internal Updates the session from an execution result. */
  take(r: ExecResult): void {
    this.thread = undefined;
    this.fn = undefined;
    this.args = undefined;
    this.command = undefined;
    switch (r.kind) {
      case "hostyield": {
        this.thread = r.thread;
        this.fn = r.fn;
        this.args = r.args;
        this.status = "yielded";
        this.command = this.rt.command(r.fn, r.args);
        return;
      }
      case "dead":
      case "return":
        try {
          this.result = toJS(r.values[0], "result");
          this.status = "completed";
        } catch (e) {
          this.status = "error";
          this.errorMessage = `handler '${this.handler}' returned a value the host cannot take: ${(e as Error).message}`;
        }
        break;
      case "error":
        this.status = "error";
        this.errorMessage = this.rt.errorText(r.value);
        this.traceback = r.traceback;
        break;
      case "yield":
        this.status = "error";
        this.errorMessage = "attempt to yield from outside a coroutine (use sys.* calls to suspend a handler)";
        break;
    }
    this.rt.release(this);
  }
}

/**
 * Compiled scripts by chunk name and source: prototypes are immutable (their inline caches
 * are only hints), so runtimes loading the same script share them. Bounded, least recently
 * used first out.
 */
const compiled = new Map<string, Proto>();
const COMPILED_MAX = 64;

function compileCached(source: string, chunkName: string): Proto {
  const key = `${chunkName}\u0000${source}`;
  let p = compiled.get(key);
  if (p !== undefined) {
    compiled.delete(key);
  } else {
    p = compile(source, chunkName, true);
    if (compiled.size >= COMPILED_MAX) compiled.delete(compiled.keys().next().value as string);
  }
  compiled.set(key, p);
  return p;
}

/** Whether coroutine `to` is `from` or one of the coroutines that resumed it. */
function reaches(from: LuaThread, to: LuaThread): boolean {
  let n = 0;
  for (let t: LuaThread | undefined = from; t !== undefined && n < 10_000; t = t.resumer, n++) {
    if (t === to) return to.jsResumed;
  }
  return false;
}

function keyBytes(k: string | Uint8Array): Uint8Array {
  if (typeof k === "string") {
    if (k.length === 0) throw new Error("stateKey must not be empty");
    return Buffer.from(k, "utf8");
  }
  if (k.length === 0) throw new Error("stateKey must not be empty");
  return k;
}

/** A byte string as text for messages (UTF-8 when valid). */
function toText(s: string): string {
  const v = toJS(s);
  return typeof v === "string" ? v : s;
}

/** The message of an error value, as lua.c prints it. */
function errorText(L: LuaState, v: LuaValue): string {
  if (typeof v === "string") return toText(v);
  if (typeof v === "number" || typeof v === "bigint") return tostringBasic(L, v);
  if (v instanceof LuaTable && L.getMetatable(v)?.get("__tostring") !== undefined) {
    try {
      return toText(L.tostring(v));
    } catch {
      /* fall through */
    }
  }
  return `(error object is a ${typeName(v)} value)`;
}
