-- checks: many coroutines alive at once, round-robin scheduling
local tasks = {}
local log = {}
for id = 1, 5 do
  tasks[#tasks + 1] = coroutine.create(function()
    for step = 1, id do log[#log + 1] = id .. "." .. step; coroutine.yield() end
  end)
end
while #tasks > 0 do
  for i = #tasks, 1, -1 do
    coroutine.resume(tasks[i])
    if coroutine.status(tasks[i]) == "dead" then table.remove(tasks, i) end
  end
end
print(#log, table.concat(log, " "))
local cos = {}
for i = 1, 2000 do cos[i] = coroutine.wrap(function(a) local b = coroutine.yield(a + 1); return a + b end) end
local s = 0
for i = 1, 2000 do s = s + cos[i](i) end
for i = 1, 2000 do s = s + cos[i](1) end
print(s)
