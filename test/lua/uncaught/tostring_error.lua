-- checks: uncaught error from __tostring returning a non-string value
print(setmetatable({}, {__tostring = function() return {} end}))
