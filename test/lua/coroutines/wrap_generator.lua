-- checks: coroutine.wrap as a generator and error after completion
local gen = coroutine.wrap(function() for i = 1, 3 do coroutine.yield(i) end return "end" end)
print(gen(), gen(), gen(), gen())
print(pcall(gen))
local function range(n) return coroutine.wrap(function() for i = 1, n do coroutine.yield(i, i * i) end end) end
for i, sq in range(5) do io.write(i, ":", sq, " ") end
print()
