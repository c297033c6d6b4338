// The os library of a sandboxed engine: time, clock, date, difftime and getenv (the host
// supplies the clock and the environment through L.hooks; exit and friends belong to the CLI).
//
// Calendar arithmetic is done here on day numbers rather than through JS Date, so that UTC
// dates work over the whole range C's gmtime covers; JS Date is asked only for the local
// time zone's offset (and its name) at a given instant.

import { argError, nativeError } from "../vm/errors.js";
import type { LuaState } from "../vm/state.js";
import { LuaTable } from "../vm/table.js";
import { type LuaValue, mkFloat, normInt, toIntegerValue } from "../vm/value.js";
import { checkInteger, checkOption, checkString, checkType, optString, typeError } from "./args.js";
import { makeLib } from "./lib.js";

type Int = number | bigint;

/** A broken-down time, as C's struct tm but with the full year and a 1-based month. */
interface Tm {
  year: number;
  month: number; // 1..12
  day: number;
  hour: number;
  min: number;
  sec: number;
  wday: number; // 0..6, Sunday = 0
  yday: number; // 0..365
  isdst: boolean;
  gmtoff: number; // seconds east of UTC
  utc: boolean;
  time: number; // the instant, in seconds (for the zone name)
}

const INT_MAX = 2147483647;
const INT_MIN = -2147483648;

// --- calendar arithmetic (proleptic Gregorian, days counted from 1970-01-01) -------------

