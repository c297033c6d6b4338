-- checks: clearing every field during a pairs traversal (array and hash parts), then reuse
local t = {1, 2, 3, 4, 5, x = 1, y = 2}
for k in pairs(t) do t[k] = nil end
print(next(t), #t)
for i = 1, 10 do t[i] = i * i end
print(#t, t[10])
local q, head, tail = {}, 1, 0
for i = 1, 1000 do tail = tail + 1; q[tail] = i; if i % 3 == 0 then q[head] = nil; head = head + 1 end end
local n = 0
for _ in pairs(q) do n = n + 1 end
print(n, q[head], q[tail])
local s = {}
for i = 1, 100 do s[#s + 1] = i end
for i = 1, 60 do s[#s] = nil end
print(#s, s[40], s[41])
local p = table.pack(1, nil, 3, nil)
print(p.n, p[1], p[2], p[3])
