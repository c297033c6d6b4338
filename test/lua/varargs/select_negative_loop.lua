-- checks: iterating varargs backwards with negative select
local function rev(...)
  local out = {}
  for i = 1, select("#", ...) do out[i] = select(-i, ...) end
  return table.unpack(out)
end
print(rev(1, 2, 3, 4, 5))
print(rev())
print(rev("only"))
