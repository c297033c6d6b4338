error(setmetatable({}, {__tostring=function() return 99 end}))
