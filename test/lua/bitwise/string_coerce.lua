-- checks: strings are not coerced by bitwise operators in Lua 5.4
print(pcall(function() return "1" | 2 end))
print(pcall(function() return 1 & "3" end))
print(pcall(function() local s = "0x10"; return ~s end))
print(math.tointeger(3.0) | 0)
