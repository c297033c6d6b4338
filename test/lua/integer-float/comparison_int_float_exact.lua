-- checks: exact comparisons of large integers with floats (no precision loss)
local m = math.maxinteger
print(m < m + 0.0, m == m + 0.0, m + 0.0 > m)
local n = (1 << 60) + 1
print(n > 2^60, n == 2^60, n >= 2^60, n - 1 == 2^60)
print(-n < -(2^60), math.mininteger < -2^63 + 1)
