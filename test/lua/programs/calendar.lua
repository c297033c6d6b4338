-- checks: calendar computations (day of week via Zeller, leap years, month rendering)
local function is_leap(y) return (y % 4 == 0 and y % 100 ~= 0) or y % 400 == 0 end
local function days_in(y, m) local d = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31} if m == 2 and is_leap(y) then return 29 end return d[m] end
local function dow(y, m, d)
  if m < 3 then m = m + 12; y = y - 1 end
  local k, j = y % 100, y // 100
  local h = (d + (13 * (m + 1)) // 5 + k + k // 4 + j // 4 + 5 * j) % 7
  return (h + 6) % 7
end
local names = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"}
for _, d in ipairs({{2000, 1, 1}, {1969, 7, 20}, {2024, 2, 29}, {1900, 3, 1}, {2100, 12, 31}}) do print(table.concat(d, "-"), names[dow(d[1], d[2], d[3]) + 1]) end
print(is_leap(1900), is_leap(2000), is_leap(2024), is_leap(2023))
local function render(y, m)
  print(string.format("   %04d-%02d", y, m))
  print("Su Mo Tu We Th Fr Sa")
  local line = string.rep("   ", dow(y, m, 1))
  local col = dow(y, m, 1)
  for d = 1, days_in(y, m) do
    line = line .. string.format("%2d", d)
    col = col + 1
    if col == 7 then print(line); line = ""; col = 0 else line = line .. " " end
  end
  if line ~= "" then print((line:gsub("%s+$", ""))) end
end
render(2024, 2)
