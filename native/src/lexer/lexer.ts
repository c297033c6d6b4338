// Lexer: turns a Lua source (a byte string, one char per byte) into tokens, one per call.
//
// It follows llex.c's rules and error texts. The lexer keeps no token objects: `next()`
// returns the token kind and leaves its value in `sval` / `nval` / `isFloat`, and in `raw`
// the text PUC-Rio shows after "near" (the numeral as written, a string with its delimiters
// and escapes already decoded). `line` is the current line of the scan, which after `next()`
// is the line where the token ends: the line PUC-Rio uses for messages and line info.

import { LuaSyntaxError } from "../vm/errors.js";
import { RESERVED_WORDS, Tok } from "./tokens.js";

// Character classes of Lua's lctype (ASCII only: bytes >= 0x80 are in no class).
const ALPHA = 1; // letters and '_'
const DIGIT = 2;
const XDIGIT = 4;
const SPACE = 8; // ' ', \t, \n, \v, \f, \r
const CTYPE = new Uint8Array(256);
for (let c = 0; c < 256; c++) {
  let k = 0;
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95) k |= ALPHA;
  if (c >= 48 && c <= 57) k |= DIGIT | XDIGIT;
  if ((c >= 65 && c <= 70) || (c >= 97 && c <= 102)) k |= XDIGIT;
  if (c === 32 || (c >= 9 && c <= 13)) k |= SPACE;
  CTYPE[c] = k;
}

/** Class bits of the byte at `pos`, 0 past the end. */
function classAt(s: string, pos: number): number {
  return pos < s.length ? CTYPE[s.charCodeAt(pos)] : 0;
}

/** Value of a hexadecimal digit (its class already checked). */
function hexValue(c: number): number {
  return c <= 57 ? c - 48 : (c | 0x20) - 87;
}

/** Quotes a token's text for "near '...'"; PUC-Rio formats it with %s, so a NUL ends it. */
export function quoteToken(raw: string): string {
  const nul = raw.indexOf("\0");
  return `'${nul < 0 ? raw : raw.slice(0, nul)}'`;
}

export interface LexerOptions {
  /**
   * Skip a first line starting with '#' and a UTF-8 byte order mark, as luaL_loadfile
   * does for files (default true). `load` on a string passes false.
   */
  skipComment?: boolean;
}

export class Lexer {
  readonly src: string;
  readonly chunkName: string;
  /** Position of the next byte to scan. */
  pos = 0;
  /** Current line of the scan (1-based). */
  line = 1;
  /** Value of the last Name or String token. */
  sval = "";
  /** Value of the last Float or Int token (AST representation). */
  nval: number | bigint = 0;
  isFloat = false;
  /** Source-like text of the last Name, String or numeral, for "near '...'" in messages. */
  raw = "";

  constructor(src: string, chunkName: string, options?: LexerOptions) {
    this.src = src;
    this.chunkName = chunkName;
    if (options?.skipComment ?? true) this.skipFirstLine();
  }

  // Skips a BOM and a '#' first line, keeping the newline so line numbers stay right.
  private skipFirstLine(): void {
    const s = this.src;
    let pos = 0;
    if (s.startsWith("\xEF\xBB\xBF")) pos = 3;
    if (s.charCodeAt(pos) === 35) {
      while (pos < s.length && s.charCodeAt(pos) !== 10 && s.charCodeAt(pos) !== 13) pos++;
    }
    this.pos = pos;
  }

  /** Throws a syntax error at the current line; `near` is the already formatted token text. */
  error(msg: string, near?: string): never {
    const where = `${this.chunkName}:${this.line}: ${msg}`;
    throw new LuaSyntaxError(near === undefined ? where : `${where} near ${near}`);
  }

  // Consumes the newline sequence at pos (\n, \r, \r\n or \n\r) and counts the line.
  private newline(pos: number): number {
    const s = this.src;
    const old = s.charCodeAt(pos++);
    const c = s.charCodeAt(pos);
    if ((c === 10 || c === 13) && c !== old) pos++;
    this.line++;
    return pos;
  }

