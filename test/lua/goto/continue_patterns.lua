-- checks: goto continue in while, repeat and for loops
local out = {}
local i = 0
while i < 8 do
  i = i + 1
  if i % 2 == 1 then goto cont end
  out[#out + 1] = i
  ::cont::
end
local j = 0
repeat
  j = j + 1
  if j == 2 then goto cont2 end
  out[#out + 1] = "r" .. j
  ::cont2::
until j >= 4
print(table.concat(out, " "))
