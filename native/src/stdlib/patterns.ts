// Lua patterns: the backtracking matcher behind string.find, match, gmatch and gsub.
//
// The matcher walks the pattern text directly (no compilation step), as PUC-Rio's does.
// Recursion happens only for captures and for the quantifiers that must backtrack; every
// other step loops. A depth budget of MAXCCALLS bounds that recursion, so a hostile pattern
// ends in "pattern too complex" rather than in a JS stack overflow. Character classes
// follow the C locale: only ASCII bytes are letters, digits, spaces and so on.

import { nativeError } from "../vm/errors.js";
import { NativeFunction } from "../vm/function.js";
import type { LuaState } from "../vm/state.js";
import { LuaTable } from "../vm/table.js";
import { isNumber, type LuaValue, numberToString, typeName } from "../vm/value.js";
import { checkInt, checkString, optInt, typeError } from "./args.js";

const MAXCCALLS = 200;
const MAXCAPTURES = 32;
const CAP_UNFINISHED = -1;
const CAP_POSITION = -2;

// --- character classes (C locale) ------------------------------------------------------

const ALPHA = 1;
const DIGIT = 2;
const LOWER = 4;
const UPPER = 8;
const SPACE = 16;
const CNTRL = 32;
const PUNCT = 64;
const XDIGIT = 128;
const ALNUM = 256;
const GRAPH = 512;
const ZERO = 1024;

/** ctype bits of each byte. */
const ctype = new Uint16Array(256);
for (let c = 0; c < 256; c++) {
  let f = 0;
  const upper = c >= 65 && c <= 90;
  const lower = c >= 97 && c <= 122;
  const digit = c >= 48 && c <= 57;
  if (upper) f |= UPPER | ALPHA | ALNUM;
  if (lower) f |= LOWER | ALPHA | ALNUM;
  if (digit) f |= DIGIT | ALNUM | XDIGIT;
  if ((c >= 65 && c <= 70) || (c >= 97 && c <= 102)) f |= XDIGIT;
  if (c === 32 || (c >= 9 && c <= 13)) f |= SPACE;
  if (c < 32 || c === 127) f |= CNTRL;
  if (c >= 33 && c <= 126) {
    f |= GRAPH;
    if (!upper && !lower && !digit) f |= PUNCT;
  }
  if (c === 0) f |= ZERO;
  ctype[c] = f;
}

/** The ctype bit a class letter (lower case) stands for, or 0. */
const classBit = new Uint16Array(128);
classBit[97] = ALPHA; // a
classBit[99] = CNTRL; // c
classBit[100] = DIGIT; // d
classBit[103] = GRAPH; // g
classBit[108] = LOWER; // l
classBit[112] = PUNCT; // p
classBit[115] = SPACE; // s
classBit[117] = UPPER; // u
classBit[119] = ALNUM; // w
classBit[120] = XDIGIT; // x
classBit[122] = ZERO; // z (deprecated, still accepted by 5.4)

/** Whether byte c belongs to the class %cl (cl a pattern byte after '%'). */
function matchClass(c: number, cl: number): boolean {
  const isLetter = (cl >= 65 && cl <= 90) || (cl >= 97 && cl <= 122);
  const bit = isLetter ? classBit[cl | 32] : 0;
  if (bit === 0) return cl === c;
  const r = (ctype[c] & bit) !== 0;
  return cl <= 90 ? !r : r; // upper-case class letters complement
}

// --- the matcher -----------------------------------------------------------------------

/**
 * What the matcher learns about a pattern as it walks it: where each single-character
 * class ends, the byte set of each bracket class, the bytes a match can start with.
 * Patterns are mostly constants, so this is kept per pattern text (short patterns only).
 * Nothing is computed before the walk reaches it, so a malformed pattern fails exactly
 * where it would otherwise.
 */
class PatternInfo {
  /** classEnd(p) once computed, else 0. */
  ends: Int32Array;
  /** Membership (0/1 per byte) of the single-character class starting at p. */
  sets: (Uint8Array | undefined)[] = [];
  /** Bytes a match from pattern index 0 must start with; null when any can (or unknown yet). */
  first: Uint8Array | null | undefined = undefined;
  /** Whether this is kept for later matches (short patterns): then classes get byte sets. */
  kept: boolean;
  constructor(n: number, kept: boolean) {
    this.ends = new Int32Array(n + 1);
    this.kept = kept;
  }
}

