-- checks: tracebacks name functions found in package.loaded as luaL_traceback does
-- ('mod.f', globals without '_G.'), else by how they were called; a coroutine that died by
-- an error keeps its traceback for debug.traceback(co)
local M = {}
function M.inner() error("boom") end
package.loaded.mymod = M
local function loc() M.inner() end
function glob() loc() end
local alias = glob
local t = { f = function() alias() end }
print(select(2, xpcall(t.f, debug.traceback)))
local co = coroutine.create(function() glob() end)
print(select(2, coroutine.resume(co)))
print(debug.traceback(co))
print(debug.traceback(co, "with a message"))
string.myfn = function() error("x") end
print(select(2, xpcall(string.myfn, debug.traceback)))
package.loaded.fnmod = function() error("from a function module") end
print(select(2, xpcall(package.loaded.fnmod, debug.traceback)))
