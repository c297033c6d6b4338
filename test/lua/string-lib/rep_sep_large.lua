-- checks: string.rep building larger strings with separators
local s = string.rep("abc", 1000, ", ")
print(#s, s:sub(1, 20), s:sub(-8))
local n = 0
for _ in s:gmatch("abc") do n = n + 1 end
print(n)
