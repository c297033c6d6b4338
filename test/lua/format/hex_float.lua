-- checks: %a and %A hexadecimal float conversions
for _, v in ipairs({0.0, 1.0, 0.5, -2.5, 255.5, 1024, 0.1, 1e-300}) do
  print(string.format("%a %A %.2a", v, v, v))
end
