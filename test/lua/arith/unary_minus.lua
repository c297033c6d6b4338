-- checks: unary minus on integers, floats, and strings
print(-1, - -1, -(-2), -0, -0.0, -(0.0))
print(-math.maxinteger, -math.mininteger, -(math.mininteger + 1))
print(-"2", -"2.5", -"0x10", math.type(-"3"), math.type(-"3.0"))
local s = "10"
print(-s, - -s)
print(pcall(function() return -{} end))
print(pcall(function() local t = "abc"; return -t end))
