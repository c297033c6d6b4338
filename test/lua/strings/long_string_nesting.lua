-- checks: long strings with embedded brackets and CRLF normalization via load
local src = "return [[a\r\nb\n\rc\r\rd]]"
local s = load(src)()
print(#s, s:byte(1, -1))
local t = load("return 'x\\\r\ny'")()
print(#t, t:byte(1, -1))
print([==[]]]==], [[[=[]], #[[]])
