error(setmetatable({}, {__tostring=function() error("ts fails") end}))
