-- checks: __index as a function receives table and key; rawget bypasses it
local calls = 0
local t = setmetatable({present = 1}, {__index = function(t, k) calls = calls + 1; return type(k) .. ":" .. tostring(k) end})
print(t.present, t.missing, t[1], t[true], calls, rawget(t, "missing"))
local fib = setmetatable({[0] = 0, [1] = 1}, {__index = function(t, n) local v = t[n - 1] + t[n - 2]; t[n] = v; return v end})
print(fib[80], rawget(fib, 50))
