-- checks: do blocks scope locals and shadowing
local x = 1
do
  local x = 2
  do local x = 3; print(x) end
  print(x)
end
print(x)
local y = 10
do y = 20 end
print(y)
local z = "outer"
local function f() return z end
do local z = "inner"; print(f(), z) end
