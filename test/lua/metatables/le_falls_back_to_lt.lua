-- Lua 5.4 as built by its reference makefile (LUA_COMPAT_5_3): without __le, a <= b is
-- not (b < a) through __lt.
local mt = {__lt = function(a, b) return a.v < b.v end}
local a, b = setmetatable({v = 1}, mt), setmetatable({v = 2}, mt)
print(a <= b, b >= a, b <= a, a >= b, a <= a)
print(pcall(function() return a <= 1 end))
print(pcall(function() return 1 <= a end))
local c = setmetatable({}, {__lt = function() return "yes" end})
print(c <= c, c < c, c >= c)
local both = {__lt = function() return true end, __le = function() return false end}
local d = setmetatable({}, both)
print(d <= d, d < d)
print(pcall(function() return {} <= {} end))
local n = 0
for i = 1, 200 do if a <= b then n = n + 1 end end
print(n)
