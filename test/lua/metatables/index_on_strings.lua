-- checks: string metatable __index lookups and extension
print(("abc"):len(), ("x").rep("y", 3))
local mt = getmetatable("")
local old = mt.__index
mt.__index = function(s, k)
  if type(k) == "number" then return s:sub(k, k) end
  return old[k]
end
print(("hello")[1], ("hello")[5], ("hello"):upper())
mt.__index = old
print(pcall(function() return ("x")[1] end))
