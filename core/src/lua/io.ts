// The io library of `endymion lua`, as liolib.c has it: FILE* handles over real descriptors
// (file.ts), io.popen through the shell (process.ts), the default input and output, and
// PUC-Rio's formats, results and messages.

import { unlinkSync } from "node:fs";
import {
  args as A,
  argError,
  formatG,
  Intrinsic,
  isFloat,
  isNumber,
  LuaError,
  type LuaState,
  LuaTable,
  LuaUserdata,
  type LuaValue,
  makeLib,
  NativeError,
  NativeFunction,
  nativeError,
  numberToString,
  registerFinalizer,
  stringToNumber,
  toDouble,
  tostringBasic,
} from "@endymion/native";
import { LuaFile, StdFile } from "./file.js";
import { osError } from "./oserror.js";
import { createTempFile } from "./osfiles.js";
import type { ByteOutput } from "./output.js";
import { PipeFile } from "./process.js";

/** What the command keeps of the io library: standard input, and flushing at exit. */
export interface IoStreams {
  io: LuaTable;
  /** Standard input, shared with the interactive loop and `lua -`. */
  stdin: LuaFile;
  /** Flushes every open file (as C's fflush(NULL)). */
  flushAll(): void;
  /** Flushes and closes every file still open, at the end of the command. */
  closeAll(): void;
}

/** A Node file-system error (anything else is rethrown). */
function isOsError(e: unknown): e is NodeJS.ErrnoException {
  return e instanceof Error && !(e instanceof NativeError) && typeof (e as NodeJS.ErrnoException).code === "string";
}

/** luaL_fileresult for a failure: nil, "name: message" (or the message), errno. */
function failure(e: unknown, name?: string): LuaValue[] {
  if (!isOsError(e)) throw e;
  const { errno, text } = osError(e);
  return [undefined, name === undefined ? text : `${name}: ${text}`, errno];
}

// --- read("n") ------------------------------------------------------------------------

const MAX_NUMERAL = 200;
const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13);
const isDigit = (c: number) => c >= 48 && c <= 57;
const isHexDigit = (c: number) => isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);

/**
 * Reads a numeral as liolib's read_number does: the longest prefix that can start a numeral
 * (spaces, sign, 0x, digits, a point, an exponent), at most 200 bytes, with one byte of
 * look-ahead given back; then the text must convert as a whole, or the read fails (and what
 * was taken stays taken).
 */
function readNumber(f: LuaFile): LuaValue {
  let text = "";
  let overflow = false;
  let c = f.getc();
  while (isSpace(c)) c = f.getc();
  /** Takes the look-ahead byte into the numeral and reads the next one. */
  const accept = (): boolean => {
    if (text.length >= MAX_NUMERAL) {
      overflow = true;
      return false;
    }
    text += String.fromCharCode(c);
    c = f.getc();
    return true;
  };
  /** Takes the look-ahead byte when it is one of `set`'s. */
  const test = (set: string): boolean => c >= 0 && set.includes(String.fromCharCode(c)) && accept();
  const digits = (hex: boolean): number => {
    let count = 0;
    while ((hex ? isHexDigit(c) : isDigit(c)) && accept()) count++;
    return count;
  };
  let count = 0;
  let hex = false;
  test("-+");
  if (test("0")) {
    if (test("xX")) hex = true;
    else count = 1; // the 0 is a digit of the numeral
  }
  count += digits(hex);
  if (test(".")) count += digits(hex);
  if (count > 0 && test(hex ? "pP" : "eE")) {
    test("-+");
    digits(false);
  }
  f.ungetc(c);
  if (overflow) return undefined;
  return stringToNumber(text);
}