const MAX_CACHED_PATTERN = 256;
const patternInfos = new Map<string, PatternInfo>();

function patternInfo(pat: string): PatternInfo {
  if (pat.length > MAX_CACHED_PATTERN) return new PatternInfo(pat.length, false);
  let info = patternInfos.get(pat);
  if (info === undefined) {
    if (patternInfos.size >= 512) patternInfos.clear();
    info = new PatternInfo(pat.length, true);
    patternInfos.set(pat, info);
  }
  return info;
}

/** The state of one match attempt: subject, pattern and the captures found so far. */
export class MatchState {
  src: string;
  pat: string;
  L: LuaState;
  level = 0;
  depth = MAXCCALLS;
  capInit: number[] = [];
  capLen: number[] = [];
  info: PatternInfo;
  constructor(L: LuaState, src: string, pat: string) {
    this.L = L;
    this.src = src;
    this.pat = pat;
    this.info = patternInfo(pat);
  }
  /** Clears the captures before a new attempt. */
  reset(): void {
    this.level = 0;
    this.depth = MAXCCALLS;
  }
}

/** Index just past the single-character class starting at p. */
function classEnd(ms: MatchState, p: number): number {
  const ends = ms.info.ends;
  const e = ends[p];
  if (e !== 0) return e;
  return (ends[p] = classEndRaw(ms, p));
}

function classEndRaw(ms: MatchState, p: number): number {
  const pat = ms.pat;
  const c = pat.charCodeAt(p++);
  if (c === 37 /* % */) {
    if (p >= pat.length) nativeError("malformed pattern (ends with '%')");
    return p + 1;
  }
  if (c === 91 /* [ */) {
    if (pat.charCodeAt(p) === 94 /* ^ */) p++;
    // the first character is never the closing ']'
    do {
      if (p >= pat.length) nativeError("malformed pattern (missing ']')");
      if (pat.charCodeAt(p++) === 37 && p < pat.length) p++; // skip escapes such as '%]'
    } while (pat.charCodeAt(p) !== 93);
    return p + 1;
  }
  return p;
}

/** Whether byte c is in the set [...] spanning pattern indices p ('[') to ec (']'). */
function matchBracketClass(pat: string, c: number, p: number, ec: number): boolean {
  let sig = true;
  if (pat.charCodeAt(p + 1) === 94 /* ^ */) {
    sig = false;
    p++;
  }
  while (++p < ec) {
    const pc = pat.charCodeAt(p);
    if (pc === 37 /* % */) {
      p++;
      if (matchClass(c, pat.charCodeAt(p))) return sig;
    } else if (pat.charCodeAt(p + 1) === 45 /* - */ && p + 2 < ec) {
      p += 2;
      if (pc <= c && c <= pat.charCodeAt(p)) return sig;
    } else if (pc === c) return sig;
  }
  return !sig;
}

/** Whether the subject byte at s matches the single-character class at [p, ep). */
function singleMatch(ms: MatchState, s: number, p: number, ep: number): boolean {
  if (s >= ms.src.length) return false;
  const info = ms.info;
  if (!info.kept) return classHas(ms.pat, ms.src.charCodeAt(s), p, ep);
  const set = info.sets[p] ?? classSet(ms, p, ep);
  return set[ms.src.charCodeAt(s)] === 1;
}

/** Whether byte c matches the single-character class at [p, ep) of pat. */
function classHas(pat: string, c: number, p: number, ep: number): boolean {
  const pc = pat.charCodeAt(p);
  if (pc === 46 /* . */) return true;
  if (pc === 37 /* % */) return matchClass(c, pat.charCodeAt(p + 1));
  if (pc === 91 /* [ */) return matchBracketClass(pat, c, p, ep - 1);
  return pc === c;
}

/** The byte set of the single-character class [p, ep), made once per (kept) pattern. */
function classSet(ms: MatchState, p: number, ep: number): Uint8Array {
  const set = new Uint8Array(256);
  for (let c = 0; c < 256; c++) if (classHas(ms.pat, c, p, ep)) set[c] = 1;
  ms.info.sets[p] = set;
  return set;
}

/**
 * The bytes a match of the pattern (from index 0, unanchored) must start with, when its
 * first item is a class that must match at least once; null otherwise. Scanning loops
 * skip the positions where no match can start.
 */
