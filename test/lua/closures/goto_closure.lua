-- checks: goto loop creates fresh locals each pass for closures
local fs = {}
local i = 1
::top::
do
  local x = i
  fs[#fs + 1] = function() return x end
end
i = i + 1
if i <= 3 then goto top end
print(fs[1](), fs[2](), fs[3]())
