-- checks: tonumber on hexadecimal strings, hex floats and wraparound
local cases = {"0x10", "0XfF", "-0x10", "0x", "0x1p4", "0x1.8", "0x.8p1", "0xffffffffffffffff", "0x10000000000000000", "0x7fffffffffffffff", "  0x1A  ", "0x1g", "0x1P-2", "0x1e"}
for _, s in ipairs(cases) do
  local n = tonumber(s)
  print(s, n, n and math.type(n))
end
