-- checks: Dijkstra shortest paths with a binary heap priority queue (deterministic tie-breaking)
local Heap = {}
Heap.__index = Heap
function Heap.new(less) return setmetatable({n = 0, less = less}, Heap) end
function Heap:push(v)
  self.n = self.n + 1
  local i = self.n
  self[i] = v
  while i > 1 do local p = i // 2 if self.less(self[i], self[p]) then self[i], self[p] = self[p], self[i]; i = p else break end end
end
function Heap:pop()
  if self.n == 0 then return nil end
  local top = self[1]
  self[1] = self[self.n]; self[self.n] = nil; self.n = self.n - 1
  local i = 1
  while true do
    local l, r, m = 2 * i, 2 * i + 1, i
    if l <= self.n and self.less(self[l], self[m]) then m = l end
    if r <= self.n and self.less(self[r], self[m]) then m = r end
    if m == i then break end
    self[i], self[m] = self[m], self[i]; i = m
  end
  return top
end
local edges = {{"A", "B", 4}, {"A", "C", 2}, {"B", "C", 5}, {"B", "D", 10}, {"C", "E", 3}, {"E", "D", 4}, {"D", "F", 11}, {"E", "F", 20}, {"C", "B", 1}}
local graph = {}
for _, e in ipairs(edges) do
  graph[e[1]] = graph[e[1]] or {}
  graph[e[1]][#graph[e[1]] + 1] = {e[2], e[3]}
end
local dist, prev = {A = 0}, {}
local pq = Heap.new(function(a, b) if a[1] ~= b[1] then return a[1] < b[1] end return a[2] < b[2] end)
pq:push({0, "A"})
while true do
  local item = pq:pop()
  if not item then break end
  local d, u = item[1], item[2]
  if d == dist[u] then
    for _, e in ipairs(graph[u] or {}) do
      local v, w = e[1], e[2]
      if not dist[v] or d + w < dist[v] then dist[v] = d + w; prev[v] = u; pq:push({d + w, v}) end
    end
  end
end
for _, n in ipairs({"A", "B", "C", "D", "E", "F"}) do
  local path, cur = {}, n
  while cur do table.insert(path, 1, cur); cur = prev[cur] end
  print(n, dist[n], table.concat(path, "->"))
end
local h = Heap.new(function(a, b) return a < b end)
for _, v in ipairs({5, 3, 9, 1, 7, 2, 8}) do h:push(v) end
local out = {}
for _ = 1, 7 do out[#out + 1] = h:pop() end
print(table.concat(out, " "))
