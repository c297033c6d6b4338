-- checks: table.remove from end, front, middle, empty tables and n+1 position
local t = {1, 2, 3, 4, 5}
print(table.remove(t), #t, table.remove(t, 1), #t, table.remove(t, 2), table.concat(t, ","))
local e = {}
print(table.remove(e), #e, table.remove(e, 0), table.remove(e, 1))
local u = {1, 2, 3}
print(table.remove(u, 4), #u, table.remove(u, #u + 1))
local one = {"x"}
print(table.remove(one, 1), #one, one[1])
local z = {[0] = "zero"}
print(table.remove(z, 0), z[0])
