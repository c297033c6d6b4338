-- checks: <const> locals can be read and folded; assignment is a compile error
local N <const> = 10
local S <const> = "str"
local F <const> = 2.5
print(N * 2, S .. "!", F + N)
local function use() return N + 1 end
print(use())
print(load("local c <const> = 1; c = 2"))
print(load("local c <const> = {}; c.x = 2; return c.x")())
print(load("local a <const>, b = 1, 2; b = 3; return a + b")())
print(load("local x <const> = 5; local function f() x = 6 end"))
