// `endymion lua [script [args...]]`: runs a Lua file the way the `lua` binary does.

import { fstatSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import {
  args as A,
  closeFinalizers,
  closePendingVariables,
  createState,
  ENGINE_VERSION,
  getMetamethod,
  Intrinsic,
  isNumber,
  LuaError,
  type LuaState,
  LuaSyntaxError,
  LuaTable,
  type LuaThread,
  type LuaValue,
  loadChunk,
  NativeFunction,
  nativeError,
  openLibs,
  runMain,
  TailCall,
  tostringBasic,
  traceback,
  typeName,
} from "@endymion/native";
import { openDebug } from "@endymion/native/debug";
import { openIo } from "./io.js";
import { loadFileError } from "./oserror.js";
import { openOsFiles } from "./osfiles.js";
import { ByteOutput } from "./output.js";
import { openPackage } from "./package.js";

/** Thrown by os.exit to unwind to the command; `close` asks to close the state first. */
class ExitSignal {
  constructor(
    public code: number,
    public close: boolean,
  ) {}
}

/** Reads standard input to its end (for dofile() and loadfile() without a file name). */
type ReadStdin = () => string;

/**
 * Loads a file as a chunk named like the lua binary names it ("@file"), or standard input
 * ("=stdin") when there is no file name.
 */
function loadFile(L: LuaState, file: string | undefined, readStdin: ReadStdin, env?: LuaValue[], mode = "bt") {
  let src = file === undefined ? readStdin() : readFileSync(file).toString("latin1");
  // as luaL_loadfilex: a '#' first line may precede a binary chunk too
  const body = src.startsWith("\xef\xbb\xbf") ? src.slice(3) : src;
  const nl = body.startsWith("#") ? body.indexOf("\n") : -1;
  if (nl >= 0 && body.charCodeAt(nl + 1) === 0x1b) src = body.slice(nl + 1);
  const binary = src.charCodeAt(0) === 0x1b;
  if (!mode.includes(binary ? "b" : "t"))
    throw new LuaSyntaxError(`attempt to load a ${binary ? "binary" : "text"} chunk (mode is '${mode}')`);
  return loadChunk(L, src, file === undefined ? "=stdin" : `@${file}`, env ? env[0] : L.globals, true);
}

/** Adds os.exit, dofile, loadfile, require/package: what the plain interpreter has. */
function openCommandExtras(
  L: LuaState,
  flush: () => void,
  env: (name: string) => string | undefined,
  readStdin: ReadStdin,
): void {
  const os = L.globals.get("os") as LuaTable;
  os.set(
    "exit",
    new NativeFunction("os.exit", (_L, args) => {
      const c = args[0];
      const code = c === undefined || c === true ? 0 : c === false ? 1 : Number(A.checkInteger(args, 1));
      flush();
      throw new ExitSignal(code, args[1] !== undefined && args[1] !== false);
    }),
  );
  const G = L.globals;
  G.set(
    "dofile",
    new NativeFunction(
      "dofile",
      (L, args) => {
        const name = args[0] === undefined ? undefined : A.checkString(args, 1);
        let f: LuaValue;
        try {
          f = loadFile(L, name, readStdin);
        } catch (e) {
          if (e instanceof LuaSyntaxError) throw new LuaError(e.message);
          return nativeError(loadFileError(name ?? "stdin", e));
        }
        // a tail call, so that the chunk can yield as dofile's continuation lets it in PUC-Rio
        return [new TailCall(f, []) as unknown as LuaValue];
      },
      Intrinsic.MayTailCall,
    ),
  );
  G.set(
    "loadfile",
    new NativeFunction("loadfile", (L, args) => {
      const name = args[0] === undefined ? undefined : A.checkString(args, 1);
      try {
        const env = args.length >= 3 ? [args[2]] : undefined;
        return [loadFile(L, name, readStdin, env, A.optString(args, 2, "bt"))];
      } catch (e) {
        if (e instanceof LuaSyntaxError) return [undefined, e.message];
        return [undefined, loadFileError(name ?? "stdin", e)];
      }
    }),
  );
  openPackage(
    L,
    env,
    (file) => loadFile(L, file, readStdin),
    (file, e) => (e instanceof LuaSyntaxError ? e.message : loadFileError(file, e)),
  );
}

/**
 * What lua.c's message handler makes of an uncaught error: a string or number with the
 * traceback; for another value, what its __tostring returns when that is a string (alone),
 * else "(error object is a X value)" with the traceback. An error in __tostring is reported
 * in its place.
 */
function uncaughtMessage(L: LuaState, e: LuaError): string {
  const v = e.value;
  const tb = e.luaTraceback ?? "stack traceback:\n\t[C]: in ?";
  if (typeof v === "string") return `${v}\n${tb}`;
  if (isNumber(v)) return `${tostringBasic(L, v)}\n${tb}`;
  const mm = getMetamethod(L, v, "__tostring");
  if (mm !== undefined) {
    let r: LuaValue;
    try {
      r = L.call(mm, [v])[0];
    } catch (e2) {
      if (e2 instanceof LuaError) return uncaughtMessage(L, e2);
      throw e2;
    }
    if (typeof r === "string") return r;
  }
  return `(error object is a ${typeName(v)} value)\n${tb}`;
}

const USAGE = `usage: lua [options] [script [args]]
Available options are:
  -e stat   execute string 'stat'
  -i        enter interactive mode after executing 'script'
  -l mod    require library 'mod' into global 'mod'
  -l g=mod  require library 'mod' into global 'g'
  -v        show version information
  -E        ignore environment variables
  -W        turn warnings on
  --        stop handling options
  -         stop handling options and execute stdin
`;

/**
 * Whether a descriptor is a terminal. A pipe or a file is not, which fstat tells without
 * loading node:tty (5 ms of start-up); a character device may be a terminal or /dev/null.
 */
function isTerminal(fd: number): boolean {
  try {
    if (!fstatSync(fd).isCharacterDevice()) return false;
  } catch {
    return false;
  }
  const tty = createRequire(import.meta.url)("node:tty") as typeof import("node:tty");
  return tty.isatty(fd);
}

/** What `-v` prints. */
const VERSION_LINE = `Lua 5.4 (Endymion ${ENGINE_VERSION}, a Lua 5.4 VM in TypeScript)`;

/** What lua.c's collectargs finds in the options before the script. */
interface Options {
  /** Index in argv of the script, argv.length when there is none; the bad option on error. */
  script: number;
  error: boolean;
  interactive: boolean;
  version: boolean;
  execute: boolean;
  noEnv: boolean;
}

/** Reads the options as lua.c does: they stop at the first argument not starting with '-'. */
function collectArgs(argv: string[]): Options {
  const o: Options = { script: 0, error: false, interactive: false, version: false, execute: false, noEnv: false };
  let i = 0;
  const bad = () => {
    o.script = i;
    o.error = true;
    return o;
  };
  for (; i < argv.length; i++) {
    const a = argv[i];
    o.script = i;
    if (!a.startsWith("-")) return o;
    switch (a[1]) {
      case "-":
        if (a.length > 2) return bad();
        o.script = i + 1;
        return o;
      case undefined:
        return o;
      case "E":
      case "W":
      case "i":
      case "v":
        if (a.length > 2) return bad();
        if (a[1] === "E") o.noEnv = true;
        if (a[1] === "i") o.interactive = o.version = true;
        if (a[1] === "v") o.version = true;
        break;
      case "e":
      case "l":
        if (a[1] === "e") o.execute = true;
        if (a.length === 2) {
          i++;
          if (i >= argv.length || argv[i].startsWith("-")) {
            i--;
            return bad();
          }
        }
        break;
      default:
        return bad();
    }
  }
  o.script = i;
  return o;
}

/** Bytes of a command-line string as Lua sees them (UTF-8 in a byte string). */
function bytes(s: string): string {
  return Buffer.from(s, "utf8").toString("latin1");
}

/**
 * Runs `endymion lua [options] [script [args]]` as the lua binary runs: LUA_INIT, the -e,
 * -l and -W options in order, the script, then the interactive loop for -i (or with no
 * arguments on a terminal; standard input is run as a file otherwise). Returns the exit code.
 */
export function runLuaCommand(argv: string[]): number {
  // as C's stdio: standard output line-buffered on a terminal, fully buffered otherwise;
  // standard error unbuffered, so that with both in one pipe or file an error message comes
  // before the output still buffered, as with lua5.4
  const stdout = new ByteOutput(1, isTerminal(1) ? "line" : "full");
  const stderr = new ByteOutput(2, "no");
  let flush = () => {
    stdout.flush();
    stderr.flush();
  };
  const opts = collectArgs(argv);
  if (opts.error) {
    const a = argv[opts.script];
    const what = a[1] === "e" || a[1] === "l" ? `'${a}' needs argument` : `unrecognized option '${a}'`;
    stderr.write(`lua: ${what}\n${USAGE}`);
    flush();
    return 1;
  }
  if (opts.version) {
    stdout.write(`${VERSION_LINE}\n`);
    stdout.flush();
  }
  const env = (n: string) => (opts.noEnv ? undefined : process.env[n]);
  const L = createState({
    // print: lua_writeline flushes standard output after each call
    stdout: (s) => {
      stdout.write(s);
      stdout.flush();
    },
    stderr: (s) => {
      stderr.write(s);
      stderr.flush();
    },
    getenv: (n) => process.env[n],
    clock: () => process.cpuUsage().user / 1e6 + process.cpuUsage().system / 1e6,
  });
  openLibs(L);
  const streams = openIo(L, stdout, stderr);
  const flushStd = flush;
  flush = () => {
    streams.flushAll();
    flushStd();
  };
  openOsFiles(L, L.globals.get("os") as LuaTable, flushStd);
  // lua.c runs its state's collector in generational mode
  L.call(L.globals.get("collectgarbage"), ["generational"]);
  const debugLib = openDebug(L);
  const stdin = streams.stdin;
  openCommandExtras(L, flush, env, () => stdin.readAll());
  /** Reads a line of standard input for the interactive loop; undefined at the end. */
  const readLine = () => {
    try {
      return stdin.readLine(false);
    } catch {
      return undefined;
    }
  };
  // debug.debug: a command per line of standard input until "cont", prompts and errors on
  // standard error, as ldblib's db_debug
  debugLib.set(
    "debug",
    L.registerNative(
      new NativeFunction("debug.debug", (L) => {
        for (;;) {
          stderr.write("lua_debug> ");
          stderr.flush();
          const line = readLine();
          if (line === undefined || line === "cont") return [];
          try {
            L.call(loadChunk(L, line, "=(debug command)", L.globals, true), []);
          } catch (e) {
            if (e instanceof LuaSyntaxError) stderr.write(`${e.message}\n`);
            else if (e instanceof LuaError) stderr.write(`${L.tostring(e.value)}\n`);
            else throw e;
            stderr.flush();
          }
        }
      }),
    ),
  );
  const script = opts.script;
  const hasScript = script < argv.length;
  // arg: the script at 0, its arguments after it, the interpreter and options before it
  const argt = new LuaTable();
  const full = ["lua", ...argv];
  const at = hasScript ? script + 1 : 0;
  full.forEach((a, i) => {
    argt.set(i - at, bytes(a));
  });
  L.globals.set("arg", argt);

  /**
   * Prints an error as lua.c's report does: "lua: msg" (without the program name in the
   * interactive loop), and the traceback of runtime errors.
   */
  const report = (e: unknown, prefix = "lua: "): void => {
    if (e instanceof LuaSyntaxError) {
      stderr.write(`${prefix}${e.message}\n`);
    } else if (e instanceof LuaError) {
      stderr.write(`${prefix}${uncaughtMessage(L, e)}\n`);
    } else {
      flush();
      const th = (L as unknown as { current: Parameters<typeof traceback>[0] }).current;
      process.stderr.write(`endymion: internal error\n${traceback(th, undefined)}\n`);
      throw e;
    }
    flush();
  };
  /** Loads and runs a chunk; false when it failed (reported). os.exit unwinds through it. */
  const run = (load: () => LuaValue, args: () => LuaValue[] = () => []): boolean => {
    try {
      const chunk = load();
      runMain(L, chunk, args());
      return true;
    } catch (e) {
      if (e instanceof ExitSignal) throw e;
      report(e);
      return false;
    }
  };
  const doString = (src: string, name: string) => run(() => loadChunk(L, src, name, L.globals, true));
  const doFile = (file: string | undefined, args?: () => LuaValue[]) =>
    run(() => {
      if (file === undefined) return loadFile(L, undefined, () => stdin.readAll());
      try {
        return loadFile(L, file, () => stdin.readAll());
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== undefined) throw new LuaSyntaxError(loadFileError(file, e));
        throw e;
      }
    }, args);

  /**
   * The script's arguments as lua.c's pushargs takes them once the script is loaded: from
   * the global `arg` as it is then (an -e option may have changed it), 1 to its length.
   */
  const scriptArgs = (): LuaValue[] => {
    const t = L.globals.get("arg");
    if (!(t instanceof LuaTable)) throw new LuaError("'arg' is not a table");
    const n = L.len(t);
    if (typeof n !== "number" || !Number.isInteger(n)) throw new LuaError("object length is not an integer");
    const out: LuaValue[] = [];
    for (let i = 1; i <= n; i++) out.push(t.get(i));
    return out;
  };

  /** Runs what the command line asks for; the exit status. */
  const main = (): number => {
    if (!opts.noEnv) {
      const name = process.env.LUA_INIT_5_4 !== undefined ? "LUA_INIT_5_4" : "LUA_INIT";
      const init = process.env[name];
      if (init !== undefined) {
        const ok = init.startsWith("@") ? doFile(init.slice(1)) : doString(bytes(init), `=${name}`);
        if (!ok) return 1;
      }
    }
    for (let i = 0; i < script; i++) {
      const a = argv[i];
      if (a[1] === "e" || a[1] === "l") {
        const extra = a.length > 2 ? a.slice(2) : argv[++i];
        if (a[1] === "e") {
          if (!doString(bytes(extra), "=(command line)")) return 1;
        } else {
          const eq = extra.indexOf("=");
          const global = eq < 0 ? extra : extra.slice(0, eq);
          const mod = eq < 0 ? extra : extra.slice(eq + 1);
          const ok = run(
            () =>
              new NativeFunction("require", (L) => {
                L.globals.set(bytes(global), L.call(L.globals.get("require"), [bytes(mod)])[0]);
                return [];
              }),
          );
          if (!ok) return 1;
        }
      } else if (a === "-W") {
        L.call(L.globals.get("warn"), ["@on"]);
      }
    }
    if (hasScript) {
      const name = argv[script];
      const fromStdin = name === "-" && argv[script - 1] !== "--";
      if (!doFile(fromStdin ? undefined : name, scriptArgs)) return 1;
    }
    if (opts.interactive) repl();
    else if (!hasScript && !opts.execute && !opts.version) {
      if (isTerminal(0)) {
        stdout.write(`${VERSION_LINE}\n`);
        repl();
      } else if (!doFile(undefined)) return 1;
    }
    return 0;
  };

  try {
    let status: number;
    let close = true;
    try {
      status = main();
    } catch (e) {
      if (!(e instanceof ExitSignal)) throw e;
      status = e.code;
      close = e.close;
    }
    // lua_close, which lua.c calls unless os.exit was told not to: the main thread's pending
    // to-be-closed variables are closed (without an error), then pending finalizers run
    // (os.exit(c, true) in one of them closes the state again: the others still run)
    if (close) {
      try {
        closeMainVariables();
      } catch (e) {
        if (!(e instanceof ExitSignal)) throw e;
        status = e.code;
        close = e.close;
      }
    }
    while (close) {
      try {
        closeFinalizers(L);
        break;
      } catch (e) {
        if (!(e instanceof ExitSignal)) throw e;
        status = e.code;
        close = e.close;
      }
    }
    return status;
  } finally {
    streams.closeAll();
    flush();
  }

  /**
   * The to-be-closed variables the main thread still has when os.exit(code, true) ends the
   * script: closed in reverse order with no error, as lua_close does; an error in one is
   * passed on to the next, and otherwise dropped.
   */
  function closeMainVariables(): void {
    closePendingVariables(L, (L as unknown as { mainThread: LuaThread }).mainThread, undefined, false);
  }

  /** The read-eval-print loop: an expression prints its values, a statement runs. */
  function repl(): void {
    const prompt = (first: boolean) => {
      const p = L.globals.get(first ? "_PROMPT" : "_PROMPT2");
      stdout.write(p === undefined ? (first ? "> " : ">> ") : L.tostring(p));
      stdout.flush();
    };
    // readline, which lua5.4 reads lines with, echoes them when standard input is no terminal
    const echo = !isTerminal(0);
    const readInput = () => {
      const line = readLine();
      if (line !== undefined && echo) {
        stdout.write(`${line}\n`);
        stdout.flush();
      }
      return line;
    };
    for (;;) {
      prompt(true);
      let line = readInput();
      if (line === undefined) break;
      if (line.startsWith("=")) line = `return ${line.slice(1)}`;
      let fn: LuaValue;
      try {
        fn = loadChunk(L, `return ${line};`, "=stdin", L.globals, true);
      } catch {
        // not an expression: a statement, read on while it is incomplete
        for (;;) {
          try {
            fn = loadChunk(L, line, "=stdin", L.globals, true);
            break;
          } catch (e) {
            if (e instanceof LuaSyntaxError && e.message.endsWith("<eof>")) {
              prompt(false);
              const more = readInput();
              if (more !== undefined) {
                line += `\n${more}`;
                continue;
              }
            }
            report(e, "");
            fn = undefined;
            break;
          }
        }
      }
      if (fn === undefined) continue;
      try {
        const results = runMain(L, fn, []);
        if (results.length > 0) {
          try {
            L.call(L.globals.get("print"), results);
          } catch (e) {
            if (!(e instanceof LuaError)) throw e;
            // as lua.c's l_print reports it
            const why = typeof e.value === "string" || typeof e.value === "number" ? L.tostring(e.value) : "(null)";
            throw new LuaError(`error calling 'print' (${why})`);
          }
        }
      } catch (e) {
        if (e instanceof ExitSignal) throw e;
        report(e, "");
      }
      flush();
    }
    stdout.write("\n");
  }
}
