-- checks: pcall returns true plus all results, or false plus error
print(pcall(function() return 1, 2, 3 end))
print(pcall(function() end))
print(select("#", pcall(function() end)))
print(pcall(pcall, error, "x"))
print(pcall(pcall))
print(pcall(function(...) return select("#", ...) end, nil, nil))
print(pcall(42))
print(pcall({}))
