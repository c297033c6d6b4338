-- checks: xorshift PRNG using wrapping shifts and xor
local x = 88172645463325252
local out = {}
for i = 1, 20 do
  x = x ~ (x << 13)
  x = x ~ (x >> 7)
  x = x ~ (x << 17)
  out[#out + 1] = x % 1000
end
print(table.concat(out, ","))
print(x)
