-- checks: bitwise ops on floats with exact integer values and errors otherwise
print(2.0 & 3, 6.0 | 1.0, 1.0 ~ 3, ~0.0, 1.0 << 2.0, 256.0 >> 4)
print(math.type(2.0 & 3))
for _, v in ipairs({1.5, 2^63, -2^63, 1e100, math.huge}) do
  print(v, pcall(function() return v | 0 end))
end
