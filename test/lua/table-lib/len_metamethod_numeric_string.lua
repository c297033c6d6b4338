-- The table library takes #t through __len as luaL_len does: an integer, or a string or
-- float convertible to one.
local function withLen(n) return setmetatable({}, {__len = function() return n end}) end
local t = withLen("3")
print(pcall(table.insert, t, "v"), rawget(t, 4))
print(pcall(table.concat, withLen("0")))
print(pcall(table.concat, withLen("x")))
print(pcall(table.unpack, withLen(2.0)))
print(pcall(table.unpack, withLen("2.0")))
print(pcall(table.unpack, withLen(2.5)))
print(pcall(table.remove, withLen(" 0x2 ")))
