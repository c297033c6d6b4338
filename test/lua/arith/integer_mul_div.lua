-- checks: integer multiply/divide identities for a range of values
local out = {}
for a = -20, 20, 7 do
  for b = -9, 9, 4 do
    if b ~= 0 then
      local q, r = a // b, a % b
      out[#out + 1] = string.format("%d,%d:%d,%d,%s", a, b, q, r, tostring(q * b + r == a))
    end
  end
end
print(table.concat(out, " "))
