-- A finalizer runs during a loop that only allocates (collections at allocation points
-- find the object dead even though a stale register once held it), and debug.getinfo names
-- its frame "metamethod '__gc'"
local name, what
setmetatable({}, {__gc = function ()
  local t = debug.getinfo(1)
  what = t.namewhat
  name = t.name
end})
local n = 0
repeat local a = {} n = n + 1 until name or n > 5e6
print(name, what, n <= 5e6)

-- the same in a function compiled hot, with a closure as the allocation
local done = false
local function spin()
  setmetatable({}, {__gc = function () done = true end})
  local k = 0
  repeat local f = function () return k end k = k + 1 until done or k > 5e6
  return k <= 5e6
end
print(spin())
