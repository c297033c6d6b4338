-- NaNs from invalid operations print as C prints them on x86: "-nan" for the default NaN
-- (0/0, fmod by zero, pow and log out of domain), "nan" once negated or from acos/log10.
print(3.0 % 0, -3.0 % 0, math.huge % 2, -math.huge % 2, 5 % math.huge, (0/0) % 2, (-(0/0)) % 2, 2 % (-(0/0)))
print(math.fmod(3.0, 0), math.fmod(math.huge, 2), math.fmod(-(0/0), 1), math.fmod(1, 0.0))
print(math.huge - math.huge, math.huge * 0, math.sqrt(-1), math.log(-1), math.acos(2), (-8) ^ 0.5, math.huge / math.huge)
print(-(0/0) + 1, -(0/0) * 2, math.abs(0/0), -math.abs(0/0), math.max(0/0, 1), math.min(1, 0/0))
print(string.format("%.1f %g %e %a", 0/0, -(0/0), 0/0, 0/0))
print(math.floor(0.5), math.tointeger(0/0), math.ult(1, 2), math.exp(-math.huge), math.fmod(-6, 0.0))
print(tostring(math.sin(math.huge)), math.cos(-math.huge), math.tan(math.huge), math.atan(0/0))
print(3.0 % 0)
print((function() return 3.0 % 0 end)())
print((function() return -5 % 0.0 end)())
local z = 0.0
print(-5 % z, 5 % z, math.log(-1), (-8)^0.5, math.log(-1, 2), math.log(-1, 10))
print((function() return 5 // 0.0, -5 % 0.0 end)())
print((function() return -5 % 0.0 end)())
print(-5 % 0.0)
print(5 // 0.0, -5 % 0.0)
