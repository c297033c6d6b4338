-- checks: typical floating-point rounding results printed with %.14g
print(0.1 + 0.2, 0.1 + 0.2 == 0.3, 1 - 0.9, 100 * 1.1)
print(1e15 + 0.3, 123456.789e3, 3.0 * 1.1)
print(string.format("%.17g", 0.1), string.format("%.17g", 0.1 + 0.2))
local s = 0
for i = 1, 10 do s = s + 0.1 end
print(s, s == 1, math.abs(s - 1) < 1e-15)
print(2^-1074, 2^-1075, 2^1023 * 2)
