-- checks: table.concat with separators, ranges, numbers, and errors
local t = {1, "two", 3.5, "four", 5}
print(table.concat(t), table.concat(t, ", "), table.concat(t, "-", 2, 4), table.concat(t, "-", 4, 2) == "")
print(table.concat({}), table.concat({}, "x"), table.concat({"a"}, "x"), table.concat(t, "", 5, 5))
print(pcall(table.concat, {1, {}, 3}))
print(pcall(table.concat, {1, 2, nil, 4}, ",", 1, 4))
print(pcall(table.concat, {true}))
print(table.concat({2^63, -0.0, 10 // 3}, " "))
