-- checks: __eq is used only for two tables (or two userdata) and result is boolean
local calls = 0
local mt = {__eq = function(a, b) calls = calls + 1; return a.id == b.id end}
local a, b, c = setmetatable({id = 1}, mt), setmetatable({id = 1}, mt), setmetatable({id = 2}, mt)
print(a == b, a == c, a ~= b, a ~= c, calls)
print(a == 1, a == "x", rawequal(a, b), calls)
local other = setmetatable({id = 1}, {__eq = function() return "truthy" end})
print(other == a, a == other)
local plain = {id = 1}
print(a == plain, plain == a)
