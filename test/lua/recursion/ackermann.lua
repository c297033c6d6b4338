-- checks: Ackermann function values needing moderate recursion depth
local function A(m, n)
  if m == 0 then return n + 1 elseif n == 0 then return A(m - 1, 1) else return A(m - 1, A(m, n - 1)) end
end
print(A(0, 0), A(1, 2), A(2, 2), A(2, 10), A(3, 4))