  /** Scans the next token and returns its kind. */
  next(): number {
    const s = this.src;
    const n = s.length;
    let pos = this.pos;
    for (;;) {
      if (pos >= n) {
        this.pos = pos;
        return Tok.Eos;
      }
      const c = s.charCodeAt(pos);
      switch (c) {
        case 10:
        case 13:
          pos = this.newline(pos);
          continue;
        case 32:
        case 9:
        case 11:
        case 12:
          pos++;
          continue;
        case 45: // '-'
          if (s.charCodeAt(pos + 1) !== 45) {
            this.pos = pos + 1;
            return 45;
          }
          pos += 2;
          if (s.charCodeAt(pos) === 91) {
            const sep = this.skipSep(pos);
            if (sep >= 2) {
              pos = this.readLong(pos, sep, false);
              continue;
            }
            pos = this.sepEnd; // a short comment after all
          }
          while (pos < n) {
            const d = s.charCodeAt(pos);
            if (d === 10 || d === 13) break;
            pos++;
          }
          continue;
        case 91: {
          // '['
          const sep = this.skipSep(pos);
          if (sep >= 2) {
            this.pos = this.readLong(pos, sep, true);
            return Tok.String;
          }
          if (sep === 0) {
            this.pos = this.sepEnd;
            this.error("invalid long string delimiter", quoteToken(s.slice(pos, this.sepEnd)));
          }
          this.pos = pos + 1;
          return 91;
        }
        case 61: // '='
          return this.twoChar(pos, 61, Tok.Eq, 61);
        case 60: // '<'
          if (s.charCodeAt(pos + 1) === 60) {
            this.pos = pos + 2;
            return Tok.Shl;
          }
          return this.twoChar(pos, 61, Tok.Le, 60);
        case 62: // '>'
          if (s.charCodeAt(pos + 1) === 62) {
            this.pos = pos + 2;
            return Tok.Shr;
          }
          return this.twoChar(pos, 61, Tok.Ge, 62);
        case 47: // '/'
          return this.twoChar(pos, 47, Tok.IDiv, 47);
        case 126: // '~'
          return this.twoChar(pos, 61, Tok.Ne, 126);
        case 58: // ':'
          return this.twoChar(pos, 58, Tok.DbColon, 58);
        case 34:
        case 39:
          this.readString(pos, c);
          return Tok.String;
        case 46: // '.'
          if (s.charCodeAt(pos + 1) === 46) {
            if (s.charCodeAt(pos + 2) === 46) {
              this.pos = pos + 3;
              return Tok.Dots;
            }
            this.pos = pos + 2;
            return Tok.Concat;
          }
          if (classAt(s, pos + 1) & DIGIT) return this.readNumeral(pos, pos + 1);
          this.pos = pos + 1;
          return 46;
        default: {
          const k = CTYPE[c];
          if (k & DIGIT) return this.readNumeral(pos, pos);
          if (k & ALPHA) {
            let q = pos + 1;
            while (q < n && CTYPE[s.charCodeAt(q)] & (ALPHA | DIGIT)) q++;
            const name = s.slice(pos, q);
            this.pos = q;
            const reserved = RESERVED_WORDS.get(name);
            if (reserved !== undefined) return reserved;
            this.sval = name;
            this.raw = name;
            return Tok.Name;
          }
          this.pos = pos + 1; // any other byte is a token by itself
          if (c > 255) this.error("unexpected symbol", `'<\\${c}>'`); // not a byte string
          return c;
        }
      }
    }
  }

  // Returns `two` if the byte after pos is `second` (a two-byte symbol), else `one`.
  private twoChar(pos: number, second: number, two: number, one: number): number {
    if (this.src.charCodeAt(pos + 1) === second) {
      this.pos = pos + 2;
      return two;
    }
    this.pos = pos + 1;
    return one;
  }

  /** End of the bracket run read by the last skipSep. */
  private sepEnd = 0;

  // Reads '[' or ']' followed by '='s at pos (skip_sep): returns the count of '='s plus 2
  // when the same bracket follows, 1 for a lone bracket, 0 for a bracket with '='s but no
  // second bracket. sepEnd is left after the '='s.
  private skipSep(pos: number): number {
    const s = this.src;
    const bracket = s.charCodeAt(pos);
    let q = pos + 1;
    while (s.charCodeAt(q) === 61) q++;
    this.sepEnd = q;
    const count = q - pos - 1;
    if (s.charCodeAt(q) === bracket) return count + 2;
    return count === 0 ? 1 : 0;
  }

