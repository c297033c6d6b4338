-- checks: uncaught integer division by zero
local n = 0
for i = 3, 0, -1 do print(10 // i) end
