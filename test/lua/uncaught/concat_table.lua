-- checks: uncaught "attempt to concatenate a table value (local 't')"
local t = {}
print("value: " .. t)
