-- checks: << and >> including shifts >= 64, negative shift counts, logical right shift
for _, n in ipairs({0, 1, 2, 31, 32, 62, 63, 64, 65, 100, -1, -2, -63, -64, -65}) do
  print(n, 1 << n, -1 >> n, 0xff << n, math.mininteger >> n, 5 >> -n)
end
print(-1 >> 1, -1 >> 63, -1 << 63, math.mininteger >> 63)
