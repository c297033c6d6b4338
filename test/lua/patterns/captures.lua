-- checks: captures, nested captures, position captures, back-references
print(("hello world"):match("(%a+) (%a+)"))
print(("2024-01-15"):match("(%d+)-(%d+)-(%d+)"))
print(("abc"):match("()b()"), ("abc"):find("()b()"))
print(("key=val"):match("((%w+)=(%w+))"))
print(('say "hi" now'):match('(["\'])(.-)%1'))
print(("abcabc"):match("(abc)%1"), ("abab"):find("(ab)%1"), ("xyzxy"):match("(x)(y)z%1%2"))
print(("aaa"):match("()"), ("aaa"):match("()", 4), ("aaa"):match("()a*()"))
print(string.find("hello", "(l)(l)"), string.match("hello", "(h)(e)(l)(l)(o)"))
