-- checks: os.time argument errors (missing fields, wrong types) and os.date bad conversions
print(pcall(os.time, {year = 2020}))
print(pcall(os.time, {year = 2020, month = 1}))
print(pcall(os.time, {year = 2020, month = "x", day = 1}))
print(pcall(os.time, {year = 2020, month = 1.5, day = 1}))
print(pcall(os.time, 5))
print(pcall(os.date, "%Q", 0))
print(pcall(os.date, "!%", 0))
print(os.time{year = "2020", month = "1", day = "2", hour = 12} == os.time{year = 2020, month = 1, day = 2, hour = 12})
