-- checks: sqrt/exp/log with bases (values printed with %.10g to avoid last-digit libm differences)
local function p(...) local t = {} for i = 1, select("#", ...) do t[i] = string.format("%.10g", (select(i, ...))) end print(table.concat(t, " ")) end
p(math.sqrt(16), math.sqrt(2), math.sqrt(0), math.sqrt(1e10))
p(math.exp(0), math.exp(1), math.exp(-1), math.exp(10))
p(math.log(1), math.log(math.exp(2)), math.log(8, 2), math.log(100, 10), math.log(1000, 10), math.log(27, 3), math.log(1024, 2))
p(math.log(0.5, 2), math.log(2, 4), math.log(1, 10))
print(math.log(0), math.sqrt(math.huge), math.exp(math.huge), math.exp(-math.huge), math.log(math.huge))
print(math.sqrt(-1) ~= math.sqrt(-1), math.log(-1) ~= math.log(-1))
print(math.type(math.sqrt(4)), math.sqrt(4))
