-- checks: division by zero: float results, integer errors for // and %
print(1 / 0, -1 / 0, 1.0 / 0, 0.0 / 1)
print(1 // 0.0, -1 // 0.0, 1 % math.huge)
print(pcall(function() return 1 // 0 end))
print(pcall(function() return 1 % 0 end))
local z = 0
print(pcall(function() return 10 // z end))
print(pcall(function() return 10 % z end))
local nan = 0 / 0
print(nan ~= nan, nan == nan, 1 / 0 > math.maxinteger, -1 / 0 < math.mininteger)
print(-0.0, 0.0, 0.0 == -0.0, 1 / -0.0)
