-- checks: positions given as floats with integral values are accepted
local t = {1, 2, 3}
table.insert(t, 2.0, "x")
print(table.concat(t, ","), table.remove(t, 1.0), table.concat(t, ","))
print(pcall(table.insert, t, 1.5, "y"))
