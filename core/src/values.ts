// Values across the host boundary, as the seed maps them:
//   nil <-> null, boolean <-> boolean, integer <-> number (BigInt beyond +-2^53),
//   float <-> number, string <-> string when valid UTF-8 (else Buffer),
//   sequence <-> Array, table with string keys <-> object, any other table <-> Map.
// An empty table becomes an empty object. A cycle, a function or a coroutine cannot
// cross and is reported with the path where it was met ("payload.items[2].cb").

import { LuaFloat, LuaTable, type LuaValue, normInt } from "@endymion/native";

/** A value that cannot cross the boundary; `path` says where it was met. */
export class ConversionError extends Error {
  readonly path: string;
  constructor(message: string, path: string) {
    super(`${message} at ${path}`);
    this.name = "ConversionError";
    this.path = path;
  }
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

function keyPath(path: string, k: string | number): string {
  if (typeof k === "number") return `${path}[${k}]`;
  return /^[A-Za-z_$][\w$]*$/.test(k) ? `${path}.${k}` : `${path}[${JSON.stringify(k)}]`;
}

/** A byte string as JS: a string when it is valid UTF-8, else a Buffer. */
export function bytesToJS(s: string): string | Buffer {
  const b = Buffer.from(s, "latin1");
  let ascii = true;
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) > 0x7f) {
      ascii = false;
      break;
    }
  }
  if (ascii) return s;
  try {
    return utf8.decode(b);
  } catch {
    return b;
  }
}

/** A JS string as a Lua byte string (UTF-8). */
export function stringToLua(s: string): string {
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) > 0x7f) return Buffer.from(s, "utf8").toString("latin1");
  }
  return s;
}

function setField(o: Record<string, unknown>, k: string, v: unknown): void {
  if (k === "__proto__")
    Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  else o[k] = v;
}

/** Converts a Lua value for the host. */
export function toJS(v: LuaValue, path = "value", seen: Set<LuaTable> = new Set()): unknown {
  switch (typeof v) {
    case "undefined":
      return null;
    case "boolean":
      return v;
    case "number":
      return v;
    case "bigint":
      return v;
    case "string":
      return bytesToJS(v);
  }
  if (v instanceof LuaFloat) return v.n;
  if (v instanceof LuaTable) {
    if (seen.has(v)) throw new ConversionError("cannot convert a table that contains itself (a cycle)", path);
    seen.add(v);
    try {
      return tableToJS(v, path, seen);
    } finally {
      seen.delete(v);
    }
  }
  const what = (v as { isLuaThread?: boolean }).isLuaThread
    ? "a coroutine"
    : (v as { isLuaFunction?: boolean }).isLuaFunction
      ? "a function"
      : "a userdata";
  throw new ConversionError(`cannot convert ${what}`, path);
}

function tableToJS(t: LuaTable, path: string, seen: Set<LuaTable>): unknown {
  const n = t.arr.length;
  if (t.hcount === 0) {
    if (n > 0 && t.arrNils === 0) return t.arr.map((x, i) => toJS(x, keyPath(path, i + 1), seen));
    if (n === 0) return {};
  }
  let stringKeys = n === 0 || t.arrNils === n;
  if (stringKeys) {
    for (let i = 0; i < t.hkeys.length; i++) {
      if (t.hvals[i] !== undefined && typeof t.hkeys[i] !== "string") {
        stringKeys = false;
        break;
      }
    }
  }
  if (stringKeys) {
    const o: Record<string, unknown> = {};
    for (let i = 0; i < t.hkeys.length; i++) {
      const val = t.hvals[i];
      if (val === undefined) continue;
      const k = bytesToJS(t.hkeys[i] as string);
      const ks = typeof k === "string" ? k : k.toString("latin1");
      setField(o, ks, toJS(val, keyPath(path, ks), seen));
    }
    return o;
  }
  const m = new Map<unknown, unknown>();
  for (let i = 0; i < n; i++) if (t.arr[i] !== undefined) m.set(i + 1, toJS(t.arr[i], keyPath(path, i + 1), seen));
  for (let i = 0; i < t.hkeys.length; i++) {
    const val = t.hvals[i];
    if (val === undefined) continue;
    const key = t.hkeys[i];
    const kjs = toJS(key, `${path} (a key)`, seen);
    m.set(kjs, toJS(val, keyPath(path, typeof kjs === "string" || typeof kjs === "number" ? kjs : "?"), seen));
  }
  return m;
}

/** Converts a host value for Lua. */
export function toLua(v: unknown, path = "value", seen: Set<object> = new Set()): LuaValue {
  switch (typeof v) {
    case "undefined":
      return undefined;
    case "boolean":
      return v;
    case "number":
      if (Number.isInteger(v) && !Number.isSafeInteger(v)) return new LuaFloat(v);
      return v;
    case "bigint":
      if (v < -(2n ** 63n) || v >= 2n ** 63n) throw new ConversionError("integer does not fit in 64 bits", path);
      return normInt(v);
    case "string":
      return stringToLua(v);
    case "function":
      throw new ConversionError("cannot convert a function", path);
    case "symbol":
      throw new ConversionError("cannot convert a symbol", path);
  }
  if (v === null) return undefined;
  if (v instanceof Uint8Array) return Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString("latin1");
  const o = v as object;
  if (seen.has(o)) throw new ConversionError("cannot convert a value that contains itself (a cycle)", path);
  seen.add(o);
  try {
    const t = new LuaTable();
    if (Array.isArray(o)) {
      t.setArray(o.map((x, i) => toLua(x, keyPath(path, i), seen)));
    } else if (o instanceof Map) {
      for (const [k, x] of o) {
        const key = toLua(k, `${path} (a key)`, seen);
        if (key === undefined || (typeof key === "number" && Number.isNaN(key))) {
          throw new ConversionError("a Map key cannot be null or NaN", path);
        }
        t.set(key, toLua(x, keyPath(path, String(k)), seen));
      }
    } else {
      const proto = Object.getPrototypeOf(o);
      if (proto !== Object.prototype && proto !== null) {
        throw new ConversionError(`cannot convert a ${o.constructor?.name ?? "non-plain"} object`, path);
      }
      for (const k of Object.keys(o)) {
        const x = toLua((o as Record<string, unknown>)[k], keyPath(path, k), seen);
        if (x !== undefined) t.set(stringToLua(k), x);
      }
    }
    return t;
  } finally {
    seen.delete(o);
  }
}