function firstSet(ms: MatchState): Uint8Array | null {
  const info = ms.info;
  if (info.first !== undefined) return info.first;
  let set: Uint8Array | null = null;
  const pat = ms.pat;
  let p = 0;
  while (pat.charCodeAt(p) === 40 /* ( */ && pat.charCodeAt(p + 1) !== 41) p++;
  const pc = pat.charCodeAt(p);
  const special =
    p >= pat.length ||
    pc === 40 ||
    pc === 41 ||
    pc === 46 ||
    (pc === 36 && p + 1 === pat.length) ||
    (pc === 37 && /[bf0-9]/.test(pat.charAt(p + 1)));
  if (!special) {
    let ep = -1;
    try {
      ep = classEnd(ms, p);
    } catch {
      ep = -1; // malformed: the match itself reports it
    }
    const q = ep >= 0 && ep < pat.length ? pat.charCodeAt(ep) : -1;
    if (ep >= 0 && q !== 42 /* * */ && q !== 63 /* ? */ && q !== 45 /* - */) {
      set = new Uint8Array(256);
      for (let c = 0; c < 256; c++) if (classHas(pat, c, p, ep)) set[c] = 1;
    }
  }
  info.first = set;
  return set;
}

/** The first position from s where a match can start (len when there is none). */
function skipTo(set: Uint8Array, src: string, s: number): number {
  const len = src.length;
  while (s < len && set[src.charCodeAt(s)] === 0) s++;
  return s;
}

/**
 * Matches pattern from index p against the subject from index s; returns the end of the
 * match or -1.
 */
function doMatch(ms: MatchState, s: number, p: number): number {
  if (ms.depth-- === 0) nativeError("pattern too complex");
  const src = ms.src;
  const pat = ms.pat;
  const plen = pat.length;
  let result: number;
  for (;;) {
    if (p >= plen) {
      result = s;
      break;
    }
    const pc = pat.charCodeAt(p);
    if (pc === 40 /* ( */) {
      result =
        pat.charCodeAt(p + 1) === 41
          ? startCapture(ms, s, p + 2, CAP_POSITION)
          : startCapture(ms, s, p + 1, CAP_UNFINISHED);
      break;
    }
    if (pc === 41 /* ) */) {
      result = endCapture(ms, s, p + 1);
      break;
    }
    if (pc === 36 /* $ */ && p + 1 === plen) {
      result = s === src.length ? s : -1; // '$' only anchors at the end of the pattern
      break;
    }
    if (pc === 37 /* % */ && p + 1 < plen) {
      const nc = pat.charCodeAt(p + 1);
      if (nc === 98 /* b */) {
        s = matchBalance(ms, s, p + 2);
        if (s !== -1) {
          p += 4;
          continue;
        }
        result = -1;
        break;
      }
      if (nc === 102 /* f */) {
        p += 2;
        if (pat.charCodeAt(p) !== 91) nativeError("missing '[' after '%f' in pattern");
        const ep = classEnd(ms, p);
        const prev = s === 0 ? 0 : src.charCodeAt(s - 1);
        const cur = s < src.length ? src.charCodeAt(s) : 0;
        if (!matchBracketClass(pat, prev, p, ep - 1) && matchBracketClass(pat, cur, p, ep - 1)) {
          p = ep;
          continue;
        }
        result = -1;
        break;
      }
      if (nc >= 48 && nc <= 57) {
        s = matchCapture(ms, s, nc);
        if (s !== -1) {
          p += 2;
          continue;
        }
        result = -1;
        break;
      }
    }
    // a single-character class, possibly followed by a quantifier
    const ep = classEnd(ms, p);
    const epc = ep < plen ? pat.charCodeAt(ep) : -1;
    if (!singleMatch(ms, s, p, ep)) {
      if (epc === 42 /* * */ || epc === 63 /* ? */ || epc === 45 /* - */) {
        p = ep + 1; // accept the empty match
        continue;
      }
      result = -1;
      break;
    }
    if (epc === 63 /* ? */) {
      const r = doMatch(ms, s + 1, ep + 1);
      if (r !== -1) {
        result = r;
        break;
      }
      p = ep + 1;
      continue;
    }
    if (epc === 43 /* + */) {
      result = maxExpand(ms, s + 1, p, ep);
      break;
    }
    if (epc === 42 /* * */) {
      result = maxExpand(ms, s, p, ep);
      break;
    }
    if (epc === 45 /* - */) {
      result = minExpand(ms, s, p, ep);
      break;
    }
    s++;
    p = ep;
  }
  ms.depth++;
  return result;
}