export function openIo(L: LuaState, stdout: ByteOutput, stderr: ByteOutput): IoStreams {
  const meta = new LuaTable();
  const open = new Set<LuaFile>();
  const wrap = (f: LuaFile): LuaUserdata => {
    open.add(f);
    const u = new LuaUserdata(f, meta);
    // a file nothing refers to any more is closed by a collection, as liolib's __gc does
    if (!(f instanceof StdFile)) registerFinalizer(L, u, meta);
    return u;
  };
  const stdinFile = new StdFile(0, { read: true, write: false, append: false }, undefined);
  stdinFile.beforeRead = () => stdout.flush();
  const stdinUd = wrap(stdinFile);
  const stdoutUd = wrap(new StdFile(1, { read: false, write: true, append: false }, stdout));
  const stderrUd = wrap(new StdFile(2, { read: false, write: true, append: false }, stderr));
  let input = stdinUd;
  let output = stdoutUd;
  // the default files are also where liolib keeps them, in the registry, so that a collection
  // sees them in use
  L.registry.set("_IO_input", input);
  L.registry.set("_IO_output", output);

  const flushAll = () => {
    for (const f of open) {
      try {
        f.flush();
      } catch {
        /* as fflush(NULL): a failing stream does not stop the others */
      }
    }
  };

  /** The file of argument i, open or closed (luaL_checkudata). */
  const handle = (args: LuaValue[], i = 1): LuaFile => {
    const v = args[i - 1];
    if (v instanceof LuaUserdata && v.data instanceof LuaFile) return v.data;
    return A.typeError(args, i, "FILE*");
  };
  /** The open file of argument 1 (tofile). */
  const toFile = (args: LuaValue[]): LuaFile => {
    const f = handle(args);
    if (f.closed) nativeError("attempt to use a closed file");
    return f;
  };
  /** The default input or output, which must be open (getiofile). */
  const ioFile = (ud: LuaUserdata, what: string): LuaFile => {
    const f = ud.data as LuaFile;
    if (f.closed) nativeError(`default ${what} file is closed`);
    return f;
  };

  /** Closes a file (aux_close): standard files refuse, pipes give the command's status. */
  const close = (f: LuaFile): LuaValue[] => {
    if (f instanceof StdFile) return f.close();
    open.delete(f);
    if (f instanceof PipeFile) flushAll();
    try {
      return f.close();
    } catch (e) {
      return failure(e);
    }
  };

  /** g_read: the formats from args[first - 1] on, up to the first that fails. */
  const read = (f: LuaFile, args: LuaValue[], first: number): LuaValue[] => {
    try {
      if (args.length < first) return [f.readLine(false)];
      const results: LuaValue[] = [];
      for (let i = first; i <= args.length; i++) {
        let v: LuaValue;
        if (isNumber(args[i - 1])) {
          const n = A.checkInteger(args, i);
          if (n < 0) throw new LuaError("not enough memory"); // C takes it as a huge size
          v = n === 0 || n === 0n ? (f.atEof() ? undefined : "") : f.readChars(Number(n));
        } else {
          const fmt = A.checkString(args, i);
          switch (fmt[0] === "*" ? fmt[1] : fmt[0]) {
            case "n":
              v = readNumber(f);
              break;
            case "l":
              v = f.readLine(false);
              break;
            case "L":
              v = f.readLine(true);
              break;
            case "a":
              v = f.readAll();
              break;
            default:
              return argError(i, "invalid format");
          }
        }
        results.push(v);
        if (v === undefined) break;
      }
      return results;
    } catch (e) {
      return failure(e);
    }
  };

  /** g_write: strings and numbers from args[first - 1] on; the file's handle, or a failure. */
  const write = (f: LuaFile, ud: LuaValue, args: LuaValue[], first: number): LuaValue[] => {
    let error: unknown;
    for (let i = first; i <= args.length; i++) {
      const v = args[i - 1];
      const s = isNumber(v) ? (isFloat(v) ? formatG(toDouble(v)) : numberToString(v)) : A.checkString(args, i);
      if (error !== undefined) continue;
      try {
        f.write(s);
      } catch (e) {
        if (!isOsError(e)) throw e;
        error = e;
      }
    }
    return error === undefined ? [ud] : failure(error);
  };

  /** The iterator of lines(): reads the formats each call; at the end closes the file if asked. */
  const lines = (ud: LuaUserdata, formats: LuaValue[], closeAtEnd: boolean): NativeFunction => {
    if (formats.length > 250) argError(252, "too many arguments");
    const f = ud.data as LuaFile;
    const args = [ud, ...formats];
    // the file is the iterator's bound value, as it is the C closure's upvalue in liolib
    return new NativeFunction(
      "?",
      () => {
        if (f.closed) nativeError("file is already closed");
        const r = read(f, args, 2);
        if (r[0] !== undefined) return r;
        if (r.length > 1) nativeError(String(r[1])); // a read error
        if (closeAtEnd) close(f);
        return [];
      },
      Intrinsic.None,
      args,
    );
  };

  /** Opens a file for io.input/io.output/io.lines, raising on failure (opencheckfile). */
  const openChecked = (name: string, mode: string): LuaUserdata => {
    try {
      return wrap(LuaFile.open(name, mode));
    } catch (e) {
      if (!isOsError(e)) throw e;
      return nativeError(`cannot open file '${name}' (${osError(e).text})`);
    }
  };

  /** io.input and io.output: set from a file name or a handle, then return the current one. */
  const setDefault = (args: LuaValue[], current: LuaUserdata, mode: string): LuaUserdata => {
    const v = args[0];
    if (v === undefined) return current;
    if (typeof v === "string" || isNumber(v)) return openChecked(A.checkString(args, 1), mode);
    toFile(args);
    return v as LuaUserdata;
  };

  const io = makeLib(L, "io", {
    close: (_L, args) => close(toFile(args.length === 0 ? [output] : args)),
    flush: () => {
      try {
        ioFile(output, "output").flush();
        return [true];
      } catch (e) {
        return failure(e);
      }
    },
    input: (_L, args) => {
      input = setDefault(args, input, "r");
      L.registry.set("_IO_input", input);
      return [input];
    },
    lines: (_L, args) => {
      if (args[0] === undefined) {
        toFile([input]);
        return [lines(input, args.slice(1), false)];
      }
      const ud = openChecked(A.checkString(args, 1), "r");
      return [lines(ud, args.slice(1), true), undefined, undefined, ud];
    },
    open: (_L, args) => {
      const name = A.checkString(args, 1);
      const mode = A.optString(args, 2, "r");
      if (!/^[rwa]\+?b*$/.test(mode)) argError(2, "invalid mode");
      try {
        return [wrap(LuaFile.open(name, mode))];
      } catch (e) {
        return failure(e, name);
      }
    },
    output: (_L, args) => {
      output = setDefault(args, output, "w");
      L.registry.set("_IO_output", output);
      return [output];
    },
    popen: (_L, args) => {
      const cmd = A.checkString(args, 1);
      const mode = A.optString(args, 2, "r");
      if (mode !== "r" && mode !== "w") argError(2, "invalid mode");
      flushAll();
      try {
        return [wrap(PipeFile.open(cmd, mode))];
      } catch (e) {
        return failure(e, cmd);
      }
    },
    read: (_L, args) => read(ioFile(input, "input"), args, 1),
    tmpfile: () => {
      try {
        const name = createTempFile();
        const f = LuaFile.open(name, "w+");
        unlinkSync(name);
        return [wrap(f)];
      } catch (e) {
        return failure(e);
      }
    },
    type: (_L, args) => {
      A.checkAny(args, 1);
      const v = args[0];
      if (!(v instanceof LuaUserdata && v.data instanceof LuaFile)) return [undefined];
      return [v.data.closed ? "closed file" : "file"];
    },
    write: (_L, args) => write(ioFile(output, "output"), output, args, 1),
  });

  // methods: named "?" as PUC-Rio's messages name them when called through pcall
  const method = (fn: (args: LuaValue[]) => LuaValue[]) => new NativeFunction("?", (_L, args) => fn(args));
  const methods = new LuaTable();
  methods.set(
    "close",
    method((args) => close(toFile(args))),
  );
  methods.set(
    "flush",
    method((args) => {
      const f = toFile(args);
      try {
        f.flush();
        return [true];
      } catch (e) {
        return failure(e);
      }
    }),
  );
  methods.set(
    "lines",
    method((args) => {
      toFile(args);
      return [lines(args[0] as LuaUserdata, args.slice(1), false)];
    }),
  );
  methods.set(
    "read",
    method((args) => read(toFile(args), args, 2)),
  );
  methods.set(
    "seek",
    method((args) => {
      const f = toFile(args);
      const whence = A.checkOption(args, 2, "cur", ["set", "cur", "end"]);
      const offset = A.optInteger(args, 3, 0);
      try {
        return [f.seek(whence, Number(offset))];
      } catch (e) {
        return failure(e);
      }
    }),
  );
  methods.set(
    "setvbuf",
    method((args) => {
      const f = toFile(args);
      const mode = A.checkOption(args, 2, undefined, ["no", "full", "line"]) as "no" | "full" | "line";
      const size = A.optInteger(args, 3, 1024);
      f.setvbuf(mode, Number(size));
      return [true];
    }),
  );
  methods.set(
    "write",
    method((args) => write(toFile(args), args[0], args, 2)),
  );

  meta.set("__index", methods);
  meta.set("__name", "FILE*");
  const collect = method((args) => {
    const f = handle(args);
    if (!f.closed) close(f);
    return [];
  });
  meta.set("__gc", collect);
  meta.set("__close", collect);
  meta.set(
    "__tostring",
    method((args) => {
      const f = handle(args);
      if (f.closed) return ["file (closed)"];
      const address = tostringBasic(L, args[0]).replace(/^[^:]*: /, "");
      return [`file (${address})`];
    }),
  );

  io.set("stdin", stdinUd);
  io.set("stdout", stdoutUd);
  io.set("stderr", stderrUd);
  L.globals.set("io", io);

  const closeAll = () => {
    stdout.flush();
    for (const f of [...open]) {
      if (f instanceof StdFile) continue;
      try {
        close(f);
      } catch {
        /* the command is ending: nothing left to report to */
      }
    }
    flushAll();
  };
  return { io, stdin: stdinFile, flushAll, closeAll };
}
