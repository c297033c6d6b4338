-- xpcall's message handler still runs when the function it called has made tail calls
-- before the error: the frame that replaces it keeps the handler.
local function f(x) return x.y.z end
local function g() return f({}) end
local function deep(n) if n == 0 then return f({}) end return deep(n - 1) end

print(xpcall(g, function(m) return "handled: " .. m end))
print(xpcall(deep, function(m) return "deep: " .. m end, 5))
print(xpcall(function() return error("plain") end, function(m) return "native tail: " .. m end))
local ok, tb = xpcall(g, debug.traceback)
print(ok, tb:match("^[^\n]*"), tb:find("stack traceback:", 1, true) ~= nil)

-- the handler is kept across a yield after the tail call, too
local co = coroutine.wrap(function()
  return xpcall(function()
    return (function() coroutine.yield("paused") error("after yield") end)()
  end, function(m) return "co: " .. m end)
end)
print(co())
print(co())

-- a hot loop so that compiled code makes the tail call
local n = 0
for i = 1, 300 do
  local ok2, m = xpcall(g, function(e) n = n + 1 return e end)
  assert(not ok2 and m:find("field 'y'"))
end
print("handled", n)
