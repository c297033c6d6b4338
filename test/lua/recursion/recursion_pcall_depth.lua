-- checks: recursion through pcall at each level
local function nest(n) if n == 0 then return "bottom" end local ok, v = pcall(nest, n - 1) return v end
print(nest(150))
