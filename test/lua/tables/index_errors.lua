-- checks: errors when indexing non-tables
local n, s, b = nil, 5, true
print(pcall(function() return n.x end))
print(pcall(function() return s.x end))
print(pcall(function() b.y = 1 end))
print(pcall(function() local t = {}; return t.a.b end))
print(pcall(function() local t = {a = {}}; return t.a.b.c end))
print(pcall(function() return undefinedglobal.field end))
