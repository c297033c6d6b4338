-- checks: string->number conversions keep integer/float distinctions
for _, s in ipairs({"1", "1.0", "1e0", "0x1", "0x1.0", "9223372036854775807", "9223372036854775808", "-9223372036854775808", "1E2", ".0"}) do
  local n = tonumber(s)
  print(s, n, math.type(n), s + 0, math.type(s + 0), s * 1 == n)
end
