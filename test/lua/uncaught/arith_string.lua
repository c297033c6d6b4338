-- checks: uncaught arithmetic on a non-numeric string
local s = "abc"
print(s * 2)
