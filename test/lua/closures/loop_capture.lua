-- checks: each loop iteration creates a fresh local captured by closures
local fs = {}
for i = 1, 5 do fs[#fs + 1] = function() return i end end
local out = {}
for _, f in ipairs(fs) do out[#out + 1] = f() end
print(table.concat(out, " "))
local gs = {}
local j = 0
while j < 5 do
  j = j + 1
  local k = j * 10
  gs[#gs + 1] = function() return k end
end
out = {}
for _, g in ipairs(gs) do out[#out + 1] = g() end
print(table.concat(out, " "))
local hs = {}
for _, v in ipairs({"a", "b", "c"}) do hs[#hs + 1] = function() return v end end
print(hs[1](), hs[2](), hs[3]())
