-- checks: repeat-until runs at least once and the condition sees body locals
local i = 0
repeat i = i + 1 until i >= 5
print(i)
local n = 10
repeat
  local done = n < 3
  n = n - 4
until done
print(n)
local count = 0
repeat count = count + 1 until true
print(count)
local k = 0
repeat
  k = k + 1
  if k == 3 then break end
until false
print(k)
