-- checks: functions returning many values (up to a few thousand)
local function gen(n) local t = {} for i = 1, n do t[i] = i end return table.unpack(t) end
print(select("#", gen(5000)), select(4999, gen(5000)))
local t = {gen(3000)}
print(#t, t[3000])
