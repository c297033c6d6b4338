-- checks: # on sequences built in different ways (no holes)
local t = {}
for i = 1, 100 do t[i] = i end
print(#t)
for i = 100, 51, -1 do t[i] = nil end
print(#t)
local s = {n = 3, "a", "b", "c"}
print(#s)
local g = {}
g[1] = 1; g[2] = 2; g[3] = 3
print(#g)
g[#g + 1] = 4
print(#g, g[4])
local str = {"x", "y", nil}
print(#str)
