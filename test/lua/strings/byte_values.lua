-- checks: strings holding all 256 byte values round-trip through char/byte
local t = {}
for i = 0, 255 do t[#t + 1] = string.char(i) end
local s = table.concat(t)
print(#s)
local sum = 0
for i = 1, #s do sum = sum + s:byte(i) end
print(sum, s:byte(1), s:byte(256), s:byte(-1), s:byte(128))
print(s:sub(66, 70), s:sub(98, 101))
