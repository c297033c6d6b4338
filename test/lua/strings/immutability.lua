-- checks: strings are values: equality by content, no mutation through functions
local a = "abc"
local b = "ab" .. "c"
print(a == b, rawequal(a, b))
local t = {}
t[a] = 1
print(t[b], t["abc"])
local function up(s) s = s:upper(); return s end
print(up(a), a)
print(pcall(function() a.x = 1 end))
print(pcall(function() return a.x end))
print(type(("x").len), ("x").nonexistent)
