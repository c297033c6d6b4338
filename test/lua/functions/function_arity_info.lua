-- checks: functions as table keys and equality of closures
local f1 = function() end
local f2 = function() end
local t = {[f1] = "one", [f2] = "two"}
print(t[f1], t[f2], f1 == f1, f1 == f2)
local function gen() return function() end end
print(gen() == gen())
