-- checks: %c conversion including zero byte and widths
print(string.format("%c%c%c", 76, 117, 97), string.format("[%5c][%-3c]", 65, 66))
print(string.format("%c", 0):byte(), #string.format("%c", 0), string.format("%c", 255):byte())
print(pcall(string.format, "%c", "x"))
