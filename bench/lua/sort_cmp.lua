-- sort_cmp: table.sort with Lua comparator functions: numbers in descending order,
-- and records ordered by two keys (a total order, so the result is unique whatever
-- pivots the engine picks).
-- Size: array length (default 120000).
local size = math.tointeger(tonumber(arg and arg[1])) or 120000

local seed = 4242.0
local function rand()
  seed = (seed * 16807.0) % 2147483647.0
  return seed / 2147483647.0
end

local check = 0

-- numbers, descending
for _ = 1, 2 do
  local a = {}
  for i = 1, size do
    a[i] = rand()
  end
  table.sort(a, function(x, y)
    return x > y
  end)
  local step = size // 101 + 1
  for i = 1, size, step do
    check = (check + math.floor(a[i] * 100000) * (i % 13 + 1)) % 1000003
  end
end

-- records: bucket descending, then id ascending
local recs = {}
for i = 1, size do
  recs[i] = { id = i, bucket = math.floor(rand() * 500) }
end
table.sort(recs, function(p, q)
  if p.bucket ~= q.bucket then
    return p.bucket > q.bucket
  end
  return p.id < q.id
end)
local order = 0
for i = 1, size, 7 do
  order = (order * 7 + recs[i].id) % 1000003
end

print(string.format("sort_cmp size=%d check=%d order=%d", size, check, order))
