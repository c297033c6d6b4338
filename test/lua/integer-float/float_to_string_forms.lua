-- checks: float values that look integral print with .0, large ones in exponent form
print(1.0, -1.0, 1e14, 1e15, 123456789012345.0, 1234567890123456.0, 2^63, 1e308 * 10)
print(3 / 1, 10 // 1.0, 2^0, 100 * 1.0, 0.1 * 10, 1e2 // 1)
