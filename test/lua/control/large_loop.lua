-- checks: a loop of one million iterations with arithmetic
local s = 0
for i = 1, 1000000 do s = s + (i % 3) * (i & 7) end
print(s)
