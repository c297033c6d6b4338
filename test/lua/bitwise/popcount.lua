-- checks: bit manipulation algorithms (popcount, parity, lowest set bit)
local function popcount(x)
  local c = 0
  while x ~= 0 do x = x & (x - 1); c = c + 1 end
  return c
end
local function lowbit(x) return x & -x end
for _, v in ipairs({0, 1, 7, 8, 255, 0x5555, -1, math.mininteger, math.maxinteger, 1234567}) do
  print(v, popcount(v), lowbit(v), popcount(v) % 2)
end
