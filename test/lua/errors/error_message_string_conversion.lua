-- checks: error objects converted by tostring inside error handlers
local function handler(e) return "[" .. tostring(e) .. "]" end
print(xpcall(error, handler, 1))
print(xpcall(error, handler, nil))
print(xpcall(error, handler, setmetatable({}, {__tostring = function() return "TS" end})))
