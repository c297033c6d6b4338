-- checks: loaded chunks are vararg functions and can return multiple values
local f = load("local a, b = ...; return b, a, select('#', ...)")
print(f(1, 2, 3))
print(load("return")())
print(select("#", load("return nil, nil")()))
