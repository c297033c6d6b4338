-- checks: error messages of bitwise ops on non-numbers
local t, s, b = {}, "x", true
print(pcall(function() return t & 1 end))
print(pcall(function() return 1 | s end))
print(pcall(function() return b ~ 1 end))
print(pcall(function() return ~t end))
print(pcall(function() return nil << 1 end))
print(pcall(function() return 1 >> {} end))
print(pcall(function() return 1.5 & 1 end))
