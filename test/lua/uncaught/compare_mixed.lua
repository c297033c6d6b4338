-- checks: uncaught "attempt to compare number with string"
local a, b = 1, "2"
if a < b then print("less") end
