-- checks: accumulations mixing integer and float arithmetic
local si, sf = 0, 0.0
for i = 1, 1000 do si = si + i; sf = sf + i end
print(si, sf, math.type(si), math.type(sf))
local p = 1
for i = 1, 20 do p = p * i end
print(p)
local q = 1.0
for i = 1, 25 do q = q * i end
print(q)
local h = 0
for i = 1, 100 do h = h + 1 / i end
print(h)
print(si // 7, sf // 7, si % 7, sf % 7)
