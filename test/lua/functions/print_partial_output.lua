-- print writes the arguments before one whose __tostring fails, as lua5.4 writes piece by piece.
local bad = setmetatable({}, {__tostring = function() error("ts err") end})
print(pcall(print, "a", bad))
print(pcall(print, bad))
print(pcall(print, 1, 2, bad, 3))
local num = setmetatable({}, {__tostring = function() return 42 end})
print(pcall(print, num))
