-- A message handler that overflows the C stack while handling a C stack overflow ends in
-- "error in error handling" promptly (official calls.lua); handlers that fail are retried.
local function loop() assert(pcall(loop)) end
local err, msg = xpcall(loop, loop)
print(err, string.find(msg, "error") ~= nil)
local n = 0
print(xpcall(function() error("first") end, function(m) n = n + 1; if n < 3 then error("again " .. n) end return "handled " .. tostring(m) end))
print(n)
print(xpcall(function() local t = nil; return t.x end, function(m) return debug.traceback(m, 2):match("^[^\n]*") end))
