-- checks: table.move forward, backward overlap, between tables
local t = {1, 2, 3, 4, 5}
table.move(t, 1, 3, 3)
print(table.concat(t, ","))
t = {1, 2, 3, 4, 5}
table.move(t, 3, 5, 1)
print(table.concat(t, ","))
local dst = table.move({10, 20, 30}, 1, 3, 2, {"a"})
print(table.concat(dst, ","))
local r = table.move({1, 2}, 1, 0, 1, {})
print(#r)
print(pcall(table.move, {}, 1, math.maxinteger, 2))
local moved = table.move({"x", "y"}, 1, 2, 5)
print(moved[1], moved[2], moved[5], moved[6])
