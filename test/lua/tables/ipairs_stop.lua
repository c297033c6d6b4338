-- checks: ipairs stops at the first nil and respects __index
local t = {1, 2, nil, 4}
local n = 0
for i, v in ipairs(t) do n = n + 1 end
print(n)
local proxy = setmetatable({}, {__index = function(_, i) if i <= 5 then return i * 10 end end})
for i, v in ipairs(proxy) do io.write(i, "=", v, " ") end
print()
