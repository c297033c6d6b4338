-- checks: string.char with many arguments via table.unpack
local t = {}
for i = 32, 126 do t[#t + 1] = i end
local s = string.char(table.unpack(t))
print(s)
print(#s, s:byte(1), s:byte(-1))
