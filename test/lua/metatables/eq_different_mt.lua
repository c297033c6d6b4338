-- checks: __eq is tried from the first operand then the second
local log = {}
local A = setmetatable({}, {__eq = function() log[#log + 1] = "A"; return false end})
local B = setmetatable({}, {__eq = function() log[#log + 1] = "B"; return true end})
local C = {}
print(A == B, B == A, A == C, C == B)
print(table.concat(log, ","))
