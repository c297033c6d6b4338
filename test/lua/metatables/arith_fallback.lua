-- checks: metamethod lookup from first then second operand; missing metamethod errors
local mt1 = {__add = function() return "mt1" end}
local mt2 = {__add = function() return "mt2" end}
local a, b = setmetatable({}, mt1), setmetatable({}, mt2)
print(a + b, b + a, a + 1, 1 + b)
local plain = {}
print(pcall(function() return plain + 1 end))
print(pcall(function() return plain * a end))
print(pcall(function() return -plain end))
