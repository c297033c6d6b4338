-- checks: utf8.offset forward, backward and zero n
local s = "aé€😀z"
for n = 1, 6 do io.write(tostring(utf8.offset(s, n)), " ") end
print()
for n = -1, -6, -1 do io.write(tostring(utf8.offset(s, n)), " ") end
print()
print(utf8.offset(s, 0, 3), utf8.offset(s, 0, 5), utf8.offset(s, 0, 8), utf8.offset(s, 1, 4), utf8.offset(s, -1, 4))
print(utf8.offset("", 1), utf8.offset("", 0), utf8.offset("abc", 5))
print(pcall(utf8.offset, s, 1, 3))
print(pcall(utf8.offset, s, 1, 20))
