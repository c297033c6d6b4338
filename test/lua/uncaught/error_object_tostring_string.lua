local function f() error(setmetatable({}, {__tostring=function() return "TS" end})) end f()
