-- checks: lexer edge cases via load: comments, numerals, names, long brackets
local cases = {
  "return 0x10, 0xA.8p0, 1e-2, .5e1, 3 .. ''",
  "return --[==[ comment ]==] 1",
  "return [==[\nfirst newline skipped]==]",
  "return 'a\\z   \n  b'",
  "local _ = 1; local _x1 = 2; return _ + _x1",
  "return 0xffffffffffffffff, 0x7fffffffffffffff + 1",
  "return 1//1, 7 // 2.0, 2^-1",
  "return #'\\0\\00\\000'",
  "return ('x'):rep(3)",
  "return 1--[[inline]]+--[[x]]2",
  "return 3-- comment to end\n+4",
  "return 0x.1, 0x1p-2, 0X1P+2",
}
for _, c in ipairs(cases) do print(load(c)()) end
