// string.pack, string.unpack and string.packsize: binary layouts as the reference manual
// (6.4.2) defines them, for the native sizes of a 64-bit little-endian C: short 2, int 4,
// long, size_t and lua_Integer 8, float 4, double 8, maximum alignment 8.

import { argError, nativeError } from "../vm/errors.js";
import type { LuaState } from "../vm/state.js";
import { type LuaValue, mkFloat, normInt, toDouble } from "../vm/value.js";
import { checkInteger, checkNumber, checkString, optInt } from "./args.js";

const MAXINTSIZE = 16; // largest integer size i[n] accepts
const SZINT = 8; // sizeof(lua_Integer)
const MAXALIGN = 8; // the default of '!'
const MAXSIZE = 0x7fffffff; // largest size a format may describe

enum K {
  Int,
  Uint,
  Float,
  Number,
  Double,
  Char,
  String,
  Zstr,
  Padding,
  Paddalign,
  Nop,
}

/** Parsing state of a format string: position, endianness and maximum alignment. */
class Header {
  fmt: string;
  pos = 0;
  little = true;
  maxAlign = 1;
  /** Results of the last option read: its size and the padding before it. */
  size = 0;
  toAlign = 0;
  constructor(fmt: string) {
    this.fmt = fmt;
  }
}

const isDigit = (c: number) => c >= 48 && c <= 57;

/** A decimal number in the format, or df when there is none. */
function getNum(h: Header, df: number): number {
  const fmt = h.fmt;
  if (!isDigit(fmt.charCodeAt(h.pos))) return df;
  let a = 0;
  do {
    a = a * 10 + (fmt.charCodeAt(h.pos++) - 48);
  } while (isDigit(fmt.charCodeAt(h.pos)) && a <= (MAXSIZE - 9) / 10);
  return a;
}

function getNumLimit(h: Header, df: number): number {
  const sz = getNum(h, df);
  if (sz > MAXINTSIZE || sz <= 0) nativeError(`integral size (${sz}) out of limits [1,${MAXINTSIZE}]`);
  return sz;
}

/** Reads one option; its size goes to h.size. */
function getOption(h: Header): K {
  const opt = h.fmt[h.pos++];
  h.size = 0;
  switch (opt) {
    case "b":
      h.size = 1;
      return K.Int;
    case "B":
      h.size = 1;
      return K.Uint;
    case "h":
      h.size = 2;
      return K.Int;
    case "H":
      h.size = 2;
      return K.Uint;
    case "l":
    case "j":
      h.size = 8;
      return K.Int;
    case "L":
    case "J":
    case "T":
      h.size = 8;
      return K.Uint;
    case "f":
      h.size = 4;
      return K.Float;
    case "n":
      h.size = 8;
      return K.Number;
    case "d":
      h.size = 8;
      return K.Double;
    case "i":
      h.size = getNumLimit(h, 4);
      return K.Int;
    case "I":
      h.size = getNumLimit(h, 4);
      return K.Uint;
    case "s":
      h.size = getNumLimit(h, 8);
      return K.String;
    case "c":
      h.size = getNum(h, -1);
      if (h.size === -1) nativeError("missing size for format option 'c'");
      return K.Char;
    case "z":
      return K.Zstr;
    case "x":
      h.size = 1;
      return K.Padding;
    case "X":
      return K.Paddalign;
    case " ":
      break;
    case "<":
    case "=":
      h.little = true;
      break;
    case ">":
      h.little = false;
      break;
    case "!":
      h.maxAlign = getNumLimit(h, MAXALIGN);
      break;
    default:
      nativeError(`invalid format option '${opt}'`);
  }
  return K.Nop;
}

/** Reads one option and works out the padding that aligns it at offset total. */
function getDetails(h: Header, total: number): K {
  const opt = getOption(h);
  const size = h.size;
  let align = size; // usually, alignment follows size
  if (opt === K.Paddalign) {
    // 'X' takes its alignment from the next option, which is otherwise ignored
    if (h.pos >= h.fmt.length || getOption(h) === K.Char || h.size === 0)
      argError(1, "invalid next option for option 'X'");
    align = h.size;
    h.size = size;
  }
  if (align <= 1 || opt === K.Char) h.toAlign = 0;
  else {
    if (align > h.maxAlign) align = h.maxAlign;
    if ((align & (align - 1)) !== 0) argError(1, "format asks for alignment not power of 2");
    h.toAlign = (align - (total & (align - 1))) & (align - 1);
  }
  return opt;
}

