-- checks: table constructors with positional, named, bracketed fields and separators
local t = {1, 2, 3; x = "a", ["y"] = "b", [10] = 10, 4, [2 + 3] = "five"}
print(t[1], t[2], t[3], t[4], t[5], t.x, t.y, t[10])
local function three() return 7, 8, 9 end
local u = {three(), three()}
print(#u, u[1], u[2], u[3], u[4])
local v = {three(), (three())}
print(#v, v[1], v[2], v[3])
local w = {[3] = "a", [4] = "b", "c"}
print(w[1], w[3], w[4])
local e = {}
print(#e, next(e))
local trailing = {1, 2, 3,}
print(#trailing)
