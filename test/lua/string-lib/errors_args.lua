-- checks: argument error messages of string functions called as methods and functions
print(pcall(string.sub, nil))
print(pcall(string.rep, "x", "y"))
print(pcall(string.byte, "x", 1, "z"))
print(pcall(function() return ("x"):rep({}) end))
print(pcall(function() return ("x"):sub() end))
print(pcall(function() return string.upper() end))
print(pcall(function() local s = "abc"; return s:char() end))
