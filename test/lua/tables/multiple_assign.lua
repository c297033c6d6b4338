-- checks: multiple assignment evaluation order with table fields
local t = {}
local i = 1
i, t[i] = i + 1, 20
print(i, t[1], t[2])
local a, b, c = (function() return 1, 2, 3 end)()
print(a, b, c)
local x, y = 1
print(x, y)
local p, q = 1, 2, 3
print(p, q)
a, b = b, a
print(a, b)
local u = {1, 2, 3}
u[1], u[2], u[3] = u[3], u[1], u[2]
print(u[1], u[2], u[3])
