-- checks: next on empty tables, single-element tables, and removal during traversal
print(next({}), next({5}), next({5}, 1))
local t = {}
for i = 1, 20 do t["k" .. i] = i end
local sum, count = 0, 0
for k, v in pairs(t) do
  sum = sum + v; count = count + 1
  t[k] = nil
end
print(sum, count, next(t))
print(pcall(next, {}, "nope"))
