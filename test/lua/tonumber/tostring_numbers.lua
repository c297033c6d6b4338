-- checks: tostring on integers, floats (%.14g, forced .0), and special values
local vals = {0, 1, -1, 0.0, -0.0, 1.0, 100.0, 1e15, 1e16, 1e100, 123456789012, 1234567890123456, 0.1, 1/3, 2/3, 1e-10, 123.456, -7.25, 2^63, -2^63, math.huge, -math.huge, 255/5}
for _, v in ipairs(vals) do io.write(tostring(v), " ") end
print()
