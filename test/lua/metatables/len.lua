-- checks: __len on tables and its results; rawlen bypasses it
local t = setmetatable({1, 2, 3}, {__len = function() return 42 end})
print(#t, rawlen(t), rawlen("abcd"))
local s = setmetatable({}, {__len = function() return "not a number" end})
print(#s)
print(pcall(rawlen, 5))
print(pcall(function() return #5 end))
local n = nil
print(pcall(function() return #n end))
