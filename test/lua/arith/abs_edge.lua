-- checks: math.abs and negation at integer limits
print(math.abs(-5), math.abs(5), math.abs(-5.5), math.abs(-0.0), math.abs(math.mininteger))
print(math.abs(math.maxinteger), math.abs(-math.huge), math.type(math.abs(-3)))
print(math.mininteger == -math.mininteger)
