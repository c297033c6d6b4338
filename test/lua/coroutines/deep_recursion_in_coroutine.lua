-- checks: deep recursion and deep tail recursion inside a coroutine, yielding from depth
local function down(n) if n == 0 then return coroutine.yield("bottom") end return 1 + down(n - 1) end
local co = coroutine.create(function() return down(3000) end)
print(coroutine.resume(co))
print(coroutine.resume(co, 0))
local function tail(n) if n == 0 then return coroutine.yield("tail bottom") end return tail(n - 1) end
local co2 = coroutine.wrap(function() return tail(100000) end)
print(co2())
print(co2("back"))
