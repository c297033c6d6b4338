-- checks: long __index chains (100 levels) resolve correctly
local base = {value = "found"}
local cur = base
for i = 1, 100 do cur = setmetatable({}, {__index = cur}) end
print(cur.value, cur.missing)
