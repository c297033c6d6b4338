-- checks: using insert/remove as stack and queue
local s = {}
for i = 1, 5 do table.insert(s, i) end
local out = {}
while #s > 0 do out[#out + 1] = table.remove(s) end
print(table.concat(out, " "))
local q = {}
for i = 1, 5 do table.insert(q, i) end
out = {}
while #q > 0 do out[#out + 1] = table.remove(q, 1) end
print(table.concat(out, " "))
