-- checks: table library contents
local names = {}
for k in pairs(table) do names[#names + 1] = k end
table.sort(names)
print(table.concat(names, " "))
