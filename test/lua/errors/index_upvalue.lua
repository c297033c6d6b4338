-- checks: "attempt to index a nil value (upvalue 'x')"
local up
local function f() return up.x end
print(pcall(f))
local num = 3
print(pcall(function() num.x = 1 end))
local s = "str"
print(pcall(function() return s.x.y end))
