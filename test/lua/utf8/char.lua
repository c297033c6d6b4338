-- checks: utf8.char for ASCII, multi-byte, maximum code points and errors
local function bytes(s) local t = {} for i = 1, #s do t[i] = string.format("%02X", s:byte(i)) end return table.concat(t, " ") end
for _, cp in ipairs({0, 65, 127, 128, 2047, 2048, 65535, 65536, 1114111, 0x7FFFFFFF}) do print(cp, bytes(utf8.char(cp))) end
print(utf8.char(72, 233, 8364, 128512), utf8.char())
print(pcall(utf8.char, -1))
print(pcall(utf8.char, 0x80000000))
