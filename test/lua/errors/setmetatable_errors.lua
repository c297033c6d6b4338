-- checks: argument errors for setmetatable/getmetatable/rawset/rawequal
print(pcall(setmetatable))
print(pcall(setmetatable, {}))
print(pcall(setmetatable, {}, "x"))
print(pcall(getmetatable))
print(pcall(rawequal, 1))
print(pcall(rawset, {}, 1))
print(pcall(rawget, {}))
