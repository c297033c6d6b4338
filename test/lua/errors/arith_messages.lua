-- checks: "attempt to perform arithmetic" messages with variable kinds
local t = {x = "abc", y = {}}
local up
print(pcall(function() local a; return a + 1 end))
print(pcall(function() return t.missing * 2 end))
print(pcall(function() return up - 1 end))
print(pcall(function() return glob / 2 end))
print(pcall(function() return t.y % 2 end))
print(pcall(function() return t.x + 1 end))
print(pcall(function() return 2 ^ {} end))
print(pcall(function() return -t.y end))
print(pcall(function() return t.y // 1 end))
