-- checks: math.floor/ceil on integers, floats, negatives, huge values and result types
for _, v in ipairs({3, -3, 3.2, -3.2, 3.5, -3.5, 0.0, -0.0, 2^53 + 0.0, 2^62, 2^63, -2^63, 1e100, math.huge, -math.huge}) do
  local f, c = math.floor(v), math.ceil(v)
  print(v, f, math.type(f), c, math.type(c))
end
print(pcall(math.floor, "3.7"), math.floor("3.7" + 0))
