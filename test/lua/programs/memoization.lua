-- checks: generic memoization for multi-argument functions, cache statistics
local function memoize(f)
  local cache, stats = {}, {hits = 0, misses = 0}
  return function(...)
    local key = table.concat({...}, "\0")
    local v = cache[key]
    if v ~= nil then stats.hits = stats.hits + 1; return v end
    stats.misses = stats.misses + 1
    v = f(...)
    cache[key] = v
    return v
  end, stats
end
local grid_paths, s1
grid_paths, s1 = memoize(function(r, c) if r == 0 or c == 0 then return 1 end return grid_paths(r - 1, c) + grid_paths(r, c - 1) end)
print(grid_paths(16, 16), s1.hits, s1.misses)
local binom, s2
binom, s2 = memoize(function(n, k) if k == 0 or k == n then return 1 end return binom(n - 1, k - 1) + binom(n - 1, k) end)
print(binom(60, 30), s2.hits, s2.misses)
local collatz_len, s3
collatz_len, s3 = memoize(function(n) if n == 1 then return 1 end if n % 2 == 0 then return 1 + collatz_len(n // 2) end return 1 + collatz_len(3 * n + 1) end)
local best, bestn = 0, 0
for n = 1, 10000 do local l = collatz_len(n); if l > best then best, bestn = l, n end end
print(bestn, best, s3.hits > 0)
