-- checks: <const> locals with constant values are compile-time constants (no register,
-- no upvalue, no debug entry), as in PUC-Rio; error messages and folding follow from that
local K <const> = 10
local S <const> = "abc"
local P <const> = 2 ^ 10
local Q <const> = P * 2 + K
local N <const> = nil
local B <const> = not N
local Z <const> = -0.0
local X <const> = 7 // 2 | 8
print(K + 1, S .. "d", -K, K // 3, K << 2, P, Q, math.type(Q), B, Z, X)
local function f() return K, S, Q end
print(f())
print(debug.getupvalue(f, 1)) -- nothing: constants are not upvalues
local names = {}
for i = 1, 20 do
  local n = debug.getlocal(1, i)
  if n == nil then break end
  if n:sub(1, 1) ~= "(" then names[#names + 1] = n end
end
print(table.concat(names, " ")) -- Z (not folded: -0.0) and f only
do
  local K <const> = 5
  print("inner", K)
end
print("outer", K)
local K = 7
print("shadowed", K)
local a, b <const> = 1, 2
local c <const>, d = 3
print(a, b, c, d)
print(pcall(function() local z <const> = nil; return z.w end))
print(pcall(function() local k <const> = 3; return k + {} end))
print(pcall(function() local t <const> = {}; return t.x.y end))
print(load("local x <const> = 1; x = 2"))
print(load("local x <const> = 1; local function g() x = 2 end"))
repeat local u <const> = 4 until u == 4
local function g() local v <const> = 3; return function() return v end end
print(g()(), select("#", debug.getupvalue(g(), 1)))
if N then print("yes") else print("no") end
while not B do end
for i = K, K + 1 do io.write(i, " ") end
print()
