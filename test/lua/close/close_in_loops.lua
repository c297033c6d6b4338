-- checks: <close> variables inside loops close each iteration, including break/goto exits
local log = {}
local function R(n) return setmetatable({}, {__close = function() log[#log + 1] = n end}) end
for i = 1, 3 do local r <close> = R("i" .. i) end
for i = 1, 5 do
  local r <close> = R("b" .. i)
  if i == 2 then break end
end
local k = 0
while true do
  k = k + 1
  local r <close> = R("w" .. k)
  if k == 2 then goto out end
end
::out::
print(table.concat(log, " "))
