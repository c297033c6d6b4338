-- checks: functions stored in tables, passed and returned
local ops = {add = function(a, b) return a + b end, sub = function(a, b) return a - b end, mul = function(a, b) return a * b end}
local keys = {}
for k in pairs(ops) do keys[#keys + 1] = k end
table.sort(keys)
for _, k in ipairs(keys) do io.write(k, "=", ops[k](6, 3), " ") end
print()
local function apply(f, ...) return f(...) end
print(apply(math.max, 4, 9, 2), apply(string.rep, "ab", 2), apply(select, "#", 1, 2, 3))
print(type(print) == "function", print == print, function() end == function() end)
