-- checks: '//' floor division for integers and floats, all sign combinations
local ps = {{7, 2}, {-7, 2}, {7, -2}, {-7, -2}, {6, 3}, {-6, 3}, {0, 5}, {1, 7}, {-1, 7}}
for _, p in ipairs(ps) do
  local a, b = p[1], p[2]
  print(a, b, a // b, math.type(a // b), a // (b + 0.0), (a + 0.0) // b)
end
print(7.5 // 2, -7.5 // 2, 7.5 // -2, 0.5 // 0.25)
print(math.mininteger // -1, math.mininteger // 1)
print(math.maxinteger // 2, math.mininteger // 2)
