-- checks: calling a dead wrapped coroutine reports "cannot resume dead coroutine"
local w = coroutine.wrap(function() return "only once" end)
print(w())
local ok, e = pcall(w)
print(ok, e)
