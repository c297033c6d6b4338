-- checks: a backward goto leaving the scope of a <close> variable closes it
local n = 0
::again::
do
  local r <close> = setmetatable({}, {__close = function() print("close pass", n) end})
  n = n + 1
  if n < 3 then goto again end
end
print("end", n)
