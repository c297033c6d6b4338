-- checks: __metatable protects metatables from getmetatable/setmetatable
local t = setmetatable({}, {__metatable = "locked"})
print(getmetatable(t))
print(pcall(setmetatable, t, {}))
local f = setmetatable({}, {__metatable = false})
print(getmetatable(f))
print(getmetatable("abc").__index == string, getmetatable(1), getmetatable(print))
print(pcall(setmetatable, {}, 1))
print(select("#", setmetatable({}, nil)))
