-- checks: __call whose value is itself a callable table, and a non-callable __call
local inner = setmetatable({}, {__call = function(self, x, y) return "inner", type(x), y end})
print(inner(1))
local outer = setmetatable({}, {__call = inner})
print(pcall(outer, 2))
print(pcall(setmetatable({}, {__call = 42})))
