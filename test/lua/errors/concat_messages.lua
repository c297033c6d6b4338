-- checks: "attempt to concatenate" messages
local t = {}
local up = {}
print(pcall(function() local a; return "x" .. a end))
print(pcall(function() return t.field .. "x" end))
print(pcall(function() return "x" .. up end))
print(pcall(function() return glob .. "x" end))
print(pcall(function() return 1 .. {} end))
print(pcall(function() return "a" .. "b" .. nil end))
print(pcall(function() return true .. "" end))
