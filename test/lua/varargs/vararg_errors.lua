-- checks: calling select/table.unpack incorrectly
print(pcall(select))
print(pcall(select, nil))
print(pcall(select, 1.5, 1))
