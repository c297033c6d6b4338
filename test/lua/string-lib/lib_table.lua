-- checks: the string library table contents (sorted names, dump excluded)
local names = {}
for k, v in pairs(string) do if k ~= "dump" then names[#names + 1] = k .. ":" .. type(v) end end
table.sort(names)
print(table.concat(names, " "))
