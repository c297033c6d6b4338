-- checks: # ignores hash part; numeric string keys are not array entries
local t = {["1"] = "a", ["2"] = "b"}
print(#t)
t[1] = "x"
print(#t)
local m = {x = 1, y = 2, 10, 20}
print(#m)
