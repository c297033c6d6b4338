// string.format: C printf conversions with the results glibc gives, written for doubles
// and 64-bit integers (numbers or bigints) without any host printf.
//
// Floats: JS toFixed/toExponential round the exact binary value, as glibc does, except
// on exact ties, where JS rounds away from zero and glibc to even. A tie is detected
// exactly (a power-of-two test, or a bigint test for large integers) and then corrected.

import { argError, nativeError } from "../vm/errors.js";
import { addressOf } from "../vm/meta.js";
import { expDigits, fixedDigits, gDigits } from "../vm/numfmt.js";
import type { LuaState } from "../vm/state.js";
import { isNumber, LuaFloat, type LuaValue, numberToString, toDouble } from "../vm/value.js";
import { checkInteger, checkNumber, checkString } from "./args.js";

const MAX_FORMAT = 32; // as lstrlib: a conversion spec longer than this is refused

/** Valid flags per conversion family. */
const FLAGS_F = "-+ #0";
const FLAGS_X = "-#0";
const FLAGS_I = "-+ 0";
const FLAGS_U = "-0";
const FLAGS_C = "-";

/** A parsed conversion: flags, width (0 if none) and precision (-1 if none). */
interface Spec {
  left: boolean;
  plus: boolean;
  space: boolean;
  alt: boolean;
  zero: boolean;
  width: number;
  prec: number;
}

const isDigit = (c: number) => c >= 48 && c <= 57;
/** Flags, digits and '.': what may stand between '%' and the conversion letter. */
const isSpecChar = (c: number) => (c >= 48 && c <= 57) || c === 45 || c === 43 || c === 32 || c === 35 || c === 46;

/**
 * Checks the text between '%' and the conversion letter against the flags a conversion
 * allows, at most two digits of width and (when allowed) of precision.
 */
function checkFormat(spec: string, conv: string, flags: string, precision: boolean): Spec {
  let k = 0;
  const out: Spec = { left: false, plus: false, space: false, alt: false, zero: false, width: 0, prec: -1 };
  while (k < spec.length && flags.includes(spec[k])) {
    switch (spec[k]) {
      case "-":
        out.left = true;
        break;
      case "+":
        out.plus = true;
        break;
      case " ":
        out.space = true;
        break;
      case "#":
        out.alt = true;
        break;
      case "0":
        out.zero = true;
        break;
    }
    k++;
  }
  if (spec.charCodeAt(k) !== 48) {
    // a width cannot start with '0'
    let w = 0;
    for (let d = 0; d < 2 && isDigit(spec.charCodeAt(k)); d++) w = w * 10 + spec.charCodeAt(k++) - 48;
    out.width = w;
    if (spec[k] === "." && precision) {
      k++;
      let pr = 0;
      for (let d = 0; d < 2 && isDigit(spec.charCodeAt(k)); d++) pr = pr * 10 + spec.charCodeAt(k++) - 48;
      out.prec = pr;
    }
  }
  if (k !== spec.length) nativeError(`invalid conversion specification: '%${spec}${conv}'`);
  return out;
}

/** Pads s with spaces to the field width. */
function pad(s: string, sp: Spec): string {
  const w = sp.width;
  if (s.length >= w) return s;
  return sp.left ? s + " ".repeat(w - s.length) : " ".repeat(w - s.length) + s;
}

/** Pads a number: zeros go between the prefix (sign, 0x) and the digits. */
function padNumber(prefix: string, body: string, sp: Spec, zeroOk: boolean): string {
  const len = prefix.length + body.length;
  const w = sp.width;
  if (len >= w) return prefix + body;
  if (sp.left) return prefix + body + " ".repeat(w - len);
  if (sp.zero && zeroOk) return prefix + "0".repeat(w - len) + body;
  return " ".repeat(w - len) + prefix + body;
}

// --- integers --------------------------------------------------------------------------

/** Formats %d %i %u %o %x %X for a 64-bit integer. */
function formatInt(v: number | bigint, conv: string, sp: Spec): string {
  let prefix = "";
  let digits: string;
  if (conv === "d" || conv === "i") {
    const neg = v < 0;
    digits = typeof v === "number" ? String(neg ? -v : v) : (neg ? -v : v).toString();
    if (neg) prefix = "-";
    else if (sp.plus) prefix = "+";
    else if (sp.space) prefix = " ";
  } else {
    const radix = conv === "u" ? 10 : conv === "o" ? 8 : 16;
    const u = v < 0 ? BigInt.asUintN(64, BigInt(v)) : v;
    digits = u.toString(radix);
    if (conv === "X") digits = digits.toUpperCase();
    if (sp.alt && v !== 0 && v !== 0n && (conv === "x" || conv === "X")) prefix = conv === "x" ? "0x" : "0X";
  }
  if (sp.prec >= 0) {
    if (sp.prec === 0 && (v === 0 || v === 0n)) digits = "";
    else if (digits.length < sp.prec) digits = "0".repeat(sp.prec - digits.length) + digits;
  }
  if (sp.alt && conv === "o" && digits[0] !== "0") digits = `0${digits}`;
  return padNumber(prefix, digits, sp, sp.prec < 0);
}

