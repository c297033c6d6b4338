-- checks: local function can refer to itself; local f = function cannot
local function fact(n) if n <= 1 then return 1 end return n * fact(n - 1) end
print(fact(10))
local g = function(n) return n end
local ok, err = pcall(function()
  local h = function(n) if n == 0 then return 0 end return h(n - 1) end
  return h(3)
end)
print(ok, err)
