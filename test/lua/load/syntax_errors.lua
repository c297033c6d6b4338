-- checks: syntax error messages returned by load for many malformed chunks
local chunks = {
  "x =", "x = = 1", "local 1 = 2", "if true then", "for i = 1 do end", "return return",
  "f(", "a.b:c = 1", "x = }", "local t = {1, 2", "print('unclosed)", "x = [[never closed",
  "goto nowhere", "break", "local x <foo> = 1", "local x <const> = 1; x = 2", "::a:: ::a::",
  "x = 1 + ", "return 1 .. ", "x = 0x", "x = 1e", "x = 3..2", "and", "function f(a,) end",
  "local function end", "x = '\\q'", "x = '\\300'", "x = '\\u{110000000}'", "--[[ unfinished",
  "x = #", "(a) = 1", "a, b", "return ...", "function f() return ... end",
}
for i, src in ipairs(chunks) do
  local f, err = load(src)
  print(i, f and "ok" or err)
end
