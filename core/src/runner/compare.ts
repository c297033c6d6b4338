// Comparing what a handler returned with what a scenario expects, as Lua compares values:
// integers and floats by value (1 == 1.0, a BigInt equals the same number), a Map equal
// to the object with the same keys, an empty table equal to both [] and {}. And a readable
// line diff of the two for reports.

import { diffLines } from "diff";

/** A value as plain JSON-like data for display and comparison (Map -> object, BigInt kept). */
export function normalize(v: unknown): unknown {
  if (v instanceof Map) {
    const o: Record<string, unknown> = {};
    for (const [k, x] of v) o[String(k)] = normalize(x);
    return o;
  }
  if (Buffer.isBuffer(v)) return v.toString("latin1");
  if (Array.isArray(v)) return v.map(normalize);
  if (typeof v === "object" && v !== null) {
    const o: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) o[k] = normalize(x);
    return o;
  }
  return v === undefined ? null : v;
}

function isEmptyTable(v: unknown): boolean {
  if (Array.isArray(v)) return v.length === 0;
  return typeof v === "object" && v !== null && Object.keys(v).length === 0;
}

function numEq(a: number | bigint, b: number | bigint): boolean {
  if (typeof a === typeof b) return a === b;
  const n = typeof a === "number" ? a : (b as number);
  const g = typeof a === "bigint" ? a : (b as bigint);
  return Number.isInteger(n) && BigInt(n) === g;
}

/** Deep equality with Lua's rules for numbers and tables. */
export function luaEqual(expected: unknown, actual: unknown): boolean {
  const e = normalize(expected);
  const a = normalize(actual);
  return eq(e, a);
}

function eq(e: unknown, a: unknown): boolean {
  if ((typeof e === "number" || typeof e === "bigint") && (typeof a === "number" || typeof a === "bigint")) {
    return numEq(e, a) || (Number.isNaN(e) && Number.isNaN(a));
  }
  if (typeof e !== "object" || e === null || typeof a !== "object" || a === null) return e === a;
  if (isEmptyTable(e) && isEmptyTable(a)) return true;
  if (Array.isArray(e) !== Array.isArray(a)) {
    // a sequence is also a table with keys "1".."n"
    const ea = Array.isArray(e) ? Object.fromEntries(e.map((x, i) => [String(i + 1), x])) : e;
    const aa = Array.isArray(a) ? Object.fromEntries(a.map((x, i) => [String(i + 1), x])) : a;
    return eq(ea, aa);
  }
  if (Array.isArray(e) && Array.isArray(a)) {
    return e.length === a.length && e.every((x, i) => eq(x, a[i]));
  }
  const ek = Object.keys(e as object);
  const ak = Object.keys(a as object);
  if (ek.length !== ak.length) return false;
  return ek.every(
    (k) => k in (a as object) && eq((e as Record<string, unknown>)[k], (a as Record<string, unknown>)[k]),
  );
}

/** JSON text of a value for display (BigInt as a number literal, keys in their order). */
export function show(v: unknown): string {
  const text = JSON.stringify(
    normalize(v),
    (_k, x) => (typeof x === "bigint" ? `__BIGINT__${x}` : x === undefined ? null : x),
    2,
  );
  return (text ?? "null").replace(/"__BIGINT__(-?\d+)"/g, "$1");
}

/** A line diff: "- " lines are expected, "+ " lines actual, "  " lines shared. */
export function lineDiff(expected: unknown, actual: unknown): string {
  const parts = diffLines(`${show(expected)}\n`, `${show(actual)}\n`);
  const out: string[] = [];
  for (const p of parts) {
    const mark = p.added ? "+ " : p.removed ? "- " : "  ";
    for (const line of p.value.replace(/\n$/, "").split("\n")) out.push(`${mark}${line}`);
  }
  return out.join("\n");
}