/** Greedy repetition: the longest run first, then shorter ones. */
function maxExpand(ms: MatchState, s: number, p: number, ep: number): number {
  let i = 0;
  if (ms.info.kept) {
    const set = ms.info.sets[p] ?? classSet(ms, p, ep);
    const src = ms.src;
    const n = src.length;
    while (s + i < n && set[src.charCodeAt(s + i)] === 1) i++;
  } else while (singleMatch(ms, s + i, p, ep)) i++;
  while (i >= 0) {
    const r = doMatch(ms, s + i, ep + 1);
    if (r !== -1) return r;
    i--;
  }
  return -1;
}

/** Lazy repetition: the shortest run first. */
function minExpand(ms: MatchState, s: number, p: number, ep: number): number {
  for (;;) {
    const r = doMatch(ms, s, ep + 1);
    if (r !== -1) return r;
    if (singleMatch(ms, s, p, ep)) s++;
    else return -1;
  }
}

function startCapture(ms: MatchState, s: number, p: number, what: number): number {
  const level = ms.level;
  if (level >= MAXCAPTURES) nativeError("too many captures");
  ms.capInit[level] = s;
  ms.capLen[level] = what;
  ms.level = level + 1;
  const r = doMatch(ms, s, p);
  if (r === -1) ms.level--; // undo the capture
  return r;
}

function endCapture(ms: MatchState, s: number, p: number): number {
  let l = -1;
  for (let i = ms.level - 1; i >= 0; i--) {
    if (ms.capLen[i] === CAP_UNFINISHED) {
      l = i;
      break;
    }
  }
  if (l < 0) nativeError("invalid pattern capture");
  ms.capLen[l] = s - ms.capInit[l];
  const r = doMatch(ms, s, p);
  if (r === -1) ms.capLen[l] = CAP_UNFINISHED;
  return r;
}

/** %bxy: a balanced run starting with x and ending with the matching y. */
function matchBalance(ms: MatchState, s: number, p: number): number {
  const pat = ms.pat;
  if (p >= pat.length - 1) nativeError("malformed pattern (missing arguments to '%b')");
  const src = ms.src;
  if (s >= src.length || src.charCodeAt(s) !== pat.charCodeAt(p)) return -1;
  const b = pat.charCodeAt(p);
  const e = pat.charCodeAt(p + 1);
  let cont = 1;
  while (++s < src.length) {
    const c = src.charCodeAt(s);
    if (c === e) {
      if (--cont === 0) return s + 1;
    } else if (c === b) cont++;
  }
  return -1;
}

/** %1-%9: the text of an earlier capture again. */
function matchCapture(ms: MatchState, s: number, digit: number): number {
  const l = digit - 49;
  if (l < 0 || l >= ms.level || ms.capLen[l] === CAP_UNFINISHED) nativeError(`invalid capture index %${l + 1}`);
  const len = ms.capLen[l];
  if (len < 0) return -1; // a position capture never matches text
  const src = ms.src;
  if (src.length - s >= len && src.startsWith(src.substr(ms.capInit[l], len), s)) return s + len;
  return -1;
}

// --- captures as values ----------------------------------------------------------------

/** Capture i of the last match (s..e is the whole match, used when there are none). */
function getCapture(ms: MatchState, i: number, s: number, e: number): LuaValue {
  if (i >= ms.level) {
    if (i !== 0) nativeError(`invalid capture index %${i + 1}`);
    return ms.src.slice(s, e);
  }
  const len = ms.capLen[i];
  const init = ms.capInit[i];
  if (len === CAP_UNFINISHED) nativeError("unfinished capture");
  if (len === CAP_POSITION) return init + 1;
  return ms.src.substr(init, len);
}

/** All captures of the last match; the whole match when the pattern has none (and s >= 0). */
function getCaptures(ms: MatchState, s: number, e: number): LuaValue[] {
  const n = ms.level === 0 && s >= 0 ? 1 : ms.level;
  const out: LuaValue[] = new Array(n);
  for (let i = 0; i < n; i++) out[i] = getCapture(ms, i, s, e);
  return out;
}

// --- helpers shared by the natives -----------------------------------------------------

/** A start position argument relative to a string of length len (posrelatI): 1-based. */
export function startPosition(pos: number, len: number): number {
  if (pos > 0) return pos;
  if (pos === 0) return 1;
  if (pos < -len) return 1;
  return len + pos + 1;
}

