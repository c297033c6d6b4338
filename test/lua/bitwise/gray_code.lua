-- checks: gray code encode/decode round trip
local function gray(n) return n ~ (n >> 1) end
local function ungray(g)
  local n = g
  local s = 1
  while s < 64 do n = n ~ (n >> s); s = s * 2 end
  return n
end
local out = {}
for i = 0, 31 do
  local g = gray(i)
  out[#out + 1] = g
  assert(ungray(g) == i)
end
print(table.concat(out, " "))
