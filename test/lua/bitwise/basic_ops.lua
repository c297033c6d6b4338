-- checks: &, |, ~, ~ (unary) on small and negative integers
local xs = {0, 1, 5, 12, -1, -6, 255, 0x7f}
for _, a in ipairs(xs) do
  local row = {}
  for _, b in ipairs(xs) do
    row[#row + 1] = string.format("%d/%d/%d", a & b, a | b, a ~ b)
  end
  print(a, ~a, table.concat(row, " "))
end
