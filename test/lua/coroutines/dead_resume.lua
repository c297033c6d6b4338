-- checks: "cannot resume dead coroutine" and "cannot resume non-suspended coroutine"
local co = coroutine.create(function() return 1 end)
print(coroutine.resume(co))
print(coroutine.resume(co))
local self
self = coroutine.create(function() return coroutine.resume(self) end)
print(coroutine.resume(self))
local w = coroutine.wrap(function() end)
w()
print(pcall(w))
local outer
outer = coroutine.wrap(function() return pcall(outer) end)
print(outer())
print(pcall(coroutine.resume, coroutine.running()))
