-- checks: varargs truncated to one value when not last in a list
local function three() return "a", "b", "c" end
local function count(...) return select("#", ...) end
print(count(three(), three()), count(three(), "x"), count("x", three()))
local t = {three(), three(), n = three()}
print(#t, t.n)
print(string.format("%s%s%s", three()), string.format("%s%s", (three()), "z"))
