-- Errors raised while a native calls a value: no position when the caller is the native
-- (lua_call from C), the caller's position otherwise; __close removed before it runs.
print(pcall(tostring, setmetatable({}, {__tostring = 5})))
print(pcall(table.sort, {setmetatable({}, {__lt = 5}), setmetatable({}, {__lt = 5})}))
print(pcall(function() for k in pairs(setmetatable({}, {__pairs = 5})) do end end))
print(pcall(pairs, setmetatable({}, {__pairs = "x"})))
print(pcall(string.gsub, "abc", "%w", setmetatable({}, {__index = 5})))
print(pcall(function() local t = setmetatable({}, {__index = 5}); return t.x end))
print(pcall(function() local t = setmetatable({}, {__call = 5}); return t() end))
print(pcall(function() local x = 5; return x() end))
local t = setmetatable({}, {__index = function(t, k) return t[k .. "x"] end})
print(pcall(function() return t.a end))
local mt = {__close = function() end}
print(pcall(function() local v <close> = setmetatable({}, mt); mt.__close = nil end))
local mt2 = {__close = function() end}
print(pcall(function() local v <close> = setmetatable({}, mt2); mt2.__close = 5 end))
local mt3 = {__close = function() end}
print(pcall(function() local v <close> = setmetatable({}, mt3); mt3.__close = nil; error("E") end))
local mt4 = {__close = function() end}
print(pcall(function() do local v <close> = setmetatable({}, mt4); mt4.__close = nil end return 2 end))
