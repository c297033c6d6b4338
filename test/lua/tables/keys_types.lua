-- checks: keys of various types; nil and NaN keys are rejected
local t = {}
local f = function() end
local k = {}
t[true] = "bool"; t[f] = "func"; t[k] = "table"; t[1.5] = "float"; t["s"] = "str"; t[-1] = "neg"
print(t[true], t[f], t[k], t[1.5], t.s, t[-1], t[false])
print(pcall(function() t[nil] = 1 end))
print(pcall(function() t[0/0] = 1 end))
print(t[nil], t[0/0])
print(pcall(rawset, t, nil, 1))
