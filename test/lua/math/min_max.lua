-- checks: math.max/min with mixed integer and float arguments keep the chosen argument's type
print(math.max(1, 2.0), math.max(2.0, 1), math.max(2, 2.0), math.max(2.0, 2), math.min(1, 1.0), math.min(1.0, 1))
print(math.max(-1, -5, -3), math.min(4, 8, 2, 6), math.max(5), math.min(-0.0, 0.0), math.max(0.0, -0.0))
print(math.max(math.mininteger, math.maxinteger), math.min(math.mininteger, -math.huge))
print(pcall(math.max), pcall(math.min, "a", 1))
