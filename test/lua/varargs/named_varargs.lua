-- checks: fixed parameters plus varargs; missing parameters are nil
local function f(a, b, ...)
  return a, b, select("#", ...), ...
end
print(f())
print(f(1))
print(f(1, 2))
print(f(1, 2, 3, nil))
