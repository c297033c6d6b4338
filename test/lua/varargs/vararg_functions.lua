-- checks: ... in functions: counting, forwarding, packing, trailing nils
local function count(...) return select("#", ...) end
local function pass(...) return ... end
local function first(...) local a = ... return a end
local function pack2(...) return {...}, {n = select("#", ...), ...} end
print(count(), count(nil), count(1, nil), count(pass(1, 2, nil)))
print(pass(1, 2, 3), (pass(1, 2, 3)), first(9, 8, 7))
local t, u = pack2(1, nil, 3, nil)
print(#u == 4 or #u == 3 or #u == 1, u.n)
print(count(pass()), count((pass())))
