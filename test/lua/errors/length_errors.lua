-- checks: "attempt to get length of" messages
local up = 5
print(pcall(function() local n; return #n end))
print(pcall(function() return #up end))
print(pcall(function() return #glob end))
print(pcall(function() local t = {}; return #t.x end))
print(pcall(function() return #true end))
