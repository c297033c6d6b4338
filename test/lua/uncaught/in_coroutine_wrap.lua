-- checks: error propagated out of coroutine.wrap gets the caller position prepended
local gen = coroutine.wrap(function() coroutine.yield(1); error("generator failed") end)
print(gen())
print(gen())
