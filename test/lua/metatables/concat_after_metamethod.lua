-- A concatenation interrupted by a __concat metamethod finishes with the remaining strings
-- and leaves later concatenations in the same function alone.
local obj = setmetatable({}, {__concat = function(a, b) return "OBJ" end})
local s1 = "<" .. obj .. ">"
local s2 = "a" .. "b" .. "c"
print(s1, s2)
-- (lua 5.4.4, the oracle, gets `"a" .. "b" .. T` wrong on its first run, so that form is
-- left out)
local T = setmetatable({}, {__concat = function(a, b)
  return string.format("%s%s", type(a) == "table" and "T" or a, type(b) == "table" and "T" or b)
end})
for i = 1, 3 do
  local y = "p" .. "q" .. "r" .. i
  print(i, y, T .. "z" .. "w", "u" .. T .. "v" .. "w")
end
local function f(n)
  local r = {}
  for i = 1, n do r[#r + 1] = i .. T .. i .. "-" .. "x" .. i end
  return table.concat(r, ",")
end
for _ = 1, 120 do f(3) end
print(f(3))