// --- floats ----------------------------------------------------------------------------

const nanProbe = new Float64Array(1);
const nanBytes = new Uint8Array(nanProbe.buffer);
const isLittle = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Whether a double has its sign bit set (-0.0 and C's "-nan" included). */
function signBit(n: number): boolean {
  nanProbe[0] = n;
  return (nanBytes[isLittle ? 7 : 0] & 0x80) !== 0;
}

const f64 = new DataView(new ArrayBuffer(8));

/** C's %a of a finite a >= 0: "0x1.8p+1"; prec -1 means as many digits as needed. */
export function hexDigits(a: number, prec: number, alt: boolean): string {
  f64.setFloat64(0, a);
  const hi = f64.getUint32(0);
  const lo = f64.getUint32(4);
  const bexp = (hi >>> 20) & 0x7ff;
  let frac = (hi & 0xfffff) * 4294967296 + lo; // 52 bits, exact in a double
  let lead = bexp === 0 ? 0 : 1;
  let exp = bexp === 0 ? (frac === 0 ? 0 : -1022) : bexp - 1023;
  let digits: string;
  if (prec < 0) {
    digits = frac === 0 ? "" : frac.toString(16).padStart(13, "0");
    let end = digits.length;
    while (end > 0 && digits.charCodeAt(end - 1) === 48) end--;
    digits = digits.slice(0, end);
  } else if (prec < 13) {
    // round the fraction to prec hex digits, ties to even
    const unit = 2 ** (4 * (13 - prec));
    let q = Math.floor(frac / unit);
    const rem = frac - q * unit;
    const half = unit / 2;
    const odd = prec === 0 ? lead === 1 : q % 2 === 1; // the last digit kept, for ties
    if (rem > half || (rem === half && odd)) q++;
    if (q === 16 ** prec) {
      q = 0;
      lead++;
    }
    frac = q;
    digits = prec === 0 ? "" : q.toString(16).padStart(prec, "0");
  } else {
    digits = frac.toString(16).padStart(13, "0") + "0".repeat(prec - 13);
  }
  if (a === 0) exp = 0;
  const point = digits.length > 0 || alt ? "." : "";
  return `0x${lead}${point}${digits}p${exp < 0 ? "-" : "+"}${exp < 0 ? -exp : exp}`;
}

/** Formats %e %E %f %g %G %a %A. */
function formatFloat(n: number, conv: string, sp: Spec): string {
  const upper = conv === "E" || conv === "G" || conv === "A";
  const neg = signBit(n);
  const prefix = neg ? "-" : sp.plus ? "+" : sp.space ? " " : "";
  if (!Number.isFinite(n)) {
    const body = Number.isNaN(n) ? "nan" : "inf";
    return padNumber(prefix, upper ? body.toUpperCase() : body, sp, false);
  }
  const a = neg ? -n : n;
  const p = sp.prec < 0 ? 6 : sp.prec;
  let body: string;
  switch (conv) {
    case "f":
      body = fixedDigits(a, p);
      if (sp.alt && p === 0) body += ".";
      break;
    case "e":
    case "E":
      body = expDigits(a, p);
      if (sp.alt && p === 0) body = body.replace("e", ".e");
      break;
    case "g":
    case "G":
      body = gDigits(a, p, sp.alt);
      if (sp.alt && body.indexOf(".") < 0) {
        const ei = body.indexOf("e");
        body = ei < 0 ? `${body}.` : `${body.slice(0, ei)}.${body.slice(ei)}`;
      }
      break;
    default: {
      // a, A: zero padding goes after the "0x"
      const h = hexDigits(a, sp.prec, sp.alt);
      const hb = upper ? h.toUpperCase() : h;
      return padNumber(prefix + hb.slice(0, 2), hb.slice(2), sp, true);
    }
  }
  if (upper) body = body.toUpperCase();
  return padNumber(prefix, body, sp, true);
}

// --- %q ----------------------------------------------------------------------------------

/** A string as a Lua literal that reads back to the same bytes. */
function quoteString(s: string): string {
  const parts: string[] = ['"'];
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let esc: string;
    if (c === 34 /* " */ || c === 92 /* \ */ || c === 10 /* \n */) esc = `\\${s[i]}`;
    else if (c < 32 || c === 127) {
      const next = s.charCodeAt(i + 1);
      esc = isDigit(next) ? `\\${String(c).padStart(3, "0")}` : `\\${c}`;
    } else continue;
    if (i > start) parts.push(s.slice(start, i));
    parts.push(esc);
    start = i + 1;
  }
  if (start < s.length) parts.push(s.slice(start));
  parts.push('"');
  return parts.join("");
}

/** The %q form of a value. */
function quoteValue(args: LuaValue[], arg: number): string {
  const v = args[arg - 1];
  if (typeof v === "string") return quoteString(v);
  if (typeof v === "number" && Number.isInteger(v)) return String(v);
  if (typeof v === "bigint") return v === -0x8000000000000000n ? "0x8000000000000000" : v.toString();
  if (typeof v === "number" || v instanceof LuaFloat) {
    const n = toDouble(v);
    if (n === Infinity) return "1e9999";
    if (n === -Infinity) return "-1e9999";
    if (Number.isNaN(n)) return "(0/0)";
    return (signBit(n) ? "-" : "") + hexDigits(Math.abs(n), -1, false);
  }
  if (v === undefined || typeof v === "boolean") return String(v === undefined ? "nil" : v);
  return argError(arg, "value has no literal form");
}

