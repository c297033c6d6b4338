-- checks: match returns strings for captures and integers for position captures
local a, b = ("12 34"):match("(%d+) (%d+)")
print(a, b, math.type(a), type(a), a + b)
local p = ("xyz"):match("y()")
print(p, math.type(p))
print(("abc"):match("b"), ("abc"):match("d"), ("abc"):match(""))
