-- checks: select with '#', positive and negative indices, and errors
print(select("#"), select("#", nil), select("#", nil, nil), select("#", 1, nil, 3, nil))
print(select(1, "a", "b", "c"), select(2, "a", "b", "c"), select(3, "a", "b", "c"), select(4, "a", "b", "c"))
print(select(-1, "a", "b", "c"), select(-3, "a", "b", "c"))
print(pcall(select, -4, "a", "b", "c"))
print(pcall(select, 0, "a"))
print(pcall(select, "x"))
print(select(2.0, "a", "b"))
