-- checks: using tables as sets; union/intersection with sorted output
local function Set(list) local s = {} for _, v in ipairs(list) do s[v] = true end return s end
local function toList(s) local l = {} for k in pairs(s) do l[#l + 1] = k end table.sort(l) return l end
local A, B = Set{1, 3, 5, 7, 9}, Set{3, 4, 5, 6}
local U, I = {}, {}
for k in pairs(A) do U[k] = true end
for k in pairs(B) do U[k] = true; if A[k] then I[k] = true end end
print(table.concat(toList(U), ","), table.concat(toList(I), ","))
