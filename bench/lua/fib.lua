-- fib: deep non-tail recursion with integer add/compare.
-- Computes the naive doubly recursive Fibonacci number fib(n) and counts the
-- calls made through an accumulator passed down the recursion (no upvalues).
-- Size: n (default 35). fib(40) still fits in 32-bit integers (fengari).
local n = math.tointeger(tonumber(arg and arg[1])) or 35

local function fib(k)
  if k < 2 then
    return k
  end
  return fib(k - 1) + fib(k - 2)
end

-- A second, three-argument recursive shape (Takeuchi), kept small: it stresses
-- call frames with several arguments and comparisons.
local function tak(x, y, z)
  if y >= x then
    return z
  end
  return tak(tak(x - 1, y, z), tak(y - 1, z, x), tak(z - 1, x, y))
end

local f = fib(n)
local t = 0
for i = 1, 4 do
  t = t + tak(12 + i % 3, 8, 4)
end
print(string.format("fib n=%d fib=%d tak=%d", n, f, t))