/** Whether a pattern has none of the magic characters (a plain search does the job). */
function noSpecials(p: string): boolean {
  for (let i = 0; i < p.length; i++) {
    switch (p.charCodeAt(i)) {
      case 94: // ^
      case 36: // $
      case 42: // *
      case 43: // +
      case 63: // ?
      case 46: // .
      case 40: // (
      case 91: // [
      case 37: // %
      case 45: // -
        return false;
    }
  }
  return true;
}

/**
 * The byte every match must start with, or -1 when the pattern can start differently:
 * lets the scanning loops jump with indexOf instead of trying every position.
 */
function firstLiteral(pat: string, p: number): number {
  if (p >= pat.length) return -1;
  const c = pat.charCodeAt(p);
  switch (c) {
    case 94: // ^
    case 36: // $
    case 42: // *
    case 43: // +
    case 63: // ?
    case 46: // .
    case 40: // (
    case 41: // )
    case 91: // [
    case 37: // %
    case 45: // -
      return -1;
  }
  const q = pat.charCodeAt(p + 1);
  if (q === 42 || q === 63 || q === 45) return -1; // optional first item
  return c;
}

// --- the natives -----------------------------------------------------------------------

/** string.find and string.match. */
function findAux(L: LuaState, args: LuaValue[], find: boolean): LuaValue[] {
  const s = checkString(args, 1);
  const p = checkString(args, 2);
  const ls = s.length;
  const init = startPosition(optInt(args, 3, 1), ls) - 1;
  if (init > ls) return [undefined];
  if (find && ((args[3] !== undefined && args[3] !== false) || noSpecials(p))) {
    const i = s.indexOf(p, init);
    if (i >= 0) return [i + 1, i + p.length];
    return [undefined];
  }
  const anchor = p.charCodeAt(0) === 94;
  let p0 = 0;
  if (anchor) p0 = 1;
  const ms = new MatchState(L, s, p);
  const first = anchor ? -1 : firstLiteral(p, p0);
  const firstCh = first >= 0 ? String.fromCharCode(first) : "";
  const fset = anchor || first >= 0 ? null : firstSet(ms);
  let s1 = init;
  for (;;) {
    if (first >= 0) {
      s1 = s.indexOf(firstCh, s1);
      if (s1 < 0) break;
    } else if (fset !== null) {
      s1 = skipTo(fset, s, s1);
      if (s1 >= ls) break;
    }
    ms.reset();
    const e = doMatch(ms, s1, p0);
    if (e !== -1) {
      if (find) {
        const caps = getCaptures(ms, -1, 0);
        return [s1 + 1, e, ...caps];
      }
      return getCaptures(ms, s1, e);
    }
    if (anchor || s1++ >= ls) break;
  }
  return [undefined];
}

export function strFind(L: LuaState, args: LuaValue[]): LuaValue[] {
  return findAux(L, args, true);
}

export function strMatch(L: LuaState, args: LuaValue[]): LuaValue[] {
  return findAux(L, args, false);
}

/**
 * The iterator string.gmatch returns. Its whole state is the bound array
 * [subject, pattern, next position (0-based), end of last match or -1], so a suspended
 * generic for over gmatch serializes as data.
 */
export function makeGmatchIterator(bound: LuaValue[]): NativeFunction {
  let ms: MatchState | undefined; // reused from step to step (not part of the state)
  const f: NativeFunction = new NativeFunction(
    "string.gmatch.iterator",
    (L) => {
      const st = f.bound as LuaValue[];
      if (ms === undefined || ms.L !== L || ms.src !== st[0] || ms.pat !== st[1])
        ms = new MatchState(L, st[0] as string, st[1] as string);
      return gmatchStep(ms, st);
    },
    undefined,
    bound,
  );
  return f;
}

function gmatchStep(ms: MatchState, st: LuaValue[]): LuaValue[] | undefined {
  const s = ms.src;
  const p = ms.pat;
  let src = st[2] as number;
  const last = st[3] as number;
  const first = firstLiteral(p, 0);
  const firstCh = first >= 0 ? String.fromCharCode(first) : "";
  const fset = first >= 0 ? null : firstSet(ms);
  for (; src <= s.length; src++) {
    if (first >= 0) {
      src = s.indexOf(firstCh, src);
      if (src < 0) break;
    } else if (fset !== null) {
      src = skipTo(fset, s, src);
      if (src >= s.length) break;
    }
    ms.reset();
    const e = doMatch(ms, src, 0);
    if (e !== -1 && e !== last) {
      st[2] = e;
      st[3] = e;
      return getCaptures(ms, src, e);
    }
  }
  st[2] = s.length + 1;
  return undefined;
}

