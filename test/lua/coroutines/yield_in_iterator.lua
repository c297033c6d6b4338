-- checks: yield from a generic-for iterator function running inside a coroutine
local function yielding_iter(n)
  local i = 0
  return function()
    i = i + 1
    if i > n then return nil end
    local v = coroutine.yield("iter " .. i)
    return i, v
  end
end
local co = coroutine.wrap(function()
  local acc = {}
  for i, v in yielding_iter(3) do acc[#acc + 1] = i .. "=" .. tostring(v) end
  return table.concat(acc, ",")
end)
print(co())
print(co("a"))
print(co("b"))
print(co("c"))
