-- Stripped dumps: no chunk name kept (source "=?", much shorter than the name), a line
-- hook in stripped code gets no line and fires on entry only
local prog = [[
    return function (x)
      return function (y)
        return x + y
      end
    end
  ]]
local name = string.rep("x", 1000)
local p = assert(load(prog, name))
local c = string.dump(p)
print(#c > 1000)
local g = assert(load(c))()
print(debug.getinfo(g).source == name, g(3)(5))
c = string.dump(p, true)
print(#c < 500)
local f = assert(load(c))
g = f()
local h = g(30)
print(h(50), debug.getinfo(f).source, debug.getinfo(g).source, debug.getinfo(h).short_src)

local function foo ()
  local a = 1
  local b = 2
  return b
end
local s = load(string.dump(foo, true))
local calls, line = 0, true
debug.sethook(function (e, l) calls = calls + 1; line = l end, "l")
local r = s()
debug.sethook(nil)
print(r, calls, line)
