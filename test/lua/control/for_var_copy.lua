-- checks: modifying the loop variable does not affect iteration
local out = {}
for i = 1, 5 do
  out[#out + 1] = i
  i = i * 10
  out[#out + 1] = i
end
print(table.concat(out, ","))
local limit = 3
local n = 0
for i = 1, limit do limit = 10; n = n + 1 end
print(n)
