-- Natives called directly by pcall/xpcall: pcall is a level of its own (error levels,
-- getinfo names, tracebacks, the raising native under a message handler); traceback's level
-- 0 is debug.traceback itself; a suspended coroutine's level 0 is the native it waits in
print(xpcall(error, debug.traceback, "x"))
print(xpcall(string.rep, debug.traceback))
print(xpcall(error, function(m) return debug.traceback(m, 1) end, "y"))
print(pcall(string.rep))
print(pcall(error, "lvl1", 1))
print(pcall(error, "lvl2", 2))
print(pcall(error, "lvl3", 3))
local function f() return pcall(error, "in f", 2) end
print(f())
print(select(2, pcall(debug.getinfo, 1, "n")).name)
print(select(2, pcall(debug.getinfo, 2, "Sl")).short_src)
print(pcall(debug.traceback, "tb", 2))
print(pcall(debug.traceback, "tb", 1))
local co = coroutine.wrap(function() print(pcall(debug.traceback)) end)
co()
print(pcall(setmetatable, 1))
local st, msg = (function () return pcall end)()(debug.traceback)
print(st, msg)

local function g() print(debug.traceback("hi", 0)) print(debug.traceback("hi", 1)) print(debug.traceback("hi", 2)) end
g()
print(debug.traceback("neg", -1))

local function rec(n) if n > 0 then rec(n - 1) else coroutine.yield() end end
local c = coroutine.create(rec)
coroutine.resume(c, 2)
print(debug.traceback(c))
print(debug.traceback(c, "msg"))
print(debug.traceback(c, "lvl1", 1))
print(debug.traceback(c, "lvl3", 3))
print(debug.traceback(c, "far", 40))
local i0 = debug.getinfo(c, 0, "Sn")
print(i0.what, i0.name, i0.namewhat)
print(debug.getinfo(c, 1, "l").currentline)
print(debug.getlocal(c, 1, 1))
local fresh = coroutine.create(print)
print(debug.traceback(fresh))
print(debug.getinfo(fresh, 0))
print(debug.getinfo(string.gmatch("abc", "a"), "u").nups > 0, debug.getinfo(print, "u").nups)
print(debug.getupvalue(string.gmatch("x", "x"), 1))
