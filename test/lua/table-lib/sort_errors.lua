-- checks: sort errors for mixed types and bad comparator
print((pcall(table.sort, {3, "a", 1})))
print(pcall(table.sort, {{}, {}}))
print(pcall(table.sort, {1, 2, 3}, 42))
print(pcall(table.sort, {3, 2, 1}, function(a, b) error("cmp failed") end))
