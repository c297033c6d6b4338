-- loop_int: numeric for/while loops over integer arithmetic and bitwise operators.
-- Every intermediate value stays below 2^31 so 32-bit-integer engines agree.
-- Size: iterations of the main loop (default 12e6).
local n = math.tointeger(tonumber(arg and arg[1])) or 12000000

local x, acc, mix, hits = 7, 0, 0, 0
for i = 1, n do
  x = (x * 1103 + 12345) % 65521
  acc = (acc + x // 7 - (i & 1023)) % 1000003
  mix = (mix ~ ((x << 3) & 0xFFFF)) | ((i >> 5) & 0xF)
  if x % 3 == 0 then
    hits = hits + 1
  end
end

-- countdown while loop with digit sums
local j, w = n // 4, 0
while j > 0 do
  w = (w + j % 10 + (j // 10) % 10) % 65521
  j = j - 1
end

-- nested loops with a small inner trip count
local grid = 0
for a = 1, n // 2000 do
  for b = 1, 100 do
    grid = (grid + a * b) % 999983
  end
end

print(string.format("loop_int n=%d acc=%d mix=%d hits=%d w=%d grid=%d", n, acc, mix, hits, w, grid))
