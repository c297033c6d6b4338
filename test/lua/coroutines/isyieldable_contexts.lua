-- checks: isyieldable inside pcall, metamethods and C callbacks within coroutines
local co = coroutine.wrap(function()
  local r = {coroutine.isyieldable()}
  pcall(function() r[#r + 1] = coroutine.isyieldable() end)
  local t = {2, 1}
  table.sort(t, function(a, b) r[#r + 1] = coroutine.isyieldable(); return a < b end)
  local s = setmetatable({}, {__index = function() return coroutine.isyieldable() end})
  r[#r + 1] = s.x
  return table.unpack(r)
end)
print(co())
