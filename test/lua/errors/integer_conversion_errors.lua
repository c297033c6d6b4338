-- checks: errors converting floats/strings to integers in library calls and operators
print(pcall(string.rep, "x", 2.5))
print(pcall(function() return 1 << 1.5 end))
print(pcall(function() local f = 2.5; return f | 1 end))
print(pcall(table.insert, {}, 1.5, 1))
print(pcall(string.char, 2^53))
print(pcall(math.random, 1.5))
print(pcall(function() return ("abc"):sub("x") end))
