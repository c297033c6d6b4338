-- checks: tail calls forwarding varargs and method tail calls
local obj = {n = 0}
function obj:step(k, ...) if k == 0 then return self.n, select("#", ...) end self.n = self.n + 1 return self:step(k - 1, ...) end
print(obj:step(100000, 1, 2, 3))
local function tc(...) return select("#", ...) end
local function fw(...) return tc(...) end
print(fw(), fw(nil), fw(1, nil, 3))
