-- checks: table.sort with a Lua comparator on large arrays (unbalanced partitions pick random pivots)
local seed = 42.0
local function rnd() seed = (seed * 16807.0) % 2147483647.0; return seed / 2147483647.0 end
for rep = 1, 4 do
  local t = {}
  for i = 1, 20000 do t[i] = rnd() end
  table.sort(t, function(a, b) return a > b end)
  local bad = 0
  for i = 2, #t do if t[i - 1] < t[i] then bad = bad + 1 end end
  print(rep, #t, bad)
end
local s = {}
for i = 1, 3000 do s[i] = (i * 7919) % 1000 end
table.sort(s, function(a, b) return a < b end)
local ok = true
for i = 2, #s do if s[i - 1] > s[i] then ok = false end end
print("dups sorted", ok, s[1], s[#s])
