-- binary_trees: allocation-heavy recursion. Builds many short-lived complete binary
-- trees of records {v, l, r} (hash-part fields) plus one long-lived tree, and walks
-- them. Exercises table construction, field access and the garbage collector.
-- Size: maximum depth (default 15).
local maxdepth = math.tointeger(tonumber(arg and arg[1])) or 15

local function build(depth, v)
  if depth == 0 then
    return { v = v }
  end
  return {
    v = v,
    l = build(depth - 1, (v * 2) % 65521),
    r = build(depth - 1, (v * 2 + 1) % 65521),
  }
end

-- returns (node count + sum of values mod 97) for the subtree, reduced mod 1000003
local function walk(t)
  local here = 1 + t.v % 97
  local l = t.l
  if l == nil then
    return here
  end
  return (here + walk(l) + walk(t.r)) % 1000003
end

local keep = build(maxdepth, 1)

local total = 0
for depth = 4, maxdepth, 2 do
  local count = 3 << (maxdepth - depth + 1)
  local sub = 0
  for i = 1, count do
    sub = (sub + walk(build(depth, i))) % 1000003
  end
  total = (total + sub * (depth % 7 + 1)) % 1000003
end

print(string.format("binary_trees depth=%d total=%d keep=%d", maxdepth, total, walk(keep)))
