-- checks: variadic numeric helpers
local function sum(...)
  local s = 0
  for i = 1, select("#", ...) do s = s + (select(i, ...)) end
  return s
end
local function avg(...) local n = select("#", ...) if n == 0 then return nil end return sum(...) / n end
print(sum(), sum(1), sum(1, 2, 3, 4.5), avg(), avg(2, 4, 9))
print(math.max(3, 1, 4, 1, 5, 9, 2, 6), math.min(3, 1, 4, 1, 5, 9, 2, 6))
local big = {}
for i = 1, 250 do big[i] = i end
print(sum(table.unpack(big)))
