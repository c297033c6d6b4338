-- checks: bitwise metamethods __band __bor __bxor __shl __shr __bnot
local mt = {}
local function B(v) return setmetatable({v = v}, mt) end
local function val(x) return type(x) == "table" and x.v or x end
mt.__band = function(a, b) return B(val(a) & val(b)) end
mt.__bor = function(a, b) return B(val(a) | val(b)) end
mt.__bxor = function(a, b) return B(val(a) ~ val(b)) end
mt.__shl = function(a, b) return B(val(a) << val(b)) end
mt.__shr = function(a, b) return B(val(a) >> val(b)) end
mt.__bnot = function(a) return B(~val(a)) end
local x = B(12)
print((x & 10).v, (x | 3).v, (x ~ 5).v, (x << 2).v, (x >> 1).v, (~x).v)
print((10 & x).v, (3 | x).v, (1 << B(4)).v)
