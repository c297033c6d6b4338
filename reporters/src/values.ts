// Turning the arbitrary values a run carries (results, payloads, expected/actual) into plain
// JSON data every writer can print. Pure: no Node APIs.

/** Plain JSON data. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** Sets a property even when it is named `__proto__` (an own, enumerable data property). */
export function setKey(o: { [key: string]: JsonValue }, k: string, v: JsonValue): void {
  if (k === "__proto__")
    Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  else o[k] = v;
}

/**
 * A JSON-safe copy of any value:
 * - BigInt -> its decimal string ("12345678901234567890");
 * - NaN, Infinity, -Infinity -> the strings "NaN", "Infinity", "-Infinity"; -0 -> 0;
 * - Map -> an object when every key is a string, number, bigint or boolean and the keys stay
 *   distinct as strings, else an array of [key, value] entries;
 * - Set and other iterables of the kind -> arrays; Date -> ISO string; typed arrays -> number arrays;
 * - Error -> { name, message };
 * - undefined, functions and symbols -> dropped from objects, null in arrays (as JSON.stringify);
 * - a value met again inside itself -> the string "[Circular]".
 * Returns undefined only when the value itself is undefined, a function or a symbol.
 */
export function jsonSafe(value: unknown): JsonValue | undefined {
  return convert(value, new Set());
}

function convert(v: unknown, seen: Set<object>): JsonValue | undefined {
  switch (typeof v) {
    case "undefined":
    case "function":
    case "symbol":
      return undefined;
    case "boolean":
    case "string":
      return v;
    case "bigint":
      return v.toString();
    case "number":
      if (Number.isNaN(v)) return "NaN";
      if (v === Number.POSITIVE_INFINITY) return "Infinity";
      if (v === Number.NEGATIVE_INFINITY) return "-Infinity";
      return v === 0 ? 0 : v;
  }
  if (v === null) return null;
  const o = v as object;
  if (o instanceof Date) return Number.isNaN(o.getTime()) ? null : o.toISOString();
  if (seen.has(o)) return "[Circular]";
  seen.add(o);
  try {
    if (Array.isArray(o)) return o.map((x) => convert(x, seen) ?? null);
    if (ArrayBuffer.isView(o)) {
      const view = o as unknown as ArrayLike<number | bigint>;
      return Array.from(view, (x) => convert(x, seen) ?? null);
    }
    if (o instanceof Set) return Array.from(o, (x) => convert(x, seen) ?? null);
    if (o instanceof Map) return mapToJson(o, seen);
    if (o instanceof Error) {
      const e: { [key: string]: JsonValue } = { name: o.name, message: o.message };
      return e;
    }
    const out: { [key: string]: JsonValue } = {};
    for (const [k, x] of Object.entries(o)) {
      const c = convert(x, seen);
      if (c !== undefined) setKey(out, k, c);
    }
    return out;
  } finally {
    seen.delete(o);
  }
}

function mapToJson(m: Map<unknown, unknown>, seen: Set<object>): JsonValue {
  const keys: string[] = [];
  let simple = true;
  for (const k of m.keys()) {
    if (typeof k === "string") keys.push(k);
    else if (typeof k === "number" || typeof k === "bigint" || typeof k === "boolean") {
      const c = convert(k, seen);
      keys.push(typeof c === "string" ? c : String(c));
    } else {
      simple = false;
      break;
    }
  }
  if (simple && new Set(keys).size === keys.length) {
    const out: { [key: string]: JsonValue } = {};
    let i = 0;
    for (const x of m.values()) {
      const c = convert(x, seen);
      const k = keys[i++]!;
      if (c !== undefined) setKey(out, k, c);
    }
    return out;
  }
  return Array.from(m, ([k, x]) => [convert(k, seen) ?? null, convert(x, seen) ?? null]);
}

/** Compact one-line JSON text of any value ("undefined" when it has none). */
export function showValue(value: unknown): string {
  const safe = jsonSafe(value);
  return safe === undefined ? "undefined" : JSON.stringify(safe);
}

/** Rounds a duration to microseconds, and makes a missing or negative one 0. */
export function roundMs(ms: number): number {
  if (!Number.isFinite(ms) || ms <= 0) return 0;
  return Math.round(ms * 1000) / 1000;
}

/**
 * Replaces control characters (C0 except those in `keep`, DEL, C1) and lone surrogates with
 * visible \uXXXX escapes, so no terminal escape or stray line break can slip through.
 */
export function escapeControls(s: string, keep = ""): string {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        out += ch + s[i + 1];
        i++;
        continue;
      }
    }
    const control = c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0xd800 && c <= 0xdfff);
    out += control && !keep.includes(ch) ? `\\u${c.toString(16).padStart(4, "0")}` : ch;
  }
  return out;
}