/** The bytes of an integer in two's complement, extended with 0xff past 8 bytes if neg. */
function packInt(n: number | bigint, little: boolean, size: number, neg: boolean): string {
  const bytes: number[] = new Array(size);
  if (typeof n === "number") {
    // negative numbers: complement the bytes of -n-1, exact for any safe integer
    let m = n < 0 ? -n - 1 : n;
    for (let i = 0; i < size && i < SZINT; i++) {
      const b = m % 256;
      m = Math.floor(m / 256);
      bytes[i] = n < 0 ? 255 - b : b;
    }
  } else {
    let u = BigInt.asUintN(64, n);
    for (let i = 0; i < size && i < SZINT; i++) {
      bytes[i] = Number(u & 0xffn);
      u >>= 8n;
    }
  }
  for (let i = SZINT; i < size; i++) bytes[i] = neg ? 255 : 0;
  if (!little) bytes.reverse();
  return String.fromCharCode.apply(null, bytes);
}

/** Reads a size-byte integer at pos; lua_Integer semantics (wraps at 64 bits). */
function unpackInt(data: string, pos: number, little: boolean, size: number, signed: boolean): number | bigint {
  const at = (i: number) => data.charCodeAt(little ? pos + i : pos + size - 1 - i);
  if (size <= 6) {
    let res = 0;
    for (let i = size - 1; i >= 0; i--) res = res * 256 + at(i);
    if (signed && res >= 2 ** (size * 8 - 1)) res -= 2 ** (size * 8);
    return res;
  }
  const limit = Math.min(size, SZINT);
  let res = 0n;
  for (let i = limit - 1; i >= 0; i--) res = (res << 8n) | BigInt(at(i));
  if (size < SZINT) {
    if (signed) res = BigInt.asIntN(size * 8, res);
  } else {
    res = BigInt.asIntN(64, res);
    if (size > SZINT) {
      const mask = !signed || res >= 0n ? 0 : 255;
      for (let i = limit; i < size; i++) {
        if (at(i) !== mask) nativeError(`${size}-byte integer does not fit into Lua Integer`);
      }
    }
  }
  return normInt(res);
}

const scratch = new DataView(new ArrayBuffer(8));

/** The bytes of a float (4) or double (8). */
function packFloat(x: number, size: number, little: boolean): string {
  if (size === 4) scratch.setFloat32(0, x, little);
  else scratch.setFloat64(0, x, little);
  let s = "";
  for (let i = 0; i < size; i++) s += String.fromCharCode(scratch.getUint8(i));
  return s;
}

function unpackFloat(data: string, pos: number, size: number, little: boolean): number {
  for (let i = 0; i < size; i++) scratch.setUint8(i, data.charCodeAt(pos + i));
  return size === 4 ? scratch.getFloat32(0, little) : scratch.getFloat64(0, little);
}

/** An integer as a lua_Unsigned compared with 2^bits (for the unsigned overflow check). */
function fitsUnsigned(n: number | bigint, bits: number): boolean {
  if (typeof n === "number") return n >= 0 && n < 2 ** bits;
  return n >= 0n && n < 1n << BigInt(bits);
}

/**
 * Fails for a missing argument as lstrlib does: its arguments are followed by a nil on the
 * C stack, so a missing one is reported as "got nil".
 */
function present(args: LuaValue[], arg: number, expected: string): void {
  if (arg > args.length) argError(arg, `${expected} expected, got nil`);
}

