-- checks: backward goto creating closures over a fresh local each time
local fns = {}
do
  local k = 1
  ::again::
  local captured = k * k
  fns[#fns + 1] = function() return captured end
  k = k + 1
  if k <= 4 then goto again end
end
print(fns[1](), fns[2](), fns[3](), fns[4]())
