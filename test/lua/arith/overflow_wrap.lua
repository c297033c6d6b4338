-- checks: integer overflow wraps around (two's complement)
local max, min = math.maxinteger, math.mininteger
print(max, min)
print(max + 1 == min, min - 1 == max)
print(max + 1, min - 1, max * 2, min * 2, -min, min * -1)
print(max * max, max + max, min + min)
print(max + 1.0, min - 1.0, math.type(max + 1.0))
local x = 1
for i = 1, 70 do x = x * 2 end
print(x)
local y = 3
for i = 1, 50 do y = y * 7 end
print(y)
