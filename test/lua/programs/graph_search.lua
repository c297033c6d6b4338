-- checks: BFS and DFS on a grid maze, shortest path length and reachable counts
local maze = {
  "S.#.......",
  ".##.####.#",
  "....#..#..",
  "#.#...#.#.",
  "..#.#.#...",
  ".##...###.",
  "...#.#...E",
}
local H, W = #maze, #maze[1]
local function cell(r, c) return maze[r]:sub(c, c) end
local sr, sc, er, ec
for r = 1, H do for c = 1, W do if cell(r, c) == "S" then sr, sc = r, c elseif cell(r, c) == "E" then er, ec = r, c end end end
local dirs = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}}
local function bfs()
  local dist = {[sr * 100 + sc] = 0}
  local queue, head = {{sr, sc}}, 1
  while head <= #queue do
    local r, c = queue[head][1], queue[head][2]
    head = head + 1
    for _, d in ipairs(dirs) do
      local nr, nc = r + d[1], c + d[2]
      if nr >= 1 and nr <= H and nc >= 1 and nc <= W and cell(nr, nc) ~= "#" and not dist[nr * 100 + nc] then
        dist[nr * 100 + nc] = dist[r * 100 + c] + 1
        queue[#queue + 1] = {nr, nc}
      end
    end
  end
  return dist[er * 100 + ec], #queue
end
local visited, order = {}, {}
local function dfs(r, c)
  if r < 1 or r > H or c < 1 or c > W or cell(r, c) == "#" or visited[r * 100 + c] then return end
  visited[r * 100 + c] = true
  order[#order + 1] = r .. "," .. c
  for _, d in ipairs(dirs) do dfs(r + d[1], c + d[2]) end
end
dfs(sr, sc)
print(bfs())
print(#order, table.concat(order, " ", 1, 12))
