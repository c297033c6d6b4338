-- coroutines: many resume/yield switches: a generator built with coroutine.wrap,
-- a ping-pong exchange of values between the main thread and a coroutine, and a
-- three-stage pipeline of nested coroutines.
-- Size: switches per part (default 2e6).
local n = math.tointeger(tonumber(arg and arg[1])) or 2000000
local create, resume, yield, wrap = coroutine.create, coroutine.resume, coroutine.yield, coroutine.wrap

-- 1. generator
local gen = wrap(function()
  local a, b = 0, 1
  for _ = 1, n do
    yield(a)
    a, b = b, (a + b) % 65521
  end
  yield(nil)
end)
local gsum = 0
while true do
  local v = gen()
  if v == nil then
    break
  end
  gsum = (gsum + v) % 1000003
end

-- 2. ping-pong: the coroutine transforms every value it is sent
local echo = create(function(x)
  while true do
    x = yield((x * 3 + 1) % 65521)
  end
end)
local val = 1
for _ = 1, n do
  local ok, r = resume(echo, val)
  if not ok then
    error(r)
  end
  val = r
end

-- 3. pipeline: producer -> filter -> consumer, the filter resumes the producer
local function producer()
  return create(function()
    for i = 1, n // 2 do
      yield(i)
    end
  end)
end
local function filter(src)
  return create(function()
    while true do
      local ok, v = resume(src)
      if not ok or v == nil then
        return
      end
      if v % 3 ~= 0 then
        yield(v % 1000)
      end
    end
  end)
end
local pipe = filter(producer())
local psum, pcount = 0, 0
while true do
  local ok, v = resume(pipe)
  if not ok or v == nil then
    break
  end
  psum = (psum + v) % 1000003
  pcount = pcount + 1
end

print(string.format("coroutines n=%d gen=%d pong=%d pipe=%d/%d status=%s",
  n, gsum, val, psum, pcount, coroutine.status(pipe)))