  // Reads a long string or comment whose opening bracket (of length sep) starts at pos;
  // returns the position after the closing bracket. For a string sets sval and raw.
  private readLong(pos: number, sep: number, isString: boolean): number {
    const s = this.src;
    const n = s.length;
    const startLine = this.line;
    pos += sep;
    let c = s.charCodeAt(pos);
    if (c === 10 || c === 13) pos = this.newline(pos); // a first newline is skipped
    let value = "";
    let seg = pos;
    for (;;) {
      if (pos >= n) {
        this.pos = pos;
        const what = isString ? "string" : "comment";
        this.error(`unfinished long ${what} (starting at line ${startLine})`, "<eof>");
      }
      c = s.charCodeAt(pos);
      if (c === 93) {
        // ']': the closing bracket if it has as many '='s
        const close = this.skipSep(pos);
        if (close === sep) {
          if (isString) {
            value += s.slice(seg, pos);
            const eqs = "=".repeat(sep - 2);
            this.sval = value;
            this.raw = `[${eqs}[${value}]${eqs}]`;
          }
          return pos + sep;
        }
        pos = this.sepEnd;
      } else if (c === 10 || c === 13) {
        if (isString) value += `${s.slice(seg, pos)}\n`;
        pos = this.newline(pos);
        seg = pos;
      } else {
        pos++;
      }
    }
  }

  // Reads a short string delimited by `del` starting at pos, decoding escapes (read_string).
  private readString(pos: number, del: number): void {
    const s = this.src;
    const n = s.length;
    const q = s[pos];
    let value = "";
    let seg = ++pos;
    for (;;) {
      if (pos >= n) {
        this.pos = pos;
        this.error("unfinished string", "<eof>");
      }
      const c = s.charCodeAt(pos);
      if (c === del) break;
      if (c === 10 || c === 13) {
        this.pos = pos;
        this.error("unfinished string", quoteToken(q + value + s.slice(seg, pos)));
      }
      if (c !== 92) {
        pos++;
        continue;
      }
      // an escape sequence: flush the plain run before it
      value += s.slice(seg, pos);
      const esc = pos++;
      const e = pos < n ? s.charCodeAt(pos) : -1;
      switch (e) {
        case 97:
          value += "\x07";
          pos++;
          break; // \a
        case 98:
          value += "\b";
          pos++;
          break;
        case 102:
          value += "\f";
          pos++;
          break;
        case 110:
          value += "\n";
          pos++;
          break;
        case 114:
          value += "\r";
          pos++;
          break;
        case 116:
          value += "\t";
          pos++;
          break;
        case 118:
          value += "\v";
          pos++;
          break;
        case 92:
        case 34:
        case 39:
          value += String.fromCharCode(e);
          pos++;
          break;
        case 10:
        case 13:
          value += "\n";
          pos = this.newline(pos);
          break;
        case -1:
          break; // "unfinished string" on the next round
        case 120: {
          // \xXX
          pos++;
          let r = 0;
          for (let i = 0; i < 2; i++) {
            if (!(classAt(s, pos) & XDIGIT)) this.escapeError("hexadecimal digit expected", q + value, esc, pos);
            r = (r << 4) + hexValue(s.charCodeAt(pos++));
          }
          value += String.fromCharCode(r);
          break;
        }
        case 117: {
          // \u{XXX}: up to 2^31 - 1, encoded as (extended) UTF-8
          pos++;
          if (s.charCodeAt(pos) !== 123) this.escapeError("missing '{'", q + value, esc, pos);
          pos++;
          if (!(classAt(s, pos) & XDIGIT)) this.escapeError("hexadecimal digit expected", q + value, esc, pos);
          let r = hexValue(s.charCodeAt(pos++));
          while (classAt(s, pos) & XDIGIT) {
            if (r > 0x7ffffff) this.escapeError("UTF-8 value too large", q + value, esc, pos);
            r = r * 16 + hexValue(s.charCodeAt(pos++));
          }
          if (s.charCodeAt(pos) !== 125) this.escapeError("missing '}'", q + value, esc, pos);
          pos++;
          value += utf8Encode(r);
          break;
        }
        case 122: {
          // \z: skip the following run of spaces, newlines included
          pos++;
          while (classAt(s, pos) & SPACE) {
            const d = s.charCodeAt(pos);
            pos = d === 10 || d === 13 ? this.newline(pos) : pos + 1;
          }
          break;
        }
        default: {
          if (!(CTYPE[e] & DIGIT)) this.escapeError("invalid escape sequence", q + value, esc, pos);
          let r = 0;
          for (let i = 0; i < 3 && classAt(s, pos) & DIGIT; i++) r = r * 10 + s.charCodeAt(pos++) - 48;
          if (r > 255) this.escapeError("decimal escape too large", q + value, esc, pos);
          value += String.fromCharCode(r);
        }
      }
      seg = pos;
    }
    value += s.slice(seg, pos);
    this.pos = pos + 1;
    this.sval = value;
    this.raw = q + value + q;
  }

