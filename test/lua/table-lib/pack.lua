-- checks: table.pack sets n and preserves nils
local p = table.pack(1, nil, 3, nil)
print(p.n, p[1], p[2], p[3], p[4])
local e = table.pack()
print(e.n, #e)
local q = table.pack(table.unpack({1, 2, 3}))
print(q.n, table.unpack(q, 1, q.n))
