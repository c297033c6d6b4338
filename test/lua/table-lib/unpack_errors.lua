-- checks: argument errors from table functions
print(pcall(table.unpack))
print(pcall(table.concat, nil))
print(pcall(table.remove, "x"))
print(pcall(table.sort, nil))
print(pcall(table.move, {}, 1))
