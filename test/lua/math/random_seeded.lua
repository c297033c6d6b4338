-- checks: math.random sequences with fixed seeds (xoshiro256**) are reproducible
math.randomseed(42)
local out = {}
for i = 1, 10 do out[#out + 1] = math.random(1, 100) end
print(table.concat(out, " "))
math.randomseed(42)
local again = {}
for i = 1, 10 do again[#again + 1] = math.random(1, 100) end
print(table.concat(out, " ") == table.concat(again, " "))
math.randomseed(123)
out = {}
for i = 1, 8 do out[#out + 1] = math.random(6) end
print(table.concat(out, " "))
math.randomseed(7, 11)
out = {}
for i = 1, 5 do out[#out + 1] = math.random(0) end
print(table.concat(out, " "))
