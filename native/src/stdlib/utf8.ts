// The utf8 library over byte strings (one JS char per byte), as PUC-Rio 5.4.8: sequences of
// up to six bytes (code points up to 2^31-1) in lax mode, strict mode rejecting surrogates and
// code points above 10FFFF.

import { argError, nativeError } from "../vm/errors.js";
import type { LuaState } from "../vm/state.js";
import type { LuaTable } from "../vm/table.js";
import { type LuaValue, toIntegerValue, truthy } from "../vm/value.js";
import { checkInt, checkInteger, checkString, optInt } from "./args.js";
import { makeLib, native } from "./lib.js";

const MAXUNICODE = 0x10ffff;
const MAXUTF = 0x7fffffff;
const MSG_INVALID = "invalid UTF-8 code";

/** Pattern matching exactly one UTF-8 sequence. */
const CHARPATTERN = "[\x00-\x7F\xC2-\xFD][\x80-\xBF]*";

/** Whether byte i of s is a continuation byte (10xxxxxx); false past the end. */
function isCont(s: string, i: number): boolean {
  return (s.charCodeAt(i) & 0xc0) === 0x80;
}

/** Minimum code point for each count of continuation bytes (rejects overlong forms). */
const LIMITS = [Number.POSITIVE_INFINITY, 0x80, 0x800, 0x10000, 0x200000, 0x4000000];

// The code point decoded by the last successful decode call.
let decoded = 0;

/**
 * Decodes the sequence starting at byte i: returns the index just after it (and sets
 * `decoded`), or -1 when the bytes there are not a valid sequence.
 */
function decode(s: string, i: number, strict: boolean): number {
  let c = s.charCodeAt(i);
  let res = 0;
  if (c < 0x80) res = c;
  else {
    let count = 0; // continuation bytes read
    for (; c & 0x40; c <<= 1) {
      const cc = s.charCodeAt(i + ++count);
      if ((cc & 0xc0) !== 0x80) return -1;
      res = res * 64 + (cc & 0x3f); // arithmetic, not shifts: up to 42 bits before the checks
    }
    res += (c & 0x7f) * 2 ** (count * 5); // bits of the first byte
    if (count > 5 || res > MAXUTF || res < LIMITS[count]) return -1;
    i += count;
  }
  if (strict && (res > MAXUNICODE || (res >= 0xd800 && res <= 0xdfff))) return -1;
  decoded = res;
  return i + 1;
}

/** A relative string position: negative counts back from the end (0 when before it). */
function posrelat(pos: number, len: number): number {
  if (pos >= 0) return pos;
  if (-pos > len) return 0;
  return len + pos + 1;
}

/** The UTF-8 bytes of a code point up to 2^31-1 (longer forms for values past 10FFFF). */
export function utf8Char(x: number): string {
  if (x < 0x80) return String.fromCharCode(x);
  let out = "";
  let mfb = 0x3f; // largest value that fits in the first byte
  do {
    out = String.fromCharCode(0x80 | (x & 0x3f)) + out;
    x = Math.floor(x / 64);
    mfb >>= 1;
  } while (x > mfb);
  return String.fromCharCode(((~mfb << 1) | x) & 0xff) + out;
}

function utfChar(_L: LuaState, args: LuaValue[]): LuaValue[] {
  let out = "";
  for (let i = 1; i <= args.length; i++) {
    const code = checkInteger(args, i);
    if (typeof code !== "number" || code < 0 || code > MAXUTF) argError(i, "value out of range");
    out += utf8Char(code as number);
  }
  return [out];
}

function utfLen(_L: LuaState, args: LuaValue[]): LuaValue[] {
  const s = checkString(args, 1);
  const len = s.length;
  let posi = posrelat(optInt(args, 2, 1), len);
  let posj = posrelat(optInt(args, 3, -1), len);
  const lax = truthy(args[3]);
  if (!(1 <= posi && --posi <= len)) argError(2, "initial position out of bounds");
  if (!(--posj < len)) argError(3, "final position out of bounds");
  let n = 0;
  while (posi <= posj) {
    const next = decode(s, posi, !lax);
    if (next < 0) return [undefined, posi + 1];
    posi = next;
    n++;
  }
  return [n];
}

function utfCodepoint(_L: LuaState, args: LuaValue[]): LuaValue[] | undefined {
  const s = checkString(args, 1);
  const len = s.length;
  const posi = posrelat(optInt(args, 2, 1), len);
  const pose = posrelat(optInt(args, 3, posi), len);
  const lax = truthy(args[3]);
  if (!(posi >= 1)) argError(2, "out of bounds");
  if (!(pose <= len)) argError(3, "out of bounds");
  if (posi > pose) return undefined;
  const out: LuaValue[] = [];
  for (let i = posi - 1; i < pose; ) {
    i = decode(s, i, !lax);
    if (i < 0) return nativeError(MSG_INVALID);
    out.push(decoded);
  }
  return out;
}

function utfOffset(_L: LuaState, args: LuaValue[]): LuaValue[] {
  const s = checkString(args, 1);
  const len = s.length;
  let n = checkInt(args, 2);
  let posi = posrelat(optInt(args, 3, n >= 0 ? 1 : len + 1), len);
  if (!(1 <= posi && --posi <= len)) argError(3, "position out of bounds");
  if (n === 0) {
    // the start of the sequence holding byte posi
    while (posi > 0 && isCont(s, posi)) posi--;
    return [posi + 1];
  }
  if (isCont(s, posi)) return nativeError("initial position is a continuation byte");
  if (n < 0) {
    while (n < 0 && posi > 0) {
      // back to the start of the previous character
      do posi--;
      while (posi > 0 && isCont(s, posi));
      n++;
    }
  } else {
    n--; // the first character is the one at posi
    while (n > 0 && posi < len) {
      do posi++;
      while (isCont(s, posi));
      n--;
    }
  }
  return [n === 0 ? posi + 1 : undefined];
}

/** The generic-for step of utf8.codes: (s, i) -> next byte position and its code point. */
function iterCodes(args: LuaValue[], strict: boolean): LuaValue[] | undefined {
  const s = checkString(args, 1);
  const len = s.length;
  const i = toIntegerValue(args[1]) ?? 0;
  // a negative or huge control value ends the loop (PUC compares it as unsigned)
  if (typeof i !== "number" || i < 0) return undefined;
  let n = i;
  if (n < len) while (isCont(s, n)) n++; // skip the rest of the previous character
  if (n >= len) return undefined;
  const next = decode(s, n, strict);
  if (next < 0 || isCont(s, next)) return nativeError(MSG_INVALID);
  return [n + 1, decoded];
}

/** Opens the utf8 library: builds the table and sets the global `utf8`. */
export function openUtf8(L: LuaState): LuaTable {
  const strictIter = native(L, "utf8.codes.iterator", (_L, args) => iterCodes(args, true));
  const laxIter = native(L, "utf8.codes.laxiterator", (_L, args) => iterCodes(args, false));
  const t = makeLib(L, "utf8", {
    char: utfChar,
    codepoint: utfCodepoint,
    len: utfLen,
    offset: utfOffset,
    codes: (_L, args) => {
      const lax = truthy(args[1]);
      const s = checkString(args, 1);
      if (isCont(s, 0)) argError(1, MSG_INVALID);
      return [lax ? laxIter : strictIter, s, 0];
    },
  });
  t.set("charpattern", CHARPATTERN);
  L.globals.set("utf8", t);
  return t;
}
