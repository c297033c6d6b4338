-- checks: "attempt to yield across a C-call boundary" and yielding from the main thread
local co = coroutine.create(function()
  local t = {3, 1, 2}
  table.sort(t, function(a, b) coroutine.yield("in sort"); return a < b end)
  return "sorted"
end)
print(coroutine.resume(co))
print(coroutine.status(co))
print(pcall(coroutine.yield, 1))
local co2 = coroutine.create(function()
  return string.gsub("abc", "%w", function(c) return coroutine.yield(c) end)
end)
print(coroutine.resume(co2))
