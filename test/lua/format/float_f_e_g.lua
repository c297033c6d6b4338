-- checks: %f %e %E %g %G with precisions and flags
local vals = {0, 1, -1.5, 3.14159265358979, 1e10, 1.5e-7, 123456789.123, 2^63, 0.1}
for _, f in ipairs({"%f", "%.0f", "%.2f", "%10.3f", "%-10.1f|", "%+.1f", "% .3f", "%010.2f", "%e", "%.2e", "%E", "%g", "%.3g", "%10g", "%G", "%#.0f", "%#g", "%.0e"}) do
  local row = {}
  for _, v in ipairs(vals) do row[#row + 1] = string.format(f, v) end
  print(f, table.concat(row, ","))
end
