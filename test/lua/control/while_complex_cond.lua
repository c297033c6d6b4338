-- checks: loop conditions with function calls and mixed operators
local stack = {5, 3, 8, 1}
local out = {}
while #stack > 0 and stack[#stack] ~= 8 do out[#out + 1] = table.remove(stack) end
print(table.concat(out, ","), #stack)
local x = 100
while x > 1 and not (x % 7 == 0) do x = x // 2 + 1 end
print(x)
