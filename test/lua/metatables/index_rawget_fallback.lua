-- checks: __index is not consulted when the key exists with a false value
local t = setmetatable({f = false}, {__index = function() return "meta" end})
print(t.f, t.g)
t.f = nil
print(t.f)
