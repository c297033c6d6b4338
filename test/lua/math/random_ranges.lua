-- checks: math.random(m, n) edge ranges and errors
math.randomseed(99)
print(math.random(5, 5), math.random(-3, -3), math.random(math.mininteger, math.mininteger))
local out = {}
for i = 1, 10 do out[#out + 1] = math.random(-10, 10) end
print(table.concat(out, " "))
out = {}
for i = 1, 5 do out[#out + 1] = math.random(math.mininteger, math.maxinteger) end
print(table.concat(out, " "))
out = {}
for i = 1, 5 do out[#out + 1] = math.random(1, 1 << 40) end
print(table.concat(out, " "))
print(pcall(math.random, 2, 1))
print(pcall(math.random, 0, -1))
print(pcall(math.random, 1, 2, 3))
print(pcall(math.random, "x"))
