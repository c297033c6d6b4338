-- checks: recursive generator (permutations) yielding from nested calls
local function permgen(a, n)
  n = n or #a
  if n <= 1 then coroutine.yield(a) else
    for i = 1, n do
      a[n], a[i] = a[i], a[n]
      permgen(a, n - 1)
      a[n], a[i] = a[i], a[n]
    end
  end
end
local function permutations(a) return coroutine.wrap(function() permgen(a) end) end
local out = {}
for p in permutations({1, 2, 3}) do out[#out + 1] = table.concat(p) end
print(#out, table.concat(out, " "))
