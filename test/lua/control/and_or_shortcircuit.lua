-- checks: short-circuit evaluation of and/or
local log = {}
local function t(v) log[#log + 1] = tostring(v); return v end
local r1 = t(false) and t(1)
local r2 = t(nil) or t(2)
local r3 = t(3) or t(4)
local r4 = t(5) and t(false) and t(6)
print(r1, r2, r3, r4, table.concat(log, ","))
print(1 and 2, nil and 2, false or nil, 0 or 1, "" and "yes")
