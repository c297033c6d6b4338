-- x ^ n for integer n is rounded as C's pow rounds it (JS's ** can be an ulp off:
-- 10 ^ -4 must equal 0.0001), and x ^ 0.5 as a square root.
local xs = {10, 2, 3, 7, 0.1, 1.1, -1.5, 1.0000001, 123.456, 1e-5, -3, 0.7, 9.99, 1e10, 2.5, 1 / 3,
  1e100, 1e-100, 1.5e300, 5e-310}
local out = {}
for _, x in ipairs(xs) do
  for n = -40, 40 do
    -- glibc's pow (0.52 ulp) misrounds a few: the ties 10^23 and (+-3)^34 (which the engine
    -- breaks to even, as the exact value asks), and (-1.5)^34 and 1e10^21, which it rounds
    -- to the farther double
    local glibcOff = (x == 10 and n == 23) or (n == 34 and (x == 3 or x == -3 or x == -1.5)) or (x == 1e10 and n == 21)
    if not glibcOff then out[#out + 1] = string.format("%.17g", x ^ n) end
  end
  for _, y in ipairs({0.5, 100, 300, -300, 1023, -1074, 1e6, -1e6}) do
    out[#out + 1] = string.format("%.17g", x ^ y)
  end
end
print(table.concat(out, " "))
print(10 ^ -4 == 0.0001, 10 ^ -5 == 1e-5, 10 ^ 26 == 1e26, 10 ^ -29 == 1e-29)
print((-0.0) ^ 0.5, (-1 / 0) ^ 0.5, (-4) ^ 0.5, 0 ^ -1, (-0.0) ^ -1, (-0.0) ^ -2, 0 ^ 0)
print(2 ^ 1024, 2 ^ -1075, (-2) ^ 1023, 3 ^ -3, math.pow(10, -4) == 1e-4)
local acc = 0
for i = 1, 300 do acc = acc + (1 + i / 1000) ^ 7 end
print(string.format("%.17g", acc))
