-- checks: formatting an aligned text table with format widths
local rows = {{"apple", 3, 0.5}, {"banana", 12, 0.25}, {"cherry", 150, 2}, {"kiwi", 7, 0.125}}
print(string.format("%-10s %5s %8s %8s", "item", "qty", "price", "total"))
local sum = 0
for _, r in ipairs(rows) do
  local total = r[2] * r[3]
  sum = sum + total
  print(string.format("%-10s %5d %8.3f %8.2f", r[1], r[2], r[3], total))
end
print(string.format("%-10s %5s %8s %8.2f", "TOTAL", "", "", sum))
