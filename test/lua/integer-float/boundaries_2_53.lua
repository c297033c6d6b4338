-- checks: float precision boundary at 2^53 and conversions to integer
local f = 2^53
print(f, f + 1, f + 2, f - 1, string.format("%.0f", f + 1))
print(math.tointeger(f), math.tointeger(f + 1), math.tointeger(f + 2))
local i = 1 << 53
print(i, i + 1, i + 1 + 0.0, (i + 1) // 1, math.type((i + 1) + 0.0))
print(string.format("%d", f), pcall(string.format, "%d", 2^64))
