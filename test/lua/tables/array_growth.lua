-- checks: large arrays: fill, sum, shrink
local t = {}
for i = 1, 100000 do t[i] = i % 7 end
local s = 0
for i = 1, #t do s = s + t[i] end
print(#t, s)
for i = #t, 50001, -1 do t[i] = nil end
print(#t)
