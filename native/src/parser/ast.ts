// The abstract syntax tree: what the parser builds and the compiler reads (types only).
//
// Every node carries the source line it starts on; binary operators carry the line of the
// operator and calls the line of their argument list, because that is the line PUC-Rio
// reports for errors raised by those instructions. Strings are byte strings (one char per
// byte, codes 0-255), exactly as they will live in the VM.

export interface Block {
  body: Stat[];
  /** Line of the token that ends the block ('end', 'until', 'else', <eof>...). */
  endLine: number;
  /**
   * Line of the block's last token (or of the token before it when it is empty): PUC-Rio's
   * `lastline` when the block ends, the line of code emitted right after it.
   */
  lastLine: number;
}

export type Stat =
  | LocalStat
  | AssignStat
  | CallStat
  | DoStat
  | WhileStat
  | RepeatStat
  | IfStat
  | NumericForStat
  | GenericForStat
  | FunctionStat
  | LocalFunctionStat
  | ReturnStat
  | BreakStat
  | GotoStat
  | LabelStat;

/** `local a <const>, b <close> = e1, e2` */
export interface LocalStat {
  kind: "Local";
  line: number;
  names: string[];
  /** Attribute per name: undefined, "const" or "close" (the parser rejects any other). */
  attribs: (string | undefined)[];
  exprs: Expr[];
}

/** `a, b.c, d[e] = e1, e2, e3` */
export interface AssignStat {
  kind: "Assign";
  line: number;
  targets: (NameExpr | IndexExpr)[];
  exprs: Expr[];
}

/** A function or method call used as a statement. */
export interface CallStat {
  kind: "CallStat";
  line: number;
  call: CallExpr | MethodCallExpr;
}

export interface DoStat {
  kind: "Do";
  line: number;
  body: Block;
}

export interface WhileStat {
  kind: "While";
  line: number;
  cond: Expr;
  body: Block;
}

/** `repeat body until cond`: cond sees the body's locals. */
export interface RepeatStat {
  kind: "Repeat";
  line: number;
  body: Block;
  cond: Expr;
}

export interface IfStat {
  kind: "If";
  line: number;
  /** `if c then b` followed by each `elseif c then b`. */
  /** thenLine: where the test of a condition that is not a comparison goes, as in PUC-Rio. */
  clauses: { cond: Expr; body: Block; line: number; thenLine: number }[];
  orelse?: Block;
}

export interface NumericForStat {
  kind: "NumericFor";
  line: number;
  var: string;
  start: Expr;
  limit: Expr;
  step?: Expr;
  body: Block;
}

export interface GenericForStat {
  kind: "GenericFor";
  line: number;
  /** Line of the first token after `in`: the iterator call's line in messages. */
  callLine: number;
  names: string[];
  exprs: Expr[];
  body: Block;
}

/**
 * `function a.b.c:m(...) end`: path is ["a", "b", "c"], method is "m" when the colon
 * form is used (then func.params starts with "self").
 */
export interface FunctionStat {
  kind: "Function";
  line: number;
  path: string[];
  method?: string;
  func: FunctionExpr;
}

export interface LocalFunctionStat {
  kind: "LocalFunction";
  line: number;
  name: string;
  func: FunctionExpr;
}

export interface ReturnStat {
  kind: "Return";
  line: number;
  exprs: Expr[];
}

export interface BreakStat {
  kind: "Break";
  line: number;
}

export interface GotoStat {
  kind: "Goto";
  line: number;
  label: string;
}

export interface LabelStat {
  kind: "Label";
  line: number;
  name: string;
}

export type Expr =
  | NilExpr
  | TrueExpr
  | FalseExpr
  | NumberExpr
  | StringExpr
  | VarargExpr
  | FunctionExpr
  | TableExpr
  | BinaryExpr
  | UnaryExpr
  | NameExpr
  | IndexExpr
  | CallExpr
  | MethodCallExpr
  | ParenExpr;

export interface NilExpr {
  kind: "Nil";
  line: number;
}
export interface TrueExpr {
  kind: "True";
  line: number;
}
export interface FalseExpr {
  kind: "False";
  line: number;
}

/**
 * A numeric literal. Integers that fit in a safe JS integer are numbers, larger ones
 * bigint (already wrapped to 64 bits, as Lua reads hex literals); floats are numbers with
 * isFloat set (so `1.0` is { value: 1, isFloat: true }).
 */
export interface NumberExpr {
  kind: "Number";
  line: number;
  value: number | bigint;
  isFloat: boolean;
}

export interface StringExpr {
  kind: "String";
  line: number;
  value: string;
}

export interface VarargExpr {
  kind: "Vararg";
  line: number;
}

export interface FunctionExpr {
  kind: "Function";
  line: number;
  /** Line of the closing 'end'. */
  endLine: number;
  params: string[];
  isVararg: boolean;
  body: Block;
  /** A name for messages when the function is declared by a statement ("a.b:c"). */
  name?: string;
}

export interface TableField {
  /** "positional" for `{e}`, "named" for `{name = e}`, "keyed" for `{[k] = e}`. */
  type: "positional" | "named" | "keyed";
  key?: Expr;
  value: Expr;
  line: number;
}

export interface TableExpr {
  kind: "Table";
  line: number;
  fields: TableField[];
}

export type BinaryOp =
  | "+"
  | "-"
  | "*"
  | "/"
  | "//"
  | "%"
  | "^"
  | ".."
  | "=="
  | "~="
  | "<"
  | "<="
  | ">"
  | ">="
  | "and"
  | "or"
  | "&"
  | "|"
  | "~"
  | "<<"
  | ">>";

export interface BinaryExpr {
  kind: "Binary";
  /** Line of the operator. */
  line: number;
  op: BinaryOp;
  left: Expr;
  right: Expr;
}

export type UnaryOp = "-" | "not" | "#" | "~";

export interface UnaryExpr {
  kind: "Unary";
  line: number;
  op: UnaryOp;
  operand: Expr;
}

export interface NameExpr {
  kind: "Name";
  line: number;
  name: string;
}

/** `obj[key]`, and `obj.name` with key a StringExpr. */
export interface IndexExpr {
  kind: "Index";
  line: number;
  object: Expr;
  key: Expr;
}

export interface CallExpr {
  kind: "Call";
  /** Line of the argument list's first token. */
  line: number;
  callee: Expr;
  args: Expr[];
}

/** `obj:name(args)` */
export interface MethodCallExpr {
  kind: "MethodCall";
  line: number;
  object: Expr;
  name: string;
  args: Expr[];
}

/** `(e)`: truncates a multi-value expression to one value. */
export interface ParenExpr {
  kind: "Paren";
  line: number;
  expr: Expr;
}

/** A whole chunk: the main function, always vararg. */
export interface Chunk {
  kind: "Chunk";
  body: Block;
  chunkName: string;
}
