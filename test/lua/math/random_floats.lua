-- checks: math.random() floats with fixed seeds printed with %.17g
math.randomseed(2024)
for i = 1, 6 do print(string.format("%.17g", math.random())) end
math.randomseed(0)
local sum = 0
for i = 1, 1000 do sum = sum + math.random() end
print(string.format("%.12f", sum))
