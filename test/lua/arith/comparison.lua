-- checks: numeric comparisons across integer and float
print(1 < 2, 1 < 1.5, 1.5 < 2, 2 <= 2.0, 2.0 >= 2, 3 > 2.999)
print(1 == 1.0, math.maxinteger == 2^63, math.maxinteger < 2^63, math.maxinteger + 0.0 == 2^63)
print(math.mininteger == -2^63, math.mininteger <= -2^63, math.mininteger < -2^63)
print(2^53 == 2^53 + 1, (2^53 | 0) + 1 == 2^53 + 1.0)
print(1/0 > math.maxinteger, -1/0 < math.mininteger)
local nan = 0/0
print(nan < 1, nan > 1, nan <= nan, nan >= 0, 1 < nan)
print("a" < "b", "a" < "ab", "Z" < "a", "" < "a", "10" < "9", "abc" <= "abc")
print(pcall(function() return 1 < "2" end))
print(pcall(function() return {} < {} end))
print(pcall(function() return nil <= 1 end))
