-- checks: tostring and implicit conversion of numbers in concatenation
local vals = {0, -0.0, 1, -1, 1.0, 0.1, 1e10, 1e15, 1e16, 123.456, -1e-7, 2^63, math.maxinteger, math.mininteger, 1/0, -1/0, 255, 3.0e2}
for _, v in ipairs(vals) do print(tostring(v), v .. "", string.format("%s", v)) end
