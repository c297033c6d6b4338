-- checks: yield across pcall and error handling after resuming
local co = coroutine.create(function()
  local ok, v = pcall(function()
    local x = coroutine.yield("inside pcall")
    if x == "fail" then error("failed after yield", 0) end
    return x
  end)
  coroutine.yield("pcall result: " .. tostring(ok) .. " " .. tostring(v))
  local ok2, v2 = pcall(function() coroutine.yield("second"); error("boom", 0) end)
  return ok2, v2
end)
print(coroutine.resume(co))
print(coroutine.resume(co, "fail"))
print(coroutine.resume(co))
print(coroutine.resume(co))
print(coroutine.status(co))
