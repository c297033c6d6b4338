-- checks: math constants
print(math.pi, math.huge, -math.huge, math.maxinteger, math.mininteger)
print(math.maxinteger + 1 == math.mininteger, math.type(math.pi), math.type(math.maxinteger))
print(string.format("%.17g", math.pi))
