-- checks: constant expressions yield the same values as runtime ones
local one, two, zero = 1, 2, 0
print(1 + 2, one + two, 10 // 3, 10 // (one + two), 2 ^ 10, two ^ 10)
print(math.maxinteger + 1, math.maxinteger + one)
print(-(-9223372036854775807 - 1), 9223372036854775807 + 1)
print(1 // 0.0, one // (zero + 0.0), 5 % -3, 5 % -(one + two))
print(0x7fffffffffffffff + 1 == math.mininteger, 1 << 63, 1 << 64, 1 >> 1)
print(3 & 5, 3 | 5, 3 ~ 5, ~0, ~5)
