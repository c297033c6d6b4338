-- checks: while loops with break and nested loops
local i, s = 0, 0
while true do
  i = i + 1
  if i > 100 then break end
  if i % 3 == 0 then s = s + i end
end
print(i, s)
local out = {}
local a = 1
while a <= 3 do
  local b = 1
  while b <= 3 do
    if b > a then break end
    out[#out + 1] = a .. b
    b = b + 1
  end
  a = a + 1
end
print(table.concat(out, " "))
local n = 0
while n < 0 do n = n + 1 end
print(n)
