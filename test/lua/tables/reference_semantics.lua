-- checks: tables are references; equality is identity
local a = {1, 2}
local b = a
b[1] = 99
print(a[1], a == b, {} == {}, a ~= {1, 2})
local function mutate(t) t.x = "set" end
mutate(a)
print(a.x, b.x)
local copy = {}
for i, v in ipairs(a) do copy[i] = v end
copy[1] = 1
print(a[1], copy[1])
