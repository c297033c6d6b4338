-- checks: math.modf and math.fmod with signs, integers and infinities
for _, v in ipairs({3.7, -3.7, 5, -5, 0.5, math.huge, -math.huge, 1e20}) do print(v, math.modf(v)) end
for _, p in ipairs({{7, 3}, {-7, 3}, {7, -3}, {-7, -3}, {7.5, 2}, {-7.5, 2}, {1, math.huge}, {math.mininteger, -1}, {5, 5}}) do
  local r = math.fmod(p[1], p[2])
  print(p[1], p[2], r, math.type(r))
end
print(pcall(math.fmod, 1, 0))
