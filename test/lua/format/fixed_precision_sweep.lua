-- %f with precisions 0..9 over many fractions (sevenths, binary ties such as x.125 and
-- x.5, small and large magnitudes): rounding must be C's, half to even on exact ties.
local t = {}
for i = 1, 20000 do
  local a = (i * 7919 % 100003) / 64
  local b = i / 7
  t[#t + 1] = string.format("%.0f %.1f %.2f %.3f %5.2f %-8.4f %+.2f %.9f %f", a, a, b, a, b, a, -b, b, a / 1000)
end
for i = 1, 20000, 997 do print(t[i]) end
local h = 0
for _, s in ipairs(t) do
  for k = 1, #s do h = (h * 31 + s:byte(k)) % 1000000007 end
end
print(#table.concat(t, "\n"), h)
for _, x in ipairs({ 0.5, 1.5, 2.5, 0.125, 0.375, 2.675, 1.005, 1e-7, 123456789.125, 2 ^ 41 + 0.5, 1e15 / 3 }) do
  print(string.format("%.0f %.1f %.2f %.3f %.6f %.9f", x, x, x, x, x, x))
end
