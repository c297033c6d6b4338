-- checks: %q quoting of strings, integers, floats, and special values
print(string.format("%q", 'he said "hi"\n\tand\\left\0end\1\127\200'))
print(string.format("%q", "\r\n"), string.format("%q", "\0001"), string.format("%q", "a\n"))
print(string.format("%q %q %q", 1, -7, math.mininteger))
print(string.format("%q %q %q %q", 1.0, 0.5, -0.0, 2^63))
print(string.format("%q %q", 1/0, -1/0))
print(string.format("%q", 0/0) == "(0/0)")
print(string.format("%q %q %q", true, false, nil))
print(pcall(string.format, "%q", {}))
print(pcall(string.format, "%10q", "x"))
local s = "round\ttrip\"\\\0\255"
print(load("return " .. string.format("%q", s))() == s)
