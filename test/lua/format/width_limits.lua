-- checks: maximum width/precision of 2 digits and invalid specs
print(string.format("%99d|", 1):len(), string.format("%.99f", 1):len())
print(pcall(string.format, "%100d", 1))
print(pcall(string.format, "%.100f", 1))
print(pcall(string.format, "%#d", 1))
print(pcall(string.format, "%+s", "x"))
print(pcall(string.format, "%0s", "x"))
