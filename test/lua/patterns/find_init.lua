-- checks: find/match init argument edge cases
local s = "abcabc"
for _, i in ipairs({1, 2, 4, 6, 7, 8, 0, -1, -3, -6, -10}) do
  print(i, s:find("abc", i), s:match("(%a)", i), s:find("", i))
end
