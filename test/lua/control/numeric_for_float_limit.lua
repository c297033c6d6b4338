-- checks: integer loop with float limits is clipped properly (including huge and fractional limits)
local n = 0
for i = 1, 3.9 do n = n + 1 end
print(n)
n = 0
for i = 3, 0.5, -1 do n = n + 1 end
print(n)
n = 0
for i = math.maxinteger - 1, 1e100 do n = n + 1 end
print(n)
n = 0
for i = 1, -math.huge do n = n + 1 end
print(n)
n = 0
for i = math.mininteger, -1e100, -1 do n = n + 1 end
print(n)
local last
for i = 1, math.huge do last = i; if i >= 5 then break end end
print(last, math.type(last))
