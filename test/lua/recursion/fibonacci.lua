-- checks: naive recursive fibonacci
local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
local out = {}
for i = 0, 25 do out[#out + 1] = fib(i) end
print(table.concat(out, " "))
