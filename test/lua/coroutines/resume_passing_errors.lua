-- checks: resume returns false plus non-string error values
local co = coroutine.create(function() error(42) end)
print(coroutine.resume(co))
co = coroutine.create(function() error(nil) end)
print(coroutine.resume(co))
co = coroutine.create(function() error(setmetatable({}, {__tostring = function() return "custom" end})) end)
local ok, e = coroutine.resume(co)
print(ok, tostring(e))
