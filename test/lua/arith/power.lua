-- checks: '^' exponentiation always yields floats
print(2 ^ 10, 2 ^ 0.5, 2 ^ -1, (-2) ^ 2, -2 ^ 2)
print(math.type(2 ^ 2), 10 ^ 15, 10 ^ 16, 2 ^ 63, 2 ^ 64)
print(0 ^ 0, 1 ^ 1e300, 4 ^ 0.5, 8 ^ (1/3))
print(2 ^ 3 ^ 2, (2 ^ 3) ^ 2)
print(1e308 * 10, -1e308 * 10, 2 ^ 1024)
