-- checks: "attempt to index a nil value (field 'x')" including nested and method receivers
local t = {a = {}}
print(pcall(function() return t.missing.x end))
print(pcall(function() return t.a.b.c end))
print(pcall(function() t.a.b.c = 1 end))
print(pcall(function() return t["with space"].x end))
print(pcall(function() return string.nothing.x end))
local k = "dyn"
print(pcall(function() return t[k].x end))
