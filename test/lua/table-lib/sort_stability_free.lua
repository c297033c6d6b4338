-- checks: sort with comparator producing a total order on unique keys
local items = {}
for i = 1, 50 do items[i] = {id = i, key = (i * 37) % 11} end
table.sort(items, function(a, b) if a.key ~= b.key then return a.key < b.key end return a.id < b.id end)
local out = {}
for i, it in ipairs(items) do out[i] = it.key .. "/" .. it.id end
print(table.concat(out, " "))
