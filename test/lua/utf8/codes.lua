-- checks: utf8.codes iteration over valid strings
for p, c in utf8.codes("aé€😀") do io.write(p, ":", c, " ") end
print()
local n = 0
for _ in utf8.codes("") do n = n + 1 end
print(n)
print(pcall(function() for p, c in utf8.codes("ab\xffcd") do end end))
