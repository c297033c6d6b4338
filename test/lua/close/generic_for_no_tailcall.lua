-- a call returned from inside a generic for whose fourth value is to-be-closed is not a
-- tail call: the loop's closing value closes after the call returns (bug fixed in 5.4.4)
local closed = false
local function closer() return setmetatable({}, { __close = function() closed = true end }) end
local function iter() return function() return true end, nil, nil, closer() end
local function probe() return closed end
local function first()
  for _ in iter() do return probe() end
end
print(first(), closed)

-- the same with several results and a vararg function
closed = false
local function many(...)
  for _ in iter() do return select("#", ...), probe(), ... end
end
print(many(1, 2, 3))
print(closed)
