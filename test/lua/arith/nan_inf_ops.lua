-- checks: infinity arithmetic without printing NaN text
local inf = math.huge
print(inf, -inf, inf + 1, inf * -1, 1 / inf, -1 / inf, inf // 1, -inf // 1)
local nan = inf - inf
print(nan ~= nan, nan * 0 ~= nan * 0, inf == inf, -inf == -inf)
print(math.max(1, inf), math.min(-inf, 1), math.floor(3.7) == 3)
print(pcall(math.tointeger, inf), math.type(inf))
print(inf > 0, -inf < 0, tostring(inf), tostring(-inf))
print(string.format("%.1f %5.1f %e", inf, -inf, inf))
