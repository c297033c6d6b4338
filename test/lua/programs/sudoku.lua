-- checks: a backtracking sudoku solver
local puzzle = "530070000600195000098000060800060003400803001700020006060000280000419005000080079"
local g = {}
for i = 1, 81 do g[i] = tonumber(puzzle:sub(i, i)) end
local function ok(pos, v)
  local r, c = (pos - 1) // 9, (pos - 1) % 9
  for i = 0, 8 do
    if g[r * 9 + i + 1] == v or g[i * 9 + c + 1] == v then return false end
  end
  local br, bc = r - r % 3, c - c % 3
  for i = 0, 2 do for j = 0, 2 do if g[(br + i) * 9 + bc + j + 1] == v then return false end end end
  return true
end
local steps = 0
local function solve(pos)
  while pos <= 81 and g[pos] ~= 0 do pos = pos + 1 end
  if pos > 81 then return true end
  for v = 1, 9 do
    if ok(pos, v) then
      g[pos] = v; steps = steps + 1
      if solve(pos + 1) then return true end
      g[pos] = 0
    end
  end
  return false
end
print(solve(1), steps)
for r = 0, 8 do print(table.concat(g, " ", r * 9 + 1, r * 9 + 9)) end
