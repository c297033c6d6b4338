-- checks: spaces in formats and switching endianness mid-format
local function hex(s) return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end)) end
print(hex(string.pack("< i2 > i2 = i2", 1, 1, 1)))
print(string.unpack("> i2 < i2", "\0\1\1\0"))
