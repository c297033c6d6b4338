-- checks: complex-number-like type implementing many metamethods
local C = {}
C.__index = C
local function cx(r, i) return setmetatable({r = r, i = i}, C) end
local function lift(v) if type(v) == "number" then return cx(v, 0) end return v end
C.__add = function(a, b) a, b = lift(a), lift(b); return cx(a.r + b.r, a.i + b.i) end
C.__sub = function(a, b) a, b = lift(a), lift(b); return cx(a.r - b.r, a.i - b.i) end
C.__mul = function(a, b) a, b = lift(a), lift(b); return cx(a.r * b.r - a.i * b.i, a.r * b.i + a.i * b.r) end
C.__div = function(a, b) a, b = lift(a), lift(b); local d = b.r * b.r + b.i * b.i; return cx((a.r * b.r + a.i * b.i) / d, (a.i * b.r - a.r * b.i) / d) end
C.__unm = function(a) return cx(-a.r, -a.i) end
C.__eq = function(a, b) return a.r == b.r and a.i == b.i end
C.__tostring = function(a) return string.format("(%g%+gi)", a.r, a.i) end
C.__len = function(a) return math.sqrt(a.r ^ 2 + a.i ^ 2) end
local z, w = cx(3, 4), cx(1, -2)
print(tostring(z + w), tostring(z - w), tostring(z * w), tostring(z / w), tostring(-z), #z)
print(z == cx(3, 4), z ~= w, tostring(2 * z), tostring(z + 1))
