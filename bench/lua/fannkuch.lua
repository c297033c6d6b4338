-- fannkuch: pancake flips over permutations of 1..10, generated with the iterative
-- form of Heap's algorithm. Small integer arrays, swaps, reversals.
-- Size: number of permutations visited (default 600000, at most 10! = 3628800).
local limit = math.tointeger(tonumber(arg and arg[1])) or 600000
local n = 10

local perm, work, ctr = {}, {}, {}
for i = 1, n do
  perm[i] = i
  ctr[i] = 0
end

local visited, checksum, maxflips, totalflips = 0, 0, 0, 0

local function visit()
  local first = perm[1]
  local flips = 0
  if first ~= 1 then
    for i = 1, n do
      work[i] = perm[i]
    end
    repeat
      -- reverse work[1..first]
      local lo, hi = 1, first
      while lo < hi do
        work[lo], work[hi] = work[hi], work[lo]
        lo = lo + 1
        hi = hi - 1
      end
      flips = flips + 1
      first = work[1]
    until first == 1
  end
  visited = visited + 1
  if visited % 2 == 0 then
    checksum = checksum + flips
  else
    checksum = checksum - flips
  end
  if flips > maxflips then
    maxflips = flips
  end
  totalflips = totalflips + flips
end

visit()
local i = 1 -- 0-based position in Heap's algorithm, stored at ctr[i + 1]
while i < n and visited < limit do
  local c = ctr[i + 1]
  if c < i then
    if i % 2 == 0 then
      perm[1], perm[i + 1] = perm[i + 1], perm[1]
    else
      perm[c + 1], perm[i + 1] = perm[i + 1], perm[c + 1]
    end
    visit()
    ctr[i + 1] = c + 1
    i = 1
  else
    ctr[i + 1] = 0
    i = i + 1
  end
end

print(string.format("fannkuch perms=%d checksum=%d maxflips=%d total=%d",
  visited, checksum, maxflips, totalflips))
