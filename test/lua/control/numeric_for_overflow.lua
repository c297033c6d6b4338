-- checks: for loops near integer limits do not overflow or loop forever
local out = {}
for i = math.maxinteger - 2, math.maxinteger do out[#out + 1] = i end
print(table.concat(out, " "))
out = {}
for i = math.mininteger, math.mininteger + 2 do out[#out + 1] = i end
print(table.concat(out, " "))
out = {}
for i = math.mininteger + 2, math.mininteger, -1 do out[#out + 1] = i end
print(table.concat(out, " "))
local n = 0
for i = math.maxinteger - 10, math.maxinteger, 7 do n = n + 1 end
print(n)
n = 0
for i = 1, math.maxinteger, math.maxinteger // 2 do n = n + 1 end
print(n)
n = 0
for i = math.maxinteger, math.maxinteger - 1 do n = n + 1 end
print(n)
n = 0
for i = -1, math.mininteger, math.mininteger do n = n + 1 end
print(n)
