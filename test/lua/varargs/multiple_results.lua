-- checks: adjustment of multiple results in calls, tables, assignments and expressions
local function mr() return 1, 2, 3 end
local function none() end
print(mr())
print(mr(), 10)
print((mr()))
print(({mr(), mr()})[4], #{mr(), mr()}, #{mr(), (mr())})
local a, b, c, d = mr()
print(a, b, c, d)
local x, y = none()
print(x, y, select("#", none()), select("#", (none())))
print(mr() + 10, "x" .. mr())
local t = {none(), none()}
print(#t, select("#", table.unpack(t)))
