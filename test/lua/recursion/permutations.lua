-- checks: recursive permutation generation
local function permute(a, n, out)
  n = n or #a
  if n <= 1 then out[#out + 1] = table.concat(a) return end
  for i = 1, n do
    a[i], a[n] = a[n], a[i]
    permute(a, n - 1, out)
    a[i], a[n] = a[n], a[i]
  end
end
local out = {}
permute({"a", "b", "c", "d"}, nil, out)
print(#out)
table.sort(out)
print(table.concat(out, " "))
