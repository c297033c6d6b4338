-- debug.getlocal/setlocal on frames that run long enough to be compiled: locals that are no
-- longer used must still read right, and a write from outside must be seen by the frame.
local function probe(level, n)
  local name, value = debug.getlocal(level + 1, n)
  return name .. "=" .. tostring(value)
end

local function work(i)
  local a = i * 2
  local b = a + 1
  a = b * 3 -- a is dead after this line
  local seen = probe(1, 2)
  debug.setlocal(1, 3, b + 100)
  return seen, b
end

local sum = 0
for i = 1, 3000 do
  local seen, b = work(i)
  if i % 1000 == 0 then print(seen, b) end
  sum = sum + b
end
print(sum)

-- a callee writes its caller's local
local function poke() debug.setlocal(2, 1, "poked") end
local function holder()
  local v = "original"
  for _ = 1, 1500 do
    v = "loop"
    poke()
  end
  return v
end
for _ = 1, 3 do print(holder()) end

-- loop control variables are visible too
for i = 1, 2500 do
  if i % 1250 == 0 then
    local idx = 1
    while true do
      local name, value = debug.getlocal(1, idx)
      if not name then break end
      if name:sub(1, 1) ~= "(" and type(value) ~= "function" then print(name, value) end
      idx = idx + 1
    end
  end
end
