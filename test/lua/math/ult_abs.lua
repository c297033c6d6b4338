-- checks: math.ult unsigned comparison and math.abs
print(math.ult(1, 2), math.ult(-1, 2), math.ult(2, -1), math.ult(math.maxinteger, math.mininteger), math.ult(0, 0))
print(math.abs(-0), math.abs(-1.5), math.abs(math.mininteger), math.abs(-math.maxinteger))
print(pcall(math.ult, 1.5, 2))
