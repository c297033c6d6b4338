-- checks: <close> in a coroutine that yields inside the scope and finishes normally
local co = coroutine.wrap(function()
  local r <close> = setmetatable({}, {__close = function() print("closed in coroutine") end})
  coroutine.yield("yielded inside scope")
  return "finished"
end)
print(co())
print(co())
