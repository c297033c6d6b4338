-- checks: __lt and __le, including > and >= swapping operands
local mt = {}
mt.__lt = function(a, b) return a.v < b.v end
mt.__le = function(a, b) return a.v <= b.v end
local function N(v) return setmetatable({v = v}, mt) end
local one, two = N(1), N(2)
print(one < two, one > two, one <= two, one >= two, two <= two, two >= one)
local onlylt = {__lt = function(a, b) return a.v < b.v end}
local p, q = setmetatable({v = 1}, onlylt), setmetatable({v = 2}, onlylt)
print(p < q, q > p)
print(pcall(function() return one < 1 end))
local mixed = setmetatable({}, {__lt = function(a, b) return true end})
print(mixed < 1, 1 < mixed, pcall(function() return "x" < mixed end))
