-- checks: tonumber on decimal strings with spaces, signs, exponents, and invalid forms
local cases = {"10", "  10  ", "-10", "+10", "10.5", "-.5", "5.", "1e5", "1E+5", "1e-5", "0", "-0", "00012",
  "", " ", "abc", "10abc", "1 0", "1e", "e1", ".", "-", "+-1", "0x", "1..2", "\t\n12\v\f\r", "inf", "nan", "1e400", "-1e400"}
for _, s in ipairs(cases) do
  local n = tonumber(s)
  print(string.format("%q", s), n, n and math.type(n))
end
