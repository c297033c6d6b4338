-- A coroutine killed by an error keeps its pending to-be-closed variables until
-- coroutine.close runs them with the error (coroutine.wrap closes them at once).
local function closer(name, fail)
  return setmetatable({}, {__close = function(_, e)
    print("closing " .. name, e)
    if fail then error(fail, 0) end
  end})
end
local co = coroutine.create(function()
  local a <close> = closer("a")
  local b <close> = closer("b")
  error("err7", 0)
end)
print(coroutine.resume(co))
print("before close", coroutine.status(co))
print(coroutine.close(co))
print(coroutine.close(co))

local co2 = coroutine.create(function()
  local a <close> = closer("a2", "close-fail")
  error("body-err", 0)
end)
print(coroutine.resume(co2))
print(coroutine.close(co2))

local w = coroutine.wrap(function()
  local a <close> = closer("w")
  error("werr", 0)
end)
print(pcall(w))

local w2 = coroutine.wrap(function()
  local a <close> = closer("w2", "wclose")
  error("werr2", 0)
end)
print(pcall(w2))

-- a coroutine that yielded and is then closed
local co3 = coroutine.create(function()
  local a <close> = closer("c3")
  coroutine.yield(1)
end)
print(coroutine.resume(co3))
print(coroutine.close(co3))

-- nested: the inner coroutine dies with an error inside the outer one
local outer = coroutine.create(function()
  local inner = coroutine.create(function()
    local x <close> = closer("inner")
    error("inner-err", 0)
  end)
  print(coroutine.resume(inner))
  coroutine.yield(coroutine.status(inner))
  print(coroutine.close(inner))
end)
print(coroutine.resume(outer))
print(coroutine.resume(outer))
