-- checks: loop counts with large steps and negative ranges
local function count(a, b, c) local n = 0 for _ = a, b, c do n = n + 1 end return n end
print(count(0, 100, 7), count(100, 0, -7), count(math.mininteger, math.maxinteger, math.maxinteger), count(0, 0, math.mininteger))
print(count(1, 10, 100), count(-5, 5, 5), count(5, -5, -5))
print(count(0.5, 2.5, 0.5), count(1e15, 1e15 + 3, 1))
