// Parser state and entry point: a recursive-descent parser over the lexer, as lparser.c.
//
// The grammar is split by syntactic category: statements.ts (blocks and statements) and
// expressions.ts (expressions, calls, tables, function bodies), both working on the one
// `Parser` state below, which holds the current token, the single token of lookahead
// table constructors need, and the helpers that raise PUC-Rio's syntax errors. Scoping
// (locals, upvalues, const checks, goto/label resolution) is left to the compiler.

import { Lexer, type LexerOptions, quoteToken } from "../lexer/lexer.js";
import { Tok, tokenText } from "../lexer/tokens.js";
import type { Chunk } from "./ast.js";
import { parseBlock } from "./statements.js";

/** LUAI_MAXCCALLS: how deep statements and expressions may nest. */
const MAX_LEVELS = 200;
/**
 * C levels PUC-Rio has already used when `load` is called from a Lua chunk; counting them
 * makes the deepest accepted nesting the same as lua5.4's (195 parentheses after `x = `).
 */
const BASE_LEVELS = 2;

export type ParseOptions = LexerOptions;

/** Most local variables in scope in one function (MAXVARS). */
const MAX_VARS = 200;

export class Parser {
  readonly lex: Lexer;
  /** Current token kind and its value, line and message text. */
  tok = 0;
  line = 1;
  /** Line of the token consumed last (PUC-Rio's `lastline`). */
  lastLine = 1;
  sval = "";
  nval: number | bigint = 0;
  isFloat = false;
  raw = "";
  /** Whether the function being parsed is vararg (for '...'). */
  isVararg = true;
  /** Local variables declared and in scope in the function being parsed (MAXVARS counts them). */
  nactvar = 0;
  /** Line where the function being parsed starts (0 for the main chunk), for limit messages. */
  fnLine = 0;
  /** Nesting depth, as PUC-Rio's nCcalls. */
  private depth = BASE_LEVELS;
  // the lookahead token, when `lookahead()` has read one (aheadTok -1 otherwise)
  private aheadTok = -1;
  private aheadLine = 0;
  private aheadSval = "";
  private aheadRaw = "";
  private aheadNval: number | bigint = 0;
  private aheadIsFloat = false;

  constructor(source: string, chunkName: string, options?: ParseOptions) {
    this.lex = new Lexer(source, chunkName, options);
  }

  /** Moves to the next token. */
  next(): void {
    this.lastLine = this.line;
    if (this.aheadTok >= 0) {
      this.tok = this.aheadTok;
      this.line = this.aheadLine;
      this.sval = this.aheadSval;
      this.raw = this.aheadRaw;
      this.nval = this.aheadNval;
      this.isFloat = this.aheadIsFloat;
      this.aheadTok = -1;
      return;
    }
    const lex = this.lex;
    this.tok = lex.next();
    this.line = lex.line;
    if (this.tok >= Tok.Float) {
      this.sval = lex.sval;
      this.nval = lex.nval;
      this.isFloat = lex.isFloat;
      this.raw = lex.raw;
    }
  }

  /** Reads the token after the current one without moving (only names and symbols need it). */
  lookahead(): number {
    if (this.aheadTok < 0) {
      const lex = this.lex;
      this.aheadTok = lex.next();
      this.aheadLine = lex.line;
      this.aheadSval = lex.sval;
      this.aheadRaw = lex.raw;
      this.aheadNval = lex.nval;
      this.aheadIsFloat = lex.isFloat;
    }
    return this.aheadTok;
  }

  /** Throws "<msg> near <current token>" at the lexer's line (luaX_syntaxerror). */
  error(msg: string): never {
    const tok = this.tok;
    if (tok === 0) this.lex.error(msg); // a NUL byte: PUC-Rio prints no "near" for it
    const near =
      tok === Tok.Name || tok === Tok.String || tok === Tok.Float || tok === Tok.Int
        ? quoteToken(this.raw)
        : tokenText(tok);
    this.lex.error(msg, near);
  }

  /** Counts n new local variables of the current function (at most MAX_VARS in scope). */
  declareLocals(n: number): void {
    this.nactvar += n;
    if (this.nactvar > MAX_VARS) {
      const where = this.fnLine === 0 ? "main function" : `function at line ${this.fnLine}`;
      this.error(`too many local variables (limit is ${MAX_VARS}) in ${where}`);
    }
  }

  /** Throws a message without "near" (luaK_semerror). */
  semError(msg: string): never {
    this.lex.error(msg);
  }

  /** Skips the current token if it is `tok`. */
  testNext(tok: number): boolean {
    if (this.tok !== tok) return false;
    this.next();
    return true;
  }

  /** Requires the current token to be `tok`. */
  check(tok: number): void {
    if (this.tok !== tok) this.error(`${tokenText(tok)} expected`);
  }

  /** Requires and skips `tok`. */
  checkNext(tok: number): void {
    if (this.tok !== tok) this.error(`${tokenText(tok)} expected`);
    this.next();
  }

  /**
   * Requires and skips `what`, which closes `who` opened at line `where`; the message names
   * the opener only when it is on another line.
   */
  checkMatch(what: number, who: number, where: number): void {
    if (this.tok === what) {
      this.next();
      return;
    }
    if (where === this.lex.line) this.error(`${tokenText(what)} expected`);
    this.error(`${tokenText(what)} expected (to close ${tokenText(who)} at line ${where})`);
  }

  /** Requires a name and returns it. */
  checkName(): string {
    if (this.tok !== Tok.Name) this.error("<name> expected");
    const name = this.sval;
    this.next();
    return name;
  }

  /** Enters one nesting level, failing cleanly long before the JS stack would. */
  enterLevel(): void {
    if (++this.depth >= MAX_LEVELS) this.lex.error("chunk has too many syntax levels");
  }

  leaveLevel(n = 1): void {
    this.depth -= n;
  }
}

/**
 * Parses a chunk. `source` is a byte string (one char per byte); `chunkName` is the name
 * shown in messages ("x.lua", `[string "..."]`). Throws LuaSyntaxError.
 */
export function parse(source: string, chunkName: string, options?: ParseOptions): Chunk {
  const p = new Parser(source, chunkName, options);
  p.isVararg = true; // the main function is vararg
  p.next();
  const body = parseBlock(p);
  p.check(Tok.Eos);
  return { kind: "Chunk", body, chunkName };
}