// --- %p ----------------------------------------------------------------------------------

let longStringSerial = 0;

/**
 * A fake address for %p: the same as tostring shows for tables, functions, threads and
 * userdata; by content for short strings (interned in PUC-Rio); a new one at every call for
 * long strings (over 40 bytes), which PUC-Rio does not intern and JS strings give no
 * identity to; "(null)" for other values.
 */
function pointerOf(v: LuaValue): string {
  if (typeof v === "string") {
    if (v.length > 40) return `0x${(0x560000000000 + ++longStringSerial * 32).toString(16)}`;
    let h = 0x811c9dc5;
    for (let i = 0; i < v.length; i++) h = Math.imul(h ^ v.charCodeAt(i), 0x01000193);
    return `0x${(0x570000000000 + (h >>> 4) * 16).toString(16)}`;
  }
  if (typeof v === "object" && v !== null && !(v instanceof LuaFloat)) return addressOf(v);
  return "(null)";
}

// --- the native --------------------------------------------------------------------------

/** The text of argument i for %s (luaL_tolstring). */
function toStringArg(L: LuaState, v: LuaValue): string {
  if (typeof v === "string" && L.stringMeta?.getStr("__tostring") === undefined) return v;
  if (isNumber(v) && !L.typeMeta.has("number")) return numberToString(v);
  return L.tostring(v);
}

export function strFormat(L: LuaState, args: LuaValue[]): LuaValue[] {
  const fmt = checkString(args, 1);
  const n = fmt.length;
  const top = args.length;
  let out = "";
  let arg = 1;
  let i = 0;
  while (i < n) {
    const j = fmt.indexOf("%", i);
    if (j < 0) {
      out += i === 0 ? fmt : fmt.slice(i);
      break;
    }
    if (j > i) out += fmt.slice(i, j);
    i = j + 1;
    const c = fmt.charCodeAt(i);
    if (c === 37) {
      out += "%";
      i++;
      continue;
    }
    if (++arg > top) argError(arg, "no value");
    const v = args[arg - 1];
    // common cases first: %d and %s without modifiers
    if (c === 100 /* d */ && typeof v === "number" && Number.isInteger(v)) {
      out += String(v);
      i++;
      continue;
    }
    if (c === 115 /* s */) {
      out += toStringArg(L, v);
      i++;
      continue;
    }
    // span flags, width and precision, then the conversion letter
    const start = i;
    while (i < n && isSpecChar(fmt.charCodeAt(i))) i++;
    if (i - start + 1 >= MAX_FORMAT - 10) nativeError("invalid format (too long)");
    const spec = fmt.slice(start, i);
    const conv = i < n ? fmt[i] : "";
    i++;
    switch (conv) {
      case "c": {
        const sp = checkFormat(spec, conv, FLAGS_C, false);
        const k = checkInteger(args, arg);
        const byte = typeof k === "number" ? ((k % 256) + 256) % 256 : Number(BigInt.asUintN(8, k));
        out += pad(String.fromCharCode(byte), sp);
        break;
      }
      case "d":
      case "i":
      case "u":
      case "o":
      case "x":
      case "X": {
        const k = checkInteger(args, arg);
        const flags = conv === "d" || conv === "i" ? FLAGS_I : conv === "u" ? FLAGS_U : FLAGS_X;
        const sp = checkFormat(spec, conv, flags, true);
        out += formatInt(k, conv, sp);
        break;
      }
      case "a":
      case "A": {
        const sp = checkFormat(spec, conv, FLAGS_F, true);
        out += formatFloat(toDouble(checkNumber(args, arg)), conv, sp);
        break;
      }
      case "e":
      case "E":
      case "f":
      case "g":
      case "G": {
        const x = toDouble(checkNumber(args, arg));
        const sp = checkFormat(spec, conv, FLAGS_F, true);
        out += formatFloat(x, conv, sp);
        break;
      }
      case "p": {
        const sp = checkFormat(spec, conv, FLAGS_C, false);
        out += pad(pointerOf(v), sp);
        break;
      }
      case "q":
        if (spec.length > 0) nativeError("specifier '%q' cannot have modifiers");
        out += quoteValue(args, arg);
        break;
      case "s": {
        const s = toStringArg(L, v);
        if (spec.length === 0) {
          out += s;
          break;
        }
        if (s.indexOf("\0") >= 0) argError(arg, "string contains zeros");
        const sp = checkFormat(spec, conv, FLAGS_C, true);
        if (sp.prec < 0 && s.length >= 100) out += s;
        else out += pad(sp.prec >= 0 && s.length > sp.prec ? s.slice(0, sp.prec) : s, sp);
        break;
      }
      default:
        return nativeError(`invalid conversion '%${spec}${conv}' to 'format'`);
    }
  }
  return [out];
}
