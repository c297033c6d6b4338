-- checks: method call syntax on string values and literals
local s = "Hello"
print(s:upper(), s:lower(), s:len(), s:rep(2), s:sub(2, 3), s:byte(1))
print(("abc"):upper(), ("%d-%d"):format(1, 2), ("x"):rep(3, ","))
print(#s:rep(3), s:reverse():upper())
local mt = getmetatable("")
print(type(mt), mt.__index == string, rawequal(mt.__index, string))
string.shout = function(x) return x:upper() .. "!" end
print(("hey"):shout())
