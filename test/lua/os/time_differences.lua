-- checks: differences of os.time values and os.difftime for dates in the same season
local a = os.time{year = 2023, month = 1, day = 10, hour = 12}
local b = os.time{year = 2023, month = 1, day = 20, hour = 12}
local c = os.time{year = 2023, month = 1, day = 20, hour = 13, min = 30, sec = 15}
print(b - a, c - b, os.difftime(b, a), os.difftime(a, b), math.type(os.difftime(b, a)))
print((b - a) // 86400, os.difftime(c, a) / 3600)
local d1 = os.time{year = 2024, month = 12, day = 1, hour = 12}
local d2 = os.time{year = 2024, month = 12, day = 31, hour = 12}
print((d2 - d1) // 86400)
print(pcall(os.difftime))
