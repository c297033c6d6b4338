-- checks: producer/consumer pipeline with filters built from coroutines
local function producer(items)
  return coroutine.create(function() for _, v in ipairs(items) do coroutine.yield(v) end end)
end
local function filter(src, pred)
  return coroutine.create(function()
    while true do
      local ok, v = coroutine.resume(src)
      if not v then return end
      if pred(v) then coroutine.yield(v) end
    end
  end)
end
local function map(src, f)
  return coroutine.create(function()
    while true do
      local ok, v = coroutine.resume(src)
      if not v then return end
      coroutine.yield(f(v))
    end
  end)
end
local pipeline = map(filter(producer({1, 2, 3, 4, 5, 6, 7, 8, 9, 10}), function(v) return v % 2 == 1 end), function(v) return v * v end)
local out = {}
while true do
  local ok, v = coroutine.resume(pipeline)
  if not v then break end
  out[#out + 1] = v
end
print(table.concat(out, " "))
