-- checks: character sets with ranges, negation, classes inside sets, special chars
local s = "Hello, World! 123 _-[]^"
local pats = {"[aeiou]", "[^aeiou]", "[a-z]", "[A-Z]+", "[%d]+", "[%a_]+", "[%-]", "[%]]", "[]]", "[^%s%p]+", "[a-]", "[%^]", "[^^]", "[0-9a-f]+", "[_%-%[]"}
for _, p in ipairs(pats) do
  local out = {}
  for m in s:gmatch(p) do out[#out + 1] = m end
  print(p, #out, table.concat(out, "|"))
end
