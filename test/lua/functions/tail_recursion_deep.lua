-- checks: proper tail calls allow 1e6-deep tail recursion without stack growth
local function loop(n, acc)
  if n == 0 then return acc end
  return loop(n - 1, acc + 1)
end
print(loop(1000000, 0))
