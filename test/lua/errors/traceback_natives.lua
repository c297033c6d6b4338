-- Tracebacks name the native that raised an error ([C]: in function 'error') and the
-- natives between Lua frames by their library names, in message handlers and uncaught.
print(xpcall(function() assert(false, "A") end, debug.traceback))
print(xpcall(function() table.sort({3, 2, 1}, function(a, b) error("cmp") end) end, debug.traceback))
print(xpcall(function() return 1 + {} end, debug.traceback))
print(xpcall(function() local s = ("x"):gsub(".", function() error("g") end) end, debug.traceback))
print(xpcall(function() string.rep() end, debug.traceback))
print(xpcall(function() io.write({}) end, debug.traceback))
print(xpcall(function() local f = io.stdout f:write({}) end, debug.traceback))
print(xpcall(function() for w in ("a"):gmatch(nil) do end end, debug.traceback))
print(xpcall(function() setmetatable({}, {__index = function() error("mm") end}).x = nil; return setmetatable({}, {__index = function(t, k) error("ix") end}).y end, debug.traceback))
print(xpcall(function() error() end, debug.traceback))
local function f() error("boom") end
local function g() f() end
print(xpcall(g, debug.traceback))
print(xpcall(function() local x = nil; return x.y end, debug.traceback))
print(xpcall(function() return ("x"):rep(-1, {}) end, debug.traceback))
print(xpcall(g, function(m) return debug.getinfo(2, "n").name end))
local t = setmetatable({}, {__index = function() error("idx") end})
print(xpcall(function() return t.x end, debug.traceback))
g()
