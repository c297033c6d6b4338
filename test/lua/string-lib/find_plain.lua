-- checks: string.find with plain flag and init positions
local s = "a.b.c..d"
print(s:find(".", 1, true), s:find("..", 1, true), s:find(".", 3, true), s:find(".", -2, true))
print(s:find("x", 1, true), s:find("", 1, true), s:find("", 9, true), s:find("", 10, true), s:find("", 100))
print(s:find("a.b", 1, true), s:find("c..d", -5, true))
print(("abc"):find("b", -100), ("abc"):find("b", 0))
print(("[x]"):find("[", 1, true), ("%d"):find("%", 1, true))
