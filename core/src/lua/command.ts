// `endymion lua [script [args...]]`: runs a Lua file the way the `lua` binary does.

import fs from "node:fs";
import path from "node:path";
import {
  args as A,
  createState,
  getMetamethod,
  LuaError,
  type LuaState,
  LuaSyntaxError,
  LuaTable,
  type LuaValue,
  loadChunk,
  makeLib,
  NativeFunction,
  nativeError,
  openLibs,
  runMain,
  tostringBasic,
  traceback,
  typeName,
} from "@endymion/native";
import { openDebug } from "@endymion/native/debug";
import { openIo } from "./io.js";
import { loadFileError } from "./oserror.js";
import { ByteOutput } from "./output.js";

/** Thrown by os.exit to unwind to the command. */
class ExitSignal {
  constructor(public code: number) {}
}

/** Reads a source file as bytes. */
function readSource(file: string): string {
  return fs.readFileSync(file).toString("latin1");
}

/** Loads a file as a chunk named like the lua binary names it ("@file"). */
function loadFile(L: LuaState, file: string, env?: LuaValue[]) {
  const src = readSource(file);
  return loadChunk(L, src, `@${file}`, env ? env[0] : L.globals, true);
}

/** Adds os.exit, dofile, loadfile, require/package: what the plain interpreter has. */
function openCommandExtras(L: LuaState, flush: () => void): void {
  const os = L.globals.get("os") as LuaTable;
  os.set(
    "exit",
    new NativeFunction("os.exit", (_L, args) => {
      const c = args[0];
      const code = c === undefined || c === true ? 0 : c === false ? 1 : Number(A.checkInteger(args, 1));
      flush();
      throw new ExitSignal(code);
    }),
  );
  const G = L.globals;
  G.set(
    "dofile",
    new NativeFunction("dofile", (L, args) => {
      const name = A.optString(args, 1, "");
      let f: LuaValue;
      try {
        f = loadFile(L, name);
      } catch (e) {
        if (e instanceof LuaSyntaxError) throw new LuaError(e.message);
        return nativeError(loadFileError(name, e));
      }
      return L.call(f, []);
    }),
  );
  G.set(
    "loadfile",
    new NativeFunction("loadfile", (L, args) => {
      const name = A.checkString(args, 1);
      try {
        return [loadFile(L, name, args.length >= 3 ? [args[2]] : undefined)];
      } catch (e) {
        if (e instanceof LuaSyntaxError) return [undefined, e.message];
        return [undefined, loadFileError(name, e)];
      }
    }),
  );
  const pkg = new LuaTable();
  const loaded = new LuaTable();
  const preload = new LuaTable();
  for (const n of ["string", "table", "math", "utf8", "os", "coroutine", "io", "debug"]) {
    const lib = G.get(n);
    if (lib !== undefined) loaded.set(n, lib);
  }
  loaded.set("_G", G);
  pkg.set("loaded", loaded);
  pkg.set("preload", preload);
  pkg.set("path", process.env.LUA_PATH_5_4 ?? process.env.LUA_PATH ?? "./?.lua;./?/init.lua");
  pkg.set("cpath", "");
  pkg.set("config", "/\n;\n?\n!\n-\n");
  G.set("package", pkg);
  loaded.set("package", pkg);
  const req = makeLib(L, "", {
    require: (L, args) => {
      const name = A.checkString(args, 1);
      const have = loaded.get(name);
      if (have !== undefined) return [have];
      const pre = preload.get(name);
      let loader: LuaValue;
      let extra: LuaValue = ":preload:";
      if (pre !== undefined) loader = pre;
      else {
        const tried: string[] = [];
        const p = String(pkg.get("path")).replace(/;;/g, ";./?.lua;");
        for (const tpl of p.split(";")) {
          if (!tpl) continue;
          const file = tpl.replaceAll("?", name.replaceAll(".", "/"));
          if (fs.existsSync(file)) {
            try {
              loader = loadFile(L, file);
            } catch (e) {
              const msg = e instanceof Error ? e.message : String(e);
              nativeError(`error loading module '${name}' from file '${file}':\n\t${msg}`);
            }
            extra = file;
            break;
          }
          tried.push(`\n\tno file '${file}'`);
        }
        if (loader === undefined)
          nativeError(`module '${name}' not found:\n\tno field package.preload['${name}']${tried.join("")}`);
      }
      const r = L.call(loader, [name, extra])[0];
      if (r !== undefined) loaded.set(name, r);
      if (loaded.get(name) === undefined) loaded.set(name, true);
      return [loaded.get(name), extra];
    },
  });
  G.set("require", req.get("require"));
}

/** The message the lua binary prints for an error object. */
function errorText(L: LuaState, v: LuaValue): string {
  if (typeof v === "string") return v;
  if (getMetamethod(L, v, "__tostring") !== undefined) {
    try {
      return L.tostring(v);
    } catch {
      /* fall through */
    }
  }
  if (typeof v === "number" || typeof v === "bigint") return tostringBasic(L, v);
  return `(error object is a ${typeName(v)} value)`;
}

/** Runs a Lua script file with arguments; returns the process exit code. */
export function runLuaCommand(script: string | undefined, scriptArgs: string[]): number {
  const stdout = new ByteOutput(1);
  const stderr = new ByteOutput(2);
  const flush = () => {
    stdout.flush();
    stderr.flush();
  };
  const L = createState({
    stdout: (s) => stdout.write(s),
    stderr: (s) => {
      stdout.flush();
      stderr.write(s);
      stderr.flush();
    },
    getenv: (n) => process.env[n],
    clock: () => process.cpuUsage().user / 1e6 + process.cpuUsage().system / 1e6,
  });
  openLibs(L);
  openIo(L, stdout, stderr);
  openDebug(L);
  openCommandExtras(L, flush);
  const argt = new LuaTable();
  argt.set(-1, "endymion");
  argt.set(0, script ?? "stdin");
  scriptArgs.forEach((a, i) => {
    argt.set(i + 1, Buffer.from(a, "utf8").toString("latin1"));
  });
  L.globals.set("arg", argt);
  let code = 0;
  try {
    let fn: LuaValue;
    try {
      if (script === undefined || script === "-")
        fn = loadChunk(L, fs.readFileSync(0).toString("latin1"), "=stdin", L.globals, true);
      else fn = loadFile(L, script);
    } catch (e) {
      // as lua.c: a chunk that does not load is reported without a traceback
      let msg: string;
      if (e instanceof LuaSyntaxError) msg = e.message;
      else if ((e as NodeJS.ErrnoException).code !== undefined) msg = loadFileError(script as string, e);
      else throw e;
      stderr.write(`lua: ${msg}\n`);
      flush();
      return 1;
    }
    runMain(
      L,
      fn,
      scriptArgs.map((a) => Buffer.from(a, "utf8").toString("latin1")),
    );
  } catch (e) {
    if (e instanceof ExitSignal) {
      flush();
      return e.code;
    }
    if (!(e instanceof LuaError)) {
      flush();
      const th = (L as unknown as { current: Parameters<typeof traceback>[0] }).current;
      process.stderr.write(`endymion: internal error\n${traceback(th, undefined)}\n`);
      throw e;
    }
    stdout.flush();
    const tb = e.luaTraceback ?? "stack traceback:\n\t[C]: in ?";
    stderr.write(`endymion: ${errorText(L, e.value)}\n${tb}\n`.replace(/^endymion:/, "lua:"));
    code = 1;
  }
  flush();
  void path;
  return code;
}
