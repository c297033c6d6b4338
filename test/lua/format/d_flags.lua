-- checks: %d and %i with flags - + space 0, width and precision
local vals = {0, 7, -7, 123456, math.maxinteger, math.mininteger}
local fmts = {"%d", "%5d", "%-5d|", "%05d", "%+d", "% d", "%.3d", "%8.3d", "%-8.3d|", "%+05d", "%i", "%3i"}
for _, f in ipairs(fmts) do
  local row = {}
  for _, v in ipairs(vals) do row[#row + 1] = string.format(f, v) end
  print(f, table.concat(row, ","))
end
print(string.format("%d", 3.0), pcall(string.format, "%d", 3.5))
print(pcall(string.format, "%d", "12"), pcall(string.format, "%d", "x"))
