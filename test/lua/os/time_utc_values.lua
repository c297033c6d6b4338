-- checks: os.time(table) absolute values (the harness runs with TZ=UTC) and default fields
print(os.time{year = 1970, month = 1, day = 1, hour = 0})
print(os.time{year = 2000, month = 1, day = 1, hour = 0, min = 0, sec = 0})
print(os.time{year = 2024, month = 2, day = 29})
print(os.time{year = 2038, month = 1, day = 19, hour = 3, min = 14, sec = 8})
print(os.date("%Y-%m-%d %H:%M:%S", 0))
