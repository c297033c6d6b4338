// Opcodes of the register bytecode. Each instruction is four Int32 words: op, a, b, c.
// R[x] is register x of the frame; K[x] constant x; U[x] upvalue x.
// RK(x) is R[x] when x >= 0 and K[-1-x] when x < 0 (see rkConst).

export const enum Op {
  Move, //       A B      R[A] := R[B]
  LoadK, //      A B      R[A] := K[B]
  LoadNil, //    A B      R[A .. A+B-1] := nil
  LoadTrue, //   A        R[A] := true
  LoadFalse, //  A        R[A] := false
  GetUpval, //   A B      R[A] := U[B]
  SetUpval, //   A B      U[B] := R[A]
  GetTabUp, //   A B C    R[A] := U[B][RK(C)]
  GetTable, //   A B C    R[A] := R[B][RK(C)]
  GetField, //   A B C    R[A] := R[B][K[C]]           (K[C] a string)
  SetTabUp, //   A B C    U[A][RK(B)] := RK(C)
  SetTable, //   A B C    R[A][RK(B)] := RK(C)
  SetField, //   A B C    R[A][K[B]] := RK(C)          (K[B] a string)
  NewTable, //   A B C    R[A] := {} (B array size hint, C hash size hint)
  Self, //       A B C    R[A+1] := R[B]; R[A] := R[B][RK(C)]
  Add, //        A B C    R[A] := RK(B) + RK(C)
  Sub, //        A B C    R[A] := RK(B) - RK(C)
  Mul, //        A B C    R[A] := RK(B) * RK(C)
  Mod, //        A B C    R[A] := RK(B) % RK(C)
  Pow, //        A B C    R[A] := RK(B) ^ RK(C)
  Div, //        A B C    R[A] := RK(B) / RK(C)
  IDiv, //       A B C    R[A] := RK(B) // RK(C)
  BAnd, //       A B C    R[A] := RK(B) & RK(C)
  BOr, //        A B C    R[A] := RK(B) | RK(C)
  BXor, //       A B C    R[A] := RK(B) ~ RK(C)
  Shl, //        A B C    R[A] := RK(B) << RK(C)
  Shr, //        A B C    R[A] := RK(B) >> RK(C)
  Unm, //        A B      R[A] := -R[B]
  BNot, //       A B      R[A] := ~R[B]
  Not, //        A B      R[A] := not R[B]
  Len, //        A B      R[A] := #R[B]
  Concat, //     A B      R[A] := R[A] .. ... .. R[A+B-1]
  Close, //      A        close upvalues and to-be-closed variables >= R[A]
  Tbc, //        A        mark R[A] as to-be-closed
  Jmp, //        A B      pc += B; if A > 0 close upvalues >= R[A-1]
  Eq, //         A B C    if ((RK(B) == RK(C)) ~= A) then pc++
  Lt, //         A B C    if ((RK(B) <  RK(C)) ~= A) then pc++
  Le, //         A B C    if ((RK(B) <= RK(C)) ~= A) then pc++
  Test, //       A C      if (not R[A] == C) then pc++
  TestSet, //    A B C    if (not R[B] == C) then pc++ else R[A] := R[B]
  Call, //       A B C    R[A], ... ,R[A+C-2] := R[A](R[A+1], ... ,R[A+B-1])  (B=0: to top; C=0: all, sets top)
  TailCall, //   A B      return R[A](R[A+1], ... ,R[A+B-1])
  Return, //     A B      return R[A], ... ,R[A+B-2]  (B=0: to top)
  ForPrep, //    A B      prepare numeric loop R[A..A+3]; if it does not run, pc += B+1
  ForLoop, //    A B      update counters; if loop continues then pc -= B
  TForPrep, //   A B      mark R[A+3] to-be-closed; pc += B
  TForCall, //   A C      R[A+4], ... ,R[A+3+C] := R[A](R[A+1], R[A+2])
  TForLoop, //   A B      if R[A+4] ~= nil then { R[A+2] := R[A+4]; pc -= B }
  SetList, //    A B C    R[A][C+i] := R[A+i], 1 <= i <= B  (B=0: to top)
  Closure, //    A B      R[A] := closure(protos[B])
  Vararg, //     A C      R[A], R[A+1], ..., R[A+C-2] = vararg  (C=0: all, sets top)
  AddI, //       A B C    R[A] := R[B] + C   (C a small integer)
  EqK, //        A B C    if ((R[B] == K[C]) ~= A) then pc++
}

export const OP_NAMES = [
  "MOVE",
  "LOADK",
  "LOADNIL",
  "LOADTRUE",
  "LOADFALSE",
  "GETUPVAL",
  "SETUPVAL",
  "GETTABUP",
  "GETTABLE",
  "GETFIELD",
  "SETTABUP",
  "SETTABLE",
  "SETFIELD",
  "NEWTABLE",
  "SELF",
  "ADD",
  "SUB",
  "MUL",
  "MOD",
  "POW",
  "DIV",
  "IDIV",
  "BAND",
  "BOR",
  "BXOR",
  "SHL",
  "SHR",
  "UNM",
  "BNOT",
  "NOT",
  "LEN",
  "CONCAT",
  "CLOSE",
  "TBC",
  "JMP",
  "EQ",
  "LT",
  "LE",
  "TEST",
  "TESTSET",
  "CALL",
  "TAILCALL",
  "RETURN",
  "FORPREP",
  "FORLOOP",
  "TFORPREP",
  "TFORCALL",
  "TFORLOOP",
  "SETLIST",
  "CLOSURE",
  "VARARG",
  "ADDI",
  "EQK",
];

/** The RK operand for constant index k. */
export function rkConst(k: number): number {
  return -1 - k;
}

/** Number of SETLIST items flushed at a time in table constructors. */
export const FIELDS_PER_FLUSH = 50;

/** The maximum number of registers in a frame (as PUC-Rio's MAXREGS). */
export const MAX_REGS = 255;
