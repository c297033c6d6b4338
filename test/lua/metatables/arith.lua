-- checks: arithmetic metamethods __add __sub __mul __div __mod __pow __unm __idiv
local V = {}
V.__index = V
local function new(x) return setmetatable({x = x}, V) end
local function val(a) return type(a) == "table" and a.x or a end
for _, op in ipairs({"add", "sub", "mul", "div", "mod", "pow", "idiv"}) do
  V["__" .. op] = function(a, b) return new(op .. "(" .. tostring(val(a)) .. "," .. tostring(val(b)) .. ")") end
end
V.__unm = function(a) return new("unm(" .. tostring(a.x) .. ")") end
local a, b = new(1), new(2)
print((a + b).x, (a - 3).x, (4 * b).x, (a / b).x, (a % 5).x, (2 ^ a).x, (a // b).x, (-a).x)
print(("10" + a).x, (a + "10").x)
