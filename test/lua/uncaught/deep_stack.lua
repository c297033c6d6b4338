-- checks: uncaught error raised at the bottom of a deep (non-tail) recursion
local function dive(n) if n == 0 then error("bottom reached") end return 1 + dive(n - 1) end
print(dive(1000))