export function strGmatch(_L: LuaState, args: LuaValue[]): LuaValue[] {
  const s = checkString(args, 1);
  const p = checkString(args, 2);
  let init = startPosition(optInt(args, 3, 1), s.length) - 1;
  if (init > s.length) init = s.length + 1;
  return [makeGmatchIterator([s, p, init, -1])];
}

/** A replacement string split at its '%' escapes: text pieces and capture numbers. */
type ReplPart = string | number;

function parseRepl(repl: string): ReplPart[] {
  const parts: ReplPart[] = [];
  let i = 0;
  for (;;) {
    const j = repl.indexOf("%", i);
    if (j < 0) break;
    if (j > i) parts.push(repl.slice(i, j));
    const c = repl.charCodeAt(j + 1);
    if (c === 37) parts.push("%");
    else if (c >= 48 && c <= 57) parts.push(c - 48);
    else nativeError("invalid use of '%' in replacement string");
    i = j + 2;
  }
  if (i < repl.length) parts.push(repl.slice(i));
  return parts;
}

export function strGsub(L: LuaState, args: LuaValue[]): LuaValue[] {
  const src = checkString(args, 1);
  const p = checkString(args, 2);
  const repl = args[2];
  const srcl = src.length;
  const maxS = args[3] === undefined ? srcl + 1 : checkInt(args, 4);
  let kind: number; // 0 string, 1 table, 2 function
  let replStr = "";
  if (typeof repl === "string") {
    kind = 0;
    replStr = repl;
  } else if (isNumber(repl)) {
    kind = 0;
    replStr = numberToString(repl);
  } else if (repl instanceof LuaTable) kind = 1;
  else if (typeName(repl) === "function") kind = 2;
  else return typeError(args, 3, "string/function/table");
  const anchor = p.charCodeAt(0) === 94;
  const p0 = anchor ? 1 : 0;
  const ms = new MatchState(L, src, p);
  const first = anchor ? -1 : firstLiteral(p, p0);
  const firstCh = first >= 0 ? String.fromCharCode(first) : "";
  const fset = anchor || first >= 0 ? null : firstSet(ms);
  let parts: ReplPart[] | undefined; // the parsed replacement, on the first match
  const plainRepl = kind === 0 && replStr.indexOf("%") < 0;
  let out = "";
  let copied = 0; // src[0, copied) is already in out
  let s = 0;
  let lastMatch = -1;
  let n = 0;
  let changed = false;
  while (n < maxS) {
    if (first >= 0) {
      const k = src.indexOf(firstCh, s);
      if (k < 0) break;
      s = k;
    } else if (fset !== null) {
      s = skipTo(fset, src, s);
      if (s >= srcl) break;
    }
    ms.reset();
    const e = doMatch(ms, s, p0);
    if (e !== -1 && e !== lastMatch) {
      n++;
      // the text before the match, then the replacement
      if (s > copied) out += src.slice(copied, s);
      copied = e;
      if (plainRepl) {
        out += replStr;
        changed = true;
      } else if (kind === 0) {
        if (parts === undefined) parts = parseRepl(replStr);
        for (let i = 0; i < parts.length; i++) {
          const part = parts[i];
          if (typeof part === "string") out += part;
          else if (part === 0) out += src.slice(s, e);
          else {
            const v = getCapture(ms, part - 1, s, e);
            out += typeof v === "string" ? v : String(v);
          }
        }
        changed = true;
      } else {
        let v: LuaValue;
        if (kind === 1) v = L.index(repl, getCapture(ms, 0, s, e));
        else v = L.call(repl, getCaptures(ms, s, e))[0];
        if (v === undefined || v === false) {
          out += src.slice(s, e); // keep the original text
        } else if (typeof v === "string") {
          out += v;
          changed = true;
        } else if (isNumber(v)) {
          out += numberToString(v);
          changed = true;
        } else nativeError(`invalid replacement value (a ${typeName(v)})`);
      }
      s = lastMatch = e;
    } else if (s < srcl) s++;
    else break;
    if (anchor) break;
  }
  if (!changed) return [src, n];
  if (copied < srcl) out += src.slice(copied);
  return [out, n];
}
