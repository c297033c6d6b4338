-- checks: tables containing themselves and cycles
local t = {}
t.self = t
t.list = {t, t}
print(t.self == t, t.self.self.self == t, t.list[2].list[1] == t)
local a, b = {}, {}
a.other, b.other = b, a
print(a.other.other == a)
