-- checks: integer square roots and perfect-square detection via math.sqrt and floor
local function isqrt(n) local r = math.floor(math.sqrt(n)); while r * r > n do r = r - 1 end; while (r + 1) * (r + 1) <= n do r = r + 1 end return r end
local out = {}
for _, n in ipairs({0, 1, 2, 15, 16, 17, 99, 100, 1000000, 999999999999, 2^52 | 0}) do out[#out + 1] = n .. ":" .. isqrt(n) end
print(table.concat(out, " "))