/** The day number of y-m-d (m in 1..12). */
function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The date [y, m, d] of a day number. */
function civilFromDays(z: number): [number, number, number] {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

const mod = (a: number, b: number) => ((a % b) + b) % b;

// --- the local time zone, from JS Date --------------------------------------------------

const DATE_LIMIT = 8.64e12; // seconds either side of the epoch that JS Date can represent

function clampTime(t: number): number {
  return Math.max(-DATE_LIMIT, Math.min(DATE_LIMIT, t));
}

/** The local zone's offset from UTC, in seconds east, at instant t (seconds). */
function localOffset(t: number): number {
  return Math.round(-new Date(clampTime(t) * 1000).getTimezoneOffset() * 60);
}

/** Whether daylight saving time is in effect at t with offset off (in year y). */
function localIsDst(off: number, y: number): boolean {
  const jan = localOffset(daysFromCivil(y, 1, 1) * 86400);
  const jul = localOffset(daysFromCivil(y, 7, 1) * 86400);
  return jan !== jul && off > Math.min(jan, jul);
}

/**
 * The local zone's abbreviation at t as far as Intl knows it: "UTC", "EST", "PDT"; zones
 * without an English abbreviation come out as "GMT+2" (glibc would say "CEST").
 */
function localZoneName(t: number, off: number): string {
  try {
    const fmt = new Intl.DateTimeFormat("en-US", { timeZoneName: "short" });
    const part = fmt.formatToParts(new Date(clampTime(t) * 1000)).find((p) => p.type === "timeZoneName");
    if (part !== undefined) return part.value;
  } catch {
    // no Intl: fall through
  }
  if (off === 0) return "UTC";
  const a = Math.abs(off);
  return `GMT${off < 0 ? "-" : "+"}${Math.floor(a / 3600)}${a % 3600 ? `:${pad2(Math.floor((a % 3600) / 60))}` : ""}`;
}

// --- time <-> broken-down time -----------------------------------------------------------

/** Splits seconds since the epoch into [days, seconds within the day]. */
function splitTime(t: Int): [number, number] {
  if (typeof t === "number") {
    const days = Math.floor(t / 86400);
    return [days, t - days * 86400];
  }
  let days = t / 86400n;
  let sod = t % 86400n;
  if (sod < 0n) {
    sod += 86400n;
    days -= 1n;
  }
  return [Number(days), Number(sod)];
}

/** gmtime or localtime of t; undefined when the year does not fit a C int. */
function breakDown(t: Int, utc: boolean): Tm | undefined {
  let off = 0;
  let days: number;
  let sod: number;
  [days, sod] = splitTime(t);
  if (!utc) {
    off = localOffset(typeof t === "number" ? t : Number(t));
    sod += off;
    const carry = Math.floor(sod / 86400);
    days += carry;
    sod -= carry * 86400;
  }
  const [year, month, day] = civilFromDays(days);
  if (year - 1900 > INT_MAX || year - 1900 < INT_MIN) return undefined;
  return {
    year,
    month,
    day,
    hour: Math.floor(sod / 3600),
    min: Math.floor((sod % 3600) / 60),
    sec: sod % 60,
    wday: mod(days + 4, 7), // 1970-01-01 was a Thursday
    yday: days - daysFromCivil(year, 1, 1),
    isdst: utc ? false : localIsDst(off, year),
    gmtoff: off,
    utc,
    time: typeof t === "number" ? t : Number(t),
  };
}

/**
 * mktime: the instant of a local date and time whose fields may be out of range (they
 * carry over, as in C). month is 0-based here, like tm_mon. A time skipped by a DST change
 * is read with the offset from before the change, as glibc does; a repeated one is taken
 * the first time it occurs (JS Date's rule; glibc may pick the second).
 */
function makeTime(year: number, mon: number, day: number, hour: number, min: number, sec: number): Int {
  const days = daysFromCivil(year + Math.floor(mon / 12), mod(mon, 12) + 1, 1) + day - 1;
  const secs = hour * 3600 + min * 60 + sec;
  const allDays = days + Math.floor(secs / 86400);
  const sod = mod(secs, 86400);
  if (Math.abs(allDays) < DATE_LIMIT / 86400 - 2) {
    const [y, m, d] = civilFromDays(allDays);
    const dt = new Date(0);
    dt.setFullYear(y, m - 1, d); // not the Date constructor, which maps years 0-99 to 19xx
    dt.setHours(Math.floor(sod / 3600), Math.floor((sod % 3600) / 60), sod % 60, 0);
    return dt.getTime() / 1000;
  }
  // beyond JS Date's range: the offset of its last representable instant
  const local = BigInt(allDays) * 86400n + BigInt(sod);
  return normInt(local - BigInt(localOffset(allDays * 86400)));
}

// --- strftime -------------------------------------------------------------------------------

const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** Conversions C99 strftime knows, as Lua 5.4 accepts them: one letter, then E/O forms. */
const OPTIONS1 = "aAbBcCdDeFgGhHIjmMnprRStTuUVwWxXyYzZ%";
const OPTIONS2 = [
  "Ec",
  "EC",
  "Ex",
  "EX",
  "Ey",
  "EY",
  "Od",
  "Oe",
  "OH",
  "OI",
  "Om",
  "OM",
  "OS",
  "Ou",
  "OU",
  "OV",
  "Ow",
  "OW",
  "Oy",
];

function pad2(n: number): string {
  return n < 10 && n >= 0 ? `0${n}` : String(n);
}

function pad3(n: number): string {
  return n < 10 ? `00${n}` : n < 100 ? `0${n}` : String(n);
}

/** ISO 8601 weeks in year y: 53 when it starts on a Thursday (or Wednesday in a leap year). */
function isoWeeks(y: number): number {
  const p = (x: number) => mod(x + Math.floor(x / 4) - Math.floor(x / 100) + Math.floor(x / 400), 7);
  return p(y) === 4 || p(y - 1) === 3 ? 53 : 52;
}

/** [ISO year, ISO week] of a date (%G, %V). */
function isoWeek(tm: Tm): [number, number] {
  const w = Math.floor((tm.yday - mod(tm.wday + 6, 7) + 10) / 7);
  if (w < 1) return [tm.year - 1, isoWeeks(tm.year - 1)];
  if (w > isoWeeks(tm.year)) return [tm.year + 1, 1];
  return [tm.year, w];
}

/** One conversion (without the E/O modifier) in the C locale. */
function convert(c: string, tm: Tm): string {
  switch (c) {
    case "a":
      return DAYS[tm.wday].slice(0, 3);
    case "A":
      return DAYS[tm.wday];
    case "b":
    case "h":
      return MONTHS[tm.month - 1].slice(0, 3);
    case "B":
      return MONTHS[tm.month - 1];
    case "c":
      return `${convert("a", tm)} ${convert("b", tm)} ${convert("e", tm)} ${convert("T", tm)} ${tm.year}`;
    case "C":
      return String(Math.floor(tm.year / 100));
    case "d":
      return pad2(tm.day);
    case "D":
    case "x":
      return `${pad2(tm.month)}/${pad2(tm.day)}/${convert("y", tm)}`;
    case "e":
      return tm.day < 10 ? ` ${tm.day}` : String(tm.day);
    case "F":
      return `${tm.year}-${pad2(tm.month)}-${pad2(tm.day)}`;
    case "g":
      return pad2(mod(isoWeek(tm)[0], 100));
    case "G":
      return String(isoWeek(tm)[0]);
    case "H":
      return pad2(tm.hour);
    case "I":
      return pad2(tm.hour % 12 || 12);
    case "j":
      return pad3(tm.yday + 1);
    case "m":
      return pad2(tm.month);
    case "M":
      return pad2(tm.min);
    case "n":
      return "\n";
    case "p":
      return tm.hour < 12 ? "AM" : "PM";
    case "r":
      return `${convert("I", tm)}:${pad2(tm.min)}:${pad2(tm.sec)} ${convert("p", tm)}`;
    case "R":
      return `${pad2(tm.hour)}:${pad2(tm.min)}`;
    case "S":
      return pad2(tm.sec);
    case "t":
      return "\t";
    case "T":
    case "X":
      return `${pad2(tm.hour)}:${pad2(tm.min)}:${pad2(tm.sec)}`;
    case "u":
      return String(tm.wday || 7);
    case "U":
      return pad2(Math.floor((tm.yday + 7 - tm.wday) / 7));
    case "V":
      return pad2(isoWeek(tm)[1]);
    case "w":
      return String(tm.wday);
    case "W":
      return pad2(Math.floor((tm.yday + 7 - mod(tm.wday + 6, 7)) / 7));
    case "y":
      return pad2(mod(tm.year, 100));
    case "Y":
      return String(tm.year);
    case "z": {
      const a = Math.floor(Math.abs(tm.gmtoff) / 60);
      return `${tm.gmtoff < 0 ? "-" : "+"}${pad2(Math.floor(a / 60))}${pad2(a % 60)}`;
    }
    case "Z":
      return tm.utc ? "GMT" : localZoneName(tm.time, tm.gmtoff);
    default: // "%"
      return "%";
  }
}

/** Expands a date format (after any "!") for one broken-down time. */
function strftime(fmt: string, tm: Tm): string {
  let out = "";
  let i = 0;
  while (i < fmt.length) {
    const pct = fmt.indexOf("%", i);
    if (pct < 0) {
      out += fmt.slice(i);
      break;
    }
    out += fmt.slice(i, pct);
    i = pct + 1;
    const c = fmt.charAt(i);
    if (c !== "" && OPTIONS1.includes(c)) {
      out += convert(c, tm);
      i++;
    } else if (OPTIONS2.includes(fmt.slice(i, i + 2))) {
      out += convert(fmt.charAt(i + 1), tm); // E and O forms are the plain ones in the C locale
      i += 2;
    } else argError(1, `invalid conversion specifier '%${fmt.slice(i)}'`);
  }
  return out;
}

// --- the library functions -----------------------------------------------------------------

/** Sets the fields of a date table ("*t", and os.time's normalization), in PUC's order. */
function setAllFields(L: LuaState, t: LuaValue, tm: Tm): void {
  const set = (k: string, v: LuaValue) => {
    if (t instanceof LuaTable && t.metatable === undefined) t.set(k, v);
    else L.setIndex(t, k, v);
  };
  set("year", tm.year);
  set("month", tm.month);
  set("day", tm.day);
  set("hour", tm.hour);
  set("min", tm.min);
  set("sec", tm.sec);
  set("yday", tm.yday + 1);
  set("wday", tm.wday + 1);
  set("isdst", tm.isdst);
}

/** Reads t[key] as os.time does: an integer, the default d when absent (d < 0: required). */
function getField(L: LuaState, t: LuaValue, key: string, d: number, delta: number): number {
  const v = t instanceof LuaTable && t.metatable === undefined ? t.getStr(key) : L.index(t, key);
  const res = toIntegerValue(v);
  if (res === undefined) {
    if (v !== undefined) return nativeError(`field '${key}' is not an integer`);
    if (d < 0) return nativeError(`field '${key}' missing in date table`);
    return d;
  }
  if (typeof res !== "number" || !(res >= 0 ? res - delta <= INT_MAX : INT_MIN + delta <= res)) {
    return nativeError(`field '${key}' is out-of-bound`);
  }
  return res - delta;
}

function osTime(L: LuaState, args: LuaValue[]): LuaValue[] {
  if (args[0] === undefined) return [Math.floor(L.hooks.now())];
  checkType(args, 1, "table");
  const tab = args[0];
  const year = getField(L, tab, "year", -1, 1900) + 1900;
  const mon = getField(L, tab, "month", -1, 1);
  const day = getField(L, tab, "day", -1, 0);
  const hour = getField(L, tab, "hour", 12, 0);
  const min = getField(L, tab, "min", 0, 0);
  const sec = getField(L, tab, "sec", 0, 0);
  // isdst is not read: JS offers no way to ask for one interpretation of an ambiguous time
  const t = makeTime(year, mon, day, hour, min, sec);
  const tm = breakDown(t, false);
  // t == -1 is mktime's error value: PUC reports it even for the real instant -1
  if (tm === undefined || t === -1) return nativeError("time result cannot be represented in this installation");
  setAllFields(L, tab, tm);
  return [t];
}

function osDate(L: LuaState, args: LuaValue[]): LuaValue[] {
  let fmt = optString(args, 1, "%c");
  const t = args[1] === undefined ? Math.floor(L.hooks.now()) : checkInteger(args, 2);
  let utc = false;
  if (fmt.charCodeAt(0) === 33 /* ! */) {
    utc = true;
    fmt = fmt.slice(1);
  }
  const tm = breakDown(t, utc);
  if (tm === undefined) return nativeError("date result cannot be represented in this installation");
  if (fmt.startsWith("*t") && (fmt.length === 2 || fmt.charCodeAt(2) === 0)) {
    const res = new LuaTable();
    setAllFields(L, res, tm);
    return [res];
  }
  return [strftime(fmt, tm)];
}

/** UTF-8 bytes of a JS string (environment values cross the host boundary as text). */
function toBytes(s: string): string {
  let out = "";
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    if (c < 0x80) out += ch;
    else if (c < 0x800) out += String.fromCharCode(0xc0 | (c >> 6), 0x80 | (c & 0x3f));
    else if (c < 0x10000) out += String.fromCharCode(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
    else
      out += String.fromCharCode(
        0xf0 | (c >> 18),
        0x80 | ((c >> 12) & 0x3f),
        0x80 | ((c >> 6) & 0x3f),
        0x80 | (c & 0x3f),
      );
  }
  return out;
}

/** A JS string from UTF-8 bytes (left as they are when they are not valid UTF-8). */
function fromBytes(b: string): string {
  let ascii = true;
  let escaped = "";
  for (let i = 0; i < b.length; i++) {
    const c = b.charCodeAt(i);
    if (c >= 0x80) ascii = false;
    escaped += `%${c < 16 ? "0" : ""}${c.toString(16)}`;
  }
  if (ascii) return b;
  try {
    return decodeURIComponent(escaped);
  } catch {
    return b;
  }
}

function osGetenv(L: LuaState, args: LuaValue[]): LuaValue[] {
  const v = L.hooks.getenv(fromBytes(checkString(args, 1)));
  return [v === undefined ? undefined : toBytes(v)];
}

function osDifftime(_L: LuaState, args: LuaValue[]): LuaValue[] {
  const t1 = checkInteger(args, 1);
  const t2 = checkInteger(args, 2);
  const d = typeof t1 === "number" && typeof t2 === "number" ? t1 - t2 : Number(BigInt(t1) - BigInt(t2));
  return [mkFloat(d)];
}

/** Opens the os library (time, clock, date, difftime, getenv) and sets the global `os`. */
export function openOs(L: LuaState): LuaTable {
  const t = makeLib(L, "os", {
    time: osTime,
    clock: (S) => [mkFloat(S.hooks.clock())],
    date: osDate,
    difftime: osDifftime,
    // only the portable "C" locale exists here: querying gives "C", setting it succeeds
    setlocale: (_L, args) => {
      const loc = args[0];
      if (loc !== undefined && typeof loc !== "string") return typeError(args, 1, "string");
      checkOption(args, 2, "all", ["all", "collate", "ctype", "monetary", "numeric", "time"]);
      return [loc === undefined || loc === "" || loc === "C" || loc === "POSIX" ? "C" : undefined];
    },
    getenv: osGetenv,
  });
  L.globals.set("os", t);
  return t;
}
