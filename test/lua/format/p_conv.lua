-- checks: %p with values that have no pointer (numbers, nil, booleans) formats "(null)" with widths
print(string.format("[%p][%10p][%-8p]", 1, nil, true))
print(string.format("%p", 2.5) == "(null)", string.format("%p", false))
print(pcall(string.format, "%p"))
print(pcall(string.format, "%#p", 1))
