-- checks: arithmetic results used as table keys normalize floats to integers
local t = {}
t[1] = "a"; t[2.0] = "b"; t[6 / 2] = "c"; t[2^2] = "d"
print(t[1.0], t[2], t[3], t[4], #t)
t[0.5 + 0.5] = "A"
print(t[1])
print(next({[3.0] = true}), math.type(next({[3.0] = true})))
