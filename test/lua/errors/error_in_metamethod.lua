-- checks: errors raised inside metamethods propagate with their positions
local mt = {__index = function(t, k) error("no field " .. k) end, __add = function() error("cannot add", 2) end}
local obj = setmetatable({}, mt)
print(pcall(function() return obj.foo end))
print(pcall(function() return obj + 1 end))
local cmp = setmetatable({}, {__lt = function() error({reason = "lt"}) end})
local ok, e = pcall(function() return cmp < cmp end)
print(ok, e.reason)