  // Reports a bad escape: PUC shows the string so far, the escape as read, and the byte at pos.
  private escapeError(msg: string, before: string, esc: number, pos: number): never {
    const s = this.src;
    this.pos = pos;
    const text = before + s.slice(esc, pos) + (pos < s.length ? s[pos] : "");
    this.error(msg, quoteToken(text));
  }

  // Reads a numeral starting at `start` ('.' or its first digit at `first`), as greedily as
  // read_numeral does (so "3..4" and "0xep" are one malformed numeral), then converts it.
  private readNumeral(start: number, first: number): number {
    const s = this.src;
    const n = s.length;
    let pos = first + 1;
    let expo1 = 69; // 'E'
    let expo2 = 101; // 'e'
    if (s.charCodeAt(first) === 48) {
      const x = s.charCodeAt(pos);
      if (x === 120 || x === 88) {
        pos++;
        expo1 = 80; // 'P'
        expo2 = 112; // 'p'
      }
    }
    while (pos < n) {
      const c = s.charCodeAt(pos);
      if (c === expo1 || c === expo2) {
        pos++;
        const sign = s.charCodeAt(pos);
        if (sign === 43 || sign === 45) pos++;
      } else if (CTYPE[c] & XDIGIT || c === 46) {
        pos++;
      } else break;
    }
    if (classAt(s, pos) & ALPHA) pos++; // a numeral touching a letter is malformed
    const text = s.slice(start, pos);
    this.pos = pos;
    this.raw = text;
    if (!convertNumber(text)) this.error("malformed number", quoteToken(text));
    this.nval = numValue;
    this.isFloat = numIsFloat;
    return numIsFloat ? Tok.Float : Tok.Int;
  }
}

/** Encodes a code point up to 2^31 - 1 as UTF-8 bytes (up to 6), as luaO_utf8esc does. */
export function utf8Encode(x: number): string {
  if (x < 0x80) return String.fromCharCode(x);
  const bytes: number[] = [];
  let mfb = 0x3f; // largest value that still fits in the first byte
  do {
    bytes.push(0x80 | (x & 0x3f));
    x = Math.floor(x / 64);
    mfb >>= 1;
  } while (x > mfb);
  bytes.push(((~mfb << 1) | x) & 0xff);
  return String.fromCharCode(...bytes.reverse());
}

// Result of the last convertNumber (module state, so the lexer allocates nothing per numeral).
let numValue: number | bigint = 0;
let numIsFloat = false;

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const INT64_MAX = (1n << 63n) - 1n;

/** The AST form of a 64-bit integer: a number when it is a safe integer, else a bigint. */
function intValue(v: bigint): number | bigint {
  v = BigInt.asIntN(64, v);
  return v <= MAX_SAFE && v >= -MAX_SAFE ? Number(v) : v;
}

// Index of the first non-space at or after i.
function skipSpaces(s: string, i: number): number {
  while (i < s.length && CTYPE[s.charCodeAt(i)] & SPACE) i++;
  return i;
}

// Index after the run of bytes of class `k` starting at i.
function skipClass(s: string, i: number, k: number): number {
  while (i < s.length && CTYPE[s.charCodeAt(i)] & k) i++;
  return i;
}

// Converts like luaO_str2num: integer first (l_str2int), then float (l_str2d); sets numValue.
function convertNumber(s: string): boolean {
  return convertInt(s) || convertFloat(s);
}

// Reads an integer numeral: hex wraps around modulo 2^64, decimal must fit in an int64.
function convertInt(s: string): boolean {
  let i = skipSpaces(s, 0);
  let neg = false;
  if (s.charCodeAt(i) === 45) {
    neg = true;
    i++;
  } else if (s.charCodeAt(i) === 43) i++;
  let v: bigint | number;
  let end: number;
  if (s.charCodeAt(i) === 48 && (s.charCodeAt(i + 1) | 0x20) === 120) {
    end = skipClass(s, i + 2, XDIGIT);
    const digits = end - i - 2;
    if (digits === 0) return false;
    v = digits <= 13 ? parseInt(s.slice(i + 2, end), 16) : BigInt(`0x${s.slice(i + 2, end)}`);
  } else {
    end = skipClass(s, i, DIGIT);
    if (end === i) return false;
    if (end - i <= 15) {
      let r = 0;
      for (let j = i; j < end; j++) r = r * 10 + s.charCodeAt(j) - 48;
      v = r;
    } else {
      v = BigInt(s.slice(i, end));
      if (v > INT64_MAX + (neg ? 1n : 0n)) return false; // overflow: read it as a float
    }
  }
  if (skipSpaces(s, end) !== s.length) return false;
  if (typeof v === "number") numValue = neg ? (v === 0 ? 0 : -v) : v;
  else numValue = intValue(neg ? -v : v);
  numIsFloat = false;
  return true;
}

