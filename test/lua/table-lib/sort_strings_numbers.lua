-- checks: sorting numeric strings lexicographically vs numerically
local t = {"10", "9", "100", "1", "25", "3"}
table.sort(t)
print(table.concat(t, " "))
table.sort(t, function(a, b) return tonumber(a) < tonumber(b) end)
print(table.concat(t, " "))
