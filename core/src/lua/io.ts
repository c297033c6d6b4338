// A minimal io library for `endymion lua`: write, read, lines, open, close, input, output,
// and the stdin/stdout/stderr handles, over byte strings.

import fs from "node:fs";
import {
  args as A,
  argError,
  formatG,
  isFloat,
  isNumber,
  type LuaState,
  LuaTable,
  LuaUserdata,
  type LuaValue,
  makeLib,
  NativeFunction,
  nativeError,
  numberToString,
  stringToNumber,
  toDouble,
  tostringBasic,
} from "@endymion/native";
import { osError } from "./oserror.js";
import type { ByteOutput } from "./output.js";

/** An open file: reading from a byte string, or writing to an output. */
interface LuaFile {
  name: string;
  /** Content and read position for readable files. */
  data?: string;
  pos: number;
  /** Writer for writable files. */
  out?: { write(s: string): void; flush(): void };
  closed: boolean;
  std: boolean;
}

/** Reads all of standard input as bytes (once, lazily). */
function readStdin(): string {
  try {
    return fs.readFileSync(0).toString("latin1");
  } catch {
    return "";
  }
}

export function openIo(L: LuaState, stdout: ByteOutput, stderr: ByteOutput): LuaTable {
  const meta = new LuaTable();
  const methods = new LuaTable();
  meta.set("__index", methods);
  meta.set("__name", "FILE*");
  const files = new WeakMap<LuaUserdata, LuaFile>();
  const make = (f: LuaFile) => {
    const u = new LuaUserdata(f, meta);
    files.set(u, f);
    return u;
  };
  let stdinFile: LuaFile | undefined;
  const stdinUd = make({ name: "stdin", pos: 0, closed: false, std: true });
  const getStdin = () => {
    if (!stdinFile) {
      stdinFile = files.get(stdinUd) as LuaFile;
      stdinFile.data = readStdin();
    }
    return stdinFile;
  };
  const stdoutUd = make({ name: "stdout", pos: 0, out: stdout, closed: false, std: true });
  const stderrUd = make({
    name: "stderr",
    pos: 0,
    out: {
      write: (s) => {
        stdout.flush();
        stderr.write(s);
        stderr.flush();
      },
      flush: () => stderr.flush(),
    },
    closed: false,
    std: true,
  });
  let input = stdinUd;
  let output = stdoutUd;

  /** The file behind argument 1, which must be an open FILE* (luaL_checkudata and tofile). */
  const checkFile = (v: LuaValue): LuaFile => {
    const f = v instanceof LuaUserdata ? files.get(v) : undefined;
    if (!f) return A.typeError(v === undefined ? [] : [v], 1, "FILE*");
    if (f.closed) nativeError("attempt to use a closed file");
    return f;
  };
  const toFile = (v: LuaValue, fname: string): LuaFile => {
    const f = checkFile(v);
    void fname;
    if (f === files.get(stdinUd)) getStdin();
    return f;
  };

  const write = (f: LuaFile, args: LuaValue[], first: number): void => {
    if (!f.out) nativeError("file not opened for writing");
    for (let i = 0; i < args.length; i++) {
      const v = args[i];
      if (typeof v === "string") (f.out as { write(s: string): void }).write(v);
      else if (isNumber(v))
        (f.out as { write(s: string): void }).write(isFloat(v) ? formatG(toDouble(v)) : numberToString(v));
      else argError(i + first, `string expected, got ${v === undefined ? "nil" : tostringBasic(L, v).split(":")[0]}`);
    }
  };

  const readOne = (f: LuaFile, fmt: LuaValue): LuaValue => {
    const data = f.data ?? "";
    if (typeof fmt === "number") {
      if (f.pos >= data.length) return fmt === 0 ? undefined : undefined;
      const s = data.slice(f.pos, f.pos + fmt);
      f.pos += s.length;
      return s;
    }
    let spec = typeof fmt === "string" ? fmt : "l";
    if (spec.startsWith("*")) spec = spec.slice(1);
    switch (spec[0]) {
      case "l":
      case "L": {
        if (f.pos >= data.length) return undefined;
        let nl = data.indexOf("\n", f.pos);
        if (nl < 0) nl = data.length;
        const line = data.slice(f.pos, spec[0] === "L" ? Math.min(nl + 1, data.length) : nl);
        f.pos = nl + 1;
        return line;
      }
      case "a": {
        const s = data.slice(f.pos);
        f.pos = data.length;
        return s;
      }
      case "n": {
        const m = /^\s*[-+]?(0[xX][0-9a-fA-F.]+([pP][-+]?\d+)?|[0-9.]+([eE][-+]?\d+)?)/.exec(
          data.slice(f.pos, f.pos + 200),
        );
        if (!m) return undefined;
        f.pos += m[0].length;
        return stringToNumber(m[0]) ?? undefined;
      }
    }
    return argError(1, "invalid format");
  };

  const read = (f: LuaFile, fmts: LuaValue[]): LuaValue[] => {
    if (f.data === undefined) nativeError("file not opened for reading");
    if (fmts.length === 0) return [readOne(f, "l")];
    const out: LuaValue[] = [];
    for (const fmt of fmts) {
      const v = readOne(f, fmt);
      out.push(v);
      if (v === undefined) break;
    }
    return out;
  };

  const open = (name: string, mode: string): LuaFile | { errno: number; text: string } => {
    try {
      if (mode.startsWith("r")) {
        return { name, data: fs.readFileSync(name).toString("latin1"), pos: 0, closed: false, std: false };
      }
      const append = mode.startsWith("a");
      if (!append) fs.writeFileSync(name, "");
      const fd = fs.openSync(name, append ? "a" : "w");
      const out = {
        write: (s: string) => fs.writeSync(fd, Buffer.from(s, "latin1")),
        flush: () => {},
        close: () => fs.closeSync(fd),
      };
      return { name, pos: 0, out, closed: false, std: false };
    } catch (e) {
      return osError(e);
    }
  };

  const closeFile = (f: LuaFile) => {
    if (f.std) return [undefined, "cannot close standard file"];
    f.closed = true;
    (f.out as { close?: () => void } | undefined)?.close?.();
    return [true];
  };

  const linesIter = (f: LuaFile, fmts: LuaValue[], closeAtEnd: boolean) =>
    new NativeFunction("io.lines:iter", () => {
      if (f.closed) nativeError("file is already closed");
      const r = read(f, fmts.length ? fmts : ["l"]);
      if (r[0] === undefined && closeAtEnd) closeFile(f);
      return r;
    });

  const io = makeLib(L, "io", {
    write: (_L, args) => {
      write(toFile(output, "write"), args, 1);
      return [output];
    },
    read: (_L, args) => read(toFile(input, "read"), args),
    lines: (_L, args) => {
      if (args[0] === undefined) return [linesIter(toFile(input, "lines"), [], false)];
      const name = A.checkString(args, 1);
      const f = open(name, "r");
      if (!("name" in f)) return nativeError(`cannot open file '${name}' (${f.text})`);
      return [linesIter(f, args.slice(1), true), undefined, undefined, make(f)];
    },
    open: (_L, args) => {
      const name = A.checkString(args, 1);
      const mode = A.optString(args, 2, "r");
      if (!/^[rwa]\+?b?$/.test(mode)) argError(2, "invalid mode");
      const f = open(name, mode);
      if (!("name" in f)) return [undefined, `${name}: ${f.text}`, f.errno];
      return [make(f)];
    },
    close: (_L, args) => closeFile(toFile(args[0] ?? output, "close")),
    input: (_L, args) => {
      if (typeof args[0] === "string") {
        const f = open(args[0], "r");
        if (!("name" in f)) nativeError(`cannot open file '${args[0]}' (${f.text})`);
        input = make(f as LuaFile);
      } else if (args[0] !== undefined) {
        checkFile(args[0]);
        input = args[0] as LuaUserdata;
      }
      return [input];
    },
    output: (_L, args) => {
      if (typeof args[0] === "string") {
        const f = open(args[0], "w");
        if (!("name" in f)) nativeError(`cannot open file '${args[0]}' (${f.text})`);
        output = make(f as LuaFile);
      } else if (args[0] !== undefined) {
        checkFile(args[0]);
        output = args[0] as LuaUserdata;
      }
      return [output];
    },
    flush: () => {
      const f = toFile(output, "flush");
      f.out?.flush();
      return [output];
    },
    type: (_L, args) => {
      const f = args[0] instanceof LuaUserdata ? files.get(args[0]) : undefined;
      return [f ? (f.closed ? "closed file" : "file") : undefined];
    },
  });
  const m = makeLib(L, "FILE*", {
    write: (_L, args) => {
      write(toFile(args[0], "write"), args.slice(1), 1);
      return [args[0]];
    },
    read: (_L, args) => read(toFile(args[0], "read"), args.slice(1)),
    lines: (_L, args) => [linesIter(toFile(args[0], "lines"), args.slice(1), false)],
    close: (_L, args) => closeFile(toFile(args[0], "close")),
    flush: (_L, args) => {
      toFile(args[0], "flush").out?.flush();
      return [args[0]];
    },
    setvbuf: () => [true],
    seek: (_L, args) => {
      const f = toFile(args[0], "seek");
      const whence = A.optString(args, 2, "cur");
      const off = A.optInt(args, 3, 0);
      const len = f.data?.length ?? 0;
      f.pos = whence === "set" ? off : whence === "end" ? len + off : f.pos + off;
      return [f.pos];
    },
  });
  for (let k = m.next(undefined); k; k = m.next(k[0])) methods.set(k[0], k[1]);
  // a file returned by io.lines is the generic for's closing value; closing twice is harmless
  const closeMeta = makeLib(L, "FILE*:", {
    close: (_L, args) => {
      const f = args[0] instanceof LuaUserdata ? files.get(args[0]) : undefined;
      if (!f) return A.typeError(args, 1, "FILE*");
      if (!f.closed && !f.std) closeFile(f);
      return undefined;
    },
  }).get("close");
  meta.set("__close", closeMeta);
  meta.set("__gc", closeMeta);
  meta.set(
    "__tostring",
    makeLib(L, "FILE*:", { tostring: (_L, _args) => [`file (${tostringBasic(L, new LuaTable()).slice(7)})`] }).get(
      "tostring",
    ),
  );
  io.set("stdin", stdinUd);
  io.set("stdout", stdoutUd);
  io.set("stderr", stderrUd);
  L.globals.set("io", io);
  return io;
}
