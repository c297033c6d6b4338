-- checks: goto used as continue in loops
local out = {}
for i = 1, 10 do
  if i % 2 == 0 then goto continue end
  out[#out + 1] = i
  ::continue::
end
print(table.concat(out, ","))
local i = 0
while i < 10 do
  i = i + 1
  if i % 3 ~= 0 then goto next end
  io.write(i, " ")
  ::next::
end
print()
