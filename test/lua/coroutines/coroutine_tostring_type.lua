-- checks: type of coroutine objects and wrap results; comparisons of threads
local co = coroutine.create(function() end)
print(type(co), type(coroutine.wrap(function() end)), co == co, co == coroutine.create(function() end))
local t = {[co] = "thread key"}
print(t[co])
print(tostring(co):match("^thread: ") ~= nil)
