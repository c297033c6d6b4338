-- sort: table.sort with the default `<` order, on floats and on integers.
-- Random numbers come from a Park-Miller generator evaluated in float arithmetic
-- (exact on every engine, no 64-bit integer products).
-- Size: array length (default 200000); 3 float arrays and 2 integer arrays are sorted.
local size = math.tointeger(tonumber(arg and arg[1])) or 200000

local seed = 20260101.0
local function rand() -- float in (0, 1)
  seed = (seed * 16807.0) % 2147483647.0
  return seed / 2147483647.0
end

local check = 0
local function digest(a, scale)
  local bad = 0
  for i = 2, #a do
    if a[i] < a[i - 1] then
      bad = bad + 1
    end
  end
  local step = #a // 97 + 1
  for i = 1, #a, step do
    check = (check + math.floor(a[i] * scale) % 65521 * (i % 89 + 1)) % 1000003
  end
  return bad
end

local unsorted = 0
for _ = 1, 3 do
  local a = {}
  for i = 1, size do
    a[i] = rand()
  end
  table.sort(a)
  unsorted = unsorted + digest(a, 1000000)
end
for _ = 1, 2 do
  local a = {}
  for i = 1, size do
    a[i] = math.floor(rand() * 1000000) -- integers in [0, 1e6)
  end
  table.sort(a)
  unsorted = unsorted + digest(a, 1)
end

print(string.format("sort size=%d check=%d unsorted=%d", size, check, unsorted))