export function strPack(_L: LuaState, args: LuaValue[]): LuaValue[] {
  const fmt = checkString(args, 1);
  const h = new Header(fmt);
  let out = "";
  let arg = 1;
  let total = 0;
  while (h.pos < fmt.length) {
    const opt = getDetails(h, total);
    const size = h.size;
    const toAlign = h.toAlign;
    total += toAlign + size;
    if (toAlign > 0) out += "\0".repeat(toAlign);
    arg++;
    if (opt <= K.Double) present(args, arg, "number");
    else if (opt <= K.Zstr) present(args, arg, "string");
    switch (opt) {
      case K.Int: {
        const n = checkInteger(args, arg);
        if (size < SZINT) {
          const lim = 2 ** (size * 8 - 1);
          if (!(-lim <= n && n < lim)) argError(arg, "integer overflow");
        }
        out += packInt(n, h.little, size, n < 0);
        break;
      }
      case K.Uint: {
        const n = checkInteger(args, arg);
        if (size < SZINT && !fitsUnsigned(n, size * 8)) argError(arg, "unsigned overflow");
        out += packInt(n, h.little, size, false);
        break;
      }
      case K.Float:
        out += packFloat(toDouble(checkNumber(args, arg)), 4, h.little);
        break;
      case K.Number:
      case K.Double:
        out += packFloat(toDouble(checkNumber(args, arg)), 8, h.little);
        break;
      case K.Char: {
        const s = checkString(args, arg);
        if (s.length > size) argError(arg, "string longer than given size");
        out += s;
        if (s.length < size) out += "\0".repeat(size - s.length);
        break;
      }
      case K.String: {
        const s = checkString(args, arg);
        if (size < SZINT && s.length >= 2 ** (size * 8)) argError(arg, "string length does not fit in given size");
        out += packInt(s.length, h.little, size, false);
        out += s;
        total += s.length;
        break;
      }
      case K.Zstr: {
        const s = checkString(args, arg);
        if (s.indexOf("\0") >= 0) argError(arg, "string contains zeros");
        out += s;
        out += "\0";
        total += s.length + 1;
        break;
      }
      case K.Padding:
        out += "\0";
        arg--;
        break;
      default:
        arg--; // Paddalign, Nop: no argument
    }
  }
  return [out];
}

export function strPacksize(_L: LuaState, args: LuaValue[]): LuaValue[] {
  const fmt = checkString(args, 1);
  const h = new Header(fmt);
  let total = 0;
  while (h.pos < fmt.length) {
    const opt = getDetails(h, total);
    if (opt === K.String || opt === K.Zstr) argError(1, "variable-length format");
    const size = h.size + h.toAlign;
    if (total > MAXSIZE - size) argError(1, "format result too large");
    total += size;
  }
  return [total];
}

export function strUnpack(_L: LuaState, args: LuaValue[]): LuaValue[] {
  const fmt = checkString(args, 1);
  const data = checkString(args, 2);
  const ld = data.length;
  const ipos = optInt(args, 3, 1);
  let pos = (ipos > 0 ? ipos : ipos === 0 || ipos < -ld ? 1 : ld + ipos + 1) - 1;
  if (pos > ld) argError(3, "initial position out of string");
  const h = new Header(fmt);
  const out: LuaValue[] = [];
  while (h.pos < fmt.length) {
    const opt = getDetails(h, pos);
    const size = h.size;
    if (h.toAlign + size > ld - pos) argError(2, "data string too short");
    pos += h.toAlign;
    switch (opt) {
      case K.Int:
      case K.Uint:
        out.push(unpackInt(data, pos, h.little, size, opt === K.Int));
        break;
      case K.Float:
      case K.Number:
      case K.Double:
        out.push(mkFloat(unpackFloat(data, pos, size, h.little)));
        break;
      case K.Char:
        out.push(data.substr(pos, size));
        break;
      case K.String: {
        const len = unpackInt(data, pos, h.little, size, false);
        if (typeof len !== "number" || len < 0 || len > ld - pos - size) argError(2, "data string too short");
        out.push(data.substr(pos + size, len as number));
        pos += len as number;
        break;
      }
      case K.Zstr: {
        const e = data.indexOf("\0", pos);
        if (e < 0) argError(2, "unfinished string for format 'z'");
        out.push(data.slice(pos, e));
        pos = e + 1;
        break;
      }
    }
    pos += size;
  }
  out.push(pos + 1);
  return out;
}
