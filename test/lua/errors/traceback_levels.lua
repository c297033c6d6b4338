-- debug.traceback: natives between Lua frames, names of callers, elided middles, levels

local function rec(n)
  if n == 0 then
    print(debug.traceback("deep"))
    return
  end
  rec(n - 1)
  return 1
end
rec(30)
rec(8)

print(pcall(function() print(debug.traceback("in pcall")) end))
print(xpcall(function() error("oops") end, function(m) return debug.traceback(m, 1) end))

local co = coroutine.wrap(function() print(debug.traceback("in a coroutine")) end)
co()
print(debug.traceback("level 2", 2))

-- metamethods are named after their event
local t = setmetatable({}, {
  __index = function(_, k) print(debug.traceback("index " .. k)); return 1 end,
  __add = function() local i = debug.getinfo(1, "n"); print(i.name, i.namewhat); return 2 end,
})
local _ = t.foo
_ = t + 1

-- a __close handler run by pcall as an error unwinds is called by pcall (a C level)
local function closer(f) return setmetatable({}, { __close = f }) end
local function unwinding()
  local z <close> = closer(function(_, msg)
    local i = debug.getinfo(2, "nS")
    print("caller", i.name, i.namewhat, i.what, msg)
    print(debug.traceback("closing"))
  end)
  error("unwound", 0)
end
print(pcall(unwinding))

-- and one run at a normal exit is the 'close' metamethod of the returning function
local function leaving()
  local z <close> = closer(function()
    print(debug.traceback("leaving"))
  end)
  return "left"
end
print(leaving())
