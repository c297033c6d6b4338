-- checks: a cooperative task scheduler with coroutines, priorities and sleeping
local Scheduler = {time = 0, tasks = {}, log = {}}
function Scheduler.spawn(name, prio, fn) Scheduler.tasks[#Scheduler.tasks + 1] = {name = name, prio = prio, co = coroutine.create(fn), wake = 0} end
function Scheduler.run()
  while #Scheduler.tasks > 0 do
    table.sort(Scheduler.tasks, function(a, b)
      if a.wake ~= b.wake then return a.wake < b.wake end
      if a.prio ~= b.prio then return a.prio > b.prio end
      return a.name < b.name
    end)
    local t = table.remove(Scheduler.tasks, 1)
    if t.wake > Scheduler.time then Scheduler.time = t.wake end
    local ok, delay = coroutine.resume(t.co, t.name)
    if not ok then Scheduler.log[#Scheduler.log + 1] = string.format("t=%d %s crashed: %s", Scheduler.time, t.name, (delay:gsub("^.-:%d+: ", "")))
    elseif coroutine.status(t.co) ~= "dead" then t.wake = Scheduler.time + (delay or 0); Scheduler.tasks[#Scheduler.tasks + 1] = t
    else Scheduler.log[#Scheduler.log + 1] = string.format("t=%d %s finished", Scheduler.time, t.name) end
  end
end
local function worker(steps, delay)
  return function(name)
    for i = 1, steps do
      Scheduler.log[#Scheduler.log + 1] = string.format("t=%d %s step %d", Scheduler.time, name, i)
      coroutine.yield(delay)
    end
  end
end
Scheduler.spawn("fast", 1, worker(3, 1))
Scheduler.spawn("slow", 2, worker(2, 3))
Scheduler.spawn("urgent", 9, worker(1, 0))
Scheduler.spawn("buggy", 5, function() coroutine.yield(2); local x = nil; return x.boom end)
Scheduler.run()
for _, l in ipairs(Scheduler.log) do print(l) end
