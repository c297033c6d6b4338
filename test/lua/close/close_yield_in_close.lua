-- checks: __close metamethod may yield when run inside a coroutine
local co = coroutine.wrap(function()
  do
    local r <close> = setmetatable({}, {__close = function() coroutine.yield("yield from __close"); print("after yield in close") end})
  end
  return "done"
end)
print(co())
print(co())
