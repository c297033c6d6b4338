-- checks: several sorting algorithms agree with table.sort on pseudo-random data
local function lcg(seed) local s = seed return function() s = (s * 6364136223846793005 + 1442695040888963407); return (s >> 33) % 1000 end end
local function copy(t) local r = {} for i = 1, #t do r[i] = t[i] end return r end
local function insertion(t) for i = 2, #t do local v = t[i]; local j = i - 1; while j >= 1 and t[j] > v do t[j + 1] = t[j]; j = j - 1 end t[j + 1] = v end return t end
local function merge_sort(t)
  if #t <= 1 then return t end
  local mid = #t // 2
  local l, r = {}, {}
  for i = 1, mid do l[#l + 1] = t[i] end
  for i = mid + 1, #t do r[#r + 1] = t[i] end
  l, r = merge_sort(l), merge_sort(r)
  local out, i, j = {}, 1, 1
  while i <= #l and j <= #r do if l[i] <= r[j] then out[#out + 1] = l[i]; i = i + 1 else out[#out + 1] = r[j]; j = j + 1 end end
  for k = i, #l do out[#out + 1] = l[k] end
  for k = j, #r do out[#out + 1] = r[k] end
  return out
end
local function quick(t, lo, hi)
  lo, hi = lo or 1, hi or #t
  if lo >= hi then return t end
  local p = t[(lo + hi) // 2]
  local i, j = lo, hi
  while i <= j do
    while t[i] < p do i = i + 1 end
    while t[j] > p do j = j - 1 end
    if i <= j then t[i], t[j] = t[j], t[i]; i = i + 1; j = j - 1 end
  end
  quick(t, lo, j); quick(t, i, hi)
  return t
end
local function heap(t)
  local n = #t
  local function sift(start, stop)
    local root = start
    while 2 * root <= stop do
      local child = 2 * root
      if child + 1 <= stop and t[child] < t[child + 1] then child = child + 1 end
      if t[root] < t[child] then t[root], t[child] = t[child], t[root]; root = child else return end
    end
  end
  for s = n // 2, 1, -1 do sift(s, n) end
  for e = n, 2, -1 do t[1], t[e] = t[e], t[1]; sift(1, e - 1) end
  return t
end
local rnd = lcg(7)
local data = {}
for i = 1, 500 do data[i] = rnd() end
local ref = copy(data)
table.sort(ref)
local results = {insertion = insertion(copy(data)), merge = merge_sort(copy(data)), quick = quick(copy(data)), heap = heap(copy(data))}
for _, name in ipairs({"insertion", "merge", "quick", "heap"}) do
  print(name, table.concat(results[name], ",") == table.concat(ref, ","))
end
print(table.concat(ref, " ", 1, 20))
print(table.concat(ref, " ", 481, 500))
