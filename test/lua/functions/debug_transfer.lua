-- debug.getinfo's 'r' option: the values a call or return hook event transfers, read with
-- debug.getlocal at the event's level (natives' arguments and results, Lua parameters and
-- returned registers). Natives that return their own arguments in place (select, assert,
-- setmetatable) are left out: PUC-Rio's ftransfer then points into the arguments.
local on = false
local log = {}

local function hook(event)
  if not on then return end
  local ar = debug.getinfo(2, "rnS")
  local vals = {}
  for i = ar.ftransfer, ar.ftransfer + ar.ntransfer - 1 do
    local name, v = debug.getlocal(2, i)
    vals[#vals + 1] = tostring(name) .. "=" .. tostring(v)
  end
  log[#log + 1] = string.format("%s %s %s %d+%d [%s]", event, ar.what, tostring(ar.name), ar.ftransfer,
    ar.ntransfer, table.concat(vals, " "))
end

local function add(a, b)
  local c = a + b
  return c, a * b
end
local function pass(x, ...) return ... end

debug.sethook(hook, "cr")
on = true
math.max(3, 9, 4)
on = true
add(2, 5)
on = true
pass(1, 2, 3)
on = true
string.rep("ab", 2)
on = false
debug.sethook()
for _, l in ipairs(log) do print(l) end

-- outside a hook both are 0
local r = debug.getinfo(1, "r")
print(r.ftransfer, r.ntransfer)
local function f() return debug.getinfo(1, "r") end
r = f()
print(r.ftransfer, r.ntransfer)
