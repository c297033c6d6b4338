-- checks: memoization via closures over a cache table
local function memoize(f)
  local cache, hits = {}, 0
  return function(n)
    if cache[n] then hits = hits + 1; return cache[n] end
    local v = f(n)
    cache[n] = v
    return v
  end, function() return hits end
end
local fib
local hits
fib, hits = memoize(function(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end)
print(fib(90), hits())
print(fib(90), hits())
