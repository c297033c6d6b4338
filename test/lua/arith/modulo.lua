-- checks: '%' modulo with sign of divisor, integer and float operands
local ps = {{7, 3}, {-7, 3}, {7, -3}, {-7, -3}, {6, 3}, {-6, 3}, {0, 3}, {3, 7}, {-3, 7}}
for _, p in ipairs(ps) do
  local a, b = p[1], p[2]
  print(a, b, a % b, math.type(a % b), a % (b + 0.0), (a + 0.0) % b)
end
print(5.5 % 2, -5.5 % 2, 5.5 % -2, -5.5 % -2)
print(math.mininteger % -1, math.maxinteger % -1, math.mininteger % 2)
print(1 % math.huge, -1 % math.huge, 1 % -math.huge, -1 % -math.huge)
print(0.3 % 0.1 < 0.1, 10 % 2.5)
