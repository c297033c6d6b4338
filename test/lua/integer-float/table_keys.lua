-- checks: keys 1 and 1.0 are the same table key; 2^53 float keys become integers
local t = {}
t[1] = "int"
t[1.0] = "float overwrites"
print(t[1], #t)
t[2^53] = "big"
print(t[1 << 53], math.type(next({[2^53] = true})))
t[0.5] = "half"
print(t[0.5], t[1/2])
local cnt = 0
for k in pairs({[1] = 1, [1.0] = 2, [2] = 3, [2.0] = 4}) do cnt = cnt + 1 end
print(cnt)
local u = {[-0.0] = "negzero"}
print(u[0], math.type(next(u)))
