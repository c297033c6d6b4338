-- checks: call syntax with string and table literal arguments
local function f(x) return type(x), x end
print(f"hello")
print(f[[long]])
print(select(1, f{1, 2}) , #select(2, f{1, 2, 3}))
local obj = {m = function(self, s) return s .. "!" end}
print(obj:m"hey", obj:m[[there]])
print(("%d"):rep(2))
print(string.format"plain")
