-- checks: %x %X %o with # and 0 flags, widths and negative numbers
local vals = {0, 1, 255, 4096, -1, -256}
for _, f in ipairs({"%x", "%X", "%o", "%#x", "%#X", "%#o", "%08x", "%-8x|", "%.4x", "%#10.4x"}) do
  local row = {}
  for _, v in ipairs(vals) do row[#row + 1] = string.format(f, v) end
  print(f, table.concat(row, ","))
end
