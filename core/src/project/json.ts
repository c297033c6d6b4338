// JSON documents with positions: parse a file keeping its syntax tree, so that any JSON path
// can be turned into file:line:column for messages, and format paths as JSON pointers.

import { findNodeAtLocation, type Node, type ParseError, parseTree, printParseErrorCode } from "jsonc-parser";

export type JsonPath = (string | number)[];

/** One problem in a file, at a JSON path. */
export interface Issue {
  file: string;
  line: number;
  column: number;
  /** JSON pointer ("/handlers/main/script"), "" for the whole document. */
  pointer: string;
  message: string;
}

/** A JSON pointer for a path (RFC 6901 escaping). */
export function pointer(path: JsonPath): string {
  return path.map((p) => `/${String(p).replace(/~/g, "~0").replace(/\//g, "~1")}`).join("");
}

/** A path from a JSON pointer. */
export function fromPointer(ptr: string): JsonPath {
  if (ptr === "") return [];
  return ptr
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** Formats an issue as one line: file:line:col: /path: message. */
export function formatIssue(i: Issue): string {
  const where = i.line > 0 ? `${i.file}:${i.line}:${i.column}` : i.file;
  return i.pointer ? `${where}: ${i.pointer}: ${i.message}` : `${where}: ${i.message}`;
}

export class JsonDocument {
  readonly value: unknown;
  private readonly tree: Node | undefined;
  private readonly lineStarts: number[] = [0];

  constructor(
    readonly file: string,
    readonly text: string,
  ) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
    const errors: ParseError[] = [];
    this.tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
    if (errors.length > 0) {
      throw new IssueError(
        errors.slice(0, 5).map((e) => ({
          ...this.position(e.offset),
          file,
          pointer: "",
          message: `invalid JSON: ${describeParseError(printParseErrorCode(e.error))}`,
        })),
      );
    }
    this.value = this.tree ? nodeValue(this.tree) : undefined;
  }

  /** line and column (1-based) of an offset. */
  position(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const m = (lo + hi + 1) >> 1;
      if (this.lineStarts[m] <= offset) lo = m;
      else hi = m - 1;
    }
    return { line: lo + 1, column: offset - this.lineStarts[lo] + 1 };
  }

  /** The position of the deepest existing node on a path (its key, for properties). */
  locate(path: JsonPath): { line: number; column: number } {
    if (!this.tree) return { line: 1, column: 1 };
    // JSON pointers carry array indices as strings; the tree wants numbers
    const at: JsonPath = [];
    let node: Node | undefined = this.tree;
    for (const seg of path) {
      const key: string | number = node?.type === "array" && /^\d+$/.test(String(seg)) ? Number(seg) : seg;
      const next: Node | undefined = node ? findNodeAtLocation(node, [key]) : undefined;
      if (!next) break;
      at.push(key);
      node = next;
    }
    const target = node ?? this.tree;
    const keyNode = target.parent?.type === "property" ? target.parent : target;
    return this.position(keyNode.offset);
  }

  /** An issue at a path ("/" for the whole document). */
  issue(path: JsonPath, message: string): Issue {
    return { file: this.file, ...this.locate(path), pointer: pointer(path) || "/", message };
  }
}

/** Problems found in one or more files. */
export class IssueError extends Error {
  readonly issues: Issue[];
  constructor(issues: Issue[]) {
    super(issues.map(formatIssue).join("\n"));
    this.name = "IssueError";
    this.issues = issues;
  }
}

function describeParseError(code: string): string {
  const map: Record<string, string> = {
    InvalidSymbol: "unexpected character",
    InvalidNumberFormat: "malformed number",
    PropertyNameExpected: "property name expected",
    ValueExpected: "value expected",
    ColonExpected: "':' expected",
    CommaExpected: "',' expected",
    CloseBraceExpected: "'}' expected",
    CloseBracketExpected: "']' expected",
    EndOfFileExpected: "end of file expected",
    InvalidCommentToken: "comments are not allowed",
    UnexpectedEndOfComment: "unexpected end of comment",
    UnexpectedEndOfString: "unterminated string",
    UnexpectedEndOfNumber: "unexpected end of number",
    InvalidUnicode: "invalid unicode escape",
    InvalidEscapeCharacter: "invalid escape character",
    InvalidCharacter: "invalid character",
  };
  return map[code] ?? code;
}

/** The plain value of a tree node (own properties only, so "__proto__" stays a key). */
function nodeValue(n: Node): unknown {
  switch (n.type) {
    case "object": {
      const o: Record<string, unknown> = {};
      for (const p of n.children ?? []) {
        const [k, v] = p.children ?? [];
        if (!k || !v) continue;
        Object.defineProperty(o, k.value as string, {
          value: nodeValue(v),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return o;
    }
    case "array":
      return (n.children ?? []).map(nodeValue);
    default:
      return n.value;
  }
}
