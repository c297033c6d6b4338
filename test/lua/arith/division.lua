-- checks: '/' always produces floats, including exact quotients
print(1 / 2, 4 / 2, -4 / 2, 7 / 7, 0 / 5)
print(math.type(4 / 2), math.type(1.0 / 1))
print(10 / 3, -10 / 3, 1 / 3 * 3)
print(2^53 / 2, math.maxinteger / 1)
print(3 / 0.5, 1e308 / 1e-10)
