-- debug.sethook: call, return and line events with the hooked function as level 2,
-- hooks per coroutine, gethook, errors raised in a hook, and return hooks around
-- __close handlers (as in the official locals.lua).
local out = {}
local function rec(ev, line)
  local info = debug.getinfo(2, "nS")
  out[#out + 1] = ev .. ":" .. tostring(line) .. ":" .. tostring(info and info.name) .. ":" .. tostring(info and info.what)
end
local function add(a, b)
  local c = a + b
  return c
end
local function work()
  local s = 0
  for i = 1, 2 do
    s = add(s, i)
  end
  return s
end
debug.sethook(rec, "crl")
work()
debug.sethook()
for _, l in ipairs(out) do print(l) end
print(debug.gethook())

local n = 0
debug.sethook(function() n = n + 1 end, "", 10)
for i = 1, 100 do local x = i * 2 end
debug.sethook()
print(n > 0, n < 100)

local co = coroutine.create(function(a)
  local b = coroutine.yield(a + 1)
  return b * 2
end)
local ev = {}
debug.sethook(co, function(e, l) ev[#ev + 1] = e .. (l and (":" .. l) or "") end, "crl")
print(coroutine.resume(co, 1))
print(coroutine.resume(co, 5))
print(table.concat(ev, " "))
print(debug.gethook(co) ~= nil, debug.gethook() == nil)

print(pcall(function()
  debug.sethook(function()
    debug.sethook()
    error("in hook")
  end, "l")
  local x = 1
  return x
end))
debug.sethook()
print(pcall(debug.sethook, 1, "c"))

local function func2close(f) return setmetatable({}, { __close = f }) end
local trace = {}
local function hook(event) trace[#trace + 1] = event .. " " .. tostring(debug.getinfo(2).name) end
local function foo(...)
  local x <close> = func2close(function() trace[#trace + 1] = "x" end)
  local y <close> = func2close(function() debug.sethook(hook, "r") end)
  return ...
end
local t = { foo(10, 20, 30) }
debug.sethook()
print(table.concat(t, ","), table.concat(trace, ";"))

-- a hot loop keeps its events once compiled code would have run it
local lines = 0
local function hot(k) local s = 0 for i = 1, k do s = s + i end return s end
for _ = 1, 2000 do hot(3) end
debug.sethook(function(e) if e == "line" then lines = lines + 1 end end, "l")
hot(3)
debug.sethook()
print(lines)
print(pcall(debug.getinfo, print, "X")) print(pcall(debug.getinfo, 0, ">")) local g = debug.getinfo(print, "n") print(g.namewhat, g.name) print(debug.getinfo(1, "n").namewhat)
