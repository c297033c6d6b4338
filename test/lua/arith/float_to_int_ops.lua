-- checks: float operands with integral values in integer-only contexts
print(3.0 | 0, 2^53 | 0, -2.0 & 0xff, 1.0 << 4)
print(pcall(function() return 1.5 | 0 end))
print(pcall(function() return 2^63 | 0 end))
print(pcall(function() return "1.5" | 0 end))
print(pcall(function() return "3" | 0 end))
print(pcall(function() local s = "8"; return s >> 1 end))
print(math.tointeger(3.0), math.tointeger(3.5), math.tointeger(2^63), math.tointeger(-2^63))
