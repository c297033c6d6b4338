-- checks: yielding from inside __index, __add, __lt, __concat and __call metamethods
local mt = {
  __index = function(t, k) return coroutine.yield("index " .. k) end,
  __add = function(a, b) return coroutine.yield("add") end,
  __lt = function(a, b) return coroutine.yield("lt") end,
  __concat = function(a, b) return coroutine.yield("concat") end,
  __call = function(self, x) return coroutine.yield("call " .. x) end,
  __eq = function(a, b) return coroutine.yield("eq") end,
}
local obj = setmetatable({}, mt)
local other = setmetatable({}, mt)
local co = coroutine.wrap(function()
  local a = obj.key
  local b = obj + 1
  local c = obj < other
  local d = obj .. "s"
  local e = obj(7)
  local f = obj == other
  return a, b, c, d, e, f
end)
print(co())
print(co("v1"))
print(co("v2"))
print(co(false))
print(co("v4"))
print(co("v5"))
print(co(1))
