-- checks: trig functions and atan with two arguments (printed with %.10g)
local function p(...) local t = {} for i = 1, select("#", ...) do t[i] = string.format("%.10g", (select(i, ...))) end print(table.concat(t, " ")) end
p(math.pi, math.sin(0), math.sin(math.pi / 2), math.cos(0), math.cos(math.pi), math.tan(math.pi / 4))
p(math.asin(1), math.acos(0), math.acos(1), math.atan(1), math.atan(1, 1), math.atan(-1, -1), math.atan(0, -1), math.atan(1, 0))
p(math.sin(1), math.cos(1), math.tan(1), math.asin(0.5), math.acos(0.5), math.atan(0.5))
p(math.atan(0, 1), math.atan(-0.0, 1), math.atan(1, math.huge), math.atan(math.huge))
print(math.deg(math.pi), math.rad(180) == math.pi, math.deg(1) > 57, math.rad(90))
