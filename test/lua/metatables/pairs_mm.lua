-- checks: __pairs metamethod customizes pairs; ipairs ignores it
local t = setmetatable({10, 20, 30}, {__pairs = function(self)
  local i = 0
  return function() i = i + 1; if i <= 3 then return "k" .. i, i * 100 end end, self, nil
end})
for k, v in pairs(t) do io.write(k, "=", v, " ") end
print()
for i, v in ipairs(t) do io.write(i, "=", v, " ") end
print()
