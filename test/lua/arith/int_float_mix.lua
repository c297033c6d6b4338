-- checks: result types of + - * with integer/float operand mixes
local vals = {1, 2, -3, 0, 1.5, -2.25, 0.0, 3.0}
for _, a in ipairs(vals) do
  for _, b in ipairs(vals) do
    local s, d, m = a + b, a - b, a * b
    print(a, b, s, math.type(s), d, math.type(d), m, math.type(m))
  end
end
