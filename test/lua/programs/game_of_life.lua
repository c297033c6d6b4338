-- checks: Conway's game of life on a torus, glider and blinker evolution
local W, H = 12, 8
local function parse(rows) local g = {} for r = 1, H do g[r] = {} for c = 1, W do g[r][c] = (rows[r] or ""):sub(c, c) == "#" end end return g end
local function step(g)
  local n = {}
  for r = 1, H do
    n[r] = {}
    for c = 1, W do
      local cnt = 0
      for dr = -1, 1 do for dc = -1, 1 do
        if not (dr == 0 and dc == 0) and g[(r + dr - 1) % H + 1][(c + dc - 1) % W + 1] then cnt = cnt + 1 end
      end end
      n[r][c] = cnt == 3 or (g[r][c] and cnt == 2)
    end
  end
  return n
end
local function show(g) local rows = {} for r = 1, H do local s = {} for c = 1, W do s[c] = g[r][c] and "#" or "." end rows[r] = table.concat(s) end return table.concat(rows, "\n") end
local g = parse{".#..........", "..#.........", "###.........", "", "........###."}
for gen = 0, 4 do
  if gen % 2 == 0 then print("gen " .. gen) print(show(g)) end
  g = step(g)
end
local alive = 0
for _ = 1, 40 do g = step(g) end
for r = 1, H do for c = 1, W do if g[r][c] then alive = alive + 1 end end end
print("alive after 45:", alive)
