-- checks: upvalues shared between sibling closures created in same scope, after scope exit
local get, swap
do
  local x, y = "x", "y"
  get = function() return x, y end
  swap = function() x, y = y, x end
end
print(get())
swap()
print(get())
swap(); swap()
print(get())
