-- checks: tail recursion inside pcall, and pcall of a tail-recursive function
local function count(n) if n == 0 then return "done" end return count(n - 1) end
print(pcall(count, 500000))
print(pcall(function() return count(10) end))
