-- checks: %% literal and argument count errors
print(string.format("100%%"), string.format("%d%%", 50), string.format("%%d"))
print(pcall(string.format, "%d"))
print(pcall(string.format, "%d %d", 1))
print(string.format("no conversions", 1, 2, 3))
print(pcall(string.format, "%y", 1))
print(pcall(string.format, "%F", 1))
print(pcall(string.format, "%", 1))
print(pcall(string.format))
