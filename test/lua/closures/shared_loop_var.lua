-- checks: closures in a loop capturing an outer variable all see its final value
local fs = {}
local x = 0
for i = 1, 3 do
  x = x + 1
  fs[i] = function() return x end
end
x = 100
print(fs[1](), fs[2](), fs[3]())
