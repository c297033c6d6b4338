-- checks: read-only tables via __newindex raising errors with levels
local function readonly(t)
  return setmetatable({}, {__index = t, __newindex = function(_, k) error("attempt to modify read-only field " .. tostring(k), 2) end, __len = function() return #t end})
end
local days = readonly({"Mon", "Tue", "Wed"})
print(days[1], #days)
print(pcall(function() days[4] = "Thu" end))
