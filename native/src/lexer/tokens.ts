// Token kinds: single-byte symbols are their own byte code (0-255), everything else follows.
//
// As in llex.h, a token is a plain number: `(`, `+`, `;`... are their char codes, and reserved
// words, multi-byte symbols and the tokens that carry a value (names, strings, numerals)
// start at 256. That keeps the lexer's switch and the parser's tables flat and fast.

/** Multi-byte token kinds; any token below FIRST_RESERVED is a single byte. */
export enum Tok {
  // reserved words (in the order of `RESERVED_WORDS`)
  And = 256,
  Break,
  Do,
  Else,
  Elseif,
  End,
  False,
  For,
  Function,
  Goto,
  If,
  In,
  Local,
  Nil,
  Not,
  Or,
  Repeat,
  Return,
  Then,
  True,
  Until,
  While,
  // multi-byte symbols
  IDiv, // //
  Concat, // ..
  Dots, // ...
  Eq, // ==
  Ge, // >=
  Le, // <=
  Ne, // ~=
  Shl, // <<
  Shr, // >>
  DbColon, // ::
  Eos, // end of the source
  // tokens with a value
  Float,
  Int,
  Name,
  String,
}

export const FIRST_RESERVED = 256;

/** How many token kinds exist (size of per-token lookup tables). */
export const TOKEN_COUNT = Tok.String + 1;

/** Text of each multi-byte token, indexed by `tok - FIRST_RESERVED` (luaX_tokens). */
const TOKEN_NAMES = [
  "and",
  "break",
  "do",
  "else",
  "elseif",
  "end",
  "false",
  "for",
  "function",
  "goto",
  "if",
  "in",
  "local",
  "nil",
  "not",
  "or",
  "repeat",
  "return",
  "then",
  "true",
  "until",
  "while",
  "//",
  "..",
  "...",
  "==",
  ">=",
  "<=",
  "~=",
  "<<",
  ">>",
  "::",
  "<eof>",
  "<number>",
  "<integer>",
  "<name>",
  "<string>",
];

/** Reserved words and their token kinds. */
export const RESERVED_WORDS: ReadonlyMap<string, Tok> = new Map(
  TOKEN_NAMES.slice(0, Tok.While - FIRST_RESERVED + 1).map((w, i) => [w, (FIRST_RESERVED + i) as Tok]),
);

/**
 * How a token kind is shown in messages (luaX_token2str): symbols and reserved words quoted
 * ('+', 'end'), control bytes as '<\1>', and the valued kinds and <eof> as their bare names.
 */
export function tokenText(tok: number): string {
  if (tok < FIRST_RESERVED) {
    if (tok >= 0x20 && tok < 0x7f) return `'${String.fromCharCode(tok)}'`;
    return `'<\\${tok}>'`;
  }
  const s = TOKEN_NAMES[tok - FIRST_RESERVED];
  return tok < Tok.Eos ? `'${s}'` : s;
}
