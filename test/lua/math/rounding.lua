-- checks: rounding helpers built from floor (half away from zero, to decimals)
local function round(x) if x >= 0 then return math.floor(x + 0.5) else return math.ceil(x - 0.5) end end
local function roundTo(x, d) local m = 10 ^ d return math.floor(x * m + 0.5) / m end
for _, v in ipairs({0.5, 1.5, 2.5, -0.5, -1.5, 2.4999, 1e15 + 0.5}) do io.write(round(v), " ") end
print()
print(roundTo(3.14159, 2), roundTo(2.71828, 3), roundTo(1234.5678, 0), roundTo(-1.005, 2))
