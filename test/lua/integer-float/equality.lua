-- checks: equality between integers and floats, including large values beyond 2^53
print(1 == 1.0, -0 == -0.0, 0 == -0.0, 2^53 == 2^53 + 1, (1 << 53) == 2^53, (1 << 53) + 1 == 2^53)
print(math.maxinteger == math.maxinteger + 0.0, math.maxinteger - 1 == math.maxinteger + 0.0, math.mininteger == -2^63)
print((1 << 62) == 2^62, (1 << 62) + 1 == 2^62, 9007199254740993 == 9007199254740992.0)
print(1 < 1.0000000000000002, math.maxinteger < 2^63, math.maxinteger <= 2^63, math.mininteger <= -2^63, math.mininteger > -2^63 - 1e4)
