-- checks: __call with arguments and multiple returns; callable tables in various positions
local adder = setmetatable({base = 10}, {__call = function(self, a, b) return self.base + a, self.base + (b or 0) end})
print(adder(1, 2))
print(pcall(adder, 5))
local t = {f = adder}
print(t.f(3))
local sorted = {3, 1, 2}
print(pcall(table.sort, sorted, setmetatable({}, {__call = function(_, a, b) return a > b end})))
table.sort(sorted, function(a, b) return a > b end)
print(table.concat(sorted, ","))
local nested = setmetatable({}, {__call = adder})
print(pcall(nested, 1))
