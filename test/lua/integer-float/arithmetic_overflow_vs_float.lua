-- checks: integer ops wrap while float ops overflow to inf
local big = math.maxinteger
print(big * 2, big * 2.0, big + big, (big + 0.0) + big, math.mininteger * -1, math.mininteger * -1.0)
print(2^1023 * 2, -(2^1023) * 2, 10^308 * 10)
