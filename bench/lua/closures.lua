-- closures: closure creation in loops, upvalue reads and writes (shared between
-- closures and captured per iteration), higher-order composition.
-- Size: iterations (default 1.5e6).
local n = math.tointeger(tonumber(arg and arg[1])) or 1500000

local function counter(start)
  local c = start
  return function(d)
    c = (c + d) % 1000003
    return c
  end
end

local function pair(v)
  -- two closures sharing one upvalue
  local get = function()
    return v
  end
  local set = function(x)
    v = x
  end
  return get, set
end

local function compose(f, g)
  return function(x)
    return f(g(x))
  end
end

local function adder(k)
  return function(x)
    return (x + k) % 65521
  end
end

local double = function(x)
  return x * 2 % 65521
end

local tick = counter(0)
local get, set = pair(0)
local total, acc = 0, 1
for i = 1, n do
  -- a fresh closure per iteration capturing the loop variable
  local f = compose(adder(i % 100), double)
  acc = f(acc)
  set((get() + acc) % 65521)
  total = tick(acc % 7 + 1)
end

-- closures created in a loop, each keeping its own copy of the control variable
local fns = {}
for i = 1, 1000 do
  fns[i] = function()
    return i * i % 997
  end
end
local sum = 0
for r = 1, n // 1000 do
  for i = 1, 1000, r % 3 + 1 do
    sum = (sum + fns[i]()) % 1000003
  end
end

print(string.format("closures n=%d total=%d acc=%d shared=%d sum=%d", n, total, acc, get(), sum))
