-- checks: coroutine.wrap propagates errors with positions; status of wrapped functions
local w = coroutine.wrap(function(x) local y = coroutine.yield(x * 2); return y + nil end)
print(w(5))
print(pcall(w, 1))
print(pcall(w))
print(pcall(coroutine.wrap, 1))
print(pcall(coroutine.create, "x"))
print(pcall(function() local w3 = coroutine.wrap(function() error("inner") end); w3() end))
print(pcall(function() local w4 = coroutine.wrap(function() error({}) end); w4() end) == false)
