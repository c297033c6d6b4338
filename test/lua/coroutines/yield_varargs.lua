-- checks: yield/resume with zero and many values, and nils
local co = coroutine.create(function(...)
  print("args", select("#", ...), ...)
  print("r1", select("#", coroutine.yield()))
  print("r2", coroutine.yield(nil, nil))
  print("r3", coroutine.yield(1, 2, 3, 4, 5))
  return
end)
print(coroutine.resume(co, nil, 2))
print(coroutine.resume(co))
print(coroutine.resume(co, "a", nil))
print(coroutine.resume(co, table.unpack({1, 2, 3})))
print(select("#", coroutine.resume(co)))
