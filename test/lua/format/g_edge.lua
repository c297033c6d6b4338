-- checks: %g switching between fixed and exponent notation
for _, v in ipairs({1e-5, 1e-4, 0.0001234, 123456, 1234567, 1e15, 1e16, 100, 0.5, -0.0, 1/3}) do
  print(string.format("%g|%.14g|%.17g|%.1g|%#.3g", v, v, v, v, v))
end
