-- hashmap: tables used as dictionaries: string keys built at run time, sparse
-- integer keys, inserts, lookups, deletes (assigning nil) and pairs traversal.
-- The checksum only uses order-independent sums, since traversal order differs
-- between engines.
-- Size: keys per round (default 70000); 4 rounds.
local size = math.tointeger(tonumber(arg and arg[1])) or 70000

local hits, misses, check = 0, 0, 0
for round = 1, 4 do
  local byName, sparse = {}, {}
  for i = 1, size do
    byName["key" .. i] = i
    sparse[(i * 7919) % 1000003] = i % 1000
  end
  -- lookups, half of them absent
  for i = 1, size * 2, 2 do
    local v = byName["key" .. i]
    if v then
      hits = hits + 1
    else
      misses = misses + 1
    end
  end
  -- delete every third key, then re-insert a different range
  for i = 3, size, 3 do
    byName["key" .. i] = nil
    sparse[(i * 7919) % 1000003] = nil
  end
  for i = size + 1, size + size // 4 do
    byName["k" .. i .. "x" .. round] = i
  end
  local n, s = 0, 0
  for k, v in pairs(byName) do
    n = n + 1
    s = (s + v + #k) % 1000003
  end
  for k, v in pairs(sparse) do
    n = n + 1
    s = (s + k % 1000 + v) % 1000003
  end
  check = (check + n + s * round) % 1000003
end

print(string.format("hashmap size=%d hits=%d misses=%d check=%d", size, hits, misses, check))
