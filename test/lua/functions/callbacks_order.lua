-- checks: argument evaluation order is left to right
local log = {}
local function v(x) log[#log + 1] = x; return x end
local function f(...) return select("#", ...) end
f(v(1), v(2), v(3))
local t = {v("a"), v("b"), k = v("c")}
print(table.concat(log, ","))
