-- checks: table.unpack with ranges, nils, and large counts
print(table.unpack({1, 2, 3}))
print(table.unpack({1, 2, 3}, 2), table.unpack({1, 2, 3}, 2, 3))
print(table.unpack({1, 2, 3}, -1, 1))
print(select("#", table.unpack({}, 1, 5)), table.unpack({}, 1, 0))
print(table.unpack({n = 3, "a", nil, "c"}, 1, 3))
local big = {}
for i = 1, 200 do big[i] = i end
print(select("#", table.unpack(big)), select(200, table.unpack(big)))
print(pcall(table.unpack, {}, 1, 1e8))
local t = setmetatable({}, {__index = function(_, k) return k * 2 end})
print(table.unpack(t, 1, 4))
