-- checks: table.insert at end and at positions, including errors
local t = {}
table.insert(t, "a"); table.insert(t, "b"); table.insert(t, 1, "z"); table.insert(t, 2, "y"); table.insert(t, #t + 1, "end")
print(#t, table.concat(t, ","))
print(pcall(table.insert, t, 0, "x"))
print(pcall(table.insert, t, 10, "x"))
print(pcall(table.insert, t))
print(pcall(table.insert, t, 1, 2, 3))
print(pcall(table.insert, nil, 1))
print(pcall(table.insert, t, "2", "s"), t[2])
