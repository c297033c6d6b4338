-- checks: <const> with compile-time constants in expressions and nested functions
local A <const> = 3
local B <const> = A * 4
local MSG <const> = "v" .. A
local function f() return A + B, MSG end
print(f())
local T <const> = {1, 2, 3}
T[1] = 100
print(T[1], #T)
