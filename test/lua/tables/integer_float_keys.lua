-- checks: float keys with integral values are normalized to integer keys
local t = {}
t[1.0] = "one"; t[2] = "two"; t[3.5] = "three and a half"
print(t[1], t[2.0], t[3.5], #t)
local keys = {}
for k in pairs(t) do keys[#keys + 1] = math.type(k) .. ":" .. tostring(k) end
table.sort(keys)
print(table.concat(keys, " "))
t[2^53] = "big"
print(t[2^53], t[9007199254740992])
