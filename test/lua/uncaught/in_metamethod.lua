-- checks: uncaught error raised inside an __index metamethod
local strict = setmetatable({}, {__index = function(_, k) error("undefined variable '" .. k .. "'", 2) end})
print(strict.missing)
