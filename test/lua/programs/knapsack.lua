-- checks: 0/1 knapsack and coin change dynamic programming
local items = {{"map", 9, 150}, {"compass", 13, 35}, {"water", 153, 200}, {"sandwich", 50, 160}, {"glucose", 15, 60}, {"tin", 68, 45}, {"banana", 27, 60}, {"apple", 39, 40}, {"cheese", 23, 30}, {"beer", 52, 10}, {"suntan", 11, 70}, {"camera", 32, 30}}
local cap = 400
local best = {}
for w = 0, cap do best[w] = {v = 0, set = {}} end
for i, it in ipairs(items) do
  for w = cap, it[2], -1 do
    local cand = best[w - it[2]].v + it[3]
    if cand > best[w].v then
      local set = {table.unpack(best[w - it[2]].set)}
      set[#set + 1] = it[1]
      best[w] = {v = cand, set = set}
    end
  end
end
table.sort(best[cap].set)
print(best[cap].v, table.concat(best[cap].set, ","))
local function coin_ways(amount, coins)
  local ways = {[0] = 1}
  for a = 1, amount do ways[a] = 0 end
  for _, c in ipairs(coins) do for a = c, amount do ways[a] = ways[a] + ways[a - c] end end
  return ways[amount]
end
print(coin_ways(100, {1, 5, 10, 25, 50}), coin_ways(1000, {1, 2, 5, 10, 20, 50, 100, 200}))
