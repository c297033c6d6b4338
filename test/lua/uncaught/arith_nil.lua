-- checks: uncaught arithmetic on nil field
local t = {a = 1}
print(t.a + t.b)
