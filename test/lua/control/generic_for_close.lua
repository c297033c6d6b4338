-- checks: the 4th value of a generic for is a to-be-closed variable
local function closing_iter(n)
  local i = 0
  local closer = setmetatable({}, {__close = function() print("iterator closed at", i) end})
  return function() i = i + 1; if i <= n then return i end end, nil, nil, closer
end
for i in closing_iter(3) do io.write(i, " ") end
print()
for i in closing_iter(10) do if i == 2 then break end end
print(pcall(function() for i in closing_iter(10) do if i == 4 then error("stop", 0) end end end))
