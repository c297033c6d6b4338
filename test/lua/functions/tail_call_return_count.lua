-- checks: tail call returns all results of the callee
local function three() return 1, 2, 3 end
local function tail() return three() end
local function nottail() return (three()) end
print(tail())
print(nottail())
print(select("#", tail()), select("#", nottail()))
