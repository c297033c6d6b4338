// Config layering: the project's base config < overlay files (in order) < --set values.
// Objects merge key by key; anything else (arrays included) replaces what was below.

import { readFileSync } from "node:fs";
import { relative, resolve } from "node:path";
import { type Issue, IssueError, JsonDocument } from "./json.js";

export interface ConfigLayers {
  /** Overlay files (JSON objects), applied in order. */
  overlays?: string[];
  /** "path.to.key=value" assignments; the value is JSON when it parses, else a string. */
  sets?: string[];
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Deep merge of b over a (new objects; inputs untouched). */
export function merge(a: unknown, b: unknown): unknown {
  if (!isObject(a) || !isObject(b)) return structuredClone(b);
  const out: Record<string, unknown> = structuredClone(a);
  for (const k of Object.keys(b)) {
    const v = k in out ? merge(out[k], b[k]) : structuredClone(b[k]);
    Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** Parses one --set assignment into a nested object. */
export function parseSet(assign: string): Record<string, unknown> {
  const eq = assign.indexOf("=");
  if (eq <= 0) {
    throw new IssueError([
      { file: "--set", line: 0, column: 0, pointer: "", message: `'${assign}' is not path=value (e.g. db.port=5432)` },
    ]);
  }
  const keys = assign.slice(0, eq).split(".");
  if (keys.some((k) => k === "")) {
    throw new IssueError([
      { file: "--set", line: 0, column: 0, pointer: "", message: `'${assign}' has an empty key in its path` },
    ]);
  }
  const raw = assign.slice(eq + 1);
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    value = raw;
  }
  let out: unknown = value;
  for (let i = keys.length - 1; i >= 0; i--) {
    const o: Record<string, unknown> = {};
    Object.defineProperty(o, keys[i], { value: out, enumerable: true, writable: true, configurable: true });
    out = o;
  }
  return out as Record<string, unknown>;
}

/** The layered config. Throws IssueError for unreadable or malformed overlays and --set values. */
export function layerConfig(base: Record<string, unknown>, layers: ConfigLayers): Record<string, unknown> {
  let cfg: unknown = structuredClone(base);
  const issues: Issue[] = [];
  for (const f of layers.overlays ?? []) {
    const display = relative(process.cwd(), resolve(f)) || f;
    let text: string;
    try {
      text = readFileSync(resolve(f), "utf8");
    } catch (e) {
      issues.push({
        file: display,
        line: 0,
        column: 0,
        pointer: "",
        message: `cannot read config overlay: ${(e as Error).message}`,
      });
      continue;
    }
    try {
      const doc = new JsonDocument(display, text);
      if (!isObject(doc.value))
        issues.push({ ...doc.issue([], "a config overlay must be a JSON object"), pointer: "" });
      else cfg = merge(cfg, doc.value);
    } catch (e) {
      if (e instanceof IssueError) issues.push(...e.issues);
      else throw e;
    }
  }
  for (const s of layers.sets ?? []) {
    try {
      cfg = merge(cfg, parseSet(s));
    } catch (e) {
      if (e instanceof IssueError) issues.push(...e.issues);
      else throw e;
    }
  }
  if (issues.length > 0) throw new IssueError(issues);
  return cfg as Record<string, unknown>;
}