// Reads a float numeral with strtod's grammar (decimal or hex); rejects 'inf' and 'nan'.
function convertFloat(s: string): boolean {
  if (s.indexOf("n") >= 0 || s.indexOf("N") >= 0) return false;
  let i = skipSpaces(s, 0);
  const start = i;
  let neg = false;
  if (s.charCodeAt(i) === 45 || s.charCodeAt(i) === 43) neg = s.charCodeAt(i++) === 45;
  let v: number;
  if (s.charCodeAt(i) === 48 && (s.charCodeAt(i + 1) | 0x20) === 120) {
    // hex: digits [. digits] [p [sign] digits]
    const intStart = i + 2;
    const intEnd = skipClass(s, intStart, XDIGIT);
    let fracStart = intEnd;
    let fracEnd = intEnd;
    if (s.charCodeAt(intEnd) === 46) {
      fracStart = intEnd + 1;
      fracEnd = skipClass(s, fracStart, XDIGIT);
    }
    if (intEnd === intStart && fracEnd === fracStart) return false;
    i = fracEnd;
    let exp = 0;
    if ((s.charCodeAt(i) | 0x20) === 112) {
      let j = i + 1;
      const sign = s.charCodeAt(j);
      if (sign === 43 || sign === 45) j++;
      const expEnd = skipClass(s, j, DIGIT);
      if (expEnd > j) {
        exp = Number(s.slice(j, expEnd));
        if (sign === 45) exp = -exp;
        i = expEnd;
      }
    }
    const mant = BigInt(`0x0${s.slice(intStart, intEnd)}${s.slice(fracStart, fracEnd)}`);
    v = scaleBinary(mant, exp - 4 * (fracEnd - fracStart));
  } else {
    // decimal: digits [. digits] [e [sign] digits]
    const intEnd = skipClass(s, i, DIGIT);
    let fracEnd = intEnd;
    let digits = intEnd - i;
    if (s.charCodeAt(intEnd) === 46) {
      fracEnd = skipClass(s, intEnd + 1, DIGIT);
      digits += fracEnd - intEnd - 1;
    }
    if (digits === 0) return false;
    i = fracEnd;
    if ((s.charCodeAt(i) | 0x20) === 101) {
      let j = i + 1;
      const sign = s.charCodeAt(j);
      if (sign === 43 || sign === 45) j++;
      const expEnd = skipClass(s, j, DIGIT);
      if (expEnd > j) i = expEnd;
    }
    v = Number(s.slice(start, i));
    neg = false; // the sign was part of the text
  }
  if (skipSpaces(s, i) !== s.length) return false;
  numValue = neg ? -v : v;
  numIsFloat = true;
  return true;
}

// Returns m * 2^e rounded to the nearest double (ties to even), subnormals included.
function scaleBinary(m: bigint, e: number): number {
  if (m === 0n) return 0;
  let bits = m.toString(2).length;
  if (bits > 64) {
    // keep 64 bits plus a sticky bit: enough for a correctly rounded 53-bit result
    const drop = BigInt(bits - 64);
    const sticky = m & ((1n << drop) - 1n) ? 1n : 0n;
    m = (m >> drop) | sticky;
    e += bits - 64;
    bits = 64;
  }
  const top = bits - 1 + e; // exponent of the leading bit
  if (top >= -1022) {
    const x = Number(m); // rounds to 53 bits; scaling by powers of two is then exact
    const half = Math.trunc(e / 2);
    return x * 2 ** half * 2 ** (e - half);
  }
  // subnormal: round at the 2^-1074 unit ourselves to avoid double rounding
  const shift = -1074 - e;
  if (shift <= 0) return Number(m) * 2 ** e;
  if (shift > 66) return 0;
  const sh = BigInt(shift);
  let q = m >> sh;
  const rem = m & ((1n << sh) - 1n);
  const halfUnit = 1n << (sh - 1n);
  if (rem > halfUnit || (rem === halfUnit && q & 1n)) q++;
  return Number(q) * 2 ** -1074;
}

/**
 * Converts a string to a Lua number as luaO_str2num does (surrounding spaces and a sign
 * allowed, hex integers wrap around, decimal integers too large become floats); undefined
 * when it is not a numeral. Values use the AST's representation (see NumberExpr).
 */
export function str2number(s: string): { value: number | bigint; isFloat: boolean } | undefined {
  if (!convertNumber(s)) return undefined;
  return { value: numValue, isFloat: numIsFloat };
}
