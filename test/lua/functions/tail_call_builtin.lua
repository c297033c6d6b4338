-- checks: tail calls into C functions and through pcall
local function f(s) return string.upper(s) end
local function g(...) return select("#", ...) end
local function h() return pcall(error, "x", 0) end
print(f("abc"), g(1, 2), h())
