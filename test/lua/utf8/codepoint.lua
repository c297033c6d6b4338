-- checks: utf8.codepoint with ranges and invalid sequences
local s = "aé€😀"
print(utf8.codepoint(s), utf8.codepoint(s, 2), utf8.codepoint(s, 4), utf8.codepoint(s, 7))
print(utf8.codepoint(s, 1, -1))
print(select("#", utf8.codepoint(s, 3, 2)))
print(pcall(utf8.codepoint, s, 3))
print(pcall(utf8.codepoint, "\xff"))
print(pcall(utf8.codepoint, s, 20))
print(utf8.codepoint("\u{7FFFFFFF}", 1, 1, true))
print(pcall(utf8.codepoint, "\u{7FFFFFFF}"))
