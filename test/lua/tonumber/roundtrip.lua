-- checks: tostring/tonumber round trips for integers and %.17g for floats
local ok = 0
for i = -1000, 1000, 37 do if tonumber(tostring(i)) == i then ok = ok + 1 end end
print(ok)
local fl = {0.1, 1/3, math.pi, 1e300, 5e-324, 123456.789}
for _, v in ipairs(fl) do print(tonumber(string.format("%.17g", v)) == v, tonumber(tostring(v)) == v) end
print(tonumber(tostring(math.maxinteger)) == math.maxinteger, tonumber(tostring(math.mininteger)) == math.mininteger)
