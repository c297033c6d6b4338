-- checks: ^ and $ anchors, and literal ^/$ in the middle
print(("hello"):find("^h"), ("hello"):find("^e"), ("hello"):find("o$"), ("hello"):find("l$"))
print(("a^b$c"):find("a^b"), ("a^b$c"):find("b$c"), ("$x"):find("^%$"))
print(("hello hello"):gsub("^hello", "X"), ("aaa"):gsub("^a", "b"))
print(("line1\nline2"):match("^(.-)\n"), ("abc"):match("^(abc)$"), ("abcd"):match("^(abc)$"))
for w in ("one two"):gmatch("^%a+") do print("gmatch anchored:", w) end
