-- checks: math.tointeger and math.type on numbers and non-numbers
for _, v in ipairs({1, 1.0, -0.0, 1.5, 2^63, -2^63, 2^53, math.huge}) do print(v, math.tointeger(v), math.type(v)) end
print(math.type("1"), math.type({}), math.type(nil), math.tointeger({}), math.tointeger(true))
print(pcall(math.type))
