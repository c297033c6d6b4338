-- checks: multiple closures sharing the same upvalue
local function pair()
  local v = 0
  local function get() return v end
  local function set(x) v = x end
  local function inc() v = v + 1 end
  return get, set, inc
end
local get, set, inc = pair()
set(10); inc(); inc()
print(get())
local g2, s2 = pair()
s2(5)
print(get(), g2())
