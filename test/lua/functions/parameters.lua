-- checks: extra arguments are discarded and missing ones are nil
local function f(a, b, c) return a, b, c end
print(f(1))
print(f(1, 2, 3, 4, 5))
print(f())
local function g(a, ...) return a end
print(g(), g(9, 8))
