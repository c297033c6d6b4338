-- checks: uncaught error object with __tostring is converted by the standalone interpreter
error(setmetatable({}, {__tostring = function() return "custom error object" end}))
