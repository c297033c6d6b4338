-- Frames entered by a tail call: no name, '(...tail calls...)' below them in tracebacks,
-- istailcall in debug.getinfo, and the 'tail call' hook event.
local function f(x) return x.y.z end
local function g() return f({}) end
local function h() return g() end
print(xpcall(h, debug.traceback))
local function ti() return debug.getinfo(1, "t").istailcall, debug.getinfo(1, "n").name end
local function tc() return ti() end
local function nc() local a, b = ti() return a, b end
print(tc())
print(nc())
local function deep(n) if n == 0 then return debug.traceback("d") end return deep(n - 1) end
print(deep(3))
print(pcall(h))
local ev = {}
local function leaf() return 1 end
local function mid() return leaf() end
debug.sethook(function(e) local i = debug.getinfo(2, "nS") ev[#ev + 1] = e .. ":" .. tostring(i.name) .. ":" .. i.what end, "cr")
mid()
debug.sethook()
print(table.concat(ev, " "))
