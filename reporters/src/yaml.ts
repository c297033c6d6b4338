// A small YAML 1.2 emitter for plain JSON data (the TAP diagnostics). Every line it writes
// starts with the given indent, so a block can be embedded anywhere in a TAP stream.

import type { JsonValue } from "./values.js";

const RESERVED = new Set(["true", "false", "null", "yes", "no", "on", "off", "y", "n"]);

/** A string that can be written as a plain (unquoted) YAML scalar and read back as itself. */
function isPlain(s: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_ ./-]*$/.test(s) && !s.endsWith(" ") && !RESERVED.has(s.toLowerCase());
}

/** True for characters YAML cannot carry raw inside a quoted or block scalar. */
function needsEscape(c: number): boolean {
  return (
    (c < 0x20 && c !== 0x09) ||
    (c >= 0x7f && c <= 0x9f) ||
    (c >= 0xd800 && c <= 0xdfff) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0xfeff ||
    c === 0xfffe ||
    c === 0xffff
  );
}

/** A double-quoted YAML scalar (JSON string syntax, which YAML reads the same way). */
export function quote(s: string): string {
  const json = JSON.stringify(s);
  let out = "";
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < json.length) {
      const d = json.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        out += json[i]! + json[i + 1]!;
        i++;
        continue;
      }
    }
    out += needsEscape(c) ? `\\u${c.toString(16).padStart(4, "0")}` : json[i]!;
  }
  return out;
}

/** Whether a string can be written as a `|-` block literal: several lines, no trailing break. */
function isBlock(s: string): boolean {
  if (!s.includes("\n") || s.endsWith("\n")) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      // a surrogate pair is fine in a block; a lone half is not
      const d = s.charCodeAt(i + 1);
      if (!(d >= 0xdc00 && d <= 0xdfff)) return false;
      i++;
    } else if (c !== 0x0a && needsEscape(c)) return false;
  }
  return true;
}

function scalar(v: JsonValue): string | undefined {
  if (v === null) return "null";
  if (typeof v === "boolean") return v ? "true" : "false";
  if (typeof v === "number") return String(v);
  if (typeof v === "string") return isPlain(v) ? v : quote(v);
  if (Array.isArray(v)) return v.length === 0 ? "[]" : undefined;
  return Object.keys(v).length === 0 ? "{}" : undefined;
}

function key(k: string): string {
  return isPlain(k) ? k : quote(k);
}

/** `head` followed by the value: inline when it is a scalar, else on the following lines. */
function node(head: string, v: JsonValue, indent: string, out: string[]): void {
  if (typeof v === "string" && isBlock(v)) {
    const lines = v.split("\n");
    // An explicit indentation indicator when the content itself starts with spaces (or is empty).
    const indicator = lines[0] === "" || lines[0]!.startsWith(" ") ? "2" : "";
    out.push(`${head} |${indicator}-`);
    for (const line of lines) out.push(`${indent}  ${line}`);
    return;
  }
  const s = scalar(v);
  if (s !== undefined) {
    out.push(`${head} ${s}`);
    return;
  }
  out.push(head);
  block(v, `${indent}  `, out);
}

/** Lines of a non-scalar value (or a scalar alone on a line) at `indent`. */
function block(v: JsonValue, indent: string, out: string[]): void {
  if (Array.isArray(v) && v.length > 0) {
    for (const item of v) {
      const s = scalar(item);
      if (typeof item === "string" && isBlock(item)) {
        node(`${indent}-`, item, indent, out);
      } else if (s !== undefined) {
        out.push(`${indent}- ${s}`);
      } else {
        // A nested collection: its first line shares the "- " with the entry.
        const inner: string[] = [];
        block(item, `${indent}  `, inner);
        inner[0] = `${indent}- ${inner[0]!.slice(indent.length + 2)}`;
        out.push(...inner);
      }
    }
    return;
  }
  if (v !== null && typeof v === "object" && !Array.isArray(v) && Object.keys(v).length > 0) {
    for (const [k, x] of Object.entries(v)) node(`${indent}${key(k)}:`, x, indent, out);
    return;
  }
  out.push(`${indent}${scalar(v) ?? "null"}`);
}

/** YAML lines of a mapping (the diagnostics object), each starting with `indent`. */
export function yamlLines(v: { [key: string]: JsonValue }, indent: string): string[] {
  const out: string[] = [];
  block(v, indent, out);
  return out;
}
