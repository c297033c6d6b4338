-- checks: string.byte ranges and string.char arguments and errors
local s = "Hello"
print(s:byte(), s:byte(2), s:byte(-1), s:byte(1, 3), s:byte(10), s:byte(0))
print(select("#", s:byte(1, -1)), select("#", s:byte(4, 2)), select("#", s:byte(10, 20)))
print(string.char(), string.char(72, 105), string.char(0, 255):byte(1, 2))
print(pcall(string.char, 256))
print(pcall(string.char, -1))
print(pcall(string.char, "65"), pcall(string.char, 65.0))
print(pcall(string.char, 65.5))
print(pcall(string.byte, s, {}))
