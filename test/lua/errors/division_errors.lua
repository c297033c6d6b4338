-- checks: integer division/modulo by zero messages through variables
local zero = 0
local t = {z = 0}
print(pcall(function() return 1 // zero end))
print(pcall(function() return 1 % t.z end))
print(pcall(function() return math.fmod(1, 0) end))
print(math.fmod(1, 0.0) ~= math.fmod(1, 0.0), math.fmod(5, 3), math.fmod(-5, 3), math.fmod(5.5, 2))
print(pcall(math.fmod, math.mininteger, -1))
