-- checks: changing a class table's __index after use (method lookups see the change)
local A = {} A.__index = A
function A.f() return "A" end
local B = {} B.__index = B
function B.f() return "B" end
local o = setmetatable({}, A)
print(o.f(), o:f())
A.__index = B
print(o.f(), o:f())
rawset(A, "__index", function(t, k) return function() return "fn " .. k end end)
print(o.f(), o:f())
A.__index = nil
print(pcall(function() return o:f() end))
